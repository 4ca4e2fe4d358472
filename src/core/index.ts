/** The PlanCheck core: pure TypeScript, no I/O. Front ends import from here. */
export * from './cell';
export * from './sheetspec';
export * from './settings';
export * from './findings';
export * from './model';
export * from './read';
export * from './check';
export * from './rag';
export * from './summary';
export * from './highlight';
export { FIELD_NAMES, classifyHeader, type Field } from './headers';
export { type IsoDate, formatUkDate, parseDateText, isoFromYmd } from './parse/dates';
export * from './compare';
export * from './owners';
export * from './columns';
export { plural, shortText, personKey } from './text';
export * from './limits';
export * from './update';

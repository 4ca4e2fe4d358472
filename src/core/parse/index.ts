/** Parsers for what people type in plan cells. None of them throws on any input. */
export * from './dates';
export * from './timescale';
export * from './percent';
export * from './leads';
export * from './lookalike';
export * from './rag';
export * from './numfmt';
export * from './status';
export * from './fill';

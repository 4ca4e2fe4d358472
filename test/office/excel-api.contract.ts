/**
 * Compile-time contract between the adapter's API subset (src/workbook/office/excel-api.ts)
 * and Microsoft's production typings (@types/office-js). Compiled by test/office/types.test.ts
 * (and by `npm run typecheck`); a line here fails to compile when
 *  - the subset declares a member the real type lacks (`NoExtra`: optional members too, so a
 *    member Excel lacks cannot be declared again, as `RangeFill.setSolidColor` once was), or
 *  - a real object does not fit where the subset is used (`Fits`: Excel's objects, events and
 *    run options must be assignable to the subset), or
 *  - a value the adapter writes is not one the real property accepts (`Writes`).
 * Nothing here runs.
 */
import type * as S from '../../src/workbook/office/excel-api';
import type { FakeContext } from '../fakes/excel';

type Check<T extends true> = T;
/** Every key the subset declares is a key of the real type. */
type NoExtra<Sub, Real> = [Exclude<keyof Sub, keyof Real>] extends [never] ? true : { notInExcel: Exclude<keyof Sub, keyof Real> };
/** The real type is assignable to the subset, member by member and as a whole. */
type Fits<Real, Sub> = [Real] extends [Sub]
  ? true
  : { doesNotFit: { [K in keyof Sub & keyof Real]: [Real[K]] extends [Sub[K]] ? never : K }[keyof Sub & keyof Real] };
/** Both: the pair is the same contract, read from Excel's side and from ours. */
type Same<Sub, Real> = NoExtra<Sub, Real> extends true ? Fits<Real, Sub> : NoExtra<Sub, Real>;
/** What the adapter writes to property K is accepted by the real property. */
type Writes<Sub, Real, K extends keyof Sub & keyof Real> = [Sub[K]] extends [Real[K]] ? true : { cannotWrite: K };

type Ret<F> = F extends (...args: never[]) => infer R ? R : never;
type Arg0<F> = F extends (a: infer A, ...rest: never[]) => unknown ? A : never;

// The request context and workbook.
export type C1 = Check<Same<S.RequestContext, Excel.RequestContext>>;
export type C2 = Check<Same<S.Workbook, Excel.Workbook>>;
export type C3 = Check<Same<S.Workbook['protection'], Excel.WorkbookProtection>>;
export type C4 = Check<Same<S.Workbook['functions'], Excel.Functions>>;
export type C5 = Check<Same<S.FunctionResult<number>, Excel.FunctionResult<number>>>;

// Sheets and their change event.
export type C6 = Check<Same<S.WorksheetCollection, Excel.WorksheetCollection>>;
export type C7 = Check<Same<S.WorksheetCollection['onChanged'], OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>>;
export type C8 = Check<Same<Arg0<Arg0<S.WorksheetCollection['onChanged']['add']>>, Excel.WorksheetChangedEventArgs>>;
export type C9 = Check<Same<S.Worksheet, Excel.Worksheet>>;
export type C10 = Check<Same<S.Worksheet['protection'], Excel.WorksheetProtection>>;
export type C11 = Check<Writes<S.Worksheet, Excel.Worksheet, 'visibility'>>;
export type C12 = Check<Same<S.NamedItemCollection, Excel.NamedItemCollection>>;
export type C13 = Check<Same<Ret<S.NamedItemCollection['getItemOrNullObject']>, Excel.NamedItem>>;

// The chart on the summary sheet.
export type C14 = Check<Same<S.ChartCollection, Excel.ChartCollection>>;
export type C15 = Check<Same<S.Chart, Excel.Chart>>;
export type C16 = Check<Same<S.Chart['title'], Excel.ChartTitle>>;
export type C17 = Check<Same<S.Chart['legend'], Excel.ChartLegend>>;
export type C18 = Check<Same<S.Chart['series'], Excel.ChartSeriesCollection>>;
type Series = Ret<S.Chart['series']['getItemAt']>;
export type C19 = Check<Same<Series, Excel.ChartSeries>>;
export type C20 = Check<Same<Series['points'], Excel.ChartPointsCollection>>;
type Point = Ret<Series['points']['getItemAt']>;
export type C21 = Check<Same<Point, Excel.ChartPoint>>;
export type C22 = Check<Same<Point['format'], Excel.ChartPointFormat>>;
export type C23 = Check<Same<Point['format']['fill'], Excel.ChartFill>>;
export type C24 = Check<Writes<S.Chart['title'], Excel.ChartTitle, 'text'>>;
export type C25 = Check<Writes<S.Chart['legend'], Excel.ChartLegend, 'visible'>>;

// Ranges and formats.
export type C26 = Check<Same<S.Range, Excel.Range>>;
export type C27 = Check<Writes<S.Range, Excel.Range, 'values'>>;
export type C28 = Check<Writes<S.Range, Excel.Range, 'numberFormat'>>;
export type C29 = Check<Same<S.RangeAreas, Excel.RangeAreas>>;
export type C30 = Check<Same<S.RangeFormat, Excel.RangeFormat>>;
export type C31 = Check<Writes<S.RangeFormat, Excel.RangeFormat, 'wrapText'>>;
export type C32 = Check<Writes<S.RangeFormat, Excel.RangeFormat, 'horizontalAlignment'>>;
export type C33 = Check<Writes<S.RangeFormat, Excel.RangeFormat, 'verticalAlignment'>>;
export type C34 = Check<Writes<S.RangeFormat, Excel.RangeFormat, 'columnWidth'>>;
export type C35 = Check<Writes<S.RangeFormat, Excel.RangeFormat, 'rowHeight'>>;
export type C36 = Check<Same<S.RangeFormat['font'], Excel.RangeFont>>;
export type C37 = Check<Writes<S.RangeFormat['font'], Excel.RangeFont, 'bold'>>;
export type C38 = Check<Writes<S.RangeFormat['font'], Excel.RangeFont, 'italic'>>;
export type C39 = Check<Writes<S.RangeFormat['font'], Excel.RangeFont, 'color'>>;
export type C40 = Check<Writes<S.RangeFormat['font'], Excel.RangeFont, 'size'>>;
export type C41 = Check<Same<S.RangeFill, Excel.RangeFill>>;
export type C42 = Check<Writes<S.RangeFill, Excel.RangeFill, 'color'>>;
export type C44 = Check<Writes<S.RangeFill, Excel.RangeFill, 'pattern'>>;
export type C45 = Check<Writes<S.RangeFill, Excel.RangeFill, 'patternColor'>>;
export type C56 = Check<Same<S.RangeBorderCollection, Excel.RangeBorderCollection>>;
export type C57 = Check<Same<S.RangeBorder, Excel.RangeBorder>>;
export type C58 = Check<Writes<S.RangeBorder, Excel.RangeBorder, 'style'>>;
export type C59 = Check<Writes<S.RangeBorder, Excel.RangeBorder, 'weight'>>;
export type C60 = Check<Writes<S.RangeBorder, Excel.RangeBorder, 'color'>>;
/** The sides the adapter names are sides Excel's getItem takes. */
export type C61 = Check<[S.BorderIndex] extends [Arg0<Excel.RangeBorderCollection['getItem']>] ? true : { cannotPass: S.BorderIndex }>;

// Conditional formats (shown over a cell's own fill).
export type C46 = Check<Same<S.ConditionalFormatCollection, Excel.ConditionalFormatCollection>>;
export type C47 = Check<Same<S.ConditionalFormat, Excel.ConditionalFormat>>;

// Cell properties (the fill colours of blank RAG cells).
export type C48 = Check<Same<S.ClientResult<S.CellProperties[][]>, OfficeExtension.ClientResult<Excel.CellProperties[][]>>>;
export type C49 = Check<Same<S.CellProperties, Excel.CellProperties>>;
export type C50 = Check<Same<NonNullable<S.CellProperties['format']>, Excel.CellPropertiesFormat>>;
export type C51 = Check<Same<NonNullable<NonNullable<S.CellProperties['format']>['fill']>, Excel.CellPropertiesFill>>;
/** The options the adapter passes are options Excel takes. */
export type C52 = Check<
  [S.CellPropertiesLoadOptions] extends [Excel.CellPropertiesLoadOptions] ? true : { cannotPass: S.CellPropertiesLoadOptions }
>;
export type C53 = Check<NoExtra<S.CellPropertiesLoadOptions, Excel.CellPropertiesLoadOptions>>;
export type C54 = Check<NoExtra<NonNullable<S.CellPropertiesLoadOptions['format']>, Excel.CellPropertiesFormatLoadOptions>>;
export type C55 = Check<
  NoExtra<NonNullable<NonNullable<S.CellPropertiesLoadOptions['format']>['fill']>, Excel.CellPropertiesFillLoadOptions>
>;

// Notes (a moved target date keeps the old one in a note) and formula cells (never overwritten).
export type C62 = Check<Same<S.NoteCollection, Excel.NoteCollection>>;
export type C63 = Check<Same<S.Note, Excel.Note>>;
export type C64 = Check<Writes<S.Note, Excel.Note, 'content'>>;
export type C65 = Check<Same<Ret<S.RangeAreas['getSpecialCellsOrNullObject']>, Excel.RangeAreas>>;
/** The cell type the adapter asks for is one Excel takes. */
export type C66 = Check<
  [Arg0<S.RangeAreas['getSpecialCellsOrNullObject']>] extends [Arg0<Excel.RangeAreas['getSpecialCellsOrNullObject']>]
    ? true
    : { cannotPass: 'Formulas' }
>;

// Excel.run and its options.
export type C43 = Check<Same<S.RunOptions, Excel.RunOptions>>;
/** Excel.run, in both its forms, is an ExcelRun (src/taskpane/officeHost.ts adapts it so). */
export const run: S.ExcelRun = (batch, options) =>
  options
    ? Excel.run(options, batch as unknown as (c: Excel.RequestContext) => Promise<never>)
    : Excel.run(batch as unknown as (c: Excel.RequestContext) => Promise<never>);
/** Office's own requirement check is an IsSetSupported. */
export const isSetSupported: S.IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);

/** The fake implements the same subset, so a test cannot lean on a member the subset lacks. */
export const fakeIsASubset = (c: FakeContext): S.RequestContext => c;

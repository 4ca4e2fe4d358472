/**
 * The subset of the Office.js Excel API the adapter uses, as structural types. Real Excel
 * objects satisfy them; so does the strict fake in test/fakes/excel.ts. Keeping the subset
 * explicit shows at a glance which requirement sets the adapter needs (ExcelApi 1.9, with
 * newer calls behind isSetSupported: ExcelApi 1.13, 1.14, 1.18, 1.20).
 */

/** An object whose properties must be loaded and synced before they are read. */
export interface Loadable {
  load(properties: string): unknown;
}

export interface RequestContext {
  workbook: Workbook;
  sync(): Promise<void>;
}

export interface Workbook extends Loadable {
  worksheets: WorksheetCollection;
  protection: { protected: boolean } & Loadable;
  /** ExcelApi 1.2: worksheet functions, evaluated by Excel (DATE tells the date system). */
  functions: { date(year: number, month: number, day: number): FunctionResult<number> };
}

/** The result of a worksheet function (ExcelApi 1.2); `value` is set when `error` is not. */
export interface FunctionResult<T> extends Loadable {
  value: T;
  error: string;
}

export interface WorksheetCollection extends Loadable {
  items: Worksheet[];
  /** ExcelApi 1.9: any change on any sheet, the add-in's own writes included. */
  onChanged: { add(handler: (event: WorksheetChangedEvent) => Promise<unknown>): unknown };
  add(name: string): Worksheet;
  getItemOrNullObject(name: string): Worksheet;
}

/** Excel.WorksheetChangedEventArgs, the part the adapter reads. */
export interface WorksheetChangedEvent {
  /** ExcelApi 1.7. */
  worksheetId: string;
  /** ExcelApi 1.7. */
  address: string;
  /** ExcelApi 1.14: "ThisLocalAddin" for this add-in's own writes; absent on older hosts. */
  triggerSource?: string;
}

export interface Worksheet extends Loadable {
  /** ExcelApi 1.1: the id change events name the sheet by. */
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  isNullObject: boolean;
  protection: { protected: boolean } & Loadable;
  names: NamedItemCollection;
  charts: ChartCollection;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range;
  getRange(address: string): Range;
  /** ExcelApi 1.9. */
  getRanges(addresses: string): RangeAreas;
  /** ExcelApi 1.18: the sheet's notes (the yellow "Note" of Excel, not a threaded comment). */
  notes: NoteCollection;
  activate(): void;
  delete(): void;
}

/** Excel.NoteCollection (ExcelApi 1.18): the notes of a sheet, by cell. */
export interface NoteCollection {
  /** Adds a note to one cell ("A1"); a cell holds one note. */
  add(cellAddress: string, content: string): Note;
  /** The note on a cell ("A1"), or a null object. */
  getItemOrNullObject(key: string): Note;
}

/** Excel.Note (ExcelApi 1.18). */
export interface Note extends Loadable {
  content: string;
  isNullObject: boolean;
}

export interface NamedItemCollection {
  add(name: string, reference: Range | string, comment?: string): unknown;
  getItemOrNullObject(name: string): { isNullObject: boolean } & Loadable;
}

export interface ChartCollection {
  add(type: string, source: Range, seriesBy?: string): Chart;
}

export interface Chart {
  title: { text: string };
  legend: { visible: boolean };
  setPosition(start: Range | string, end?: Range | string): void;
  series: { getItemAt(i: number): { points: { getItemAt(i: number): { format: { fill: { setSolidColor(c: string): void } } } } } };
}

/** Excel.FillPattern: "None" (no fill), "Solid", or a hatch drawn in `patternColor` over `color`. */
export type FillPattern =
  | 'None'
  | 'Solid'
  | 'Gray50'
  | 'Gray75'
  | 'Gray25'
  | 'Horizontal'
  | 'Vertical'
  | 'Down'
  | 'Up'
  | 'Checker'
  | 'SemiGray75'
  | 'LightHorizontal'
  | 'LightVertical'
  | 'LightDown'
  | 'LightUp'
  | 'Grid'
  | 'CrissCross'
  | 'Gray16'
  | 'Gray8'
  | 'LinearGradient'
  | 'RectangularGradient';

export interface RangeFill extends Loadable {
  color: string;
  /** ExcelApi 1.9 ("None" when the cell has no fill). */
  pattern: FillPattern;
  /** ExcelApi 1.9: the colour the pattern is drawn in. */
  patternColor: string;
  clear(): void;
}

/** Excel.BorderIndex: a side of a range (Edge*: its outline; Inside*: the lines between its cells). */
export type BorderIndex =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

/** Excel.RangeBorderCollection: a range's borders, by side. */
export interface RangeBorderCollection {
  getItem(index: BorderIndex): RangeBorder;
}

/** Excel.RangeBorder: one side's line. */
export interface RangeBorder {
  style: 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
  weight: 'Hairline' | 'Thin' | 'Medium' | 'Thick';
  color: string;
}

export interface RangeFormat {
  fill: RangeFill;
  borders: RangeBorderCollection;
  font: { bold: boolean; italic: boolean; color: string; size: number };
  wrapText: boolean;
  horizontalAlignment: 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
  verticalAlignment: 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';
  columnWidth: number;
  rowHeight: number;
}

export interface Range extends Loadable {
  values: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
  isNullObject: boolean;
  format: RangeFormat;
  merge(across?: boolean): void;
  select(): void;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreas;
  /** ExcelApi 1.6: the conditional formats that intersect the range. */
  conditionalFormats: ConditionalFormatCollection;
  /** ExcelApi 1.9: the asked-for properties of every cell, as one 2D array (no proxy per cell). */
  getCellProperties(options: CellPropertiesLoadOptions): ClientResult<CellProperties[][]>;
}

/** OfficeExtension.ClientResult: `value` is set at the next sync, without a load. */
export interface ClientResult<T> {
  value: T;
}

/** Which cell properties getCellProperties returns (ExcelApi 1.9): only the fill colour here. */
export interface CellPropertiesLoadOptions {
  format?: { fill?: { color?: boolean } };
}

/** One cell's properties from getCellProperties (ExcelApi 1.9): those asked for. */
export interface CellProperties {
  format?: { fill?: { color?: string } };
}

export interface ConditionalFormatCollection extends Loadable {
  items: ConditionalFormat[];
}

/** A conditional format: Excel shows its format over the cells' own fill when its rule holds. */
export interface ConditionalFormat {
  /** ExcelApi 1.6. */
  type: 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue';
  /** ExcelApi 1.9: the ranges the format applies to (getRange() throws for more than one). */
  getRanges(): RangeAreas;
}

export interface RangeAreas extends Loadable {
  address: string;
  isNullObject: boolean;
  format: RangeFormat;
  /** ExcelApi 1.9: the cells of the areas holding a formula, or a null object when none does. */
  getSpecialCellsOrNullObject(cellType: 'Formulas'): RangeAreas;
}

/** Options of Excel.run. */
export interface RunOptions {
  /** Wait while the user is editing a cell, instead of failing (no requirement set listed). */
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: the batch's syncs are one undo step. */
  mergeUndoGroup?: boolean;
}

/** Runs a batch against Excel: `Excel.run` in the add-in, the fake in tests. */
export type ExcelRun = <T>(batch: (context: RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

/** Whether a requirement set is available: `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, version: string) => boolean;

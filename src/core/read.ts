/**
 * Grid -> plan: finds plan tables on any sheet, without configuration, in the three
 * layouts councils use, and returns what each workstream and action row holds, field by
 * field, with cell positions. Interpreting the values (dates, percentages, RAG) is the
 * checker's job; this module only says where things are.
 *
 * Layouts:
 *  - 'blocks': a workstream heading row, a header row, numbered actions (seed 000);
 *    "Continued overleaf" lines are skipped and a repeated heading or a header saying
 *    "(Continued from previous page)" continues the same workstream.
 *  - 'flat': one action per row with a workstream/recommendation column.
 *  - 'workstream-rows': one workstream per row with metadata above (seed 002).
 */
import type { RawCell, WorkbookGrid } from './cell';
import { type Field, type HeaderKind, FIELD_NAMES, classifyHeaderKind, isContinuedHeader, resolveHint } from './headers';
import { SheetView, isValue } from './sheet';
import { type ColumnMap, isColumnLetter, letterIndex, resolveColumnMap } from './columns';

/** The layouts PlanCheck recognises ('outline': numbered lines with no header row). */
export type Layout = 'blocks' | 'flat' | 'workstream-rows' | 'outline';

/** Where one field of a record sits, and what the cell holds (merges resolved). */
export interface FieldCell {
  sheet: string;
  row: number;
  col: number;
  cell: RawCell | undefined;
}

/** A workstream as found: a heading (blocks), a group (flat) or a row (summary). */
export interface RawWorkstream {
  sheet: string;
  /** 0-based row of the heading or the workstream row. */
  row: number;
  col: number;
  title: string;
  kind: 'heading' | 'group' | 'row';
  fields: Readonly<Partial<Record<Field, FieldCell>>>;
}

/** An action row as found. */
export interface RawAction {
  sheet: string;
  row: number;
  /** Index into RawPlan.workstreams. */
  workstream: number;
  fields: Readonly<Partial<Record<Field, FieldCell>>>;
  /**
   * Fields the action's table has no column for, but every action needs (a lead, a target
   * date): the checker reports them missing at the action's own cell.
   */
  lacks?: readonly Field[];
}

/** A numbered item of the summary's Issues / Risks / Change Requests or Targets lists. */
export interface RawListItem {
  sheet: string;
  row: number;
  col: number;
  number: string;
  text: string;
}

/** A plan table found on a sheet. */
export interface FoundTable {
  sheet: string;
  layout: Layout;
  /** 0-based header row. */
  headerRow: number;
  columns: Partial<Record<Field, number>>;
  /** True when a column map (settings `columns`) named some of the columns. */
  mapped?: boolean;
}

/** A row that looked like a header but named too little, for the "no plan" message. */
export interface HeaderCandidate {
  sheet: string;
  /** 0-based row. */
  row: number;
  cells: { col: number; text: string }[];
}

/** Metadata found above a plan, each with where it was. */
export interface RawMeta {
  title?: FieldCell;
  committeeReportRef?: FieldCell;
  reportDate?: FieldCell;
  committeeDate?: FieldCell;
}

/** Everything read from a workbook, before interpretation. */
export interface RawPlan {
  date1904: boolean;
  sheets: string[];
  tables: FoundTable[];
  meta: RawMeta;
  workstreams: RawWorkstream[];
  actions: RawAction[];
  issues: RawListItem[];
  targets: RawListItem[];
  programmeSummary: string | null;
  /** Sheets that were looked at and held no plan table. */
  sheetsWithoutPlan: string[];
  /** On sheets without a plan: the rows that looked most like a header, so a person can name the columns. */
  headerCandidates: HeaderCandidate[];
}

/** Options for reading. */
export interface ReadOptions {
  /** Read only this sheet. */
  sheet?: string;
  /**
   * Columns named by a person (settings `columns`): a field to a column letter or the exact
   * header text. Overrides detection for the fields it names, on every sheet read.
   */
  columns?: ColumnMap;
  /** The header row (1-based) when a column map is given. */
  headerRow?: number | null;
}

/** Thrown for misuse of the reader (e.g. asking for a sheet that does not exist). */
export class PlanReadError extends Error {
  constructor(
    readonly code: 'no-such-sheet' | 'bad-column-map',
    message: string,
  ) {
    super(message);
    this.name = 'PlanReadError';
  }
}

const CONTINUED_LINE = /^\(?\s*continued\s+(overleaf|on\s+(the\s+)?next\s+page|below)\s*\)?\.?$/i;
/** Notes and footnotes under a table end it, whatever column they sit in: "Notes on the completion…", "[i] Report…". */
const NOTES_END = /^(notes?(\s+on\b|\s+to\b|\s*[:-]|$)|\[(?:[ivx]{1,5}|\d{1,3})\]\s|footnotes?\b|source:)/i;
const SECTION_END = /^(key\b|key:|legend\b|issues\b|programme summary|notes?:?$|notes?\s*[:-]|major risks|source:|\*)/i;
/** A colour-key entry: "Red = significantly off track", "Blue - Complete", "G: on target". */
const LEGEND_CELL = /^(b?rag\b|red|amber|green|blue|grey|gray|yellow|orange|purple|black|white|r|a|g|b)\s*(\/\s*\w+\s*)?[-–=:]\s*\S/i;
/** The first letters {@link LEGEND_CELL} can start with (b, r, a, g, y, o, p, w in either case). */
const LEGEND_FIRST = new Uint8Array(128);
for (const ch of 'bragyopwBRAGYOPW') LEGEND_FIRST[ch.charCodeAt(0)] = 1;
/** A cheap first look before the legend pattern: most cells start with some other character. */
function mayStartLegend(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 && LEGEND_FIRST[c] === 1;
}
/** Guidance under a header: "Enter the date…", "(who is responsible)". */
const GUIDANCE_CELL =
  /^[([]?\s*(enter|insert|describe|state|give|include|record|list|provide|add|select|choose|detail|summarise|explain|e\.?g\.?|for example|what|who|when|how|why|name of|the name|date by which|brief)\b/i;

/** Header fields that name the heading of a block, a group, or a workstream row. */
const KEY_FIELDS: Field[] = ['action', 'workstream'];

/** Fields that, filled in, make a body row an action. */
const ROW_FIELDS: Field[] = ['action', 'number', 'timescale', 'revisedTarget', 'lead', 'percent', 'status', 'rag'];

/** What was looked for, for the "no plan" message. */
export const LOOKED_FOR = `a header row naming ${FIELD_NAMES.action} or ${FIELD_NAMES.workstream}, with ${FIELD_NAMES.lead}, ${FIELD_NAMES.timescale}, ${FIELD_NAMES.percent}, ${FIELD_NAMES.status} or ${FIELD_NAMES.rag}, or numbered lines ("1 Theme", "1.1 Action")`;

/** Reads every plan table in the workbook. Never throws on bad cell data. */
export function readPlan(grid: WorkbookGrid, options: ReadOptions = {}): RawPlan {
  const plan: RawPlan = {
    date1904: grid.date1904,
    sheets: grid.sheets.map((s) => s.name),
    tables: [],
    meta: {},
    workstreams: [],
    actions: [],
    issues: [],
    targets: [],
    programmeSummary: null,
    sheetsWithoutPlan: [],
    headerCandidates: [],
  };
  let sheets = grid.sheets.filter((s) => !s.generated);
  if (options.sheet !== undefined) {
    sheets = grid.sheets.filter((s) => s.name === options.sheet);
    if (sheets.length === 0) {
      throw new PlanReadError(
        'no-such-sheet',
        `There is no sheet named "${options.sheet}"; the sheets are: ${grid.sheets.map((s) => `"${s.name}"`).join(', ')}.`,
      );
    }
  }
  const hasMap = options.columns !== undefined && Object.keys(options.columns).length > 0;
  let mapUsed = false;
  for (const sheet of sheets) {
    const view = new SheetView(sheet);
    const mapped =
      options.columns && Object.keys(options.columns).length > 0 ? mappedHeader(view, options.columns, options.headerRow ?? null) : null;
    if (mapped) mapUsed = true;
    const found = readSheet(view, plan, mapped) || readOutline(view, plan);
    if (!found) {
      plan.sheetsWithoutPlan.push(sheet.name);
      plan.headerCandidates.push(...headerCandidates(view));
    }
  }
  if (hasMap && !mapUsed) {
    const named = resolveColumnMap(options.columns!)
      .filter((e) => !isColumnLetter(e.value))
      .map((e) => `${e.name}="${e.value}"`);
    throw new PlanReadError(
      'bad-column-map',
      named.length
        ? `The column map names header text no sheet has (${named.join(', ')}); give the header's exact text or a column letter.`
        : 'The column map names no action or workstream column, and none was found: add action=<column>.',
    );
  }
  return plan;
}

interface HeaderInfo {
  row: number;
  /** The first row below the header (after a second header row of sub-headings). */
  bodyStart: number;
  columns: Partial<Record<Field, number>>;
  continued: boolean;
  mapped?: boolean;
}

type KindMemo = Map<string, HeaderKind | null>;

/** A short text cell's header kind, remembered: plans repeat their header rows. */
function kindOf(cell: RawCell | undefined, memo: KindMemo): HeaderKind | null {
  // Headers are short text; numbers, dates and sentences are never headers.
  if (!cell || typeof cell.value !== 'string' || cell.value.length > 80) return null;
  // Remembered by the text as stored (trimmed only the first time it is seen).
  let kind = memo.get(cell.value);
  if (kind === undefined) {
    kind = classifyHeaderKind(cell.value.trim());
    memo.set(cell.value, kind);
  }
  return kind;
}

/** Fields whose column may appear once per reporting period in a two-level header. */
const PERIOD_FIELDS = new Set<Field>(['rag', 'status', 'percent', 'statusUpdate']);

/**
 * Recognises a header row: at least two known fields, one of them a key field. A second row
 * of sub-headings under group headings ("Current Period September 2018" over "RAG",
 * "Progress") joins it; a field named once per period is the latest period's, and an earlier
 * period's RAG or status is kept as `previousRag`.
 */
function headerAt(view: SheetView, row: number, memo: KindMemo): HeaderInfo | null {
  // Asked of every row: most name no field at all, so count straight off the row before
  // building anything (not even the list of its filled columns).
  const cells = view.grid.rows[row];
  if (!cells) return null;
  let hits = 0;
  for (let c = 0; c < cells.length && hits < 2; c++) {
    const cell = cells[c];
    if (isValue(cell) && kindOf(cell, memo)) hits++;
  }
  if (hits < 2) return null;
  const cols = view.filledColumns(row);
  const named: { col: number; kind: HeaderKind; continued: boolean }[] = [];
  for (const c of cols) {
    const cell = view.own(row, c);
    const kind = kindOf(cell, memo);
    if (kind) named.push({ col: c, kind, continued: isContinuedHeader(String(cell!.value)) });
  }
  if (named.length < 2) return null;
  if (!named.some((n) => KEY_FIELDS.includes(n.kind as Field) || n.kind === 'recommendation' || n.kind === 'issue')) return null;
  let bodyStart = row + 1;
  // Sub-headings below: a row whose every filled cell names a field.
  const next = nextRow(view, row);
  if (next >= 0) {
    const sub = view.filledColumns(next);
    const subKinds = sub.map((c) => ({ col: c, kind: kindOf(view.own(next, c), memo) }));
    if (sub.length > 0 && subKinds.every((k) => k.kind !== null || joinedKind(view, row, next, k.col) !== null)) {
      for (const k of subKinds) {
        // "TARGET" over "DATE", "STATUS/" over "COMMENT": one heading wrapped over two rows.
        const joined = joinedKind(view, row, next, k.col);
        const kind = joined ?? k.kind!;
        const at = named.findIndex((n) => n.col === k.col);
        if (at >= 0) named.splice(at, 1);
        named.push({ col: k.col, kind, continued: false });
      }
      named.sort((a, b) => a.col - b.col);
      bodyStart = next + 1;
    }
  }
  const columns = assignColumns(view, row, bodyStart, named);
  // Columns plans have but PlanCheck does not judge ("Resources", "Outputs/Outcomes") still say "header".
  const count = Object.keys(columns).length + named.filter((n) => n.kind === 'other').length;
  if (count < 2 || !KEY_FIELDS.some((f) => columns[f] !== undefined)) return null;
  return { row, bodyStart, columns, continued: named.some((n) => n.continued) };
}

/** The kind of a heading wrapped over two rows (its own cell above, not a group heading over several columns). */
function joinedKind(view: SheetView, row: number, next: number, col: number): HeaderKind | null {
  const upper = view.own(row, col);
  const lower = view.own(next, col);
  if (!upper || typeof upper.value !== 'string' || !lower || typeof lower.value !== 'string') return null;
  const m = view.mergeAt(row, col);
  if (m && m.right > m.left) return null;
  return classifyHeaderKind(`${upper.value.trim()} ${lower.value.trim()}`);
}

/** The next row that exists below `row` (-1 when none), within two rows. */
function nextRow(view: SheetView, row: number): number {
  for (let r = row + 1; r <= Math.min(view.lastRow, row + 2); r++) if (view.filledColumns(r).length > 0) return r;
  return -1;
}

/** Header kinds to fields: plain fields first, then hints settled by the rest of the row. */
function assignColumns(
  view: SheetView,
  headerRow: number,
  bodyStart: number,
  named: { col: number; kind: HeaderKind }[],
): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  const repeats = new Map<Field, number[]>();
  for (const n of named) {
    if (
      n.kind === 'recommendation' ||
      n.kind === 'issue' ||
      n.kind === 'progress' ||
      n.kind === 'outcome' ||
      n.kind === 'date' ||
      n.kind === 'other'
    )
      continue;
    const f = n.kind;
    if (columns[f] === undefined) columns[f] = n.col;
    else if (PERIOD_FIELDS.has(f)) repeats.set(f, [...(repeats.get(f) ?? [columns[f]!]), n.col]);
  }
  for (const n of named) {
    if (n.kind !== 'recommendation' && n.kind !== 'issue' && n.kind !== 'outcome' && n.kind !== 'date') continue;
    const f = resolveHint(n.kind, columns);
    if (f && columns[f] === undefined) columns[f] = n.col;
  }
  for (const n of named) {
    if (n.kind !== 'progress') continue;
    const f = progressField(view, bodyStart, n.col, columns);
    if (f && columns[f] === undefined) columns[f] = n.col;
    else if (f && PERIOD_FIELDS.has(f)) repeats.set(f, [...(repeats.get(f) ?? [columns[f]!]), n.col]);
  }
  for (const [field, list] of repeats) {
    const latest = latestPeriod(view, headerRow, list);
    const earlier = list.filter((c) => c !== latest);
    columns[field] = latest;
    if ((field === 'rag' || field === 'status') && columns.previousRag === undefined && earlier.length) {
      columns.previousRag = earlier[earlier.length - 1];
    }
  }
  // A Cabinet Member column beside the lead officer's: the officer owns the action.
  return columns;
}

/** A "Progress" column: a percentage, status words, or a narrative, by what it holds. */
function progressField(view: SheetView, bodyStart: number, col: number, columns: Partial<Record<Field, number>>): Field | null {
  let numbers = 0;
  let words = 0;
  let prose = 0;
  for (let r = bodyStart, seen = 0; r <= view.lastRow && seen < 30; r++) {
    const cell = view.own(r, col);
    if (!isValue(cell)) continue;
    seen++;
    if (typeof cell.value === 'number' || /^\s*\d{1,3}(\.\d+)?\s*%?\s*$/.test(String(cell.value))) numbers++;
    else if (String(cell.value).trim().length <= 30) words++;
    else prose++;
  }
  if (numbers >= words && numbers >= prose && numbers > 0) return columns.percent === undefined ? 'percent' : null;
  if (words >= prose && words > 0) return columns.status === undefined ? 'status' : 'statusUpdate';
  if (prose > 0) return 'statusUpdate';
  return columns.percent === undefined ? 'percent' : null;
}

/**
 * Of the columns naming one field, the latest period's: the group heading above that says
 * "current" or "latest", else the one with the latest year, else the rightmost.
 */
function latestPeriod(view: SheetView, headerRow: number, cols: number[]): number {
  const heading = (c: number) => {
    for (let r = headerRow; r >= Math.max(0, headerRow - 2); r--) {
      const t = view.text(r, c);
      if (t && r < headerRow) return t;
      const m = view.mergeAt(r, c);
      if (m && m.right > m.left) return view.text(m.top, m.left);
    }
    return '';
  };
  let best = cols[cols.length - 1];
  let bestYear = -1;
  for (const c of cols) {
    const h = heading(c).toLowerCase();
    if (/\b(current|latest|this|now|new)\b/.test(h)) return c;
    const years = [...h.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    const y = years.length ? Math.max(...years) : -1;
    if (y > bestYear) {
      bestYear = y;
      best = c;
    }
  }
  return best;
}

function layoutOf(h: HeaderInfo): Layout {
  const { columns } = h;
  if (columns.workstream !== undefined && columns.action !== undefined) return 'flat';
  if (columns.workstream !== undefined) return 'workstream-rows';
  return 'blocks';
}

/** Rows of the sheet that exist, in order (skips the holes of a sparse grid). */
function definedRows(view: SheetView): number[] {
  const out: number[] = [];
  const { rows } = view.grid;
  for (let i = 0; i <= view.lastRow && i < rows.length; i++) if (rows[i]) out.push(i);
  return out;
}

function rowIsBlank(view: SheetView, row: number): boolean {
  return view.filledColumns(row).length === 0;
}

/**
 * A row's fields, each made when asked for. Holding a FieldCell per field per row would cost a
 * 100,000-action plan 800,000 objects (about 50 MB) for as long as the check's result lives;
 * the checker reads each field a handful of times, so building it on access is cheaper.
 * Read-only: every access returns a fresh FieldCell for the same cell.
 */
class RowFields {
  constructor(
    readonly _view: SheetView,
    readonly _row: number,
    readonly _columns: Partial<Record<Field, number>>,
  ) {}
}
for (const field of Object.keys(FIELD_NAMES) as Field[]) {
  Object.defineProperty(RowFields.prototype, field, {
    get(this: RowFields): FieldCell | undefined {
      const col = this._columns[field];
      return col === undefined ? undefined : { sheet: this._view.name, row: this._row, col, cell: this._view.get(this._row, col) };
    },
  });
}

/** The fields the checker reads. */
export type CheckedField =
  | 'number'
  | 'action'
  | 'lead'
  | 'timescale'
  | 'revisedTarget'
  | 'originalTarget'
  | 'percent'
  | 'start'
  | 'status'
  | 'rag'
  | 'previousRag'
  | 'reportRef'
  | 'statusUpdate'
  | 'decisions'
  | 'priority';

/**
 * A record's fields the checker reads, all at once, as one plain object of one shape
 * (undefined where the table has no such column): cheaper than asking for each in turn.
 */
export function checkedFields(fields: RawAction['fields']): Record<CheckedField, FieldCell | undefined> {
  if (!(fields instanceof RowFields)) {
    const x = fields;
    return {
      number: x.number,
      action: x.action,
      lead: x.lead,
      timescale: x.timescale,
      revisedTarget: x.revisedTarget,
      originalTarget: x.originalTarget,
      percent: x.percent,
      start: x.start,
      status: x.status,
      rag: x.rag,
      previousRag: x.previousRag,
      reportRef: x.reportRef,
      statusUpdate: x.statusUpdate,
      decisions: x.decisions,
      priority: x.priority,
    };
  }
  // A reader of its own: the record and its cells are this caller's to keep.
  return new FieldReader().read(fields);
}

/**
 * {@link checkedFields} into objects the caller keeps and reuses for each record, for a loop
 * over 100,000 actions that would otherwise make a record and up to 15 FieldCells per action.
 * Each call overwrites what the last one gave: hold nothing from it past the record (copy a
 * place with its sheet, row and column). Rows of another kind get a fresh record.
 */
export class FieldReader {
  // Made the first time each field is filled: most tables have half the fields.
  private readonly cells: (FieldCell | undefined)[] = [];
  private view: SheetView | null = null;
  private row = 0;

  read(fields: RawAction['fields']): Record<CheckedField, FieldCell | undefined> {
    if (!(fields instanceof RowFields)) return checkedFields(fields);
    this.view = fields._view;
    this.row = fields._row;
    const c = columnList(fields._columns);
    const out = this.record;
    out.number = this.at(0, c[0]);
    out.action = this.at(1, c[1]);
    out.lead = this.at(2, c[2]);
    out.timescale = this.at(3, c[3]);
    out.revisedTarget = this.at(4, c[4]);
    out.originalTarget = this.at(5, c[5]);
    out.percent = this.at(6, c[6]);
    out.start = this.at(7, c[7]);
    out.status = this.at(8, c[8]);
    out.rag = this.at(9, c[9]);
    out.previousRag = this.at(10, c[10]);
    out.reportRef = this.at(11, c[11]);
    out.statusUpdate = this.at(12, c[12]);
    out.decisions = this.at(13, c[13]);
    out.priority = this.at(14, c[14]);
    return out;
  }

  private readonly record: Record<CheckedField, FieldCell | undefined> = {
    number: undefined,
    action: undefined,
    lead: undefined,
    timescale: undefined,
    revisedTarget: undefined,
    originalTarget: undefined,
    percent: undefined,
    start: undefined,
    status: undefined,
    rag: undefined,
    previousRag: undefined,
    reportRef: undefined,
    statusUpdate: undefined,
    decisions: undefined,
    priority: undefined,
  };

  private at(i: number, col: number | undefined): FieldCell | undefined {
    if (col === undefined) return undefined;
    const cell = this.view!.get(this.row, col);
    const fc = this.cells[i];
    if (!fc) return (this.cells[i] = { sheet: this.view!.name, row: this.row, col, cell });
    fc.sheet = this.view!.name;
    fc.row = this.row;
    fc.col = col;
    fc.cell = cell;
    return fc;
  }
}

const CHECKED_FIELDS: CheckedField[] = [
  'number',
  'action',
  'lead',
  'timescale',
  'revisedTarget',
  'originalTarget',
  'percent',
  'start',
  'status',
  'rag',
  'previousRag',
  'reportRef',
  'statusUpdate',
  'decisions',
  'priority',
];

// A table's columns for the checked fields as a list, made once per table: tables' column maps
// differ in shape, and reading fifteen names from each row's map was the slow part.
const columnLists = new WeakMap<Partial<Record<Field, number>>, (number | undefined)[]>();
function columnList(columns: Partial<Record<Field, number>>): (number | undefined)[] {
  let list = columnLists.get(columns);
  if (!list) {
    list = CHECKED_FIELDS.map((f) => columns[f]);
    columnLists.set(columns, list);
  }
  return list;
}

/**
 * The column of a record's field (undefined when its table has none), without making the
 * field: the highlighter asks it of every record. The field's cell is in the record's row.
 */
export function fieldColumn(fields: RawAction['fields'], field: Field): number | undefined {
  return fields instanceof RowFields ? fields._columns[field] : fields[field]?.col;
}

function fieldCells(view: SheetView, row: number, columns: Partial<Record<Field, number>>): Readonly<Partial<Record<Field, FieldCell>>> {
  return new RowFields(view, row, columns) as Readonly<Partial<Record<Field, FieldCell>>>;
}

function hasAny(view: SheetView, row: number, columns: Partial<Record<Field, number>>, fields: Field[]): boolean {
  for (const f of fields) {
    const col = columns[f];
    if (col !== undefined && isValue(view.get(row, col))) return true;
  }
  return false;
}

/** Header text compared as a person reads it: case and spacing ignored. */
function sameHeader(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The header a column map describes on this sheet, or null when the map names header text
 * the sheet does not have. The header row is the given one, else the row holding the named
 * header texts, else the detected header, else the row above the first row of data.
 */
function mappedHeader(view: SheetView, map: ColumnMap, headerRow: number | null): HeaderInfo | null {
  const entries = resolveColumnMap(map);
  const rows = definedRows(view);
  const memo: KindMemo = new Map();
  const textCol = (row: number, value: string): number => {
    for (const c of view.filledColumns(row)) if (sameHeader(view.text(row, c), value)) return c;
    return -1;
  };
  let row = headerRow !== null ? headerRow - 1 : -1;
  const byText = entries.filter((e) => !isColumnLetter(e.value) || rows.slice(0, 500).some((r) => textCol(r, e.value) >= 0));
  if (row < 0 && byText.length) {
    let best = 0;
    for (const r of rows.slice(0, 500)) {
      const n = byText.filter((e) => textCol(r, e.value) >= 0).length;
      if (n > best) {
        best = n;
        row = r;
      }
    }
    if (row < 0) return null;
  }
  if (row < 0) {
    for (const r of rows) {
      const h = headerAt(view, r, memo);
      if (h) {
        row = r;
        break;
      }
    }
  }
  const letterCols = entries.filter((e) => isColumnLetter(e.value)).map((e) => letterIndex(e.value));
  if (row < 0) {
    // No header to be seen: the first row with two mapped cells filled is data or a header.
    const first = rows.find((r) => letterCols.filter((c) => isValue(view.own(r, c))).length >= 2);
    if (first === undefined) return null;
    // Headers hold no digits; dates and percentages do.
    const looksLikeData = entries.some((e) => {
      const v =
        isColumnLetter(e.value) && ['timescale', 'percent', 'revisedTarget', 'start'].includes(e.field)
          ? view.own(first, letterIndex(e.value))?.value
          : undefined;
      return typeof v === 'number' || (typeof v === 'string' && /\d/.test(v));
    });
    row = looksLikeData ? first - 1 : first;
  }
  // Detection fills in what the map leaves out; the map wins where both name a column.
  const named: { col: number; kind: HeaderKind }[] = [];
  if (row >= 0) {
    for (const c of view.filledColumns(row)) {
      const kind = kindOf(view.own(row, c), memo);
      if (kind) named.push({ col: c, kind });
    }
  }
  const columns = assignColumns(view, Math.max(row, 0), row + 1, named);
  for (const e of entries) {
    const byHeader = row >= 0 ? textCol(row, e.value) : -1;
    const col = byHeader >= 0 ? byHeader : isColumnLetter(e.value) ? letterIndex(e.value) : -1;
    if (col < 0) return null;
    for (const f of Object.keys(columns) as Field[]) if (columns[f] === col) delete columns[f];
    columns[e.field] = col;
  }
  if (!KEY_FIELDS.some((f) => columns[f] !== undefined)) return null;
  return { row: Math.max(row, 0), bodyStart: row + 1, columns, continued: false, mapped: true };
}

/** An outline heading: "1 Theme", "1." | "Theme", "001 Objective", "Objective 1. Transport", "AIM 2: Housing". */
const OUTLINE_HEADING = /^(?:(objective|priority|theme|aim|outcome|section|area|part|chapter)\s+)?(\d{1,3})[.):]?\s+(\S.*)$/is;
/** An outline action number: "1.1", "2.3.1", or a performance system's code "CIP 001.01", "OUT 002.03". */
const OUTLINE_NUMBER = /^(?:[A-Z]{1,6}\s?)?\d{1,3}(?:\.\d{1,3}){1,3}[.)]?$/;

/**
 * A numbered outline with no header row (a Word-born list, a performance system's export):
 * "1 Theme" (or "001 Objective", "Objective 1. …") is a workstream, "1.1 Action" or
 * "CIP 001.01" | "Action" an action under it. The cells after an action's text are named by
 * what they hold (names, dates, status words, notes); what is missing — usually the lead and
 * the date — the checker reports. Needs two actions, so stray numbers are not a plan.
 */
function readOutline(view: SheetView, plan: RawPlan): boolean {
  const rows = definedRows(view);
  type Line = { row: number; col: number; number: string; text: string; textCol: number; heading: boolean };
  const lines: Line[] = [];
  for (const r of rows) {
    const cols = view.filledColumns(r);
    if (cols.length === 0 || cols.length > 8) continue;
    const first = view.text(r, cols[0]);
    if (OUTLINE_NUMBER.test(first) && cols.length >= 2) {
      lines.push({
        row: r,
        col: cols[0],
        number: first.replace(/[.)]$/, ''),
        text: view.text(r, cols[1]),
        textCol: cols[1],
        heading: false,
      });
      continue;
    }
    const inline = /^(\d{1,3}(?:\.\d{1,3}){1,3})[.)]?\s+(\S.*)$/s.exec(first);
    if (inline && /\p{L}/u.test(inline[2])) {
      lines.push({ row: r, col: cols[0], number: inline[1], text: inline[2].trim(), textCol: cols[0], heading: false });
      continue;
    }
    if (cols.length <= 2) {
      const h = OUTLINE_HEADING.exec(first);
      const alone = cols.length === 1 ? first : /^\d{1,3}[.)]?$/.test(first) ? `${first} ${view.text(r, cols[1])}` : '';
      const m = h && cols.length === 1 ? h : alone && cols.length === 2 ? OUTLINE_HEADING.exec(alone) : null;
      if (m && /\p{L}/u.test(m[3]) && m[3].length <= 300) {
        // A code or a word is part of the name ("001 Developing…", "Objective 1. Transport"); a plain "1" is not.
        const keep = m[1] !== undefined || /^0\d/.test(m[2]);
        lines.push({
          row: r,
          col: cols[0],
          number: m[2],
          text: keep ? (cols.length === 1 ? first : alone) : m[3].trim(),
          textCol: cols[0],
          heading: true,
        });
      }
    }
  }
  const actions = lines.filter((l) => !l.heading);
  if (actions.length < 2 || !lines.some((l) => l.heading)) return false;
  const columns = outlineColumns(view, actions);
  const lacks = (['lead', 'timescale'] as Field[]).filter((f) => columns[f] === undefined);
  plan.tables.push({ sheet: view.name, layout: 'outline', headerRow: lines[0].row, columns });
  let current = -1;
  for (const l of lines) {
    if (l.heading) {
      plan.workstreams.push({ sheet: view.name, row: l.row, col: l.col, title: l.text, kind: 'heading', fields: {} });
      current = plan.workstreams.length - 1;
      continue;
    }
    if (current < 0) {
      plan.workstreams.push({ sheet: view.name, row: l.row, col: l.col, title: '(no workstream)', kind: 'group', fields: {} });
      current = plan.workstreams.length - 1;
    }
    const same = l.textCol === l.col;
    const fields: Partial<Record<Field, FieldCell>> = {
      number: { sheet: view.name, row: l.row, col: l.col, cell: same ? { value: l.number } : view.get(l.row, l.col) },
      action: { sheet: view.name, row: l.row, col: l.textCol, cell: same ? { value: l.text } : view.get(l.row, l.textCol) },
    };
    for (const f of Object.keys(columns) as Field[]) {
      if (f === 'number' || f === 'action') continue;
      fields[f] = { sheet: view.name, row: l.row, col: columns[f]!, cell: view.get(l.row, columns[f]!) };
    }
    plan.actions.push({ sheet: view.name, row: l.row, workstream: current, fields, ...(lacks.length ? { lacks } : {}) });
  }
  return true;
}

/** The cells after an outline's action text, named by what most of them hold. */
function outlineColumns(view: SheetView, actions: { row: number; textCol: number; col: number }[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  const after = new Set<number>();
  for (const a of actions) for (const c of view.filledColumns(a.row)) if (c > a.textCol) after.add(c);
  for (const c of [...after].sort((x, y) => x - y)) {
    let dates = 0;
    let names = 0;
    let words = 0;
    let notes = 0;
    let filled = 0;
    for (const a of actions) {
      const cell = view.own(a.row, c);
      if (!isValue(cell)) continue;
      filled++;
      const t = typeof cell.value === 'string' ? cell.value.trim() : '';
      if (
        typeof cell.value === 'number' ||
        (/\d/.test(t) && t.length <= 40 && /(\d{1,2}[/.-]\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|\d{4})/i.test(t))
      )
        dates++;
      else if (t.length <= 30 && OUTLINE_STATUS.test(t)) words++;
      else if (t.length <= 80 && !/[.!?]\s*\S/.test(t) && !/\d/.test(t) && t.split(/\s+/).length <= 10) names++;
      else notes++;
    }
    if (filled === 0) continue;
    const most = Math.max(dates, names, words, notes);
    const field: Field = most === dates ? 'timescale' : most === words ? 'status' : most === names ? 'lead' : 'statusUpdate';
    if (columns[field] === undefined) columns[field] = c;
  }
  return columns;
}

/** Status words, enough to tell a status column of an outline from names. */
const OUTLINE_STATUS =
  /^(complete[d]?|achieved|implemented|in progress|on track|ongoing|not started|pending|overdue|closed|open|cancelled|superseded|deferred|red|amber|green|blue)\b/i;

/** The rows of a sheet that look most like a header (short text in two or more cells), best first. */
function headerCandidates(view: SheetView): HeaderCandidate[] {
  const found: (HeaderCandidate & { score: number })[] = [];
  const rows = definedRows(view).slice(0, 60);
  for (const r of rows) {
    const cells = view
      .filledColumns(r)
      .map((c) => ({ col: c, cell: view.own(r, c) }))
      .filter((x) => typeof x.cell?.value === 'string' && x.cell.value.trim().length <= 60 && !/^\d/.test(x.cell.value.trim()))
      .map((x) => ({ col: x.col, text: String(x.cell!.value).replace(/\s+/g, ' ').trim() }));
    if (cells.length < 2) continue;
    found.push({ sheet: view.name, row: r, cells, score: cells.length * 100 - r });
  }
  return found
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .sort((a, b) => a.row - b.row)
    .map(({ score: _score, ...c }) => c);
}

/** Reads one sheet; returns false when it holds no plan table. */
function readSheet(view: SheetView, plan: RawPlan, mapped: HeaderInfo | null): boolean {
  const rows = definedRows(view);
  const headers: HeaderInfo[] = [];
  const memo: KindMemo = new Map();
  if (mapped) headers.push(mapped);
  else {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (headers.length && r < headers[headers.length - 1].bodyStart) continue;
      const h = headerAt(view, r, memo);
      if (h) headers.push(h);
    }
  }
  if (headers.length === 0) return false;

  readMeta(view, rows, headers[0].row, plan);

  // The position of the first row at or below `row` (rows are in order).
  const position = (row: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The first row at or below the header's body start (a mapped header row may be empty,
  // or the "header" of a headerless sheet may be its first row of data).
  const firstBody = (h: HeaderInfo) => position(h.bodyStart);
  // The headings of blocks are the last text row above each header.
  let blockWorkstream = -1;
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h];
    const columns = { ...header.columns };
    // Where a Cabinet Member or Portfolio Holder column has no lead officer beside it, it names the lead.
    if (columns.lead === undefined && columns.member !== undefined) columns.lead = columns.member;
    // An "Original Agreed Implementation Date" alone is the target; a revised date beside it wins when filled.
    if (columns.timescale === undefined && columns.originalTarget !== undefined) {
      columns.timescale = columns.originalTarget;
      delete columns.originalTarget;
    }
    const layout = layoutOf({ ...header, columns });
    plan.tables.push({ sheet: view.name, layout, headerRow: header.row, columns, ...(header.mapped ? { mapped: true } : {}) });
    // The rows between this header and the next: a slice, not a scan of the rest of the
    // sheet per header (a plan of thousands of blocks made that quadratic).
    const body = rows.slice(firstBody(header), h + 1 < headers.length ? position(headers[h + 1].row) : rows.length);
    const lacks = (['lead', 'timescale'] as Field[]).filter(
      (f) => columns[f] === undefined && !(f === 'timescale' && columns.revisedTarget !== undefined),
    );
    const push = (r: number, workstream: number) => {
      const fields = fieldCells(view, r, columns);
      // A literal rather than a spread: one per action.
      plan.actions.push(
        lacks.length ? { sheet: view.name, row: r, workstream, fields, lacks } : { sheet: view.name, row: r, workstream, fields },
      );
    };
    const leftmost = Math.min(...Object.values(columns));

    if (layout === 'blocks') {
      inferNumberColumn(view, header, columns, body);
      const next = h + 1 < headers.length ? headers[h + 1] : null;
      // The next block's heading is not an action of this one.
      const nextHeading = next ? headingAbove(view, next.row, header.row) : null;
      const heading = headingAbove(view, header.row, h > 0 ? headers[h - 1].row : -1);
      blockWorkstream = blockFor(view, plan, heading, header, blockWorkstream);
      // A section-heading row inside the table starts a workstream when an action follows it.
      let pending: { row: number; col: number; text: string } | null = null;
      let started = false;
      for (const r of body) {
        if (nextHeading && r >= nextHeading.row) break;
        if (started && isNotesRow(view, r)) break;
        if (isContinuedLine(view, r) || isLegendRow(view, r) || (!started && isGuidanceRow(view, r, columns))) continue;
        const section = sectionHeading(view, r, columns, leftmost);
        if (section) {
          if (isSectionEnd(view, r)) break;
          pending = section;
          continue;
        }
        if (!hasAny(view, r, columns, ROW_FIELDS)) continue;
        if (isSectionEnd(view, r) && !hasAny(view, r, columns, ['action'])) break;
        if (pending) {
          blockWorkstream = sectionWorkstream(plan, view, pending, !started ? blockWorkstream : -1);
          pending = null;
        }
        started = true;
        push(r, blockWorkstream);
      }
    } else if (layout === 'flat') {
      let current = -1;
      let currentTitle = '';
      let pending: { row: number; col: number; text: string } | null = null;
      let started = false;
      for (const r of body) {
        if (isSectionEnd(view, r) && !hasAny(view, r, columns, ['action'])) break;
        if (started && isNotesRow(view, r)) break;
        if (isContinuedLine(view, r) || isLegendRow(view, r) || (!started && isGuidanceRow(view, r, columns))) continue;
        const section = sectionHeading(view, r, columns, leftmost);
        if (section) {
          pending = section;
          continue;
        }
        if (!hasAny(view, r, columns, ROW_FIELDS)) continue;
        started = true;
        const title = view.text(r, columns.workstream!);
        // A blank workstream cell continues the one above, as people read it.
        if (title && title !== currentTitle) {
          current = findOrAddWorkstream(plan, view.name, title, r, columns.workstream!, 'group');
          currentTitle = title;
          pending = null;
        } else if (pending) {
          current = findOrAddWorkstream(plan, view.name, pending.text, pending.row, pending.col, 'group');
          currentTitle = '';
          pending = null;
        } else if (current < 0) {
          current = findOrAddWorkstream(plan, view.name, '(no workstream)', r, columns.workstream!, 'group');
          currentTitle = '';
        }
        push(r, current);
      }
    } else {
      let seen = 0;
      for (const r of body) {
        if (rowIsBlank(view, r) || isLegendRow(view, r) || (seen === 0 && isGuidanceRow(view, r, columns))) continue;
        const title = view.text(r, columns.workstream!);
        if (!title) {
          if (seen > 0) break; // the table is contiguous: the next section starts here
          continue;
        }
        if (isSectionEnd(view, r)) break;
        seen++;
        plan.workstreams.push({
          sheet: view.name,
          row: r,
          col: columns.workstream!,
          title,
          kind: 'row',
          fields: fieldCells(view, r, columns),
        });
      }
      readLists(view, rows, header.row, plan);
    }
  }
  return true;
}

/**
 * A section heading inside a table: one filled cell holding text (not a number), left of
 * the action text or merged across columns or written as a heading ("GOVERNANCE", "Finance:").
 * An action with only its description filled is an action, not a heading.
 */
function sectionHeading(
  view: SheetView,
  row: number,
  columns: Partial<Record<Field, number>>,
  leftmost: number,
): { row: number; col: number; text: string } | null {
  const cols = view.filledColumns(row);
  if (cols.length !== 1) return null;
  const col = cols[0];
  const cell = view.own(row, col);
  if (!cell || typeof cell.value !== 'string') return null;
  const text = cell.value.trim();
  if (!/\p{L}/u.test(text) || /^\d+([.)]|(\.\d+)*)$/.test(text) || text.length > 200) return null;
  const merge = view.mergeAt(row, col);
  const merged = merge !== undefined && merge.right > merge.left;
  if (merged) return { row, col, text };
  if (columns.workstream !== undefined && col === columns.workstream) return { row, col, text };
  const actionCol = columns.action ?? columns.workstream;
  if (actionCol !== undefined && col < actionCol && col <= leftmost) return { row, col, text };
  if (col === actionCol && (/:$/.test(text) || (text.length >= 4 && text === text.toUpperCase() && /\p{Lu}{3}/u.test(text)))) {
    return { row, col, text: text.replace(/:$/, '') };
  }
  return null;
}

/** A workstream for a section heading; `reuse` is an untitled block to name instead. */
function sectionWorkstream(plan: RawPlan, view: SheetView, heading: { row: number; col: number; text: string }, reuse: number): number {
  // The block's own heading was the table's title: the first section names the workstream instead.
  const last = plan.actions.length ? plan.actions[plan.actions.length - 1].workstream : -1;
  if (reuse >= 0 && last !== reuse && reuse === plan.workstreams.length - 1 && !plan.actions.some((a) => a.workstream === reuse)) {
    const w = plan.workstreams[reuse];
    workstreamIndex.get(plan)?.delete(workstreamKey(w.sheet, w.kind, w.title));
    plan.workstreams[reuse] = { ...w, title: heading.text, row: heading.row, col: heading.col };
    workstreamIndex.get(plan)?.set(workstreamKey(w.sheet, w.kind, heading.text), reuse);
    return reuse;
  }
  return findOrAddWorkstream(plan, view.name, heading.text, heading.row, heading.col, 'heading');
}

/** A colour-key row: its cells define colours ("Red = off track") or it starts "Key". */
function isLegendRow(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  if (cols.length === 0) return false;
  if (/^(key|legend|rag key|status key|b?rag rating key)\b/i.test(view.textOnly(row, cols[0]))) return true;
  // Asked of every row: count without building the row's texts (a number is never a colour key).
  let legend = 0;
  for (const c of cols) {
    const t = view.textOnly(row, c);
    if (t.length <= 120 && mayStartLegend(t) && LEGEND_CELL.test(t) && ++legend >= 2) return true;
  }
  return legend === 1 && cols.length === 1;
}

/** A guidance row right under the header: its cells say what goes in each column. */
function isGuidanceRow(view: SheetView, row: number, columns: Partial<Record<Field, number>>): boolean {
  const cols = view.filledColumns(row);
  if (cols.length < 2) return false;
  let guide = 0;
  for (const c of cols) {
    const cell = view.own(row, c);
    if (!cell || typeof cell.value !== 'string') return false;
    if (GUIDANCE_CELL.test(cell.value.trim())) guide++;
  }
  const target = columns.timescale !== undefined ? view.own(row, columns.timescale) : undefined;
  if (target && typeof target.value === 'number') return false;
  return guide * 2 >= cols.length;
}

/** A blocks header may leave the number column unnamed, or span it with "Actions Proposed". */
function inferNumberColumn(view: SheetView, header: HeaderInfo, columns: Partial<Record<Field, number>>, body: number[]): void {
  if (columns.number !== undefined || columns.action === undefined) return;
  const actionCol = columns.action;
  const merge = view.mergeAt(header.row, actionCol);
  const sample = body.slice(0, 50);
  const numericIn = (c: number) => sample.filter((r) => /^\d{1,3}(\.\d{1,2})?[.)]?$/.test(view.text(r, c))).length;
  if (merge && merge.right > merge.left && merge.left === actionCol) {
    // "Actions Proposed" merged over the number and the text columns.
    if (numericIn(actionCol) > 0) {
      columns.number = actionCol;
      columns.action = actionCol + 1;
    }
    return;
  }
  if (actionCol > 0 && numericIn(actionCol - 1) > 0) columns.number = actionCol - 1;
}

// These ask of every row whether its first cell's words end or interrupt the table; no number
// or true/false can, so only text is looked at (a number would be written out each time).
function isContinuedLine(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  return cols.length === 1 && CONTINUED_LINE.test(view.textOnly(row, cols[0]));
}

function isSectionEnd(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  return cols.length > 0 && SECTION_END.test(view.textOnly(row, cols[0]));
}

/** A notes or footnotes row: the table above it has ended. */
function isNotesRow(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  return cols.length > 0 && cols.length <= 2 && NOTES_END.test(view.textOnly(row, cols[0]));
}

/** The heading of a block: the nearest text-only row above the header (within 3 rows). */
function headingAbove(view: SheetView, headerRow: number, floor: number): { row: number; col: number; text: string } | null {
  for (let r = headerRow - 1; r > floor && r >= headerRow - 4; r--) {
    const cols = view.filledColumns(r);
    if (cols.length === 0) continue;
    // Group headings right above a two-level header ("Previous Period" | "Current Period") are part of it.
    if (
      cols.length > 1 &&
      r === headerRow - 1 &&
      cols.every((c) => /\p{L}/u.test(view.text(r, c)) && classifyHeaderKind(view.text(r, c)) === null)
    )
      continue;
    const text = view.text(r, cols[0]);
    if (cols.length !== 1) {
      // "Priority CP1: Economic Development" | "1" | "Expected Outcome" | "…": the first cell names the block.
      if (cols.length > 4 || cols[0] > 1 || !/\p{L}{3}/u.test(text) || /:\s*$/.test(text) || META_LABEL_TEXT.test(text)) return null;
      if (classifyHeaderKind(text) !== null || LEGEND_CELL.test(text) || text.length > 200) return null;
      return { row: r, col: cols[0], text };
    }
    if (CONTINUED_LINE.test(text)) continue;
    if (LEGEND_CELL.test(text)) return null;
    if (/^\d+(\.\d+)?$/.test(text)) return null;
    return { row: r, col: cols[0], text };
  }
  return null;
}

/** Workstreams by sheet, kind and title (case and spacing ignored), per plan. */
const workstreamIndex = new WeakMap<RawPlan, Map<string, number>>();

function workstreamKey(sheet: string, kind: RawWorkstream['kind'], title: string): string {
  return `${sheet}\u0000${kind}\u0000${title.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

function findOrAddWorkstream(plan: RawPlan, sheet: string, title: string, row: number, col: number, kind: RawWorkstream['kind']): number {
  let index = workstreamIndex.get(plan);
  if (!index) {
    index = new Map();
    workstreamIndex.set(plan, index);
  }
  const key = workstreamKey(sheet, kind, title);
  const found = index.get(key);
  if (found !== undefined) return found;
  plan.workstreams.push({ sheet, row, col, title, kind, fields: {} });
  index.set(key, plan.workstreams.length - 1);
  return plan.workstreams.length - 1;
}

function blockFor(
  view: SheetView,
  plan: RawPlan,
  heading: { row: number; col: number; text: string } | null,
  header: HeaderInfo,
  previous: number,
): number {
  if (heading) {
    // A repeated heading after "Continued overleaf" continues the same workstream.
    return findOrAddWorkstream(plan, view.name, heading.text, heading.row, heading.col, 'heading');
  }
  if (header.continued && previous >= 0) return previous;
  const title = previous >= 0 && header.continued ? plan.workstreams[previous].title : `(untitled, row ${header.row + 1})`;
  plan.workstreams.push({ sheet: view.name, row: header.row, col: header.columns.action ?? 0, title, kind: 'heading', fields: {} });
  return plan.workstreams.length - 1;
}

/** Text that labels report metadata ("Report Date:"), never a block's heading. */
const META_LABEL_TEXT = /^(committee |report |meeting )?(date|ref(erence)?|report ref|as at|position as at|prepared by|author|version)\b/i;

const META_LABELS: [RegExp, keyof RawMeta][] = [
  [/^(committee )?report ref(erence)?( no\.?)?$/, 'committeeReportRef'],
  [/^(report date|date of report|as at|position as at|date)$/, 'reportDate'],
  [/^(committee date|meeting date|date of (committee|meeting))$/, 'committeeDate'],
];

/** Metadata above the first header: "Committee Report Ref:" | "MC 002" and the like. */
function readMeta(view: SheetView, rows: number[], firstHeader: number, plan: RawPlan): void {
  for (const r of rows) {
    if (r >= firstHeader) break;
    const cols = view.filledColumns(r);
    if (cols.length === 0) continue;
    const first = view.text(r, cols[0]);
    const label = first.replace(/:\s*$/, '').trim().toLowerCase();
    let matched = false;
    for (const [re, key] of META_LABELS) {
      if (!re.test(label)) continue;
      matched = true;
      if (plan.meta[key]) break;
      if (cols.length > 1) plan.meta[key] = { sheet: view.name, row: r, col: cols[1], cell: view.get(r, cols[1]) };
      break;
    }
    if (!matched) {
      // "Report Date: 01/03/21" in one cell.
      const m = /^([^:]{3,40}):\s*(.+)$/.exec(first);
      if (m) {
        for (const [re, key] of META_LABELS) {
          if (re.test(m[1].trim().toLowerCase()) && !plan.meta[key]) {
            plan.meta[key] = { sheet: view.name, row: r, col: cols[0], cell: { value: m[2].trim() } };
            matched = true;
          }
        }
      }
    }
    if (!matched && !plan.meta.title && cols.length === 1 && first.length <= 200) {
      plan.meta.title = { sheet: view.name, row: r, col: cols[0], cell: view.get(r, cols[0]) };
    }
  }
}

/** The summary's numbered Issues/Risks/Change Requests and Targets for Next Period lists. */
function readLists(view: SheetView, rows: number[], after: number, plan: RawPlan): void {
  let issuesCol = -1;
  let targetsCol = -1;
  let start = -1;
  for (const r of rows) {
    if (r <= after) continue;
    for (const c of view.filledColumns(r)) {
      const t = view.text(r, c);
      if (/issues\s*\/\s*(major\s+)?risks/i.test(t) && issuesCol < 0) issuesCol = c;
      if (/^targets for (the )?next period/i.test(t) && targetsCol < 0) targetsCol = c;
      if (/^programme summary$/i.test(t)) {
        plan.programmeSummary = paragraphBelow(view, rows, r);
      }
    }
    if ((issuesCol >= 0 || targetsCol >= 0) && start < 0) start = r;
  }
  if (start < 0) return;
  for (const r of rows) {
    if (r <= start) continue;
    const first = view.filledColumns(r);
    if (first.length > 0 && /^programme summary$/i.test(view.text(r, first[0]))) break;
    const take = (col: number, list: RawListItem[]) => {
      if (col < 0) return;
      const text = view.text(r, col);
      if (!text) return;
      const number = col > 0 ? view.text(r, col - 1) : '';
      list.push({ sheet: view.name, row: r, col, number: number || String(list.length + 1), text });
    };
    take(issuesCol, plan.issues);
    take(targetsCol, plan.targets);
  }
}

function paragraphBelow(view: SheetView, rows: number[], headingRow: number): string | null {
  const parts: string[] = [];
  for (const r of rows) {
    if (r <= headingRow) continue;
    const cols = view.filledColumns(r);
    if (cols.length === 0) {
      if (parts.length) break;
      continue;
    }
    parts.push(cols.map((c) => view.text(r, c)).join(' '));
  }
  return parts.length ? parts.join('\n') : null;
}

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
import { type Field, FIELD_NAMES, classifyHeader, isContinuedHeader } from './headers';
import { SheetView, isValue } from './sheet';

/** The layouts PlanCheck recognises. */
export type Layout = 'blocks' | 'flat' | 'workstream-rows';

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
}

/** Options for reading. */
export interface ReadOptions {
  /** Read only this sheet. */
  sheet?: string;
}

/** Thrown for misuse of the reader (e.g. asking for a sheet that does not exist). */
export class PlanReadError extends Error {
  constructor(
    readonly code: 'no-such-sheet',
    message: string,
  ) {
    super(message);
    this.name = 'PlanReadError';
  }
}

const CONTINUED_LINE = /^\(?\s*continued\s+(overleaf|on\s+(the\s+)?next\s+page|below)\s*\)?\.?$/i;
const SECTION_END = /^(key|issues\b|programme summary|notes?:?$|major risks)/i;

/** Header fields that name the heading of a block, a group, or a workstream row. */
const KEY_FIELDS: Field[] = ['action', 'workstream'];

/** What was looked for, for the "no plan" message. */
export const LOOKED_FOR = `a header row naming ${FIELD_NAMES.action} or ${FIELD_NAMES.workstream}, with ${FIELD_NAMES.lead}, ${FIELD_NAMES.timescale}, ${FIELD_NAMES.percent} or ${FIELD_NAMES.rag}`;

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
  for (const sheet of sheets) {
    const found = readSheet(new SheetView(sheet), plan);
    if (!found) plan.sheetsWithoutPlan.push(sheet.name);
  }
  return plan;
}

interface HeaderInfo {
  row: number;
  columns: Partial<Record<Field, number>>;
  continued: boolean;
}

/** Recognises a header row: at least two known fields, one of them a key field. */
function headerAt(view: SheetView, row: number, memo: Map<string, Field | null>): HeaderInfo | null {
  const cols = view.filledColumns(row);
  if (cols.length < 2) return null;
  const columns: Partial<Record<Field, number>> = {};
  let continued = false;
  let count = 0;
  for (const c of cols) {
    const cell = view.own(row, c);
    // Headers are short text; numbers, dates and sentences are never headers.
    if (!cell || typeof cell.value !== 'string' || cell.value.length > 60) continue;
    const text = cell.value.trim();
    let field = memo.get(text);
    if (field === undefined) {
      field = classifyHeader(text);
      memo.set(text, field);
    }
    if (field && columns[field] === undefined) {
      columns[field] = c;
      count++;
      if (isContinuedHeader(text)) continued = true;
    }
  }
  if (count < 2 || !KEY_FIELDS.some((f) => columns[f] !== undefined)) return null;
  return { row, columns, continued };
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
  view.grid.rows.forEach((r, i) => {
    if (r && i <= view.lastRow) out.push(i);
  });
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

function fieldCells(view: SheetView, row: number, columns: Partial<Record<Field, number>>): Readonly<Partial<Record<Field, FieldCell>>> {
  return new RowFields(view, row, columns) as Readonly<Partial<Record<Field, FieldCell>>>;
}

function hasAny(view: SheetView, row: number, columns: Partial<Record<Field, number>>, fields: Field[]): boolean {
  return fields.some((f) => columns[f] !== undefined && isValue(view.get(row, columns[f]!)));
}

/** Reads one sheet; returns false when it holds no plan table. */
function readSheet(view: SheetView, plan: RawPlan): boolean {
  const rows = definedRows(view);
  const headers: HeaderInfo[] = [];
  const memo = new Map<string, Field | null>();
  for (const r of rows) {
    const h = headerAt(view, r, memo);
    if (h) headers.push(h);
  }
  if (headers.length === 0) return false;

  readMeta(view, rows, headers[0].row, plan);

  const rowPos = new Map(rows.map((r, i) => [r, i]));
  // The headings of blocks are the last text row above each header.
  let blockWorkstream = -1;
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h];
    const layout = layoutOf(header);
    const columns = { ...header.columns };
    plan.tables.push({ sheet: view.name, layout, headerRow: header.row, columns });
    // The rows between this header and the next: a slice, not a scan of the rest of the
    // sheet per header (a plan of thousands of blocks made that quadratic).
    const body = rows.slice(rowPos.get(header.row)! + 1, h + 1 < headers.length ? rowPos.get(headers[h + 1].row)! : rows.length);

    if (layout === 'blocks') {
      inferNumberColumn(view, header, columns, body);
      const next = h + 1 < headers.length ? headers[h + 1] : null;
      // The next block's heading is not an action of this one.
      const nextHeading = next ? headingAbove(view, next.row, header.row) : null;
      const heading = headingAbove(view, header.row, h > 0 ? headers[h - 1].row : -1);
      blockWorkstream = blockFor(view, plan, heading, header, blockWorkstream);
      for (const r of body) {
        if (nextHeading && r >= nextHeading.row) break;
        if (isContinuedLine(view, r)) continue;
        if (!hasAny(view, r, columns, ['action', 'number', 'timescale', 'lead'])) continue;
        if (isSectionEnd(view, r) && !hasAny(view, r, columns, ['action'])) break;
        plan.actions.push({ sheet: view.name, row: r, workstream: blockWorkstream, fields: fieldCells(view, r, columns) });
      }
    } else if (layout === 'flat') {
      let current = -1;
      let currentTitle = '';
      for (const r of body) {
        if (isSectionEnd(view, r) && !hasAny(view, r, columns, ['action'])) break;
        if (isContinuedLine(view, r)) continue;
        if (!hasAny(view, r, columns, ['action', 'number', 'timescale', 'lead', 'percent'])) continue;
        const title = view.text(r, columns.workstream!);
        // A blank workstream cell continues the one above, as people read it.
        if (title && title !== currentTitle) {
          current = findOrAddWorkstream(plan, view.name, title, r, columns.workstream!, 'group');
          currentTitle = title;
        } else if (current < 0) {
          current = findOrAddWorkstream(plan, view.name, '(no workstream)', r, columns.workstream!, 'group');
          currentTitle = '';
        }
        plan.actions.push({ sheet: view.name, row: r, workstream: current, fields: fieldCells(view, r, columns) });
      }
    } else {
      let seen = 0;
      for (const r of body) {
        if (rowIsBlank(view, r)) continue;
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

function isContinuedLine(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  return cols.length === 1 && CONTINUED_LINE.test(view.text(row, cols[0]));
}

function isSectionEnd(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  return cols.length > 0 && SECTION_END.test(view.text(row, cols[0]));
}

/** The heading of a block: the nearest text-only row above the header (within 3 rows). */
function headingAbove(view: SheetView, headerRow: number, floor: number): { row: number; col: number; text: string } | null {
  for (let r = headerRow - 1; r > floor && r >= headerRow - 4; r--) {
    const cols = view.filledColumns(r);
    if (cols.length === 0) continue;
    if (cols.length !== 1) return null;
    const text = view.text(r, cols[0]);
    if (CONTINUED_LINE.test(text)) continue;
    if (/^\d+(\.\d+)?$/.test(text)) return null;
    return { row: r, col: cols[0], text };
  }
  return null;
}

/** Workstreams by sheet, kind and title (case and spacing ignored), per plan. */
const workstreamIndex = new WeakMap<RawPlan, Map<string, number>>();

function findOrAddWorkstream(plan: RawPlan, sheet: string, title: string, row: number, col: number, kind: RawWorkstream['kind']): number {
  let index = workstreamIndex.get(plan);
  if (!index) {
    index = new Map();
    workstreamIndex.set(plan, index);
  }
  const key = `${sheet}\u0000${kind}\u0000${title.toLowerCase().replace(/\s+/g, ' ').trim()}`;
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

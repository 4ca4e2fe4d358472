/**
 * Which cells to mark and why: problem cells (errors, warnings) and RAG cells, one mark
 * per cell with every reason in its note. Adapters apply them reversibly.
 */
import type { CheckResult } from './check';
import type { Finding } from './findings';
import { fieldColumn } from './read';
import type { HighlightKind, HighlightMark } from './sheetspec';

const RANK: Record<string, number> = { error: 0, warning: 1 };

/** Why a cell is marked: a finding, or a record's stated RAG beside the computed one. */
type Reason = Finding | { rag: HighlightKind; ragReason: string };

function noteOf(r: Reason): string {
  return 'code' in r ? r.message : `RAG by dates and progress: ${r.rag} (${r.ragReason})`;
}

/**
 * Every cell to mark, in order (findings first, then stated-RAG cells), as often as it has a
 * reason.
 */
function eachMark(result: CheckResult, visit: (sheet: string, row: number, col: number, kind: HighlightKind, why: Reason) => void): void {
  for (const f of result.report.findings) {
    if (f.severity !== 'info') visit(f.sheet, f.row - 1, f.col, f.severity, f);
  }
  const { raw, report } = result;
  raw.workstreams.forEach((w, i) => {
    const col = fieldColumn(w.fields, 'rag');
    if (col !== undefined) visit(w.sheet, w.row, col, report.workstreams[i].rag, report.workstreams[i]);
  });
  raw.actions.forEach((a, i) => {
    const col = fieldColumn(a.fields, 'rag');
    if (col !== undefined) visit(a.sheet, a.row, col, report.actions[i].rag, report.actions[i]);
  });
}

/**
 * Values by cell: by sheet, then by row, then the row's few cells in a short list. A plan has
 * up to hundreds of thousands of marked cells, and one map of them all was most of the time
 * highlighting took; marks come row by row, so the rows fill in order.
 */
class CellTable<T> {
  private readonly sheets = new Map<string, (T[] | undefined)[]>();
  private lastSheet: string | null = null;
  private rows: (T[] | undefined)[] = [];

  /** `colOf` gives the column of a value kept. */
  constructor(private readonly colOf: (value: T) => number) {}

  get(sheet: string, row: number, col: number): T | undefined {
    const cells = this.rowOf(sheet)[row];
    if (cells) for (let i = 0; i < cells.length; i++) if (this.colOf(cells[i]) === col) return cells[i];
    return undefined;
  }

  /** Adds a value for a cell that has none yet. */
  add(sheet: string, row: number, value: T): void {
    const rows = this.rowOf(sheet);
    const cells = rows[row];
    if (cells) cells.push(value);
    else rows[row] = [value];
  }

  private rowOf(sheet: string): (T[] | undefined)[] {
    if (sheet !== this.lastSheet) {
      let rows = this.sheets.get(sheet);
      if (!rows) this.sheets.set(sheet, (rows = []));
      this.rows = rows;
      this.lastSheet = sheet;
    }
    return this.rows;
  }
}

/**
 * A mark that writes its note when it is read: the reasons are kept, not their text, so a
 * plan with 100,000 marks costs no notes until an adapter writes them.
 */
class Mark implements HighlightMark {
  private more: Reason[] | null = null;
  private written: string | null = null;

  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    public kind: HighlightKind,
    private readonly first: Reason,
  ) {}

  add(why: Reason): void {
    (this.more ??= []).push(why);
    this.written = null;
  }

  /** Every reason's text, one a line. */
  get note(): string {
    if (this.written === null) {
      let note = noteOf(this.first);
      if (this.more) for (const why of this.more) note += `\n${noteOf(why)}`;
      this.written = note;
    }
    return this.written;
  }

  set note(text: string) {
    this.written = text;
    this.more = null;
  }

  toJSON(): HighlightMark {
    return { sheet: this.sheet, row: this.row, col: this.col, kind: this.kind, note: this.note };
  }
}

/** The marks for a checked plan: one per cell, the worst finding's kind, every reason in the note. */
export function highlightMarks(result: CheckResult): HighlightMark[] {
  const marks: Mark[] = [];
  const table = new CellTable<Mark>((m) => m.col);
  eachMark(result, (sheet, row, col, kind, why) => {
    const existing = table.get(sheet, row, col);
    if (!existing) {
      const mark = new Mark(sheet, row, col, kind, why);
      table.add(sheet, row, mark);
      marks.push(mark);
      return;
    }
    existing.add(why);
    if ((RANK[kind] ?? 9) < (RANK[existing.kind] ?? 9)) existing.kind = kind;
  });
  return marks;
}

/**
 * How many cells {@link highlightMarks} would mark, without building the marks and their
 * notes: a front end with a limit can refuse before spending the memory.
 */
export function highlightCellCount(result: CheckResult): number {
  // Only the columns are kept.
  const table = new CellTable<number>((col) => col);
  let count = 0;
  eachMark(result, (sheet, row, col) => {
    if (table.get(sheet, row, col) === undefined) {
      table.add(sheet, row, col);
      count++;
    }
  });
  return count;
}

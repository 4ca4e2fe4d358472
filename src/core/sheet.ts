/**
 * Read access to one sheet grid with merged cells resolved: a value merged over several
 * rows belongs to each of them. Merges are looked up, never expanded, because a hostile
 * or careless merge can name a million rows.
 */
import type { CellRange, RawCell, SheetGrid } from './cell';

/** A read-only view of a sheet that answers "what is in this cell" through merges. */
export class SheetView {
  /** Index of the last row holding a value (-1 for an empty sheet). */
  readonly lastRow: number;
  private readonly byColumn = new Map<number, CellRange[]>();
  // The reader asks several questions of each row in turn: the last row's columns are kept.
  private filledRow = -1;
  private filled: number[] = [];

  constructor(readonly grid: SheetGrid) {
    let last = grid.rows.length - 1;
    while (last >= 0 && !rowHasValue(grid.rows[last])) last--;
    this.lastRow = last;
  }

  get name(): string {
    return this.grid.name;
  }

  /** The cell stored at (row, col) itself, without merge resolution. */
  own(row: number, col: number): RawCell | undefined {
    return this.grid.rows[row]?.[col];
  }

  /** The merge covering (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const list = this.mergesInColumn(col);
    // Merges never overlap, so within one column they are disjoint row intervals.
    let lo = 0;
    let hi = list.length - 1;
    let found: CellRange | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top <= row) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.bottom >= row ? found : undefined;
  }

  /** The value at (row, col), taking merged ranges into account. */
  get(row: number, col: number): RawCell | undefined {
    const own = this.grid.rows[row]?.[col];
    if (own !== undefined) return own;
    const m = this.mergeAt(row, col);
    return m ? this.grid.rows[m.top]?.[m.left] : undefined;
  }

  /** The cell's value as trimmed text ("" when empty). */
  text(row: number, col: number): string {
    const c = this.get(row, col);
    if (c === undefined) return '';
    return typeof c.value === 'string' ? c.value.trim() : String(c.value);
  }

  /** The cell's text, trimmed, when it holds text; "" for numbers, true/false and empty cells. */
  textOnly(row: number, col: number): string {
    const c = this.get(row, col);
    return c !== undefined && typeof c.value === 'string' ? c.value.trim() : '';
  }

  /** The highest column index with a value in this row (-1 when none). */
  lastColumn(row: number): number {
    const r = this.grid.rows[row];
    if (!r) return -1;
    for (let c = r.length - 1; c >= 0; c--) if (isValue(r[c])) return c;
    return -1;
  }

  /** Columns holding a value in the row (own cells only), in order. Shared: do not change it. */
  filledColumns(row: number): number[] {
    if (row === this.filledRow) return this.filled;
    const r = this.grid.rows[row];
    const out: number[] = [];
    if (r) for (let c = 0; c < r.length; c++) if (isValue(r[c])) out.push(c);
    this.filledRow = row;
    this.filled = out;
    return out;
  }

  private mergesInColumn(col: number): CellRange[] {
    let list = this.byColumn.get(col);
    if (!list) {
      list = this.grid.merges.filter((m) => m.left <= col && m.right >= col).sort((a, b) => a.top - b.top);
      this.byColumn.set(col, list);
    }
    return list;
  }
}

/** True when the cell holds something other than blank text. */
export function isValue(cell: RawCell | undefined): cell is RawCell {
  if (cell === undefined) return false;
  const v = cell.value;
  if (typeof v !== 'string') return true;
  // Most text starts with a printable Latin character: no need to trim it to know.
  const c = v.charCodeAt(0);
  return (c > 32 && c < 127) || v.trim() !== '';
}

function rowHasValue(row: (RawCell | undefined)[] | undefined): boolean {
  if (!row) return false;
  for (const c of row) if (isValue(c)) return true;
  return false;
}

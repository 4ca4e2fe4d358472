/**
 * The one raw-cell type at the boundary. Every workbook adapter (xlsx, Office.js)
 * maps what it reads into these shapes; the core never sees a library's objects.
 */

/** A cell as stored in the workbook, before any interpretation. */
export interface RawCell {
  /**
   * The stored value: text, a number (Excel dates are serial numbers), a boolean,
   * or, for a formula error, the error text such as "#DIV/0!" (see `error`).
   */
  value: string | number | boolean;
  /** The Excel number format code ("General", "0%", "dd/mm/yyyy"), when not General. */
  format?: string;
  /** True when the value is a formula error (#DIV/0!, #REF!, #N/A ...). */
  error?: boolean;
  /** True when the value is the cached result of a formula. */
  formula?: boolean;
  /**
   * The cell's solid fill colour as RGB hex ("FF0000"), when the adapter reads fills: many
   * trackers colour a RAG cell instead of typing a word. Absent for no fill or white.
   */
  fill?: string;
}

/** A rectangular range, 0-based and inclusive on both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One worksheet as a sparse grid. `rows[r][c]` is the cell at 0-based row r and column c
 * (absolute: row 0 is Excel row 1). Missing entries are empty cells. Merged ranges are
 * listed, never expanded: a merge may name a million rows.
 */
export interface SheetGrid {
  name: string;
  rows: (RawCell | undefined)[][];
  merges: CellRange[];
  /** True when the sheet is hidden or very hidden in the workbook. */
  hidden?: boolean;
  /** True when the sheet is protected (writes to its cells would be refused). */
  protected?: boolean;
  /** True when PlanCheck generated this sheet (a summary): it is not read as a plan. */
  generated?: boolean;
}

/** Everything the core needs from a workbook. */
export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** True for the 1904 date system (old Mac workbooks): serial 0 is 1 Jan 1904. */
  date1904: boolean;
}

/** Column index (0-based) to letters: 0 -> "A", 27 -> "AB". */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column to an A1 address: (0, 0) -> "A1". */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** Parses an A1 address ("B12", "$B$12") to 0-based row and column, or null. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1:C3" (or a single "B2") to a range, or null. */
export function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A range to "A1:C3" ("A1" for a single cell). */
export function rangeA1(r: CellRange): string {
  const s = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? s : `${s}:${a1(r.bottom, r.right)}`;
}

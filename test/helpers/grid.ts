/** Builds in-memory grids for core tests: the same shape every adapter produces. */
import type { CellRange, RawCell, SheetGrid, WorkbookGrid } from '../../src/core/cell';
import { parseRange } from '../../src/core/cell';

export type Val = string | number | boolean | null | undefined | RawCell;

/** A sheet from rows of values; a RawCell object passes through (for formats, errors). */
export function sheet(name: string, rows: Val[][], merges: string[] = []): SheetGrid {
  const out: (RawCell | undefined)[][] = [];
  rows.forEach((r, i) => {
    const row: (RawCell | undefined)[] = [];
    r.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      row[c] = typeof v === 'object' ? v : { value: v };
    });
    if (row.length) out[i] = row;
  });
  return { name, rows: out, merges: merges.map((m) => parseRange(m) as CellRange) };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets, date1904: false };
}

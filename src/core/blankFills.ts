/**
 * Blank cells whose colour may be a stated RAG: many trackers colour an empty RAG or Status
 * cell instead of typing a word. The .xlsx adapter reads every blank cell's fill as it reads
 * the sheet; Excel gives fills only cell by cell, so the Office adapter asks for these alone.
 */
import type { WorkbookGrid } from './cell';
import type { FieldCell, RawPlan } from './read';

/** A cell: sheet name, 0-based row and column. */
export interface CellPlace {
  sheet: string;
  row: number;
  col: number;
}

/** The blank RAG, Status and earlier-RAG cells of the plan's workstreams and actions. */
export function blankStatedCells(raw: RawPlan): CellPlace[] {
  const out: CellPlace[] = [];
  const want = (fc: FieldCell | undefined) => {
    if (fc && (!fc.cell || fc.cell.value === '')) out.push({ sheet: fc.sheet, row: fc.row, col: fc.col });
  };
  for (const list of [raw.actions, raw.workstreams]) {
    for (const item of list) {
      const f = item.fields;
      want(f.rag);
      want(f.status);
      want(f.previousRag);
    }
  }
  return out;
}

/** True when any of `cells` has a fill in `grid`. */
export function anyFilled(grid: WorkbookGrid, cells: CellPlace[]): boolean {
  const bySheet = new Map(grid.sheets.map((s) => [s.name, s]));
  return cells.some((p) => bySheet.get(p.sheet)?.rows[p.row]?.[p.col]?.fill !== undefined);
}

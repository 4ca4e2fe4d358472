/**
 * Which cells to mark and why: problem cells (errors, warnings) and RAG cells, one mark
 * per cell with every reason in its note. Adapters apply them reversibly.
 */
import { a1 } from './cell';
import type { CheckResult } from './check';
import type { RawAction } from './read';
import type { HighlightKind, HighlightMark } from './sheetspec';

const RANK: Record<string, number> = { error: 0, warning: 1 };

/**
 * Every cell to mark, in order (findings first, then stated-RAG cells), as often as it has a
 * reason; the note is made only when asked for.
 */
function eachMark(
  result: CheckResult,
  visit: (sheet: string, row: number, col: number, kind: HighlightKind, note: () => string) => void,
): void {
  for (const f of result.report.findings) {
    if (f.severity === 'info') continue;
    visit(f.sheet, f.row - 1, f.col, f.severity as HighlightKind, () => f.message);
  }
  const { raw, report } = result;
  const rag = (sheet: string, fields: RawAction['fields'], judged: { rag: HighlightKind; ragReason: string }) => {
    const cell = fields.rag;
    if (cell) visit(sheet, cell.row, cell.col, judged.rag, () => `RAG by dates and progress: ${judged.rag} (${judged.ragReason})`);
  };
  raw.workstreams.forEach((w, i) => rag(w.sheet, w.fields, report.workstreams[i]));
  raw.actions.forEach((a, i) => rag(a.sheet, a.fields, report.actions[i]));
}

/** The marks for a checked plan: one per cell, the worst finding's kind, every reason in the note. */
export function highlightMarks(result: CheckResult): HighlightMark[] {
  const byCell = new Map<string, HighlightMark>();
  eachMark(result, (sheet, row, col, kind, note) => {
    const key = `${sheet}!${a1(row, col)}`;
    const existing = byCell.get(key);
    if (!existing) {
      byCell.set(key, { sheet, row, col, kind, note: note() });
      return;
    }
    existing.note += `\n${note()}`;
    if ((RANK[kind] ?? 9) < (RANK[existing.kind] ?? 9)) existing.kind = kind;
  });
  return [...byCell.values()];
}

/**
 * How many cells {@link highlightMarks} would mark, without building the marks and their
 * notes: a front end with a limit can refuse before spending the memory.
 */
export function highlightCellCount(result: CheckResult): number {
  const sheets = new Map<string, number>();
  const cells = new Set<number>();
  eachMark(result, (sheet, row, col) => {
    let s = sheets.get(sheet);
    if (s === undefined) sheets.set(sheet, (s = sheets.size));
    cells.add((s * 1_048_576 + row) * 16_384 + col);
  });
  return cells.size;
}

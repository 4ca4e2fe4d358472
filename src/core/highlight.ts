/**
 * Which cells to mark and why: problem cells (errors, warnings) and RAG cells, one mark
 * per cell with every reason in its note. Adapters apply them reversibly.
 */
import { a1, parseA1 } from './cell';
import type { CheckResult } from './check';
import type { HighlightKind, HighlightMark } from './sheetspec';

const RANK: Record<string, number> = { error: 0, warning: 1 };

/** The marks for a checked plan: findings first (worst wins), then stated-RAG cells. */
export function highlightMarks(result: CheckResult): HighlightMark[] {
  const byCell = new Map<string, HighlightMark>();
  for (const f of result.report.findings) {
    if (f.severity === 'info') continue;
    const pos = parseA1(f.cell);
    if (!pos) continue;
    const key = `${f.sheet}!${f.cell}`;
    const existing = byCell.get(key);
    if (existing) {
      existing.note += `\n${f.message}`;
      if (RANK[f.severity] < (RANK[existing.kind] ?? 9)) existing.kind = f.severity as HighlightKind;
    } else {
      byCell.set(key, { sheet: f.sheet, row: pos.row, col: pos.col, kind: f.severity as HighlightKind, note: f.message });
    }
  }
  const { raw, report } = result;
  const ragMark = (sheet: string, row: number, col: number, rag: HighlightMark['kind'], reason: string) => {
    const key = `${sheet}!${a1(row, col)}`;
    const note = `RAG by dates and progress: ${rag} (${reason})`;
    const existing = byCell.get(key);
    if (existing) existing.note += `\n${note}`;
    else byCell.set(key, { sheet, row, col, kind: rag, note });
  };
  raw.workstreams.forEach((w, i) => {
    const rag = w.fields.rag;
    if (rag) ragMark(w.sheet, rag.row, rag.col, report.workstreams[i].rag, report.workstreams[i].ragReason);
  });
  raw.actions.forEach((a, i) => {
    const rag = a.fields.rag;
    if (rag) ragMark(a.sheet, rag.row, rag.col, report.actions[i].rag, report.actions[i].ragReason);
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
  const add = (sheet: string, row: number, col: number) => {
    let s = sheets.get(sheet);
    if (s === undefined) sheets.set(sheet, (s = sheets.size));
    cells.add((s * 1_048_576 + row) * 16_384 + col);
  };
  for (const f of result.report.findings) {
    if (f.severity === 'info') continue;
    const pos = parseA1(f.cell);
    if (pos) add(f.sheet, pos.row, pos.col);
  }
  for (const r of [...result.raw.workstreams, ...result.raw.actions]) {
    const rag = r.fields.rag;
    if (rag) add(r.sheet, rag.row, rag.col);
  }
  return cells.size;
}

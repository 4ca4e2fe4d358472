/** Highlight and clear: problem and RAG cells marked, each with a note, and put back exactly. */
import { type CheckResult, MAX_HIGHLIGHT_CELLS, highlightCellCount, highlightMarks, tooManyToMark } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { AppError } from './errors';

/** What highlighting did. */
export interface HighlightOutcome {
  /** Cells marked. */
  cells: number;
  errors: number;
  warnings: number;
  /** Cells marked only for their RAG. */
  rag: number;
  /** Marked cells under a conditional format, where Excel may show the format over the highlight. */
  underConditionalFormat: number;
}

/**
 * Marks the problem and RAG cells of a checked plan. Refused, before any mark or note is built,
 * when there are more than {@link MAX_HIGHLIGHT_CELLS} cells to mark.
 */
export async function highlight(workbook: WorkbookPort, checked: CheckResult): Promise<HighlightOutcome> {
  const count = highlightCellCount(checked);
  if (count > MAX_HIGHLIGHT_CELLS) throw new AppError('too-many-to-mark', tooManyToMark(count));
  const marks = highlightMarks(checked);
  const outcome = await workbook.applyHighlights(marks);
  const errors = marks.filter((m) => m.kind === 'error').length;
  const warnings = marks.filter((m) => m.kind === 'warning').length;
  return {
    cells: marks.length,
    errors,
    warnings,
    rag: marks.length - errors - warnings,
    underConditionalFormat: outcome?.underConditionalFormat?.length ?? 0,
  };
}

/** Restores every cell PlanCheck highlighted to exactly how it was. */
export function clearHighlights(workbook: WorkbookPort): Promise<void> {
  return workbook.clearHighlights();
}

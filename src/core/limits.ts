/** Limits every front end and adapter keeps alike, defined once. */

/**
 * Most cells one highlight marks. Each marked cell gets a note (a comment and a drawing
 * shape), and a workbook of 10,000 actions needs about 24,000 of them: about 250 MB at the
 * peak. A plan several times that size cannot be marked within the memory bound in one go.
 */
export const MAX_HIGHLIGHT_CELLS = 25_000;

/** The refusal when there are more than {@link MAX_HIGHLIGHT_CELLS} cells to mark. */
export function tooManyToMark(cells: number): string {
  return `There are ${cells.toLocaleString('en-GB')} cells to mark; PlanCheck marks at most ${MAX_HIGHLIGHT_CELLS.toLocaleString('en-GB')} at a time, each with a note, to stay within its memory bound. Fix the errors PlanCheck lists first, or check one sheet at a time.`;
}

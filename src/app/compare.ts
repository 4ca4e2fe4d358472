/** Compare: what changed between the version reported last time and this one. */
import type { Comparison, Report } from '../core';

/**
 * Compares two checked reports (matching by title, number, then closest description). Check
 * the previous version with `checkPrevious`, so it is judged as it was reported. The matching
 * is loaded when first asked for: the pane's first load need not carry it.
 */
export async function compareReports(previous: Report, current: Report): Promise<Comparison> {
  const { comparePlans } = await import(/* webpackChunkName: "compare" */ '../core/compare');
  return comparePlans(previous, current);
}

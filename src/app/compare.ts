/** Compare: what changed between the version reported last time and this one. */
import { type Comparison, type Report, comparePlans } from '../core';

/**
 * Compares two checked reports (matching by title, number, then closest description). Check
 * the previous version with `checkPrevious`, so it is judged as it was reported.
 */
export function compareReports(previous: Report, current: Report): Comparison {
  return comparePlans(previous, current);
}

/** Owners: what each lead officer has to chase, for all leads or one. */
import { type OwnerList, type Report, ownerLists } from '../core';
import { AppError } from './errors';

/**
 * Each lead's overdue, due-soon and unclear actions. With `lead`, only that lead (as written
 * in the plan, any case); a lead with nothing to chase is refused, naming those who have.
 */
export function ownersOf(report: Report, lead?: string, where: string = report.file): OwnerList[] {
  const lists = ownerLists(report);
  if (lead === undefined) return lists;
  const want = lead.trim().toLowerCase();
  const mine = lists.filter((l) => (l.lead ?? '').toLowerCase() === want);
  if (mine.length === 0) {
    const known = lists.map((l) => l.lead).filter((l): l is string => l !== null);
    throw new AppError(
      'unknown-lead',
      `No lead officer "${lead}" has anything to chase in ${where}; leads with items: ${known.map((k) => `"${k}"`).join(', ') || 'none'}.`,
    );
  }
  return mine;
}

/**
 * RAG from completion and dates, with a one-line reason a committee member can read.
 * The rules (in order; every threshold is a setting):
 *  1. 100% complete -> Complete.
 *  2. target date passed -> Concern.
 *  3. with a start date and progress recorded: expected progress grows in a straight line
 *     from start to target; actual/expected below concernRatio -> Concern, below
 *     cautionRatio -> Caution, else On Target.
 *  4. no progress (0% or none recorded) -> Not Started, or Caution when the target is
 *     within the due-soon window.
 *  5. target within the due-soon window and under dueSoonCautionPercent -> Caution;
 *     otherwise On Target.
 * Status words count where there is no percentage: a status saying complete ("Implemented")
 * is Complete (rule 1); a started action ("In Progress") with no percentage (or 0%) is judged
 * as started, never Not Started (rules 4-5 read it as progress not measured); an action
 * cancelled, superseded or otherwise dropped is left out of counts and roll-ups.
 */
import { type IsoDate, daysBetween, formatUkDate } from './parse/dates';
import type { Settings } from './settings';
import type { ActionStatus } from './parse/status';
import type { RagLabel } from './sheetspec';

/** What a RAG is computed from. */
export interface RagInput {
  percent: number | null;
  target: IsoDate | null;
  /** The action's own start date, if the plan has one. */
  start?: IsoDate | null;
  asOf: IsoDate;
  /** What the plan's status words say, when it has them. */
  status?: ActionStatus | null;
  /** The status word as written, for the reason ("Implemented"). */
  statusWord?: string | null;
}

/** A computed RAG and why. */
export interface RagResult {
  rag: RagLabel;
  reason: string;
}

const done = (p: number | null, started = false) =>
  p === null ? (started ? 'in progress, no % recorded' : 'no progress recorded') : `${p}% complete`;
const quoted = (w: string | null | undefined, fallback: string) => (w ? `"${w}"` : fallback);
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Computes one RAG from progress and dates (rules 1-5 above). */
export function computeRag(input: RagInput, settings: Settings): RagResult {
  const { target, asOf } = input;
  const status = input.status ?? null;
  if (status === 'dropped')
    return { rag: 'Not Started', reason: `${quoted(input.statusWord, 'dropped')}: left out of counts and roll-ups` };
  if (input.percent !== null && input.percent >= 100) return { rag: 'Complete', reason: '100% complete' };
  // Status words stand in for a percentage, never over one: "Complete" beside 40% is a contradiction to report.
  if (status === 'complete' && input.percent === null) return { rag: 'Complete', reason: `status ${quoted(input.statusWord, 'complete')}` };
  const started = status === 'started' && (input.percent === null || input.percent === 0);
  // A started action with 0% typed is in progress; the number is the unmeasured part.
  const percent = started ? null : input.percent;
  if (target && target < asOf) {
    return { rag: 'Concern', reason: `target ${formatUkDate(target)} passed; ${done(percent, started)}` };
  }
  const start = input.start ?? settings.planStartDate;
  if (start && target && percent !== null && start < target && asOf > start) {
    const expected = Math.min(100, (daysBetween(start, asOf) / daysBetween(start, target)) * 100);
    const ratio = expected > 0 ? percent / expected : 1;
    const why = `${percent}% complete against ${Math.round(expected)}% expected by ${formatUkDate(asOf)} (target ${formatUkDate(target)})`;
    if (ratio < settings.concernRatio) return { rag: 'Concern', reason: why };
    if (ratio < settings.cautionRatio) return { rag: 'Caution', reason: why };
    return { rag: 'On Target', reason: why };
  }
  const left = target ? daysBetween(asOf, target) : null;
  const dueSoon = left !== null && left <= settings.dueSoonDays;
  if (started) {
    const word = quoted(input.statusWord, 'in progress');
    if (dueSoon) return { rag: 'Caution', reason: `${word}, no % recorded; target ${formatUkDate(target!)} is in ${days(left!)}` };
    return {
      rag: 'On Target',
      reason: target ? `${word}, no % recorded; target ${formatUkDate(target)}` : `${word}, no % recorded; no target date`,
    };
  }
  if (percent === null || percent === 0) {
    if (dueSoon) {
      return { rag: 'Caution', reason: `not started; target ${formatUkDate(target!)} is in ${days(left!)}` };
    }
    return { rag: 'Not Started', reason: target ? `not started; target ${formatUkDate(target)}` : `not started; no target date` };
  }
  if (dueSoon && percent < settings.dueSoonCautionPercent) {
    return { rag: 'Caution', reason: `${percent}% complete with target ${formatUkDate(target!)} in ${days(left!)}` };
  }
  return {
    rag: 'On Target',
    reason: target ? `${percent}% complete; target ${formatUkDate(target)}` : `${percent}% complete; no target date`,
  };
}

/**
 * Past its target date and neither complete nor dropped: the one test behind the `overdue`
 * finding, the comparison's "newly overdue" and the summary's overdue count.
 */
export function isOverdue(item: { targetDate: IsoDate | null; rag: RagLabel; status?: ActionStatus | null }, asOf: IsoDate): boolean {
  return item.targetDate !== null && item.targetDate < asOf && item.rag !== 'Complete' && item.status !== 'dropped';
}

/** Counts of each RAG label, all labels present. */
export function ragCounts(rags: RagLabel[]): Record<RagLabel, number> {
  const out: Record<RagLabel, number> = { 'Not Started': 0, Concern: 0, Caution: 0, 'On Target': 0, Complete: 0 };
  // By index: run once over every action, mostly before the compiler has seen it.
  for (let i = 0; i < rags.length; i++) out[rags[i]]++;
  return out;
}

/**
 * A workstream's RAG from its actions: any Concern -> Concern; else any Caution ->
 * Caution; all Complete -> Complete; all Not Started -> Not Started; else On Target.
 */
export function rollUpRag(actionRags: RagLabel[]): RagResult {
  const n = actionRags.length;
  if (n === 0) return { rag: 'Not Started', reason: 'no actions recorded' };
  const c = ragCounts(actionRags);
  const of = (k: number, label: string) => `${k} of ${n} action${n === 1 ? '' : 's'} ${label}`;
  if (c.Concern > 0) return { rag: 'Concern', reason: of(c.Concern, 'at Concern') };
  if (c.Caution > 0) return { rag: 'Caution', reason: of(c.Caution, 'at Caution') };
  if (c.Complete === n) return { rag: 'Complete', reason: `all ${n} action${n === 1 ? '' : 's'} complete` };
  if (c['Not Started'] === n) return { rag: 'Not Started', reason: `none of ${n} action${n === 1 ? '' : 's'} started` };
  return { rag: 'On Target', reason: `${of(c['On Target'] + c.Complete, 'on target or complete')}` };
}

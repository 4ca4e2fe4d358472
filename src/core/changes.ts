/**
 * What changed since the last committee, as data: the change codes (stable), the schema of a
 * comparison, and the words for each change, rendered from its facts. The matching that
 * finds the changes is in compare.ts; the pane shows a comparison with only this module.
 */
import { z } from 'zod';
import { formatUkDate } from './parse/dates';
import { plural, shortText } from './text';

/** Every change code, in report order. Codes are stable: scripts may rely on them. */
export const CHANGE_CODES = [
  'target-moved',
  'newly-overdue',
  'rag-worsened',
  'green-while-slipping',
  'progress-backwards',
  'owner-changed',
  'completed',
  'dropped',
  'rag-improved',
  'renumbered',
  'new',
  'removed',
] as const;

/** A change code. */
export type ChangeCode = (typeof CHANGE_CODES)[number];

/** Headings for each kind of change, for the CLI report and the pane. */
export const CHANGE_TITLES: Record<ChangeCode, string> = {
  'target-moved': 'Target dates moved',
  'newly-overdue': 'Newly overdue',
  'rag-worsened': 'RAG worsened',
  'green-while-slipping': 'Stated green while the dates slipped',
  'progress-backwards': 'Progress went backwards',
  'owner-changed': 'Lead officer changed',
  completed: 'Completed since the last report',
  dropped: 'Cancelled, superseded or withdrawn since the last report',
  'rag-improved': 'RAG improved',
  renumbered: 'Renumbered',
  new: 'New since the last report',
  removed: 'Removed since the last report',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One side of a matched item: where it is in that version. */
export const ItemPlaceSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  number: z.union([z.number(), z.string()]).nullable(),
});

/** One change between the versions, located in the current version where it exists. */
export const ChangeSchema = z.object({
  code: z.enum(CHANGE_CODES),
  kind: z.enum(['workstream', 'action']),
  workstream: z.string(),
  /** The action's description, or the workstream's title. */
  item: z.string(),
  previous: ItemPlaceSchema.nullable(),
  current: ItemPlaceSchema.nullable(),
  /** Old and new values for the change (dates, RAG labels, percentages, leads). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Target moves: days moved (positive = later); overdue: days past the target. */
  days: z.number().int().nullable(),
  /** Target moves: how many times the target has moved, counting the history the workbook keeps. */
  times: z.number().int().nullable(),
  /** How the item was matched ('number', 'description'), or for new/removed the closest miss. */
  note: z.string().nullable(),
  message: z.string(),
});

/** The whole comparison (`plancheck compare --format json`). */
export const ComparisonSchema = z.object({
  previous: z.object({ file: z.string(), asOf: isoDate }),
  current: z.object({ file: z.string(), asOf: isoDate }),
  matched: z.object({ workstreams: z.number().int(), actions: z.number().int() }),
  changes: z.array(ChangeSchema),
  counts: z.record(z.string(), z.number().int()),
});

export type Change = z.infer<typeof ChangeSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type ItemPlace = z.infer<typeof ItemPlaceSchema>;

function ukDate(iso: string | null): string {
  return iso ? formatUkDate(iso) : 'none';
}

/** Dates as committee papers write change requests: "May 2021" for a month's end, else "15 Jun 2021". */
function requestDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][
    m - 1
  ];
  return d === last ? `${month} ${y}` : `${d} ${month.slice(0, 3)} ${y}`;
}

/** Messages for each change code, written from the change's facts. */
export const CHANGE_MESSAGES: Record<ChangeCode, (c: Change) => string> = {
  'target-moved': (c) =>
    `Target date moved from ${ukDate(c.from)} to ${ukDate(c.to)} (${Math.abs(c.days!)} days ${c.days! > 0 ? 'later' : 'earlier'}${c.times && c.times > 1 ? `; moved ${c.times} times` : ''}).`,
  'newly-overdue': (c) =>
    `Now overdue: the target date ${ukDate(c.to)} has passed since the last report (${plural(c.days ?? 0, 'day')} ago).`,
  'rag-worsened': (c) => `RAG worsened from ${c.from} to ${c.to}.`,
  'green-while-slipping': (c) =>
    `Still stated green (On Target) although ${c.from !== c.to && c.from && c.to ? `the target slipped from ${ukDate(c.from)} to ${ukDate(c.to)}` : 'it is now overdue'}.`,
  'progress-backwards': (c) => `Progress went backwards from ${c.from}% to ${c.to}%.`,
  'owner-changed': (c) => `Lead changed from ${c.from ?? 'nobody'} to ${c.to ?? 'nobody'}.`,
  completed: (c) => `Completed since the last report${c.from !== null ? ` (was ${c.from}%)` : ''}.`,
  dropped: () => 'Now cancelled, superseded or withdrawn: left out of counts and roll-ups.',
  'rag-improved': (c) => `RAG improved from ${c.from} to ${c.to}.`,
  renumbered: (c) => `Renumbered from ${c.from} to ${c.to}${c.note ? ` (${c.note})` : ''}.`,
  new: (c) => `New since the last report${c.note ? `; ${c.note}` : ''}.`,
  removed: (c) => `No longer in the plan${c.note ? `; ${c.note}` : ''}.`,
};

/** The sentence for one change, from its facts. */
export function changeMessage(c: Change): string {
  return CHANGE_MESSAGES[c.code](c);
}

/** A line per code with its count: "3 target dates moved, 1 newly overdue". */
export function comparisonHeadline(c: Comparison): string {
  const words: Record<ChangeCode, [string, string]> = {
    'target-moved': ['target date moved', 'target dates moved'],
    'newly-overdue': ['newly overdue', 'newly overdue'],
    'rag-worsened': ['RAG worsened', 'RAGs worsened'],
    'green-while-slipping': ['stated green while slipping', 'stated green while slipping'],
    'progress-backwards': ['went backwards', 'went backwards'],
    'owner-changed': ['owner changed', 'owners changed'],
    completed: ['completed', 'completed'],
    dropped: ['dropped', 'dropped'],
    'rag-improved': ['RAG improved', 'RAGs improved'],
    renumbered: ['renumbered', 'renumbered'],
    new: ['new', 'new'],
    removed: ['removed', 'removed'],
  };
  const parts = CHANGE_CODES.filter((k) => c.counts[k]).map((k) => `${c.counts[k]} ${words[k][c.counts[k] === 1 ? 0 : 1]}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

/**
 * Change Requests in the seed's (C) style, one per moved target date:
 * '(C) Improve satisfaction levels in Housing: move the target date for "Learn from other
 * councils" from 30 Jun 2021 to 31 Aug 2021.'
 */
export function changeRequests(c: Comparison): string[] {
  return c.changes
    .filter((x) => x.code === 'target-moved')
    .map((x) => {
      const what = x.kind === 'workstream' ? 'the target date' : `the target date for "${shortText(x.item, 80)}"`;
      const verb = x.days! > 0 ? 'extend' : 'bring forward';
      return `(C) ${shortText(x.workstream, 80)}: ${verb} ${what} from ${requestDate(x.from!)} to ${requestDate(x.to!)}${x.times && x.times > 1 ? ` (moved ${plural(x.times, 'time')})` : ''}.`;
    });
}

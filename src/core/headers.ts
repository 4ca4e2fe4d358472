/**
 * Header recognition: councils name the same column many ways ("Lead Officer", "Owner",
 * "Responsible Officer"). A header row is found by what its cells say, never by position.
 */
import { foldLookalikes } from './parse/lookalike';

/** The fields PlanCheck understands. */
export type Field =
  | 'number'
  | 'action'
  | 'timescale'
  | 'originalTarget'
  | 'revisedTarget'
  | 'start'
  | 'lead'
  | 'reportRef'
  | 'percent'
  | 'rag'
  | 'workstream'
  | 'priority'
  | 'statusUpdate'
  | 'decisions';

/** What each field is called, for messages ("no header like Lead Officer was found"). */
export const FIELD_NAMES: Record<Field, string> = {
  number: 'No.',
  action: 'Actions Proposed / Action',
  timescale: 'Timescales / Target Date / Due / Deadline',
  originalTarget: 'Original Target Date / Baseline Date',
  revisedTarget: 'Revised Target Date / New Target Date',
  start: 'Start Date',
  lead: 'Lead Officer / Lead / Owner / Responsible Officer',
  reportRef: 'Report Ref',
  percent: '% Completed / % Complete / Progress',
  rag: 'RAG / Status',
  workstream: 'Workstream / Recommendation',
  priority: 'Priority',
  statusUpdate: 'Status Update / Commentary',
  decisions: 'Decisions Required/Made',
};

// Order matters: the first pattern that matches wins, so specific names come first
// ("Status Update" before "Status", "Progress Update" before "Progress").
const PATTERNS: [RegExp, Field][] = [
  [
    /^(status update|progress update|update|commentary|comments?|progress (comments?|notes?)|narrative|latest position|position statement)\b/,
    'statusUpdate',
  ],
  [/^decisions?\b/, 'decisions'],
  [/^(rag|rag status|status|rag rating|overall status|rating)$/, 'rag'],
  [/^(% ?(completed?|progress|done)|percent(age)? (completed?|progress)|progress( %)?|completion( %)?|% ?)$/, 'percent'],
  [/^(workstreams?|recommendations?|(bv |audit )?recommendations?|theme|objective|priority area|improvement area)\b/, 'workstream'],
  [
    /^(actions?( proposed| required| to be taken)?|actio ?ns proposed|description|task|proposed actions?|improvement actions?|planned actions?|action description|action detail)$/,
    'action',
  ],
  [
    /^(original|baseline|initial) (target( completion)?|due|completion|end)? ?(dates?|timescales?|deadline)$|^original target$/,
    'originalTarget',
  ],
  [
    /^(revised|new|current|amended|updated) (target( completion)?|due|completion|end)? ?(dates?|timescales?|deadline)$|^revised target$/,
    'revisedTarget',
  ],
  [/^(timescales?|target( date)?|target completion( date)?|due( date)?|deadline|completion date|date due|by when|end date)$/, 'timescale'],
  [/^(start( date)?|date started)$/, 'start'],
  [/^(lead( officer)?s?|owners?|action owner|responsible( officer| person| lead)?|accountable officer|officer)$/, 'lead'],
  [/^(report ref(erence)?s?|ref(erence)?s?|report paragraph|para(graph)? ref|audit ref)$/, 'reportRef'],
  [/^priority( rating)?$/, 'priority'],
  [/^(no\.?|number|#|action (no\.?|number|ref)|ref no\.?|item)$/, 'number'],
];

/** Normalises header text: case, lookalikes, "(Continued from previous page)", punctuation. */
export function normaliseHeader(text: string): string {
  return foldLookalikes(text)
    .text.toLowerCase()
    .replace(/\(continued[^)]*\)?/g, ' ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[:*]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field a header cell names, or null. Long text is never a header. */
export function classifyHeader(text: string): Field | null {
  if (text.length === 0 || text.length > 60) return null;
  const n = normaliseHeader(text);
  if (!n) return null;
  for (const [re, field] of PATTERNS) if (re.test(n)) return field;
  return null;
}

/** True when a header says the block continues from the previous page. */
export function isContinuedHeader(text: string): boolean {
  return /continued from/i.test(text);
}

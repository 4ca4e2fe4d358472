/**
 * Header recognition: councils name the same column many ways ("Lead Officer", "Who by?",
 * "Responsible Executive Lead/Management Lead"). A header row is found by what its cells
 * say, never by position. Some names are only settled by their neighbours or the cells
 * below ("Recommendation", "Progress", "Status"): those come back as a `HeaderHint`, and the
 * reader decides (src/core/read.ts).
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
  | 'member'
  | 'reportRef'
  | 'percent'
  | 'rag'
  | 'status'
  | 'previousRag'
  | 'workstream'
  | 'priority'
  | 'statusUpdate'
  | 'decisions';

/** What each field is called, for messages ("no header like Lead Officer was found"). */
export const FIELD_NAMES: Record<Field, string> = {
  number: 'No. / Ref',
  action: 'Action / Recommendation / Management Action Agreed',
  timescale: 'Timescales / Target Date / Due Date / Implementation Date',
  originalTarget: 'Original Target Date / Original Agreed Implementation Date',
  revisedTarget: 'Revised Target Date / Revised Implementation Date',
  start: 'Start Date',
  lead: 'Lead Officer / Owner / Responsible Officer / Who by?',
  member: 'Cabinet Member / Portfolio Holder',
  reportRef: 'Report Ref',
  percent: '% Complete / Progress',
  rag: 'RAG / BRAG',
  status: 'Status / Overall Status / Outcome',
  previousRag: 'RAG (previous period)',
  workstream: 'Workstream / Theme / Recommendation',
  priority: 'Priority',
  statusUpdate: 'Status Update / Latest Note / Comment',
  decisions: 'Decisions Required/Made',
};

/**
 * A header whose field depends on the rest of the row or on the cells below it:
 *  - 'recommendation': the action, unless the row also names an action (then it groups them);
 *  - 'issue': the action where no other column is ("Governance Issue", "Area"), else ignored;
 *  - 'progress': a percentage, a status word or a narrative, by what the column holds;
 *  - 'outcome': a status column when it holds status words, else ignored (an expected outcome);
 *  - 'date': the target date when no other column is one;
 *  - 'other': a column plans have that PlanCheck does not judge (Resources, Outputs/Outcomes,
 *    Measures of Success, Policy, Risks): it marks the row as a header, nothing more.
 */
export type HeaderHint = 'recommendation' | 'issue' | 'progress' | 'outcome' | 'date' | 'other';

/** What a header cell names: a field, a hint for the reader, or nothing. */
export type HeaderKind = Field | HeaderHint;

const DATE_WORDS = '(dates?|timescales?|time-?scales?|deadline|timetable)';

// Order matters: the first pattern that matches wins, so specific names come first
// ("Status Update" before "Status", "Revised Implementation Date" before "Implementation Date").
const PATTERNS: [RegExp, HeaderKind][] = [
  [/^(cabinet member|portfolio holder|lead member|executive member|cabinet portfolio|portfolio)s?\b/, 'member'],
  [
    /^(status update|progress update|action update|update on actions?|update|updates|commentary|comments?|(management |cabinet |executive |officer |council )?responses?|response to recommendation|progress (comments?|notes?|to date|made)|narrative|latest (position|note|update|comments?)|position statement|current position|notes?|management (update|comments?)|officer comments?|evidence|progress against action)\b/,
    'statusUpdate',
  ],
  [/^decisions?\b/, 'decisions'],
  [/^(b?rag|b?rag status|rag rating|rating|traffic light|b?rag\/status|status\/b?rag)$/, 'rag'],
  [
    /^(status|overall status|current status|implementation status|action status|progress status|status of (action|recommendation)|state)$/,
    'status',
  ],
  [/^(outcome|outcomes?|result)$/, 'outcome'],
  [/^(% ?(completed?|progress|done|achieved)|percent(age)? (completed?|progress)|progress ?%|completion ?%|% ?|percentage)$/, 'percent'],
  [/^progress$/, 'progress'],
  [
    /^((significant )?governance issues?|issues? identified|issue|area|area for (improvement|development)|improvement required|weakness(es)?|control weakness(es)?)$/,
    'issue',
  ],
  [/^(recommendations?( made)?|audit recommendations?|rec(ommendation)? (text|detail)|finding and recommendation)$/, 'recommendation'],
  [
    /^(workstreams?|(bv |audit )?recommendations? \/ workstreams?|theme|themes|objective|objectives|strategic objective|priority area|improvement area|area of (focus|improvement)|outcome area|key (area|theme)|section|heading)\b/,
    'workstream',
  ],
  [
    /^(actions?( proposed| required| to be taken| agreed| planned)?|actio ?ns proposed|agreed (management )?actions?|management actions? agreed|management (response|action)s?( and action)?|suggested actions?|description|action description|action detail|task|tasks|proposed actions?|improvement actions?|planned actions?|what|what will we do|what we will do|how|title|action title|activity|activities|key actions?|milestones? and actions?)$/,
    'action',
  ],
  [
    new RegExp(
      `^(original|baseline|initial)( agreed)? (target( completion)?|due|completion|end|implementation)? ?${DATE_WORDS}$|^original target$`,
    ),
    'originalTarget',
  ],
  [
    new RegExp(
      `^(revised|new|current|amended|updated)( agreed)? (target( completion)?|due|completion|end|implementation)? ?${DATE_WORDS}$|^revised target$`,
    ),
    'revisedTarget',
  ],
  [
    new RegExp(
      `^(timescales?|time-?scales?|timetable|target( date)?|target completion( date)?|due( date)?|deadline|completion( date)?|date due|by when|when|end date|(agreed )?implementation( date)?|(agreed )?${DATE_WORDS}? ?(for|of) (implementation|completion)|date to be (completed|implemented)|target ${DATE_WORDS}|completion by|due by)$`,
    ),
    'timescale',
  ],
  [/^(dates?|when by)$/, 'date'],
  [
    /^(resources?( required| implications)?|outputs?|outputs?\/outcomes?|outcomes?\/outputs?|expected outcomes?|intended outcomes?|measures? of success|success (measures?|criteria)|(key )?performance (indicators?|measures?)|kpis?|pis?|policy|policies|future actions?|risks?|issues|finding|findings|issue identified|observations?|rationale|reason|why|evidence of (completion|progress)|milestones?|targets?|cost|budget|funding|partners?|links? to|link to (corporate )?(plan|priorit(y|ies))|corporate priority|strategic priority|category|risk rating|benefits?)$/,
    'other',
  ],
  [/^(start( date)?|date started|start by)$/, 'start'],
  [
    /^(lead( officer| director| manager| service| responsible| executive)?s?|owners?|action owners?|responsible( officer| person| lead| manager| director| executive| service)?s?|officers? responsible|accountable (officer|person|lead)|officer|who( by| responsible| is responsible)?|by whom|assigned to|executive lead|management lead|responsible executive( lead)?(\/management lead)?|recommendation made to|made to|lead (director|officer) \/ service|contact( officer)?|owned by)$/,
    'lead',
  ],
  [/^(report (ref(erence)?s?|paragraph|para)|para(graph)?( ref(erence)?)?|report para ref)$/, 'reportRef'],
  [/^priority( rating| level)?$/, 'priority'],
  [
    /^(no\.?|number|#|action (no\.?|number|ref(erence)?|code|id)|ref( no\.?)?|reference( no\.?)?|rec(ommendation)? (no\.?|number|ref)|item( no\.?)?|code|id|ref ?#|finding (no\.?|ref))$/,
    'number',
  ],
];

/**
 * Normalises header text: case, lookalikes, line breaks and hyphenation ("Implemen-\ntation"),
 * question marks, footnote markers ("Lead Officer[v]", "Owner¹"), "(Continued from previous
 * page)" and other bracketed asides, trailing colons.
 */
export function normaliseHeader(text: string): string {
  return foldLookalikes(text)
    .text.toLowerCase()
    .replace(/(\p{L})[-\u00ad]\s+(\p{L})/gu, '$1$2')
    .replace(/\[[^\]]{0,8}\]/g, ' ')
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021]+/g, ' ')
    .replace(/\(continued[^)]*\)?/g, ' ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[?:.]+\s*$/, '')
    .replace(/[?:]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field (or hint) a header cell names, or null. Long text is never a header. */
export function classifyHeaderKind(text: string): HeaderKind | null {
  if (text.length === 0 || text.length > 80) return null;
  const n = normaliseHeader(text);
  if (!n) return null;
  for (const [re, field] of PATTERNS) if (re.test(n)) return field;
  if (n.includes('/')) {
    const parts = n
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean);
    // "Actions/ Deadlines/ Outcomes": a column for several things holds a narrative.
    if (parts.length >= 3) {
      const kinds = new Set(parts.map((p) => PATTERNS.find(([re]) => re.test(p))?.[1] ?? null));
      if (kinds.size >= 2) return 'statusUpdate';
    }
    // "Lead Officer / Director", "Target date/ milestone": the first part names it.
    const first = n.split('/')[0].trim();
    for (const [re, field] of PATTERNS) if (re.test(first)) return field;
  }
  // "Service and Responsible Officer", "Directorate / Lead Officer": who owns it, whatever else the heading says.
  if (/\b(lead|responsible|accountable) officers?\b|\baction owners?\b/.test(n) && n.length <= 50) return 'lead';
  return null;
}

/** The field a header cell names, or null (hints resolved as if the header stood alone). */
export function classifyHeader(text: string): Field | null {
  const k = classifyHeaderKind(text);
  if (k === null) return null;
  return resolveHint(k, {});
}

/** A hint's field given the fields the rest of the header row names; null to ignore the column. */
export function resolveHint(kind: HeaderKind, row: Partial<Record<Field, unknown>>): Field | null {
  switch (kind) {
    case 'recommendation':
      return row.action !== undefined ? (row.workstream === undefined ? 'workstream' : null) : 'action';
    case 'issue':
      return row.action === undefined ? 'action' : null;
    case 'progress':
      return row.percent === undefined ? 'percent' : 'statusUpdate';
    case 'outcome':
      return row.status === undefined ? 'status' : null;
    case 'date':
      return row.timescale === undefined ? 'timescale' : null;
    case 'other':
      return null;
    default:
      return kind;
  }
}

/** True when a header says the block continues from the previous page. */
export function isContinuedHeader(text: string): boolean {
  return /continued from/i.test(text);
}

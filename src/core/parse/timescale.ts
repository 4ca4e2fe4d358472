/**
 * The "Timescales" / "Target Date" cell as people write it: one date, several dates
 * (milestones: the latest is the target), labelled milestones ("Agree approach 30 Mar 20
 * Commence 31 May 20"), keywords (Ongoing, Annually, Start now, TBC) alone or beside a
 * date, month-and-year (the end of that month), quarters and financial years.
 */
import { type IsoDate, endOfMonth, fullYear, parseDateText } from './dates';
import { foldLookalikes } from './lookalike';
import { type ActionStatus, parseStatus } from './status';

/** Words that stand for a timescale without a date. */
export type TimescaleKeyword = 'ongoing' | 'annually' | 'start-now' | 'tbc' | 'quarterly' | 'monthly';

/** One dated milestone within the cell. */
export interface Milestone {
  iso: IsoDate;
  label: string | null;
  /** The text the date was read from. */
  text: string;
}

/** What a timescale cell says. */
export interface Timescale {
  milestones: Milestone[];
  /** The latest milestone: the date the item is judged against. */
  target: IsoDate | null;
  keywords: TimescaleKeyword[];
  /** Fragments that could not be read (a misspelt month, "next year", "Q5"). */
  unparsed: string[];
  /**
   * Earlier targets, oldest first, when the cell records a revision ("31 Aug 21 (revised
   * from 30 Jun 21)", "was 30 Jun 21, now 31 Aug 21"); those dates are history, not milestones.
   */
  history: IsoDate[];
  /**
   * Status typed in the date cell: the whole cell ("Completed", "Achieved", "Not started"),
   * or beside a date ("Completed 31 Mar 20", "31/03/21 - Achieved"). Absent when none.
   * Status text is not a bad date, so it is never in `unparsed`.
   */
  status?: ActionStatus | null;
  /** The status words as written ("Completed"). */
  statusWord?: string | null;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_FIRST = `\\b\\d{1,2}(?:st|nd|rd|th)?[\\s\\-.]*${MONTH},?[\\s\\-.]*(?:\\d{4}|\\d{2})\\b`;
const NUMERIC = '\\b\\d{1,2}\\s*[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*(?:\\d{4}|\\d{2})\\b';
const ISO = '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b';
const MONTH_YEAR = `\\b${MONTH},?[\\s\\-']*(?:\\d{4}|\\d{2})\\b`;
const QUARTER = '\\bQ([1-4])\\s*(\\d{4})\\b';
const FIN_YEAR = '\\b(\\d{4})\\s*[/\\-]\\s*(\\d{2}|\\d{4})\\b';
// "Q2 2021/22", "Q4 21/22": a quarter of a UK financial year (Q1 ends 30 June).
const FIN_QUARTER = '\\bQ([1-4])\\s*(\\d{4}|\\d{2})\\s*[/\\-]\\s*(\\d{2}|\\d{4})\\b';
// "February/March 2004", "Feb-Mar 21": a window of months; the later month is the target.
const MONTH_RANGE = `\\b${MONTH}\\s*[/\\-–&]\\s*(${MONTH},?[\\s\\-']*(?:\\d{4}|\\d{2}))\\b`;
// "December 2004/ January 2005": two months with their years; the later one.
const MONTH_YEAR_RANGE = `\\b${MONTH},?[\\s\\-']*(?:\\d{4}|\\d{2})\\s*/\\s*(${MONTH},?[\\s\\-']*(?:\\d{4}|\\d{2}))\\b`;
// Seasons and the like are findings, never guesses: "Spring 2022", "Winter 2021/22".
const SEASON = '\\b(?:spring|summer|autumn|fall|winter|early|mid|late)[\\s\\-]*(?:\\d{4}\\s*[/\\-]\\s*(?:\\d{4}|\\d{2})|\\d{4})\\b';
const DATE_RE = new RegExp(
  `(${MONTH_YEAR_RANGE})|(${MONTH_RANGE})|(${SEASON})|(${DAY_FIRST})|(${NUMERIC})|(${ISO})|(${MONTH_YEAR})|(?:${FIN_QUARTER})|(?:${QUARTER})|(?:${FIN_YEAR})`,
  'gi',
);

const KEYWORDS: [RegExp, TimescaleKeyword][] = [
  [/\bon[\s-]?going\b|\bcontinuous(ly)?\b|\bcontinuing\b/gi, 'ongoing'],
  [/\bannual(ly)?\b|\byearly\b|\beach year\b/gi, 'annually'],
  [/\bstart(ing)? now\b|\bimmediate(ly)?\b|\bwith immediate effect\b/gi, 'start-now'],
  [/\bt\.?b\.?[ca]\.?(?=$|[\s/,;)])|\bto be (confirmed|agreed|determined|decided)\b/gi, 'tbc'],
  [/\bquarterly\b/gi, 'quarterly'],
  [/\bmonthly\b/gi, 'monthly'],
];

// What may join milestones and keywords without being a label.
// "By end 2005/06", "end of June 2021", "by the end of March": still no label.
const JOINERS =
  /^[\s/,;:&+\-–—()|.]*(?:(?:and|or|then|by|from|until|to|end|of|the|in|before|no later than)(?![a-z])[\s/,;:&+\-–—()|.]*)*$/i;

/** The later of a window of months ("February/March 2004", "December 2004/ January 2005"). */
function laterOfRange(whole: string, second: string): IsoDate | null {
  const end = parseDateText(second);
  if (!end) return null;
  let first = whole.slice(0, whole.length - second.length).replace(/[\s/\-–&]+$/, '');
  // "February/March 2004": the first month takes the second's year.
  if (!/\d/.test(first)) first = `${first} ${second.replace(/^\D+/, '')}`;
  const start = parseDateText(first);
  if (!start) return null;
  return start.iso > end.iso ? start.iso : end.iso;
}

// Status words that may stand in a date cell, alone or beside a date. "Pending", "N/A",
// "Deferred" and "Started" are left out: there they speak of the date, not the action.
const DATE_CELL_STATUS = new Set([
  'complete',
  'completed',
  'achieved',
  'actioned',
  'done',
  'closed',
  'implemented',
  'fully implemented',
  'delivered',
  'finished',
  'in place',
  'signed off',
  'complete and closed',
  'completed and closed',
  'in progress',
  'underway',
  'under way',
  'progressing',
  'partially implemented',
  'partly implemented',
  'not started',
  'not yet started',
  'cancelled',
  'canceled',
  'superseded',
  'withdrawn',
  'no longer required',
]);
const STATUS_EDGE = /^[\s/,;:&+\-–—()[\]|.]+|[\s/,;:&+\-–—()[\]|.]+$/g;

/** A status phrase that is the whole of a fragment (after punctuation), or null. */
function statusOf(fragment: string): { status: ActionStatus; word: string } | null {
  const f = fragment.replace(STATUS_EDGE, '').replace(/\s+(?:on|in|by|at)$/i, '');
  if (!f || f.length > 30 || /\d/.test(f)) return null;
  const st = parseStatus(f);
  if (!st.status || !st.word || !DATE_CELL_STATUS.has(st.word.toLowerCase().replace(/[-_\s]+/g, ' '))) return null;
  // Only the phrase itself, nothing after it.
  return st.word.length === f.length ? { status: st.status, word: st.word } : null;
}

// After the last date: "30 September 2013 – Review Completed", "– action closed".
const DONE_AFTER = /^(?:[a-z]+ ){0,3}?(completed|complete|achieved|implemented|actioned|delivered|done|closed|finished)$/i;
const NOT_YET = /\b(?:to|be|will|not|yet|being|awaiting|until|when|once|if|un|un-|never|partially|partly)\b/i;

function statusAfter(fragment: string): { status: ActionStatus; word: string } | null {
  const exact = statusOf(fragment);
  if (exact) return exact;
  const f = fragment.replace(STATUS_EDGE, '');
  if (f.length > 40) return null;
  const m = DONE_AFTER.exec(f);
  if (!m || NOT_YET.test(f)) return null;
  return { status: 'complete', word: f };
}

/** Reads a timescale cell. Never throws. */
export function parseTimescale(text: string): Timescale {
  const out: Timescale = { milestones: [], target: null, keywords: [], unparsed: [], history: [] };
  if (typeof text !== 'string') return out;
  // Long text is a sentence, not a timescale: read only the first 500 characters.
  const t = foldLookalikes(text.slice(0, 500)).text.replace(/\s+/g, ' ').trim();
  if (!t) return out;

  // "Completed", "Achieved": status typed where the date goes.
  const whole = statusOf(t);
  if (whole) {
    out.status = whole.status;
    out.statusWord = whole.word;
    return out;
  }

  // Blank out keywords, remembering them in order.
  let rest = t;
  for (const [re, kw] of KEYWORDS) {
    rest = rest.replace(re, (m) => {
      if (!out.keywords.includes(kw)) out.keywords.push(kw);
      return ' '.repeat(m.length);
    });
  }

  const gaps: { text: string; before: boolean }[] = [];
  // The words just before each milestone, for telling old dates from new in a revision.
  const leadIns: string[] = [];
  let last = 0;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(rest); m; m = DATE_RE.exec(rest)) {
    const raw = m[0];
    let iso: IsoDate | null = null;
    if (m[1]) iso = laterOfRange(m[1], m[2]);
    else if (m[3]) iso = parseDateText(m[4])?.iso ?? null;
    else if (m[5]) iso = null;
    else if (m[6] || m[7] || m[8] || m[9]) iso = parseDateText(raw)?.iso ?? null;
    else if (m[10]) {
      // Q1 ends 30 June, Q2 30 September, Q3 31 December of the first year; Q4 31 March of the second.
      const first = fullYear(Number(m[11]), m[11].length);
      const second = m[12].length === 2 ? fullYear(Number(m[12]), 2) : Number(m[12]);
      const q = Number(m[10]);
      iso = second === first + 1 ? (q === 4 ? `${second}-03-31` : endOfMonth(first, 3 + q * 3)) : null;
    } else if (m[13]) iso = endOfMonth(Number(m[14]), Number(m[13]) * 3);
    else if (m[15]) {
      // A UK financial year ("2021/22") ends on 31 March of its second year.
      const first = Number(m[15]);
      const second = m[16].length === 2 ? fullYear(Number(m[16]), 2) : Number(m[16]);
      iso = second === first + 1 ? `${second}-03-31` : null;
    }
    const gap = rest.slice(last, m.index);
    if (iso === null) {
      gaps.push({ text: gap, before: false });
      out.unparsed.push(raw.trim());
    } else {
      const label = gap
        .trim()
        .replace(/^[\s/,;:&+\-–—(|.]+|[\s/,;:&+\-–—)|.]+$/g, '')
        .trim();
      let isLabel = label.length > 0 && !/\d/.test(label) && !JOINERS.test(gap) && label.length <= 60;
      // "Completed 31 Mar 20": the words before the first date are status, not a label.
      const st = isLabel && out.milestones.length === 0 && out.status === undefined ? statusOf(label) : null;
      if (st) {
        out.status = st.status;
        out.statusWord = st.word;
        isLabel = false;
      }
      if (!isLabel) gaps.push({ text: gap, before: true });
      out.milestones.push({ iso, label: isLabel ? label : null, text: raw.trim() });
      leadIns.push(gap);
    }
    last = m.index + raw.length;
  }
  const tail = rest.slice(last);
  // "31/03/21 - Achieved": status after the last date.
  const st = out.milestones.length > 0 && out.status === undefined ? statusAfter(tail) : null;
  if (st) {
    out.status = st.status;
    out.statusWord = st.word;
  } else gaps.push({ text: tail, before: false });

  for (const g of gaps) {
    const frag = g.text.trim();
    if (!frag || JOINERS.test(frag)) continue;
    // Words with digits were meant as dates; other words only matter when nothing was read.
    if (/\d/.test(frag) || (out.milestones.length === 0 && out.keywords.length === 0)) {
      out.unparsed.push(frag.replace(/^[\s/,;:&+\-–—(|.]+|[\s/,;:&+\-–—)|.]+$/g, ''));
    }
  }
  out.target = out.milestones.reduce<IsoDate | null>((max, m) => (max === null || m.iso > max ? m.iso : max), null);
  if (out.milestones.length > 1 && REVISION.test(rest)) splitRevision(out, leadIns);
  // Stacked sub-actions: "Done (March 2004)" on one line of three says the action is under way, not done.
  const lines =
    out.status === 'complete'
      ? text
          .slice(0, 500)
          .split('\n')
          .filter((l) => l.trim()).length
      : 1;
  if (lines > 1) {
    out.status = 'started';
    out.statusWord = `${out.statusWord ?? 'done'} (1 of ${lines} lines)`;
  }
  return out;
}

// Words that say a date was changed rather than that there are several milestones.
const REVISION =
  /\b(revised|re-?profiled|extended|moved|changed|rescheduled|slipped|deferred|postponed|put back|brought forward|was|originally|previously|now)\b/i;
const OLD_LEAD_IN = /\b(from|was|originally|original|previously|previous|old|initially)\b[^a-z]*$/i;
const NEW_LEAD_IN = /\b(to|now|new|revised|extended|moved|changed|rescheduled|deferred|postponed|until)\b[^a-z]*$/i;

/** A revised timescale: the new date is the target, the others its history (oldest first). */
function splitRevision(out: Timescale, leadIns: string[]): void {
  const ms = out.milestones;
  let current = -1;
  for (let i = ms.length - 1; i >= 0 && current < 0; i--) {
    if (NEW_LEAD_IN.test(leadIns[i]) && !OLD_LEAD_IN.test(leadIns[i])) current = i;
  }
  if (current < 0) {
    // "31 Aug 21 (revised from 30 Jun 21)": the date not introduced as old is the new one.
    const notOld = ms.map((_, i) => i).filter((i) => !OLD_LEAD_IN.test(leadIns[i]));
    current = notOld.length === 1 ? notOld[0] : ms.findIndex((m) => m.iso === out.target);
  }
  const kept = ms[current];
  out.history = ms
    .filter((_, i) => i !== current)
    .map((m) => m.iso)
    .sort();
  out.milestones = [{ ...kept, label: null }];
  out.target = kept.iso;
}

/**
 * Status words: what trackers write where there is no percentage ("Complete", "In
 * Progress", "Not Started", "Superseded"), and the cell of a Status / RAG / BRAG / Progress
 * column, which may hold a status word, a colour word or both ("Green (complete)").
 *
 * A status word counts when it is the whole cell or starts it ("Complete - report to March
 * committee", "In progress: awaiting sign-off", "Implemented.  The policy was approved…");
 * a narrative that merely mentions the word later does not. Matching ignores case,
 * lookalike letters, hyphens between words ("on-track") and trailing punctuation.
 */
import type { RagLabel } from '../sheetspec';
import { foldLookalikes, hasLookalikes } from './lookalike';
import { parseStatedRag } from './rag';

/**
 * Where an action stands, in words. `dropped` is off the list (cancelled, superseded,
 * withdrawn, not applicable): left out of counts and roll-ups.
 */
export type ActionStatus = 'complete' | 'started' | 'not-started' | 'dropped';

/**
 * The status vocabulary: each phrase (lower case, single spaces; a hyphen between words
 * reads as a space) and what it means. Documented in docs/RAG.md.
 */
export const STATUS_WORDS: Readonly<Record<ActionStatus, readonly string[]>> = {
  complete: [
    'complete',
    'completed',
    'complete and closed',
    'completed and closed',
    'fully complete',
    'fully completed',
    'achieved',
    'fully achieved',
    'actioned',
    'done',
    'closed',
    'implemented',
    'fully implemented',
    'delivered',
    'finished',
    'met',
    'fully met',
    'resolved',
    'in place',
    'embedded',
    'business as usual',
    'bau',
    'signed off',
  ],
  started: [
    'in progress',
    'work in progress',
    'wip',
    'on track',
    'on target',
    'on schedule',
    'ongoing',
    'on going',
    'progressing',
    'being progressed',
    'being implemented',
    'work ongoing',
    'work underway',
    'partially implemented',
    'partly implemented',
    'part implemented',
    'substantially implemented',
    'largely implemented',
    'partially complete',
    'partially completed',
    'partly complete',
    'partly completed',
    'part complete',
    'part completed',
    'substantially complete',
    'substantially completed',
    'largely complete',
    'largely completed',
    'partially achieved',
    'partly achieved',
    'substantially achieved',
    'largely achieved',
    'partially actioned',
    'partly actioned',
    'partially met',
    'partly met',
    'substantially met',
    'largely met',
    'assigned',
    'resuming',
    'resumed',
    'underway',
    'under way',
    'started',
    'commenced',
    'in hand',
    'open',
    'active',
    'behind',
    'behind schedule',
    'off track',
    'at risk',
    'delayed',
    'slipped',
    'overdue',
    'some slippage',
    'slipping',
  ],
  'not-started': [
    'not started',
    'not yet started',
    'not begun',
    'not yet begun',
    'not commenced',
    'not yet commenced',
    'not due',
    'not yet due',
    'not yet actioned',
    'not implemented',
    'not yet implemented',
    'pending',
    'unassigned',
    'to start',
    'to be started',
    'planned',
    'not progressed',
    'no progress',
    'awaiting start',
  ],
  dropped: [
    'cancelled',
    'canceled',
    'superseded',
    'closed superseded',
    'deferred',
    'suspended',
    'withdrawn',
    'n/a',
    'na',
    'not applicable',
    'no longer required',
    'no longer needed',
    'no longer applicable',
    'merged',
    'duplicate',
    'on hold',
    'paused',
    'risk accepted',
    'accepted risk',
    'not agreed',
    'rejected',
  ],
};

const VOCAB = new Map<string, ActionStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as [ActionStatus, readonly string[]][]) {
  for (const w of words) VOCAB.set(w, status);
}
const MAX_WORDS = 4;

// Words that also begin ordinary sentences ("Complete the review", "Open the new centre",
// "Planned maintenance", "NA" as initials): at the start of a longer cell they count only
// when punctuation or a number follows, never before another word.
const NEEDS_SEPARATOR = new Set([
  'complete',
  'done',
  'open',
  'met',
  'na',
  'n/a',
  'wip',
  'bau',
  'active',
  'planned',
  'to start',
  'merged',
  'duplicate',
  'embedded',
  'in place',
  'assigned',
  'behind',
  'delayed',
  'paused',
  'rejected',
]);

/** The head of a cell, normalised for matching: lower case, single spaces, no leading bullet. */
function normalise(text: string): string {
  // Only the start matters: a status word leads the cell.
  let t = text.length > 160 ? text.slice(0, 160) : text;
  if (hasLookalikes(t)) t = foldLookalikes(t).text;
  return t
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\u2022\u00b7\u25aa\u25e6*\-–—([]+/, '')
    .replace(/([a-z])[-_]([a-z])/g, '$1 $2')
    .trim();
}

const TRAILING = /[\s.!?,;:*)\]]+$/;
const ONLY_TRAILING = /^[\s.!?,;:*)\]]*$/;
// After a status word at the start of a longer cell: punctuation, a bracket or a number.
const SEPARATOR = /^ ?(?:[-–—:;,.(!|[/]|\d)/;
// The first few words: letter runs ("n/a" too) split by single spaces.
const HEAD_WORDS = /^[a-z]+(?:\/[a-z]+)?(?: [a-z]+(?:\/[a-z]+)?){0,3}/;

/** The status phrase that starts already-normalised text, and what follows it. */
function matchHead(t: string): { word: string; status: ActionStatus; rest: string } | null {
  const whole = t.replace(TRAILING, '');
  const exact = VOCAB.get(whole) ?? VOCAB.get(whole.replace(/ ?[-–—] ?/g, ' '));
  if (exact) return { word: whole, status: exact, rest: '' };
  const head = HEAD_WORDS.exec(t);
  if (!head) return null;
  const words = head[0].split(' ');
  for (let n = Math.min(words.length, MAX_WORDS); n >= 1; n--) {
    const word = n === words.length ? head[0] : words.slice(0, n).join(' ');
    const status = VOCAB.get(word);
    if (!status) continue;
    const rest = t.slice(word.length);
    if (rest === '' || ONLY_TRAILING.test(rest) || SEPARATOR.test(rest) || (!NEEDS_SEPARATOR.has(word) && rest[0] === ' ')) {
      return { word, status, rest };
    }
    // "Complete the review": a verb, not a status; a shorter phrase would be no better.
    return null;
  }
  return null;
}

/** The matched phrase as the cell writes it ("In Progress"), else as matched. */
function asWritten(text: string, phrase: string): string {
  const t = text.trimStart().replace(/^[\u2022\u00b7\u25aa\u25e6*\-–—([\s]+/, '');
  const n = phrase.length;
  const cand = t.slice(0, n);
  if (cand.toLowerCase().replace(/[-_\s]/g, ' ') === phrase) return cand;
  return phrase;
}

/** What a status cell says. `word` is the phrase matched, as written, for reasons. */
export interface StatusReading {
  status: ActionStatus | null;
  /** False when the text holds words but no status word leads it. Empty text is known. */
  known: boolean;
  word: string | null;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Reads a status word ("Completed", "In progress: awaiting sign-off", "Superseded").
 * Empty text (or only punctuation, "-") gives { status: null, known: true }. Never throws.
 */
export function parseStatus(text: string): StatusReading {
  if (typeof text !== 'string') return { status: null, known: false, word: null };
  const t = normalise(text);
  if (!HAS_WORD.test(t)) return { status: null, known: true, word: null };
  const m = matchHead(t);
  return m ? { status: m.status, known: true, word: asWritten(text, m.word) } : { status: null, known: false, word: null };
}

// Status words that are also judgements, so they state a RAG too. Every complete word
// states Complete.
const JUDGED: Record<string, RagLabel> = {
  'on track': 'On Target',
  'on target': 'On Target',
  'on schedule': 'On Target',
  'off track': 'Concern',
  behind: 'Concern',
  'behind schedule': 'Concern',
  'at risk': 'Concern',
  delayed: 'Concern',
  slipped: 'Concern',
  overdue: 'Concern',
  'some slippage': 'Caution',
  slipping: 'Caution',
};

// Colour words and letters at the start of a status cell, longest first.
const COLOURS: [RegExp, RagLabel, ActionStatus | null][] = [
  [/^(?:red ?[/–-]? ?amber|amber ?[/–-]? ?red|r ?\/ ?a|a ?\/ ?r|ra|ar)(?![a-z])/, 'Concern', null],
  [/^(?:green ?[/–-]? ?amber|amber ?[/–-]? ?green|g ?\/ ?a|a ?\/ ?g|ag|ga)(?![a-z])/, 'Caution', null],
  [/^(?:red|r)(?![a-z])/, 'Concern', null],
  [/^(?:amber|yellow|orange|a)(?![a-z])/, 'Caution', null],
  [/^(?:green|g)(?![a-z])/, 'On Target', null],
  [/^(?:blue|b)(?![a-z])/, 'Complete', 'complete'],
  [/^(?:grey|gray|purple)(?![a-z])/, 'Not Started', null],
];

/** A colour word leading the cell, and what follows it ("Green (complete)"). */
function readColour(t: string): { rag: RagLabel; status: ActionStatus | null; word: string; rest: string } | null {
  for (const [re, rag, status] of COLOURS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    const alone = rest === '' || ONLY_TRAILING.test(rest);
    // A letter stands alone ("R", "G."); a colour word may carry a qualifier after punctuation.
    if (alone || (/[a-z]{3}/.test(m[0]) && SEPARATOR.test(rest))) return { rag, status, word: m[0], rest: alone ? '' : rest };
    return null;
  }
  return null;
}

/** What a Status / RAG / BRAG / Progress cell says. */
export interface StatusCell {
  /** The stated RAG, when the cell judges (a colour, "On track", "At risk", "Complete"). */
  rag: RagLabel | null;
  /** Where the action stands, when the cell says ("In Progress", "Blue", "Superseded"). */
  status: ActionStatus | null;
  /** False when the cell holds words that are neither. Empty text is known. */
  known: boolean;
  /** The status phrase or colour matched, as written, for reasons. */
  word: string | null;
}

// RAG words that are not status words: "Caution", "Some concerns", "Good", "Critical".
const RAG_LEAD = /^(concerns?|some concerns?|minor concerns?|caution|critical|good)(?=$|[\s\-–—:;,.(!|[/])/;

/**
 * Reads a cell of a Status, RAG, BRAG or Progress column. A colour word gives the RAG (Blue
 * also says complete); a qualifier after it ("Green (complete)", "Red - not started") gives
 * the status, and a complete one makes the RAG Complete. Status words give the status, and
 * a RAG when they judge ("On track" → On Target, "At risk" → Concern, every complete word →
 * Complete); "In Progress", "Ongoing", "Pending", "Superseded" give no RAG. Other RAG words
 * ("Some concerns") give the RAG alone. Never throws.
 */
export function parseStatusCell(text: string): StatusCell {
  if (typeof text !== 'string') return { rag: null, status: null, known: false, word: null };
  const t = normalise(text);
  if (!HAS_WORD.test(t)) return { rag: null, status: null, known: true, word: null };

  const colour = readColour(t);
  if (colour) {
    const q = colour.rest.replace(/^[\s\-–—:;,.(!|[/]+/, '');
    const qualifier = q ? matchHead(q) : null;
    const status = qualifier?.status ?? colour.status;
    const rag = qualifier?.status === 'complete' ? 'Complete' : colour.rag;
    return { rag, status, known: true, word: asWritten(text, colour.word) };
  }

  const m = matchHead(t);
  if (m) {
    const rag = m.status === 'complete' ? 'Complete' : (JUDGED[m.word] ?? null);
    return { rag, status: m.status, known: true, word: asWritten(text, m.word) };
  }

  const r = parseStatedRag(t);
  if (r.rag) return { rag: r.rag, status: r.rag === 'Complete' ? 'complete' : null, known: true, word: text.trim() };
  const lead = RAG_LEAD.exec(t);
  const rr = lead ? parseStatedRag(lead[1]).rag : null;
  if (rr) return { rag: rr, status: null, known: true, word: asWritten(text, lead![1]) };
  return { rag: null, status: null, known: false, word: null };
}

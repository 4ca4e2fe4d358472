/**
 * Status words where a plan has no percentage: "Implemented", "In Progress", "Pending",
 * "Superseded". A status cell may also hold a RAG word or colour ("Amber", "Blue" in BRAG),
 * so `parseStatusCell` reads both from the one cell.
 */
import type { RagLabel } from '../sheetspec';
import { foldLookalikes } from './lookalike';
import { parseStatedRag } from './rag';

/**
 * What a status says: done, under way, not begun, or dropped from the plan (cancelled,
 * superseded, deferred, withdrawn, not applicable: left out of counts and roll-ups).
 */
export type ActionStatus = 'complete' | 'started' | 'not-started' | 'dropped';

// Longest forms first: "not started" before "started", "partially implemented" before "implemented".
const STATUS_WORDS: [RegExp, ActionStatus][] = [
  [/^(not (yet )?(started|begun|commenced|due)|not yet actioned|pending|unassigned|to (start|be started)|planned|not progressed|no progress|awaiting start)$/, 'not-started'],
  [
    /^(cancell?ed|superseded|deferred|suspended|withdrawn|n\/?a|not applicable|no longer (required|needed|applicable)|closed - superseded|merged|duplicate|on hold|paused|risk accepted|accepted risk|not agreed|rejected)$/,
    'dropped',
  ],
  [
    /^(partially|partly|part|substantially|largely) (implemented|complete|completed|achieved|actioned|met)$|^(in progress|in-progress|on track|on-track|on target|ongoing|on-going|progressing|underway|under way|started|commenced|assigned|resuming|resumed|open|active|in hand|being (progressed|implemented)|work (in progress|ongoing|underway)|wip|behind|off track|at risk|delayed|slipped|overdue|some slippage|slipping)$/,
    'started',
  ],
  [
    /^(complete|completed|complete[d]? and closed|achieved|actioned|done|closed|implemented|fully implemented|fully achieved|delivered|finished|met|fully met|resolved|in place|embedded|business as usual|bau|signed off)$/,
    'complete',
  ],
];

/** Status words that are also a judgement of progress: they state a RAG too. */
const JUDGEMENTS: [RegExp, RagLabel][] = [
  [/^(on track|on-track|on target)$/, 'On Target'],
  [/^(off track|behind|at risk|delayed|overdue|slipped)$/, 'Concern'],
  [/^(some slippage|slipping)$/, 'Caution'],
];

/** Normalised for matching: lookalikes folded, lower case, tidy spaces, trailing punctuation gone. */
function norm(text: string): string {
  return foldLookalikes(text)
    .text.toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!;:,]+$/, '')
    .trim();
}

function match(t: string): { status: ActionStatus; word: string } | null {
  for (const [re, status] of STATUS_WORDS) if (re.test(t)) return { status, word: t };
  return null;
}

/**
 * The status a cell's words state. A status word that opens a longer cell counts
 * ("Complete - reported to March committee", "In progress: awaiting sign-off"); a narrative
 * that only mentions one later does not. Empty text is known and states nothing.
 */
export function parseStatus(text: string): { status: ActionStatus | null; known: boolean; word: string | null } {
  if (typeof text !== 'string') return { status: null, known: false, word: null };
  const t = norm(text);
  if (!t) return { status: null, known: true, word: null };
  const whole = match(t);
  if (whole) return { status: whole.status, known: true, word: text.trim().replace(/[.!;:,]+$/, '') };
  // The opening words, up to a dash, colon, full stop, bracket or line break.
  const lead = /^([a-z/ -]{2,40}?)\s*(?:[-–—:.;,(]|\n|$)/.exec(t.replace(/\s*\n\s*/g, '\n'));
  if (lead && lead[1].trim() !== t) {
    const opening = match(lead[1].trim());
    if (opening) return { status: opening.status, known: true, word: text.trim().slice(0, lead[1].trim().length) };
  }
  return { status: null, known: false, word: null };
}

/**
 * A Status, RAG or BRAG cell: its RAG (colour words, RAG words, judgements such as "On
 * track") and its status (status words; Blue and "Complete" say complete). Known when
 * either reading succeeds; "In Progress" gives a status and no RAG.
 */
export function parseStatusCell(text: string): { rag: RagLabel | null; status: ActionStatus | null; known: boolean; word: string | null } {
  const s = parseStatus(text);
  const t = typeof text === 'string' ? norm(text) : '';
  let rag: RagLabel | null = null;
  for (const [re, label] of JUDGEMENTS) if (re.test(t)) rag = label;
  if (s.status === 'started' && rag === null) return { rag: null, status: 'started', known: true, word: s.word };
  if (s.status === 'not-started' || s.status === 'dropped') return { rag: null, status: s.status, known: true, word: s.word };
  if (rag === null) {
    // "Green (complete)", "AMBER - some slippage": the colour opens the cell.
    const r = parseStatedRag(text);
    if (r.rag) rag = r.rag;
    else {
      const opening = /^([a-z /-]{1,20}?)\s*(?:[-–—:(]|$)/.exec(t);
      const again = opening && opening[1] !== t ? parseStatedRag(opening[1]) : null;
      if (again?.rag) rag = again.rag;
    }
  }
  if (s.status === 'complete') return { rag: rag ?? 'Complete', status: 'complete', known: true, word: s.word };
  if (s.status) return { rag, status: s.status, known: true, word: s.word };
  if (rag) return { rag, status: rag === 'Complete' ? 'complete' : null, known: true, word: rag === 'Complete' ? text.trim() : null };
  return { rag: null, status: null, known: !t, word: null };
}

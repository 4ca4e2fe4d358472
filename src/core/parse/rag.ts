/** Stated RAG in the words councils use: Red/Amber/Green, On Track, Completed, Blue (BRAG), Purple. */
import type { RagLabel } from '../sheetspec';
import { foldLookalikes } from './lookalike';

const WORDS: [RegExp, RagLabel][] = [
  [/^(red ?[/–-] ?amber|amber ?[/–-] ?red|ra|ar|r ?\/ ?a|a ?\/ ?r)$/, 'Concern'],
  [/^(green ?[/–-] ?amber|amber ?[/–-] ?green|ag|ga|a ?\/ ?g|g ?\/ ?a)$/, 'Caution'],
  [/^(not started|not yet started|grey|gray|purple|not due|not begun|white)$/, 'Not Started'],
  [/^(concern|red|r|off track|behind|at risk|critical|overdue)$/, 'Concern'],
  [/^(caution|amber|a|yellow|orange|some concerns?|minor concerns?|slipping)$/, 'Caution'],
  [/^(on target|green|g|on track|good|in progress|progressing|on schedule)$/, 'On Target'],
  [/^(complete|completed|blue|b|done|closed|achieved|finished|delivered)$/, 'Complete'],
];

// "Green (complete)", "Red (off track)": a colour explained in brackets.
const QUALIFIED = /^([a-z][a-z /–-]{0,20}?) ?\(([^()]{1,40})\)$/;

function lookup(t: string): RagLabel | null {
  for (const [re, rag] of WORDS) if (re.test(t)) return rag;
  return null;
}

/**
 * Reads a stated RAG. Empty is known (nothing stated); other words are unknown. A word
 * with a bracketed explanation ("Green (complete)") reads as the word, except that a
 * complete explanation makes it Complete.
 */
export function parseStatedRag(text: string): { rag: RagLabel | null; known: boolean } {
  if (typeof text !== 'string') return { rag: null, known: false };
  const t = foldLookalikes(text.length > 200 ? text.slice(0, 200) : text)
    .text.toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return { rag: null, known: true };
  const rag = lookup(t);
  if (rag) return { rag, known: true };
  const q = QUALIFIED.exec(t);
  if (q) {
    const word = lookup(q[1].trim());
    if (word) return { rag: lookup(q[2].trim()) === 'Complete' ? 'Complete' : word, known: true };
  }
  return { rag: null, known: false };
}

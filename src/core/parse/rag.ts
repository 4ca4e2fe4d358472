/** Stated RAG in the words councils use: Red/Amber/Green, On Track, Completed, Blue. */
import type { RagLabel } from '../sheetspec';
import { foldLookalikes } from './lookalike';

const WORDS: [RegExp, RagLabel][] = [
  [/^(red ?[/-] ?amber|amber ?[/-] ?red|ra|ar)$/, 'Concern'],
  [/^(green ?[/-] ?amber|amber ?[/-] ?green|ag|ga)$/, 'Caution'],
  [/^(not started|not yet started|grey|gray|not due|not begun|white)$/, 'Not Started'],
  [/^(concern|red|r|off track|behind|at risk|critical|overdue)$/, 'Concern'],
  [/^(caution|amber|a|yellow|orange|some concerns?|minor concerns?|slipping)$/, 'Caution'],
  [/^(on target|green|g|on track|good|in progress|progressing|on schedule)$/, 'On Target'],
  [/^(complete|completed|blue|b|done|closed|achieved|finished|delivered)$/, 'Complete'],
];

/** Reads a stated RAG. Empty is known (nothing stated); other words are unknown. */
export function parseStatedRag(text: string): { rag: RagLabel | null; known: boolean } {
  if (typeof text !== 'string') return { rag: null, known: false };
  const t = foldLookalikes(text)
    .text.toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return { rag: null, known: true };
  for (const [re, rag] of WORDS) if (re.test(t)) return { rag, known: true };
  return { rag: null, known: false };
}

/** Small text helpers shared by the core's messages and the front ends' lists. */
import { foldLookalikes } from './parse/lookalike';

/** Plan text on one line, cut to `n` characters with an ellipsis: for messages and narrow lists. */
export function shortText(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** "1 day", "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A person's name or role as a key: case, dots, spacing and lookalike letters ignored, so
 * "J. Craig", "j craig" and a Cyrillic-typed "Ј Craig" are one lead.
 */
export function personKey(s: string): string {
  return foldLookalikes(s)
    .text.toLowerCase()
    .replace(/[\s.]+/g, ' ')
    .trim();
}

/** Small text helpers shared by the core's messages and the front ends' lists. */
import { foldLookalikes } from './parse/lookalike';

/**
 * Plan text on one line, cut to `n` characters ending "...": for messages and narrow lists.
 * Three dots rather than "…": a message of only Latin-1 characters is stored at one byte per
 * character (a 100,000-action plan's findings take half the memory), and old Windows consoles
 * show them.
 */
export function shortText(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 3).trimEnd()}...` : one;
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

/**
 * The same text as one compact string. V8 keeps text built by joining pieces as a tree of
 * pieces, and text cut out of a larger string as a view that keeps the larger one alive; both
 * cost several times the text itself when a report holds hundreds of thousands of them. A JSON
 * round trip gives a fresh flat string, one byte per character when the text allows it, and
 * is exact for any string (lone surrogates included).
 */
export function compactText(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * Lookalike characters: letters of another script standing in Latin text (the seed's
 * Timescale "ТВС" is Cyrillic, its lead "н/н&Р" too), fullwidth letters, and invisible
 * characters. They break searching, sorting and date reading, and nobody can see them.
 * Genuine Cyrillic or Greek text is left alone.
 */

/** Which kind of character was folded. */
export type LookalikeScript = 'Cyrillic' | 'Greek' | 'Fullwidth' | 'Invisible';

/** One folded character. */
export interface Lookalike {
  index: number;
  char: string;
  /** Its Latin twin ("" for an invisible character, which is removed). */
  latin: string;
  script: LookalikeScript;
}

// Letters with a Latin twin that looks the same in common UI fonts.
const CYRILLIC: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  ј: 'j',
  о: 'o',
  р: 'p',
  ѕ: 's',
  х: 'x',
  у: 'y',
  ү: 'y',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  // Small capitals that people read as capitals in short codes ("н/н&Р" is H/H&P).
  н: 'H',
  т: 'T',
  к: 'K',
  м: 'M',
  в: 'B',
};
const GREEK: Record<string, string> = {
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

function twin(ch: string): { latin: string; script: LookalikeScript } | null {
  if (CYRILLIC[ch] !== undefined) return { latin: CYRILLIC[ch], script: 'Cyrillic' };
  if (GREEK[ch] !== undefined) return { latin: GREEK[ch], script: 'Greek' };
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return { latin: String.fromCharCode(code - 0xfee0), script: 'Fullwidth' };
  if (INVISIBLE.test(ch)) return { latin: '', script: 'Invisible' };
  return null;
}

const IS_CYRILLIC_OR_GREEK = /[\u0370-\u03FF\u0400-\u04FF\u0500-\u052F]/;
const IS_LATIN = /[A-Za-z\u00C0-\u024F]/;
const FOREIGN_RUN = /[\u0370-\u03FF\u0400-\u04FF\u0500-\u052F]/g;

/** Fast test: does the text hold anything foldLookalikes might change? */
export function hasLookalikes(text: string): boolean {
  return /[\u0370-\u03FF\u0400-\u052F\uFF01-\uFF5E\u200B-\u200D\u2060\uFEFF\u00AD]/.test(text);
}

/**
 * Folds lookalikes to their Latin twins and reports each. A word is folded when it mixes
 * scripts, or when every foreign letter in it has a twin and the text around it is Latin
 * or short (a code, a date, a lead). Words with letters that have no twin ("Привет") are
 * genuine text and are left alone, as is text that is mostly Cyrillic or Greek.
 */
export function foldLookalikes(text: string): { text: string; found: Lookalike[] } {
  if (typeof text !== 'string' || !hasLookalikes(text)) return { text: typeof text === 'string' ? text : '', found: [] };
  const found: Lookalike[] = [];
  const words = text.split(/(\s+)/);
  // Is the text as a whole Latin, or a genuine foreign-language text?
  let latinWords = 0;
  let foreignOnlyWords = 0;
  for (const w of words) {
    if (IS_LATIN.test(w)) latinWords++;
    else if (IS_CYRILLIC_OR_GREEK.test(w)) foreignOnlyWords++;
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  const latinContext = latinWords > 0 ? latinWords >= foreignOnlyWords : letters.length <= 6;

  let index = 0;
  const out: string[] = [];
  for (const w of words) {
    let folded = w;
    const mixed = IS_LATIN.test(w) && IS_CYRILLIC_OR_GREEK.test(w);
    const foreign = (w.match(FOREIGN_RUN) ?? []) as string[];
    const allTwins = foreign.every((ch) => twin(ch) !== null);
    const foldForeign = foreign.length > 0 && allTwins && (mixed || latinContext);
    let built = '';
    for (let i = 0; i < w.length; i++) {
      const ch = w[i];
      const t = twin(ch);
      const isForeign = IS_CYRILLIC_OR_GREEK.test(ch);
      if (t && (t.script === 'Fullwidth' || t.script === 'Invisible' || (isForeign && foldForeign))) {
        found.push({ index: index + i, char: ch, latin: t.latin, script: t.script });
        built += t.latin;
      } else built += ch;
    }
    folded = built;
    out.push(folded);
    index += w.length;
  }
  return { text: out.join(''), found };
}

/**
 * Lead officers: "D Robertson / J Craig" is two people; role titles ("DCE (ECOD)",
 * "H/GSP", "H/HR ICT & OD") are one lead each. Rules: " / " with spaces, ";" and new lines
 * always split; an unspaced "/" never does; "&", "," and " and " split only when every part
 * looks like a person's name. "McCulloch- Graham" (a line-wrap artefact) is rejoined.
 */

/** True for "J Craig", "J. Craig", "JC Smith", "Jane Craig", "R McCulloch-Graham". */
export function looksLikePerson(s: string): boolean {
  const t = s.trim();
  return (
    /^(?:[A-Z]\.?\s?){1,3}\s*[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:[A-Z][a-z]+)?$/.test(t) ||
    /^[A-Z][a-z]+(?:\s[A-Z]\.?)?\s[A-Z][a-z]*(?:[-'][A-Z]?[a-z]+|[A-Z][a-z]+)*$/.test(t)
  );
}

function tidy(s: string): string {
  return s
    .replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a lead cell into leads. Never throws. */
export function parseLeads(text: string): string[] {
  if (typeof text !== 'string') return [];
  const out: string[] = [];
  for (const chunk of text.slice(0, 2000).split(/\s+\/\s+|;|\r?\n/)) {
    const c = tidy(chunk);
    if (!c) continue;
    const parts = c
      .split(/\s*&\s*|\s*,\s*|\s+and\s+/)
      .map(tidy)
      .filter(Boolean);
    if (parts.length > 1 && parts.every(looksLikePerson)) out.push(...parts);
    else out.push(c.replace(/[,;]+$/, '').trim());
  }
  return out.filter(Boolean);
}

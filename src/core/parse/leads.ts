/**
 * Lead officers: "D Robertson / J Craig" is two people; role titles ("DCE (ECOD)",
 * "H/GSP", "H/HR ICT & OD", "Head of Finance and Procurement") are one lead each. Rules:
 * " / " with spaces, ";", new lines and bullets ("•" anywhere; "-", "*", "–" at a line's
 * start) always split; an unspaced "/" splits only between people ("J Smith/K Brown");
 * "&", "," and " and " split only when every part is a person's name or a whole role title
 * ("J Smith and K Brown", "Monitoring Officer & Head of HR", but not "Director of Finance
 * and Resources"). Trailing full stops are dropped; "McCulloch- Graham" (a line-wrap
 * artefact) is rejoined; "ditto" (or "do", or a ditto mark) on a line of a stacked cell
 * repeats the line above; the same lead twice is named once, in first-seen order.
 */

/** True for "J Craig", "J. Craig", "JC Smith", "Jane Craig", "R McCulloch-Graham". */
export function looksLikePerson(s: string): boolean {
  const t = s.trim();
  return (
    /^(?:[A-Z]\.?\s?){1,3}\s*[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:[A-Z][a-z]+)?$/.test(t) ||
    /^[A-Z][a-z]+(?:\s[A-Z]\.?)?\s[A-Z][a-z]*(?:[-'][A-Z]?[a-z]+|[A-Z][a-z]+)*$/.test(t)
  );
}

// "Cllr", "Mr", "Dr" before a name; "(HR)" after it.
const HONORIFIC = /^(?:cllr|councillor|mr|mrs|ms|miss|dr|prof|professor|sir|dame)\.?\s+/i;
const PAREN_TAIL = /\s*\([^()]{0,40}\)$/;
const ROLE_NOUN =
  '(?:head|director|manager|officer|lead|leader|chief executive|executive|chair(?:man|person)?|clerk|controller|treasurer|solicitor|auditor|co-?ordinator|advis[eo]r|engineer|planner|accountant|secretary|member|holder|commissioner|superintendent|principal|registrar|architect|surveyor|analyst|champion|sponsor|owner)';
// A role title: begins with a role noun ("Head of HR", "Director of Place", "Chief Executive")
// or ends with one ("Finance Manager", "Monitoring Officer", "S151 Officer").
const ROLE_START = new RegExp(
  `^(?:(?:assistant|deputy|interim|acting|senior|executive|strategic|corporate|service|group|joint|chief)\\s+)*${ROLE_NOUN}(?:\\s+(?:of|for)\\s+\\S.*)?$`,
  'i',
);
const ROLE_END = new RegExp(`^\\S.*\\s${ROLE_NOUN}$`, 'i');

/** A person's name (with an honorific or a bracketed note) or a whole role title. */
function looksLikeLead(s: string): boolean {
  const t = s.replace(PAREN_TAIL, '').replace(HONORIFIC, '').trim();
  if (!t || t.length > 60) return false;
  if (looksLikePerson(t)) return true;
  // A role begins with a capital letter or a code ("S151 Officer").
  if (!/^[A-Z0-9]/.test(t)) return false;
  return ROLE_START.test(t) || ROLE_END.test(t);
}

/** "Jane Craig" but not "Project Manager", which also has the shape of a name. */
function isPersonNotRole(s: string): boolean {
  return looksLikePerson(s) && !ROLE_START.test(s) && !ROLE_END.test(s);
}

/** A name after an honorific ("Cllr A Jones") counts as a person for "/" splitting. */
function looksLikeNamed(s: string): boolean {
  return looksLikePerson(s.replace(PAREN_TAIL, '').replace(HONORIFIC, ''));
}

function tidy(s: string): string {
  return s
    .replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,;.]+$/, '');
}

// A line of a stacked cell that repeats the line above.
const DITTO = /^(?:ditto|do|as above|same|"|''|〃|”|“|″)\.?$/i;

/** True when a lead cell (or one line of it) only says "as above": "ditto", "do", '"'. */
export function isDitto(text: string): boolean {
  return typeof text === 'string' && DITTO.test(text.trim());
}

// A bullet at a line's start: "•", "·", "▪", "◦", "-", "–", "*", "o " (Word's hollow bullet).
const BULLET = /^(?:[\u2022\u00b7\u25aa\u25e6\u2023\u2043*\-–—]+|o(?=\s))\s*/;

/** One line of a lead cell: its leads. */
function leadsOfLine(line: string): string[] {
  const out: string[] = [];
  for (const chunk of line.split(/\s+\/\s+|;/)) {
    const c = tidy(chunk);
    if (!c) continue;
    let parts = c
      .split(/\s*&\s*|\s*,\s*|\s+and\s+/)
      .map(tidy)
      .filter(Boolean);
    // Commas split people only ("Anna Collier, Project Manager" is one lead with a role);
    // "&" and "and" split people and whole role titles.
    if (parts.length > 1 && (parts.every(isPersonNotRole) || (!c.includes(',') && parts.every(looksLikeLead)))) {
      for (const p of parts) out.push(...splitSlash(p));
      continue;
    }
    parts = splitSlash(c);
    out.push(...parts);
  }
  return out;
}

// Initials or a post's code: "MW", "YO", "DoN", "NED-WT", "S151" (two or more characters).
const CODE = /^[A-Z][A-Za-z0-9]{0,5}(?:-[A-Z][A-Za-z0-9]{0,5})?$/;
const isCode = (s: string) => s.length >= 2 && CODE.test(s) && /[A-Z].*[A-Z0-9]/.test(s);

/**
 * "J Smith/K Brown" and "MW/YO" are two leads; "H/GSP" (Head of GSP), "H/HR ICT & OD" and
 * "Chief Executive/Head of Paid Service" are one.
 */
function splitSlash(c: string): string[] {
  if (!c.includes('/')) return [c];
  const parts = c.split('/').map(tidy);
  if (parts.length < 2) return [c];
  return parts.every(looksLikeNamed) || parts.every(isCode) ? parts : [c];
}

/**
 * A stacked lead cell line by line, each line's leads, with "ditto" lines resolved to the
 * line above (a ditto with nothing above stays as written, for the caller to resolve
 * against the row above). Lines with no lead are left out. Never throws.
 */
export function parseLeadLines(text: string): string[][] {
  if (typeof text !== 'string') return [];
  const lines: string[][] = [];
  for (const raw of text.slice(0, 2000).split(/\r?\n|\r|\u2022/)) {
    const line = raw.trim().replace(BULLET, '');
    if (!line) continue;
    if (DITTO.test(line) && lines.length > 0) {
      lines.push([...lines[lines.length - 1]]);
      continue;
    }
    const leads = leadsOfLine(line);
    if (leads.length) lines.push(leads);
  }
  // "Children, Schools and Families" over "John Harris" and "Ann Domeney": a first line
  // that names neither a person nor a role, over lines of people only, is the service.
  if (
    lines.length > 1 &&
    lines[0].length === 1 &&
    !looksLikeLead(lines[0][0]) &&
    !isCode(lines[0][0]) &&
    lines.slice(1).every((l) => l.every(looksLikeNamed))
  ) {
    lines.shift();
  }
  return lines;
}

/** Splits a lead cell into leads, each named once, in order. Never throws. */
export function parseLeads(text: string): string[] {
  if (typeof text !== 'string') return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of parseLeadLines(text)) {
    for (const lead of line) {
      const key = lead.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(lead);
      }
    }
  }
  return out;
}

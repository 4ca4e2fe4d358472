/**
 * Just enough XML for SpreadsheetML, hand-rolled for speed and safety: indexOf scanning,
 * attributes by a linear loop, and only the five predefined entities and numeric
 * references decoded. DTDs are never read, so entity declarations are never expanded.
 */

/** Attributes of a start tag, from the text between the name and ">". */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = tag.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(tag[i])) i++;
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    let j = eq + 1;
    while (j < n && /\s/.test(tag[j])) j++;
    const q = tag[j];
    if (q !== '"' && q !== "'") break;
    const end = tag.indexOf(q, j + 1);
    if (end < 0) break;
    out[name] = decodeEntities(tag.slice(j + 1, end));
    i = end + 1;
  }
  return out;
}

/** Index of the ">" that ends the tag starting at `lt`, skipping quoted values. */
export function tagEnd(xml: string, lt: number): number {
  let q = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return i;
  }
  return -1;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes predefined and numeric entities; anything else (custom entities) stays literal. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Excel's own escape for characters XML cannot carry: "_x000D_" is a carriage return. */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Escapes text for element content or attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

/** Characters XML 1.0 forbids (controls other than tab, LF, CR), written Excel's way. */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) =>
    `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Every start tag of a name (e.g. "sheet") in a fragment, as attribute maps. */
export function findTags(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let i = findStart(xml, name, 0);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    if (end < 0) break;
    out.push(attrs(xml.slice(i + name.length + 1, end)));
    i = findStart(xml, name, end);
  }
  return out;
}

/** The text inside the first <name ...>...</name> element, or undefined. */
export function section(xml: string, name: string): string | undefined {
  const start = findStart(xml, name, 0);
  if (start < 0) return undefined;
  const end = tagEnd(xml, start);
  if (end < 0 || xml[end - 1] === '/') return '';
  const close = xml.indexOf(`</${name}>`, end);
  return close < 0 ? undefined : xml.slice(end + 1, close);
}

/** Index of the start tag <name (exact name), or -1. */
export function findStart(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  let i = xml.indexOf(open, from);
  while (i >= 0) {
    const c = xml[i + open.length];
    if (c === ' ' || c === '>' || c === '/' || c === '\t' || c === '\n' || c === '\r') return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

/** Text of all <t> elements in a fragment (shared strings, inline strings), skipping phonetic runs. */
export function richText(fragment: string): string {
  let f = fragment;
  if (f.indexOf('<rPh') >= 0) f = f.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '');
  let out = '';
  let i = findStart(f, 't', 0);
  while (i >= 0) {
    const end = tagEnd(f, i);
    if (end < 0) break;
    if (f[end - 1] === '/') {
      i = findStart(f, 't', end);
      continue;
    }
    const close = f.indexOf('</t>', end);
    if (close < 0) break;
    out += f.slice(end + 1, close);
    i = findStart(f, 't', close);
  }
  return decodeExcelEscapes(decodeEntities(out));
}

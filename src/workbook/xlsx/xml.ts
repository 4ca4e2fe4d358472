/**
 * A small hand-rolled XML scanner for SpreadsheetML parts.
 *
 * Why hand-rolled: sheet XML can be tens of megabytes, so we scan with indexOf and slices
 * instead of building strings char by char or a DOM; and hostile files must not be able to
 * make us expand entities. DTDs (<!DOCTYPE …>, <!ENTITY …>) are skipped without being read:
 * only the five predefined entities and numeric character references are ever decoded, so a
 * "billion laughs" document stays a few kilobytes of literal text. There are no regular
 * expressions on the hot paths and every loop advances, so scanning is linear in the input.
 *
 * Browser-safe: no Node imports.
 */

/** Token kinds returned by {@link XmlScanner.next}. Plain numbers: cheap to compare. */
export const TOK_EOF = 0;
/** A start tag (also a self-closing tag: see {@link XmlScanner.selfClosing}). */
export const TOK_OPEN = 1;
/** An end tag. */
export const TOK_CLOSE = 2;
/** Character data between tags (raw; decode with {@link XmlScanner.text}). */
export const TOK_TEXT = 3;
/** A CDATA section (its content is literal). */
export const TOK_CDATA = 4;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '
const COLON = 58; // :
const BANG = 33; // !
const QM = 63; // ?

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * A pull scanner: call {@link next} until it returns TOK_EOF, and read the current token's
 * name, attributes and text through the accessors. It is lenient (mismatched or unclosed
 * tags are reported as they come; the caller decides) because damaged workbooks should
 * still be read where they can be.
 */
export class XmlScanner {
  /** The document. */
  readonly src: string;
  /** Where the next token starts. */
  pos: number;
  /** Kind of the current token. */
  kind = TOK_EOF;
  /** Start of the current token ('<' of a tag, first char of text). */
  start = 0;
  /** End of the current token (just after '>' of a tag, or after the text). */
  end = 0;
  /** Qualified name range of the current tag. */
  nameStart = 0;
  /** End of the qualified name. */
  nameEnd = 0;
  /** Start of the local name (after any prefix). */
  localStart = 0;
  /** True when the current start tag ends with "/>". */
  selfClosing = false;
  /** Number of attributes on the current start tag. */
  attrCount = 0;
  /**
   * Set once the scanner had to be lenient about structure (a stray '<', an unquoted or
   * missing attribute value, an unterminated tag, comment or section): readers may carry on,
   * patchers must not (see {@link isWellFormed}).
   */
  damaged = false;
  /** Content range of text/CDATA tokens. */
  textStart = 0;
  /** End of the text/CDATA content. */
  textEnd = 0;
  // name start, name end, value start, value end for each attribute: reused to avoid garbage
  private readonly spans: number[] = [];

  constructor(src: string, pos = 0) {
    this.src = src;
    this.pos = pos;
  }

  /** Advances to the next token and returns its kind. Comments, PIs and DTDs are skipped. */
  next(): number {
    const src = this.src;
    const len = src.length;
    for (;;) {
      const p = this.pos;
      if (p >= len) return (this.kind = TOK_EOF);
      if (src.charCodeAt(p) !== LT) {
        let q = src.indexOf('<', p);
        if (q < 0) q = len;
        return this.textToken(p, q);
      }
      const c = src.charCodeAt(p + 1);
      if (c === SLASH) return this.closeTag(p);
      if (c === BANG) {
        if (src.startsWith('<!--', p)) {
          const q = src.indexOf('-->', p + 4);
          if (q < 0) this.damaged = true;
          this.pos = q < 0 ? len : q + 3;
          continue;
        }
        if (src.startsWith('<![CDATA[', p)) {
          let q = src.indexOf(']]>', p + 9);
          if (q < 0) ((q = len), (this.damaged = true));
          this.kind = TOK_CDATA;
          this.start = p;
          this.textStart = p + 9;
          this.textEnd = q;
          this.end = this.pos = Math.min(len, q + 3);
          return TOK_CDATA;
        }
        // <!DOCTYPE …>, <!ENTITY …> or anything else declared: skipped unread.
        this.pos = skipDeclaration(src, p + 2);
        continue;
      }
      if (c === QM) {
        const q = src.indexOf('?>', p + 2);
        if (q < 0) this.damaged = true;
        this.pos = q < 0 ? len : q + 2;
        continue;
      }
      if (p + 1 >= len || isSpace(c) || c === LT || c === GT || c === EQ) {
        // A stray '<' is not markup: treat it as text up to the next '<'.
        this.damaged = true;
        let q = src.indexOf('<', p + 1);
        if (q < 0) q = len;
        return this.textToken(p, q);
      }
      return this.openTag(p);
    }
  }

  private textToken(p: number, q: number): number {
    this.kind = TOK_TEXT;
    this.start = this.textStart = p;
    this.end = this.textEnd = this.pos = q;
    return TOK_TEXT;
  }

  private closeTag(p: number): number {
    const src = this.src;
    const len = src.length;
    let i = p + 2;
    this.nameStart = this.localStart = i;
    while (i < len) {
      const c = src.charCodeAt(i);
      if (c === GT || isSpace(c)) break;
      if (c === COLON) this.localStart = i + 1;
      i++;
    }
    this.nameEnd = i;
    const q = src.indexOf('>', i);
    if (q < 0 || src.slice(i, q).trim() !== '' || i === this.nameStart) this.damaged = true;
    this.kind = TOK_CLOSE;
    this.start = p;
    this.end = this.pos = q < 0 ? len : q + 1;
    this.attrCount = 0;
    this.selfClosing = false;
    return TOK_CLOSE;
  }

  private openTag(p: number): number {
    const src = this.src;
    const len = src.length;
    const spans = this.spans;
    let i = p + 1;
    this.nameStart = this.localStart = i;
    while (i < len) {
      const c = src.charCodeAt(i);
      if (c === GT || c === SLASH || isSpace(c)) break;
      if (c === COLON) this.localStart = i + 1;
      i++;
    }
    this.nameEnd = i;
    let n = 0;
    let selfClosing = false;
    for (;;) {
      while (i < len && isSpace(src.charCodeAt(i))) i++;
      if (i >= len) {
        this.damaged = true; // the tag never ends
        break;
      }
      const c = src.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (src.charCodeAt(i + 1) === GT) {
          selfClosing = true;
          i += 2;
          break;
        }
        this.damaged = true;
        i++;
        continue;
      }
      const ns = i;
      while (i < len) {
        const d = src.charCodeAt(i);
        if (d === EQ || d === GT || d === SLASH || isSpace(d)) break;
        i++;
      }
      const ne = i;
      while (i < len && isSpace(src.charCodeAt(i))) i++;
      let vs = i;
      let ve = i;
      if (src.charCodeAt(i) === EQ) {
        i++;
        while (i < len && isSpace(src.charCodeAt(i))) i++;
        const q = src.charCodeAt(i);
        if (q === DQ || q === SQ) {
          vs = i + 1;
          ve = src.indexOf(q === DQ ? '"' : "'", vs);
          if (ve < 0) ((ve = len), (this.damaged = true));
          i = ve + 1;
        } else {
          // Unquoted value (not XML, but seen in damaged files): up to space or '>'.
          this.damaged = true;
          vs = i;
          while (i < len) {
            const d = src.charCodeAt(i);
            if (d === GT || isSpace(d)) break;
            i++;
          }
          ve = i;
        }
      } else this.damaged = true; // an attribute without a value
      if (ne === ns && i === ns) {
        i++; // garbage character: step over it so the loop always advances
        continue;
      }
      const k = n * 4;
      spans[k] = ns;
      spans[k + 1] = ne;
      spans[k + 2] = vs;
      spans[k + 3] = ve;
      n++;
    }
    this.kind = TOK_OPEN;
    this.start = p;
    this.end = this.pos = Math.min(i, len);
    this.attrCount = n;
    this.selfClosing = selfClosing;
    return TOK_OPEN;
  }

  /** Qualified name of the current tag ("x:c"). */
  name(): string {
    return this.src.slice(this.nameStart, this.nameEnd);
  }

  /** Local name of the current tag ("c"), without a namespace prefix. */
  local(): string {
    return this.src.slice(this.localStart, this.nameEnd);
  }

  /** True when the current tag's local name is `local`: no allocation. */
  is(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.src.startsWith(local, this.localStart);
  }

  private find(qname: string): number {
    const src = this.src;
    const spans = this.spans;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      if (spans[k + 1] - spans[k] === qname.length && src.startsWith(qname, spans[k])) return k;
    }
    return -1;
  }

  /** The decoded value of attribute `qname` (as written, e.g. "r:id"), or undefined. */
  attr(qname: string): string | undefined {
    const k = this.find(qname);
    return k < 0 ? undefined : decodeAttr(this.src.slice(this.spans[k + 2], this.spans[k + 3]));
  }

  /**
   * Index of attribute `qname` for {@link valueStart}/{@link valueEnd}, or -1: lets the hot
   * loops read values straight from the source without allocating.
   */
  attrIndex(qname: string): number {
    return this.find(qname);
  }

  /** Start of the value of the attribute at index `k` (from {@link attrIndex}). */
  valueStart(k: number): number {
    return this.spans[k + 2];
  }

  /** End of the value of the attribute at index `k` (from {@link attrIndex}). */
  valueEnd(k: number): number {
    return this.spans[k + 3];
  }

  /** The value range [start, end) of attribute `qname` in the source, or undefined. */
  attrSpan(qname: string): [number, number] | undefined {
    const k = this.find(qname);
    return k < 0 ? undefined : [this.spans[k + 2], this.spans[k + 3]];
  }

  /** Index just after the closing quote of attribute `qname`, or -1. */
  attrEnd(qname: string): number {
    const k = this.find(qname);
    if (k < 0) return -1;
    const ve = this.spans[k + 3];
    return ve < this.src.length && (this.src.charCodeAt(ve) === DQ || this.src.charCodeAt(ve) === SQ) ? ve + 1 : ve;
  }

  /**
   * The value of the first attribute whose local name is `local` and that has a prefix:
   * relationship ids are written "r:id" but the prefix is the author's choice.
   */
  prefixedAttr(local: string): string | undefined {
    const src = this.src;
    const spans = this.spans;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      const ns = spans[k];
      const ne = spans[k + 1];
      const colon = src.lastIndexOf(':', ne - 1);
      if (colon > ns && ne - colon - 1 === local.length && src.startsWith(local, colon + 1)) {
        if (src.startsWith('xmlns', ns)) continue;
        return decodeAttr(src.slice(spans[k + 2], spans[k + 3]));
      }
    }
    return undefined;
  }

  /** All attributes of the current start tag, decoded, in document order. */
  attrs(): [string, string][] {
    const out: [string, string][] = [];
    const spans = this.spans;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      out.push([this.src.slice(spans[k], spans[k + 1]), decodeAttr(this.src.slice(spans[k + 2], spans[k + 3]))]);
    }
    return out;
  }

  /** Decoded content of the current text or CDATA token. */
  text(): string {
    const raw = this.src.slice(this.textStart, this.textEnd);
    return this.kind === TOK_CDATA ? normaliseNewlines(raw) : decodeText(raw);
  }
}

/**
 * Skips a declaration starting after "<!" (DOCTYPE with an internal subset, ENTITY, …) and
 * returns the index after it. Quote- and bracket-aware so that '>' inside an entity value
 * does not end it early; linear (each quote is found with one indexOf).
 */
function skipDeclaration(src: string, i: number): number {
  const len = src.length;
  let inSubset = false;
  while (i < len) {
    const c = src.charCodeAt(i);
    if (c === DQ || c === SQ) {
      const q = src.indexOf(c === DQ ? '"' : "'", i + 1);
      if (q < 0) return len;
      i = q + 1;
      continue;
    }
    if (inSubset && c === LT && src.startsWith('<!--', i)) {
      const q = src.indexOf('-->', i + 4);
      if (q < 0) return len;
      i = q + 3;
      continue;
    }
    if (c === 91 /* [ */) inSubset = true;
    else if (c === 93 /* ] */) inSubset = false;
    else if (c === GT && !inSubset) return i + 1;
    i++;
  }
  return len;
}

/** XML end-of-line handling: CRLF and lone CR become LF (XML 1.0 §2.11). */
function normaliseNewlines(s: string): string {
  if (s.indexOf('\r') < 0) return s;
  return s.replace(/\r\n?/g, '\n');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and numeric character references. Anything else
 * ("&lol9;", a bare "&") is left as literal text: we never expand DTD-declared entities.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  const len = s.length;
  while (amp >= 0) {
    // Entity names are short: look for ';' only in the next few characters, so a hostile
    // run of '&' without ';' stays linear.
    let semi = -1;
    const limit = Math.min(len, amp + 12);
    for (let j = amp + 1; j < limit; j++) {
      if (s.charCodeAt(j) === 59) {
        semi = j;
        break;
      }
    }
    if (semi > amp + 1) {
      const body = s.slice(amp + 1, semi);
      let rep: string | undefined;
      if (body.charCodeAt(0) === 35 /* # */) {
        const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
        const digits = body.slice(hex ? 2 : 1);
        if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
          const cp = parseInt(digits, hex ? 16 : 10);
          if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) rep = String.fromCodePoint(cp);
        }
      } else {
        rep = Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : undefined;
      }
      if (rep !== undefined) {
        out += s.slice(from, amp) + rep;
        from = semi + 1;
        amp = s.indexOf('&', from);
        continue;
      }
    }
    amp = s.indexOf('&', amp + 1);
  }
  return out + s.slice(from);
}

/** Decodes element text: newline normalisation, then entities. */
export function decodeText(raw: string): string {
  return decodeEntities(normaliseNewlines(raw));
}

/** Decodes an attribute value: literal whitespace becomes spaces (XML 1.0 §3.3.3), then entities. */
export function decodeAttr(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return decodeEntities(s);
}

/** True for characters XML 1.0 can carry at all (even as a character reference). */
function xmlAllowed(c: number): boolean {
  return c >= 0x20 ? c < 0xfffe : c === 9 || c === 10 || c === 13;
}

/**
 * Escapes text for XML content or an attribute value. Characters XML cannot carry are
 * dropped (use {@link encodeXString} for cell text, which keeps them). In attributes, tab,
 * LF and CR become character references so they survive attribute normalisation.
 */
export function escapeXml(s: string, attr = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34 && attr) rep = '&quot;';
    else if (c === 13) rep = '&#13;';
    else if (attr && (c === 9 || c === 10)) rep = c === 9 ? '&#9;' : '&#10;';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++; // a valid surrogate pair: keep both halves
        continue;
      }
      rep = '';
    } else if ((c >= 0xd800 && c <= 0xdfff) || !xmlAllowed(c)) rep = '';
    if (rep !== undefined) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Excel's ST_Xstring escaping for cell text (shared/inline strings, notes): characters XML
 * cannot carry (control characters, lone surrogates) and CR become `_xHHHH_`, and a literal
 * `_xHHHH_` in the text has its underscore escaped as `_x005F_`, so any string survives
 * a round trip through Excel and through {@link decodeXString}. The result is XML-escaped.
 */
export function encodeXString(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 95 /* _ */) {
      if ((s.charCodeAt(i + 1) === 120 || s.charCodeAt(i + 1) === 88) && s.charCodeAt(i + 6) === 95 && HEX4.test(s.slice(i + 2, i + 6))) {
        rep = '_x005F_';
      }
    } else if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 13) rep = '_x000D_';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = `_x${hex4(c)}_`;
    } else if (!xmlAllowed(c)) rep = `_x${hex4(c)}_`;
    if (rep !== undefined) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

const DASH = 45; // -
const LSQB = 91; // [
const RSQB = 93; // ]

function startsWithAt(b: Uint8Array, at: number, seq: readonly number[]): boolean {
  for (let k = 0; k < seq.length; k++) if (b[at + k] !== seq[k]) return false;
  return true;
}

/** Index just after the first `seq` in b[from, end), or -1. */
function endOf(b: Uint8Array, from: number, end: number, seq: readonly number[]): number {
  for (let i = b.indexOf(seq[0], from); i >= 0 && i + seq.length <= end; i = b.indexOf(seq[0], i + 1)) {
    if (startsWithAt(b, i, seq)) return i + seq.length;
  }
  return -1;
}

const CDATA_OPEN = [LT, BANG, LSQB, 67, 68, 65, 84, 65, LSQB]; // <![CDATA[
const CDATA_CLOSE = [RSQB, RSQB, GT];
const COMMENT_OPEN = [LT, BANG, DASH, DASH];
const COMMENT_CLOSE = [DASH, DASH, GT];
const PI_CLOSE = [QM, GT];

/**
 * Where UTF-8 XML bytes may be split so that each piece scans as it would have
 * whole: just before the last '<' that opens a tag, outside comments, CDATA sections and
 * processing instructions (a '<' inside those is text). 0 when there is no such place yet.
 * A '<' byte is never inside a multi-byte UTF-8 sequence, so the split is between characters.
 */
export function xmlSplitPoint(b: Uint8Array): number {
  const end = b.length;
  let cut = 0;
  let i = b.indexOf(LT);
  while (i >= 0 && i + 1 < end) {
    const next = b[i + 1];
    if (next === BANG || next === QM) {
      const close =
        next === QM
          ? endOf(b, i + 2, end, PI_CLOSE)
          : startsWithAt(b, i, COMMENT_OPEN)
            ? endOf(b, i + 4, end, COMMENT_CLOSE)
            : startsWithAt(b, i, CDATA_OPEN)
              ? endOf(b, i + CDATA_OPEN.length, end, CDATA_CLOSE)
              : endOf(b, i + 2, end, [GT]);
      // Before the construct is a safe place; inside an unfinished one is not.
      if (close < 0) return i;
      cut = i;
      i = b.indexOf(LT, close);
      continue;
    }
    cut = i;
    i = b.indexOf(LT, i + 1);
  }
  return cut;
}

/** Reverses Excel's `_xHHHH_` escaping in cell text (left to right, as Excel does). */
export function decodeXString(s: string): string {
  let i = s.indexOf('_x');
  if (i < 0) i = s.indexOf('_X');
  if (i < 0) return s;
  let out = '';
  let from = 0;
  while (i >= 0 && i + 7 <= s.length) {
    if (s.charCodeAt(i + 6) === 95 && (s.charCodeAt(i + 1) === 120 || s.charCodeAt(i + 1) === 88) && HEX4.test(s.slice(i + 2, i + 6))) {
      out += s.slice(from, i) + String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      from = i + 7;
      i = s.indexOf('_', from);
    } else {
      i = s.indexOf('_', i + 1);
    }
  }
  return out + s.slice(from);
}

/** An element of a parsed small part, with its source offsets for patching. */
export interface XmlElement {
  /** Qualified name as written ("x:sheet"). */
  name: string;
  /** Local name ("sheet"). */
  local: string;
  /** Attributes by qualified name, decoded. */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (direct text and CDATA children, decoded, concatenated). */
  text: string;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  /** Offset of '<' of the end tag (openEnd when self-closing). */
  closeStart: number;
  /** Offset just after the end tag (openEnd when self-closing). */
  end: number;
  /** True when written as <x/>. */
  selfClosing: boolean;
}

/**
 * Parses a small part (workbook.xml, rels, styles, comments) into elements with source
 * offsets. Iterative, so deep nesting cannot overflow the stack. Lenient: an end tag closes
 * the nearest open element of that name; unclosed elements end at the end of the text.
 * Returns a synthetic root whose children are the document's top-level elements.
 */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = {
    name: '',
    local: '',
    attrs: new Map(),
    children: [],
    text: '',
    start: 0,
    openEnd: 0,
    closeStart: src.length,
    end: src.length,
    selfClosing: false,
  };
  const stack: XmlElement[] = [root];
  const sc = new XmlScanner(src);
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    const top = stack[stack.length - 1];
    if (k === TOK_OPEN) {
      const el: XmlElement = {
        name: sc.name(),
        local: sc.local(),
        attrs: new Map(sc.attrs()),
        children: [],
        text: '',
        start: sc.start,
        openEnd: sc.end,
        closeStart: sc.end,
        end: sc.end,
        selfClosing: sc.selfClosing,
      };
      top.children.push(el);
      if (!sc.selfClosing) stack.push(el);
    } else if (k === TOK_CLOSE) {
      const name = sc.name();
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === name) {
          for (let j = stack.length - 1; j >= i; j--) {
            // Elements closed implicitly by a mismatched end tag end where it starts.
            stack[j].closeStart = j === i ? sc.start : sc.start;
            stack[j].end = j === i ? sc.end : sc.start;
          }
          stack.length = i;
          break;
        }
      }
    } else if (k === TOK_TEXT || k === TOK_CDATA) {
      if (stack.length > 1) top.text += sc.text();
    }
  }
  return root;
}

/**
 * True when `src` is structurally well-formed: one root element, every tag closed by an end
 * tag of the same name, attributes quoted, nothing unterminated. (Entity and character
 * checks are left to the reader, which copes.) Patchers refuse anything else, because an
 * edit placed by a lenient reading of broken XML could land anywhere.
 */
export function isWellFormed(src: string): boolean {
  const sc = new XmlScanner(src);
  const stack: string[] = [];
  let roots = 0;
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (stack.length === 0 && ++roots > 1) return false;
      if (!sc.selfClosing) stack.push(sc.name());
    } else if (k === TOK_CLOSE) {
      if (stack.pop() !== sc.name()) return false;
    } else if (stack.length === 0 && (k === TOK_CDATA || sc.text().trim() !== '')) return false;
  }
  return !sc.damaged && stack.length === 0 && roots === 1;
}

/** First child element with local name `local`. */
export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** All child elements with local name `local`. */
export function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** The root element of a parsed document (its first element). */
export function documentElement(doc: XmlElement): XmlElement | undefined {
  return doc.children[0];
}

/** Value of the first prefixed attribute with local name `local` (e.g. "r:id"). */
export function prefixedAttr(el: XmlElement, local: string): string | undefined {
  for (const [k, v] of el.attrs) {
    const colon = k.indexOf(':');
    if (colon > 0 && k.slice(colon + 1) === local && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

/** The prefix bound to namespace `uri` on an element ('' for the default), if declared there. */
export function prefixFor(el: XmlElement, uri: string): string | undefined {
  for (const [k, v] of el.attrs) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return undefined;
}

/** One change to a text: replace [start, end) with `text` (start === end inserts). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to `src` in one pass. Edits must not overlap; inserts at the same offset
 * keep the order they were given in.
 */
export function applyEdits(src: string, edits: Edit[]): string {
  if (edits.length === 0) return src;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error(`overlapping XML edits at ${e.start}`);
    parts.push(src.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(src.slice(at));
  return parts.join('');
}

/**
 * Rewrites a start tag (the source text from '<' to '>') with attributes set or removed,
 * keeping every other attribute exactly as written. `undefined` removes an attribute.
 */
export function setAttrs(tag: string, values: Record<string, string | undefined>): string {
  const sc = new XmlScanner(tag);
  if (sc.next() !== TOK_OPEN) throw new Error('not a start tag');
  const edits: Edit[] = [];
  const pending = new Map(Object.entries(values));
  for (const [name, value] of Object.entries(values)) {
    const span = sc.attrSpan(name);
    if (!span) continue;
    pending.delete(name);
    if (value === undefined) {
      // Remove the attribute with the whitespace before it.
      let s = span[0] - 1;
      while (s > 0 && tag.charCodeAt(s) !== 32 && tag.charCodeAt(s) !== 9 && tag.charCodeAt(s) !== 10 && tag.charCodeAt(s) !== 13) s--;
      const e = sc.attrEnd(name);
      edits.push({ start: s, end: e, text: '' });
    } else {
      edits.push({ start: span[0], end: span[1], text: escapeXml(value, true) });
    }
  }
  let extra = '';
  for (const [name, value] of pending) if (value !== undefined) extra += ` ${name}="${escapeXml(value, true)}"`;
  if (extra) {
    const at = sc.selfClosing ? tag.lastIndexOf('/') : tag.lastIndexOf('>');
    // Insert right after the last attribute (or the name) so spacing stays tidy.
    let p = at;
    while (p > 0 && isSpace(tag.charCodeAt(p - 1))) p--;
    edits.push({ start: p, end: p, text: extra });
  }
  return applyEdits(tag, edits);
}

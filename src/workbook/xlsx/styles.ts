/**
 * styles.xml: reading each cell format's number format, and appending fonts, fills, borders,
 * number formats and cell formats (xfs). We only ever append, never reorder or rewrite
 * existing entries, so every s= index in the user's sheets keeps meaning what it meant.
 */
import { builtinFormatCode } from '../../core/parse/numfmt';
import { WorkbookError } from '../port';
import { addRel, CONTENT_TYPE, readRels, REL_TYPE, relTypeIs, setOverride } from './opc';
import { applyEdits, child, children, documentElement, escapeXml, parseXml, setAttrs, type Edit, type XmlElement } from './xml';
import { findPart, partText, setPartText, workbookPartName, type XlsxPackage } from './zip';

/** True when a format code shows dates or times (ignoring quoted text, escapes and [colour] parts). */
export function isDateOrTimeFormat(code: string): boolean {
  const s = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(s) && !/^[#0.,%E+\-\s?/]*$/i.test(s);
}

/** Finds the styles part through the workbook's relationships. */
export function stylesPartName(pkg: XlsxPackage): string | undefined {
  const wb = workbookPartName(pkg);
  if (!wb) return undefined;
  const rel = readRels(pkg, wb).find((r) => relTypeIs(r.type, 'styles') && !r.external && r.part);
  return rel?.part && findPart(pkg, rel.part);
}

/**
 * The number format code of each cell format (cellXfs index), or undefined for General.
 * A missing or unreadable styles part means everything is General.
 */
export function readCellFormats(pkg: XlsxPackage): (string | undefined)[] {
  const part = stylesPartName(pkg);
  const text = part && partText(pkg, part);
  if (!text) return [];
  const root = documentElement(parseXml(text));
  if (!root) return [];
  const custom = new Map<number, string>();
  const numFmts = child(root, 'numFmts');
  if (numFmts) {
    for (const f of children(numFmts, 'numFmt')) {
      const id = Number(f.attrs.get('numFmtId'));
      const code = f.attrs.get('formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    }
  }
  const xfs = child(root, 'cellXfs');
  if (!xfs) return [];
  return children(xfs, 'xf').map((xf) => {
    const id = Number(xf.attrs.get('numFmtId') ?? 0);
    const code = custom.get(id) ?? builtinFormatCode(id);
    return code === undefined || code.toLowerCase() === 'general' ? undefined : code;
  });
}

// In CT_Stylesheet's order, so new collections inserted at one place come out in order.
const COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'] as const;
type Collection = (typeof COLLECTIONS)[number];
const ITEM: Record<Collection, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
  cellStyles: 'cellStyle',
};
// CT_Stylesheet's child order: new collections must go in the right place.
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/**
 * The entries a collection must start with when a stylesheet has none (the schema allows an
 * empty `<styleSheet/>`): index 0 of each is the default every unstyled cell uses, and Excel
 * reserves fills 0 and 1. Ours are appended after these, so they never become the defaults.
 */
const DEFAULT_ENTRIES: Partial<Record<Collection, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  cellStyles: ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'],
};

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Adds `prefix` to every element name in a fragment we generated (for prefixed styleSheets). */
export function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`) : xml;
}

/**
 * Appends style entries to styles.xml, reusing an entry when an identical one (same XML
 * text) is already there, so writing the same summary twice does not grow the file.
 * Changes are kept in memory until {@link commit}.
 */
export class StyleEditor {
  private readonly part: string;
  private readonly text: string;
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly existing = new Map<Collection, XmlElement[]>();
  private readonly index = new Map<Collection, Map<string, number>>();
  private readonly added = new Map<Collection, string[]>();
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;

  /** Opens the package's styles part, creating a minimal one when the package has none. */
  constructor(private readonly pkg: XlsxPackage) {
    let part = stylesPartName(pkg);
    if (!part) {
      const wb = workbookPartName(pkg) as string;
      part = wb.slice(0, wb.lastIndexOf('/') + 1) + 'styles.xml';
      setPartText(pkg, part, MINIMAL_STYLES);
      addRel(pkg, wb, REL_TYPE.styles, part);
      setOverride(pkg, part, CONTENT_TYPE.styles);
    }
    this.part = part;
    let text = partText(pkg, part) ?? MINIMAL_STYLES;
    let root = documentElement(parseXml(text));
    if (root && root.local === 'styleSheet' && root.selfClosing) {
      // `<styleSheet …/>` with no children is schema-valid: open it so entries can go in.
      const tag = text.slice(root.start, root.openEnd).replace(/\s*\/>$/, '>');
      text = applyEdits(text, [{ start: root.start, end: root.openEnd, text: `${tag}</${root.name}>` }]);
      root = documentElement(parseXml(text));
    }
    this.text = text;
    if (!root || root.local !== 'styleSheet' || root.selfClosing) {
      throw new WorkbookError(
        'corrupt',
        'This workbook is damaged: its styles part is unreadable. Open it in Excel and save a fresh copy.',
      );
    }
    this.root = root;
    this.prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
    for (const c of COLLECTIONS) {
      const el = child(root, c);
      const items = el ? children(el, ITEM[c]) : [];
      this.existing.set(c, items);
      const idx = new Map<string, number>();
      items.forEach((it, i) => {
        const raw = this.text.slice(it.start, it.end);
        if (!idx.has(raw)) idx.set(raw, i);
      });
      this.index.set(c, idx);
      this.added.set(c, []);
    }
    for (const c of COLLECTIONS) {
      if ((this.existing.get(c) as XmlElement[]).length === 0) for (const xml of DEFAULT_ENTRIES[c] ?? []) this.intern(c, xml);
    }
    for (const f of this.existing.get('numFmts') ?? []) {
      const id = Number(f.attrs.get('numFmtId'));
      const code = f.attrs.get('formatCode');
      if (!Number.isInteger(id)) continue;
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
      if (code !== undefined && !this.numFmtCodes.has(code)) this.numFmtCodes.set(code, id);
    }
  }

  private count(c: Collection): number {
    return (this.existing.get(c)?.length ?? 0) + (this.added.get(c)?.length ?? 0);
  }

  private intern(c: Collection, xml: string): number {
    const x = withPrefix(xml, this.prefix);
    const idx = this.index.get(c) as Map<string, number>;
    const hit = idx.get(x);
    if (hit !== undefined) return hit;
    const i = this.count(c);
    (this.added.get(c) as string[]).push(x);
    idx.set(x, i);
    return i;
  }

  /** The id of a number format with this code: built-in, existing custom, or a new one. */
  numFmt(code: string): number {
    for (let id = 0; id <= 4; id++) if (builtinFormatCode(id) === code) return id;
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtCodes.set(code, id);
    (this.added.get('numFmts') as string[]).push(
      withPrefix(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code, true)}"/>`, this.prefix),
    );
    return id;
  }

  /** Index of a font given as XML (appended if new). */
  font(xml: string): number {
    return this.intern('fonts', xml);
  }

  /** Index of a fill given as XML (appended if new). */
  fill(xml: string): number {
    return this.intern('fills', xml);
  }

  /** Index of a border given as XML (appended if new). */
  border(xml: string): number {
    return this.intern('borders', xml);
  }

  /** Index of a cell format given as XML (appended if new). */
  xf(xml: string): number {
    return this.intern('cellXfs', xml);
  }

  /** Number of cell formats (existing and added). */
  xfCount(): number {
    return this.count('cellXfs');
  }

  /** The XML of cell format `i` (existing or added), without any prefix handling. */
  xfXml(i: number): string | undefined {
    const ex = this.existing.get('cellXfs') as XmlElement[];
    if (i >= 0 && i < ex.length) return this.text.slice(ex[i].start, ex[i].end);
    return (this.added.get('cellXfs') as string[])[i - ex.length];
  }

  /**
   * A copy of cell format `base` with attributes changed (e.g. a new fillId): its font,
   * border, number format, alignment and protection stay exactly as they were.
   */
  cloneXf(base: number, attrs: Record<string, string>): number {
    let xml = this.xfXml(base) ?? this.xfXml(0) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const tagEnd = xml.indexOf('>') + 1;
    xml = setAttrs(xml.slice(0, tagEnd), attrs) + xml.slice(tagEnd);
    // Already prefixed as needed (copied from this file): intern without re-prefixing.
    const idx = this.index.get('cellXfs') as Map<string, number>;
    const hit = idx.get(xml);
    if (hit !== undefined) return hit;
    const i = this.count('cellXfs');
    (this.added.get('cellXfs') as string[]).push(xml);
    idx.set(xml, i);
    return i;
  }

  /** The default font's name, family, scheme and colour as XML snippets, to build fonts that match the workbook. */
  baseFont(): { name: string; family: string; scheme: string; color: string; size: number } {
    const f = (this.existing.get('fonts') as XmlElement[])[0];
    const pick = (local: string) => {
      const el = f && child(f, local);
      const raw = el ? this.text.slice(el.start, el.end) : '';
      // Snippets are re-prefixed by intern(): strip the file's prefix here.
      return this.prefix ? raw.split(`<${this.prefix}:`).join('<').split(`</${this.prefix}:`).join('</') : raw;
    };
    const sz = f && child(f, 'sz');
    return {
      name: pick('name') || '<name val="Calibri"/>',
      family: pick('family'),
      scheme: pick('scheme'),
      color: pick('color'),
      size: Number(sz?.attrs.get('val')) || 11,
    };
  }

  /** Writes styles.xml if anything was added. */
  commit(): void {
    const edits: Edit[] = [];
    let inserted = false;
    for (const c of COLLECTIONS) {
      const added = this.added.get(c) as string[];
      if (added.length === 0) continue;
      inserted = true;
      const total = this.count(c);
      const el = child(this.root, c);
      if (el) {
        const tag = this.text.slice(el.start, el.openEnd);
        const counted = setAttrs(tag, { count: String(total) });
        if (el.selfClosing) {
          edits.push({ start: el.start, end: el.openEnd, text: counted.replace(/\s*\/>$/, '>') + added.join('') + `</${el.name}>` });
        } else {
          edits.push({ start: el.start, end: el.openEnd, text: counted });
          edits.push({ start: el.closeStart, end: el.closeStart, text: added.join('') });
        }
      } else {
        const after = ORDER.slice(ORDER.indexOf(c) + 1);
        const next = this.root.children.find((k) => after.includes(k.local));
        const at = next ? next.start : this.root.closeStart;
        const name = this.prefix ? `${this.prefix}:${c}` : c;
        edits.push({ start: at, end: at, text: `<${name} count="${total}">${added.join('')}</${name}>` });
      }
    }
    if (!inserted) return;
    setPartText(this.pkg, this.part, applyEdits(this.text, edits));
  }
}

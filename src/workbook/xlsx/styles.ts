/**
 * Appending styles to styles.xml without disturbing the user's: new fonts, fills, borders
 * and cell formats go at the end of their lists, so every existing index keeps its meaning.
 */
import { type CellStyleKey, RAG_COLOURS, RAG_LABELS, type HighlightKind } from '../../core/sheetspec';
import { findStart, findTags, section, tagEnd } from './xml';

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Fill colours of highlight marks. */
export const HIGHLIGHT_FILLS: Record<HighlightKind, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  ...(Object.fromEntries(RAG_LABELS.map((l) => [l, RAG_COLOURS[l].fill])) as Record<(typeof RAG_LABELS)[number], string>),
};

/** An editable styles.xml. */
export class StyleSheet {
  private xml: string;

  constructor(xml: string | undefined) {
    this.xml = xml && xml.includes('<styleSheet') ? xml : MINIMAL_STYLES;
  }

  toString(): string {
    return this.xml;
  }

  /** Appends a child to a list element (fonts, fills, borders, cellXfs, numFmts), returns its index. */
  private append(list: string, child: string, insertBefore: string[] = []): number {
    let start = findStart(this.xml, list, 0);
    if (start < 0) {
      // Create the list where the schema wants it: before the first of the given elements.
      let at = -1;
      for (const name of insertBefore) {
        at = findStart(this.xml, name, 0);
        if (at >= 0) break;
      }
      if (at < 0) at = this.xml.indexOf('</styleSheet>');
      this.xml = `${this.xml.slice(0, at)}<${list} count="0"></${list}>${this.xml.slice(at)}`;
      start = findStart(this.xml, list, 0);
    }
    const end = tagEnd(this.xml, start);
    const tag = list.slice(0, -1) === 'cellXf' ? 'xf' : list === 'numFmts' ? 'numFmt' : list.slice(0, -1);
    if (this.xml[end - 1] === '/') {
      this.xml = `${this.xml.slice(0, end - 1)}></${list}>${this.xml.slice(end + 1)}`;
    }
    const inner = section(this.xml, list) ?? '';
    const count = findTags(inner, tag).length;
    const close = this.xml.indexOf(`</${list}>`, start);
    this.xml = this.xml.slice(0, close) + child + this.xml.slice(close);
    // Keep count= true.
    const s2 = findStart(this.xml, list, 0);
    const e2 = tagEnd(this.xml, s2);
    const head = this.xml.slice(s2, e2 + 1);
    const newHead = /count="\d*"/.test(head) ? head.replace(/count="\d*"/, `count="${count + 1}"`) : head.replace(`<${list}`, `<${list} count="${count + 1}"`);
    this.xml = this.xml.slice(0, s2) + newHead + this.xml.slice(e2 + 1);
    return count;
  }

  addFont(xml: string): number {
    return this.append('fonts', xml, ['fills', 'borders', 'cellStyleXfs', 'cellXfs']);
  }

  addFill(rgb: string): number {
    return this.append('fills', `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`, ['borders', 'cellStyleXfs', 'cellXfs']);
  }

  addBorder(xml: string): number {
    return this.append('borders', xml, ['cellStyleXfs', 'cellXfs']);
  }

  addNumFmt(code: string): number {
    const existing = findTags(section(this.xml, 'numFmts') ?? '', 'numFmt');
    const found = existing.find((f) => f.formatCode === code);
    if (found) return Number(found.numFmtId);
    const id = Math.max(163, ...existing.map((f) => Number(f.numFmtId) || 0)) + 1;
    this.append('numFmts', `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`, ['fonts']);
    return id;
  }

  addXf(xml: string): number {
    return this.append('cellXfs', xml, ['cellStyles', 'dxfs', 'tableStyles']);
  }

  /** The raw <xf> of a cellXfs index (the default when out of range). */
  xfAt(index: number): string {
    const inner = section(this.xml, 'cellXfs') ?? '';
    let i = -1;
    let from = 0;
    for (let n = 0; n <= index; n++) {
      i = findStart(inner, 'xf', from);
      if (i < 0) return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      const end = tagEnd(inner, i);
      from = inner[end - 1] === '/' ? end + 1 : inner.indexOf('</xf>', end) + 5;
      if (n === index) return inner.slice(i, from);
    }
    return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  /** The cell formats of the summary's semantic styles, added once. */
  summaryStyles(): Record<CellStyleKey, number> {
    const thin = this.addBorder('<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>');
    const plain = this.addFont('<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    const bold = this.addFont('<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    const title = this.addFont('<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>');
    const subtitle = this.addFont('<font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    const grey = this.addFill('D9D9D9');
    const dateFmt = this.addNumFmt('dd mmm yyyy');
    const xf = (font: number, fill: number, border: number, numFmt: number, align = '') =>
      this.addXf(
        `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyNumberFormat="1"${align ? ' applyAlignment="1"' : ''}>${align ? `<alignment ${align}/>` : ''}</xf>`,
      );
    const out: Partial<Record<CellStyleKey, number>> = {
      title: xf(title, 0, 0, 0),
      subtitle: xf(subtitle, 0, 0, 0),
      label: xf(bold, 0, 0, 0),
      header: xf(bold, grey, thin, 0, 'vertical="center" wrapText="1"'),
      text: xf(plain, 0, thin, 49, 'vertical="top"'),
      wrap: xf(plain, 0, thin, 49, 'vertical="top" wrapText="1"'),
      integer: xf(plain, 0, thin, 1, 'horizontal="center" vertical="top"'),
      date: xf(plain, 0, thin, dateFmt, 'horizontal="center" vertical="top"'),
    };
    for (const label of RAG_LABELS) {
      const c = RAG_COLOURS[label];
      const font = this.addFont(`<font><b/><sz val="11"/><color rgb="FF${c.font}"/><name val="Calibri"/><family val="2"/></font>`);
      const key = `rag-${label.toLowerCase().replace(' ', '-')}` as CellStyleKey;
      out[key] = xf(font, this.addFill(c.fill), thin, 49, 'horizontal="center" vertical="center" wrapText="1"');
    }
    return out as Record<CellStyleKey, number>;
  }

  /** A copy of cell format `original` with a solid fill: the user's font, borders and number format are kept. */
  withFill(original: number, fillId: number): number {
    let xf = this.xfAt(original);
    xf = xf.replace(/\sfillId="\d+"/, '').replace(/\sapplyFill="[^"]*"/, '');
    xf = xf.replace(/^<xf/, `<xf fillId="${fillId}" applyFill="1"`);
    return this.addXf(xf);
  }
}

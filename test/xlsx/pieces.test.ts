/**
 * Large parts are read in pieces split where XML may be split: whatever the piece size, the
 * grid must be the one read from the whole text, even with "<" inside CDATA, comments and
 * processing instructions, and with text that V8 would otherwise keep as views of the pieces.
 */
import fc from 'fast-check';
import { compactText } from '../../src/core/text';
import { readSheetXml } from '../../src/workbook/xlsx/read';
import { xmlSplitPoint } from '../../src/workbook/xlsx/xml';
import { KEEP_INFLATED_BYTES, openPackage, partText, partTextChunks } from '../../src/workbook/xlsx/zip';
import { book, MAIN_NS } from './helpers';

/** Splits like partTextChunks does, but with tiny pieces. */
function pieces(xml: string, size: number): string[] {
  const bytes = new TextEncoder().encode(xml);
  const out: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + size);
    if (end < bytes.length) {
      // Grow the window until there is a place to split, as the reader's buffer does.
      let cut = 0;
      while (end <= bytes.length && (cut = xmlSplitPoint(bytes.subarray(start, end))) === 0) end += size;
      if (cut === 0) end = bytes.length;
      else end = start + cut;
    }
    out.push(new TextDecoder().decode(bytes.subarray(start, end)));
    start = end;
  }
  return out;
}

const ctx = () => ({ strings: ['shared <one>'], formats: [], date1904: false, budget: { used: 0, max: 1e6 } });

const SHEET =
  `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><!-- a comment with <row r="9"> inside --><sheetData>` +
  '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[text with <c r="Z9"><v>1</v></c> inside]]></t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
  '<?pi <row r="7"> ?><row r="2"><c r="A2"><v>44000</v></c><c r="B2" t="inlineStr"><is><t>Ѕtaff “engagement” – phase 2 &amp; more</t></is></c></row>' +
  '<row r="3"><c r="C3" t="str"><f>A2*2</f><v>88000</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells><sheetProtection sheet="1"/></worksheet>';

describe('reading XML in pieces', () => {
  it('gives the same cells, merges and protection as reading it whole, for every piece size', () => {
    const whole = readSheetXml(SHEET, ctx());
    expect(whole.rows[0][0]?.value).toBe('text with <c r="Z9"><v>1</v></c> inside');
    expect(whole.rows[8]).toBeUndefined();
    for (let size = 1; size <= SHEET.length + 1; size += 7) {
      const parts = pieces(SHEET, size);
      expect(parts.join('')).toBe(SHEET);
      expect(readSheetXml((visit) => parts.forEach(visit), ctx())).toEqual(whole);
    }
  });

  it('never splits inside an unfinished comment or CDATA section', () => {
    const b = new TextEncoder().encode('<a><b/><!-- open <c> and never closed');
    expect(xmlSplitPoint(b)).toBe(7);
    const c = new TextEncoder().encode('<a><![CDATA[ <x> ]]><b/>');
    expect(xmlSplitPoint(c)).toBe(20);
  });

  it('a large part read in pieces through the package matches the part read whole', () => {
    const rows: string[] = [];
    for (let r = 1, length = 0; length < KEEP_INFLATED_BYTES * 1.5; r++) {
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Action ${r} – review “arrangements” &lt;phase ${r % 7}&gt;</t></is></c><c r="B${r}"><v>${r}</v></c></row>`);
      length += rows[rows.length - 1].length;
    }
    const pkg = openPackage(book({ sheets: [{ name: 'Big', xml: rows.join('') }] }));
    const got: string[] = [];
    partTextChunks(pkg, 'xl/worksheets/sheet1.xml', (t) => got.push(t), 64 * 1024);
    expect(got.length).toBeGreaterThan(10);
    expect(got.join('')).toBe(partText(pkg, 'xl/worksheets/sheet1.xml'));
  });
});

describe('compactText', () => {
  it('returns the same text for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => compactText(s) === s),
      { numRuns: 3000 },
    );
  });
});

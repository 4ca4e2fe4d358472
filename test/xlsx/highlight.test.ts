import { a1 } from '../../src/core/cell';
import type { HighlightMark } from '../../src/core/sheetspec';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { readPackageInfo, readWorkbook } from '../../src/workbook/xlsx/read';
import { findHighlightRecord } from '../../src/workbook/xlsx/record';
import { applyHighlights, clearHighlights } from '../../src/workbook/xlsx/write';
import { parseXml } from '../../src/workbook/xlsx/xml';
import { openPackage, partText, savePackage, setPartText, type XlsxPackage } from '../../src/workbook/xlsx/zip';
import { assertAllWellFormed, book, excelBook, excelLoad, MAIN_NS } from './helpers';

async function plan(): Promise<Uint8Array> {
  return excelBook((wb) => {
    const ws = wb.addWorksheet('Action Plan');
    ws.getCell('A1').value = 'Action';
    ws.getCell('A1').note = 'A note the officer wrote';
    ws.getCell('B2').value = new Date(Date.UTC(2021, 2, 31));
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    ws.getCell('B2').font = { bold: true, color: { argb: 'FF0000FF' } };
    ws.getCell('B2').border = { top: { style: 'thin' }, bottom: { style: 'thin' } };
    ws.getCell('B3').value = 'TBC';
    ws.getCell('C3').value = 'Amber';
    ws.getCell('E5').value = 5;
    const other = wb.addWorksheet('Workstreams');
    other.getCell('A1').value = 'Workstream';
    other.getCell('C2').value = 'Green';
  });
}

const MARKS: HighlightMark[] = [
  { sheet: 'Action Plan', row: 1, col: 1, kind: 'error', note: 'Target date is in the past and the action is not complete.' },
  { sheet: 'Action Plan', row: 2, col: 1, kind: 'warning', note: 'Timescale "TBC" is not a date.' },
  { sheet: 'Action Plan', row: 2, col: 2, kind: 'Caution', note: 'RAG by dates and progress: Caution' },
  { sheet: 'Action Plan', row: 9, col: 3, kind: 'Concern', note: 'A mark on a cell that does not exist yet' },
  { sheet: 'Action Plan', row: 4, col: 0, kind: 'warning', note: 'Before E5 in the same row' },
  { sheet: 'Action Plan', row: 0, col: 0, kind: 'Complete', note: 'Ours, below theirs' },
  { sheet: 'workstreams', row: 1, col: 2, kind: 'On Target', note: 'Line 1\nLine 2 <&>' },
];

function snapshot(pkg: XlsxPackage): Map<string, string> {
  return new Map([...pkg.entries].map(([k, v]) => [k, Buffer.from(v.data).toString('base64')]));
}

describe('applyHighlights / clearHighlights', () => {
  it('marks cells with fills and notes, keeping each cell’s own format', async () => {
    const input = await plan();
    const wb = XlsxWorkbook.fromBytes(input);
    const before = await wb.readGrid();
    await wb.applyHighlights(MARKS);
    assertAllWellFormed(wb);
    const out = wb.toBytes();
    const x = await excelLoad(out);
    const ws = x.getWorksheet('Action Plan');
    if (!ws) throw new Error('sheet missing');
    expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FF0000FF' } });
    expect(ws.getCell('B2').border?.top?.style).toBe('thin');
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(ws.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFFFC000' } });
    expect(ws.getCell('D10').fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
    const noteText = (n: unknown) => (typeof n === 'string' ? n : ((n as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join(''));
    expect(noteText(ws.getCell('B2').note)).toBe('PlanCheck:\nTarget date is in the past and the action is not complete.');
    expect(noteText(ws.getCell('A1').note)).toBe('A note the officer wrote\nPlanCheck:\nOurs, below theirs');
    expect(noteText(x.getWorksheet('Workstreams')?.getCell('C2').note)).toBe('PlanCheck:\nLine 1\nLine 2 <&>');
    // Values and number formats read the same as before.
    const after = readWorkbook(openPackage(out)).grid;
    expect(after.sheets.map((s) => s.rows)).toEqual(before.sheets.map((s) => s.rows));
    expect(readPackageInfo(openPackage(out)).hasHighlights).toBe(true);
  });

  it('highlight → save → reopen → clear restores the package exactly (all but the appended styles)', async () => {
    const input = await plan();
    const original = snapshot(openPackage(input));
    const wb = XlsxWorkbook.fromBytes(input);
    await wb.applyHighlights(MARKS);
    const reopened = XlsxWorkbook.fromBytes(wb.toBytes());
    expect(reopened.info.hasHighlights).toBe(true);
    await reopened.clearHighlights();
    const cleared = snapshot(openPackage(reopened.toBytes()));
    expect([...cleared.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [name, data] of original) {
      if (name === 'xl/styles.xml') continue;
      expect({ name, same: cleared.get(name) === data }).toEqual({ name, same: true });
    }
    // The user's note is still there, without ours.
    const x = await excelLoad(reopened.toBytes());
    const note = x.getWorksheet('Action Plan')?.getCell('A1').note as { texts: { text: string }[] } | string;
    expect(typeof note === 'string' ? note : note.texts.map((t) => t.text).join('')).toBe('A note the officer wrote');
    expect(x.getWorksheet('Action Plan')?.getCell('B2').note).toBeUndefined();
  });

  it('one new cell format per (original format, kind): 10,000 marks do not make 10,000 styles', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const pkg = openPackage(book({ styles: { xfs: [0, 14] }, sheets: [{ name: 'Plan', xml: rows }] }));
    const marks: HighlightMark[] = [];
    for (let i = 0; i < 5000; i++) {
      marks.push({ sheet: 'Plan', row: i, col: 0, kind: i % 2 ? 'error' : 'warning', note: `n${i}` });
      marks.push({ sheet: 'Plan', row: i, col: 1, kind: 'error', note: `m${i}` });
    }
    const t = performance.now();
    applyHighlights(pkg, marks);
    const ms = performance.now() - t;
    const styles = partText(pkg, 'xl/styles.xml') as string;
    const xfs = parseXml(styles).children[0].children.find((c) => c.local === 'cellXfs')?.children ?? [];
    expect(xfs.length).toBe(2 + 3); // (14, error), (14, warning), (0, error)
    const grid = readWorkbook(pkg).grid.sheets[0];
    expect(grid.rows[0][0]).toEqual({ value: 0, format: 'dd/mm/yyyy' });
    console.log(`applyHighlights: 10,000 marks in ${ms.toFixed(0)} ms`);
    clearHighlights(pkg);
    expect(findHighlightRecord(pkg)).toBeUndefined();
  });

  it('refuses marks on a protected sheet or an unknown sheet, changing nothing', () => {
    const locked = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="1"/></worksheet>`;
    const pkg = openPackage(book({ sheets: [{ name: 'Plan', xml: '' }, { name: 'Locked', xml: locked }] }));
    const before = snapshot(pkg);
    expect(() => applyHighlights(pkg, [{ sheet: 'Locked', row: 0, col: 0, kind: 'error', note: 'x' }])).toThrow(expect.objectContaining({ code: 'protected' }));
    expect(() => applyHighlights(pkg, [{ sheet: 'Nope', row: 0, col: 0, kind: 'error', note: 'x' }])).toThrow(WorkbookError);
    expect(snapshot(pkg)).toEqual(before);
  });

  it('applying again replaces the earlier marks; clear still restores the original', async () => {
    const input = await plan();
    const original = snapshot(openPackage(input));
    const pkg = openPackage(input);
    applyHighlights(pkg, MARKS);
    const stylesOnce = partText(pkg, 'xl/styles.xml');
    applyHighlights(pkg, MARKS);
    expect(partText(pkg, 'xl/styles.xml')).toBe(stylesOnce); // the same clones are reused, not appended again
    applyHighlights(pkg, MARKS.slice(0, 2));
    const rec = findHighlightRecord(pkg)?.record;
    expect(rec?.sheets.flatMap((s) => s.cells.map((c) => c.ref))).toEqual(['B2', 'B3']);
    clearHighlights(pkg);
    const cleared = snapshot(openPackage(savePackage(pkg)));
    for (const [name, data] of original) if (name !== 'xl/styles.xml') expect({ name, same: cleared.get(name) === data }).toEqual({ name, same: true });
  });

  it('leaves a cell the user re-formatted after highlighting as they made it', () => {
    const pkg = openPackage(book({ styles: { xfs: [0, 9, 14] }, sheets: [{ name: 'P', xml: '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row>' }] }));
    applyHighlights(pkg, [
      { sheet: 'P', row: 0, col: 0, kind: 'error', note: 'a' },
      { sheet: 'P', row: 0, col: 1, kind: 'error', note: 'b' },
    ]);
    const xml = partText(pkg, 'xl/worksheets/sheet1.xml') as string;
    setPartText(pkg, 'xl/worksheets/sheet1.xml', xml.replace(/<c r="B1" s="\d+"/, '<c r="B1" s="2"'));
    clearHighlights(pkg);
    expect(partText(pkg, 'xl/worksheets/sheet1.xml')).toContain('<c r="A1" s="1"><v>1</v></c><c r="B1" s="2">');
  });

  it('restores exactly in awkward sheets: no r= attributes, prefixes, empty <sheetData/>, self-closing rows', () => {
    const cases: [string, HighlightMark[]][] = [
      ['<row><c><v>1</v></c><c s="0"><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>', [
        { sheet: 'P', row: 0, col: 1, kind: 'error', note: 'second implicit cell' },
        { sheet: 'P', row: 1, col: 0, kind: 'warning', note: 'implicit row' },
        { sheet: 'P', row: 1, col: 5, kind: 'warning', note: 'new cell after implicit ones' },
      ]],
      [`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></x:worksheet>`, [
        { sheet: 'P', row: 1, col: 1, kind: 'error', note: 'prefixed' },
        { sheet: 'P', row: 0, col: 0, kind: 'error', note: 'new row before' },
      ]],
      [`<worksheet xmlns="${MAIN_NS}"><sheetData /></worksheet>`, [{ sheet: 'P', row: 4, col: 2, kind: 'Complete', note: 'empty sheet' }]],
      ['<row r="3" spans="1:2" />\n<row r="4"><c r="A4"><v>1</v></c></row>', [
        { sheet: 'P', row: 2, col: 0, kind: 'error', note: 'self-closing row' },
        { sheet: 'P', row: 3, col: 4, kind: 'error', note: 'after A4' },
        { sheet: 'P', row: 9, col: 0, kind: 'error', note: 'after the last row' },
      ]],
    ];
    for (const [xml, marks] of cases) {
      const pkg = openPackage(book({ sheets: [{ name: 'P', xml }] }));
      const original = snapshot(pkg);
      applyHighlights(pkg, marks);
      const wb = new XlsxWorkbook(pkg);
      assertAllWellFormed(wb);
      const comments = partText(pkg, 'xl/comments1.xml') as string;
      expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]).sort()).toEqual(marks.map((m) => a1(m.row, m.col)).sort());
      const reopened = openPackage(savePackage(pkg));
      clearHighlights(reopened);
      const cleared = snapshot(reopened);
      for (const [name, data] of original) if (name !== 'xl/styles.xml') expect({ xml, name, same: cleared.get(name) === data }).toEqual({ xml, name, same: true });
      expect([...cleared.keys()].sort()).toEqual([...original.keys()].sort());
    }
  });

  it('sets the marked cells’ styles where the reader finds them', () => {
    const pkg = openPackage(book({ sheets: [{ name: 'P', xml: '<row><c><v>1</v></c><c><v>2</v></c></row>' }] }));
    applyHighlights(pkg, [{ sheet: 'P', row: 0, col: 1, kind: 'error', note: 'x' }]);
    expect(partText(pkg, 'xl/worksheets/sheet1.xml')).toContain('<row><c><v>1</v></c><c s="1"><v>2</v></c></row>');
  });

  it('reads UTF-16 parts and writes them back as UTF-8 with a matching declaration', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Café</t></is></c></row></sheetData></worksheet>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const pkg = openPackage(book({ sheets: [{ name: 'P', xml: '' }], extra: { 'xl/worksheets/sheet1.xml': utf16 } }));
    expect(readWorkbook(pkg).grid.sheets[0].rows[0][0]).toEqual({ value: 'Café' });
    applyHighlights(pkg, [{ sheet: 'P', row: 0, col: 0, kind: 'error', note: 'x' }]);
    const out = partText(pkg, 'xl/worksheets/sheet1.xml') as string;
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(readWorkbook(openPackage(savePackage(pkg))).grid.sheets[0].rows[0][0]).toEqual({ value: 'Café' });
  });
});

describe('the highlight limit', () => {
  it('more than 25,000 cells to mark is refused, and nothing is changed', async () => {
    const pkg = openPackage(await plan());
    const before = snapshot(pkg);
    const marks: HighlightMark[] = Array.from({ length: 25_001 }, (_, i) => ({ sheet: 'Action Plan', row: 10 + (i >> 4), col: i & 15, kind: 'warning', note: 'x' }));
    let err: unknown;
    try {
      applyHighlights(pkg, marks);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('too-large');
    expect((err as Error).message).toMatch(/25,001 cells to mark; PlanCheck marks at most 25,000/);
    expect(snapshot(pkg)).toEqual(before);
  });
});

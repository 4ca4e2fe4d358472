import fc from 'fast-check';
import type { CellSpec, SheetSpec } from '../../src/core/sheetspec';
import { RAG_COLOURS, RAG_LABELS, ragStyle } from '../../src/core/sheetspec';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { sanitiseSheetName, writeSheet } from '../../src/workbook/xlsx/write';
import { parseXml } from '../../src/workbook/xlsx/xml';
import { openPackage, savePackage } from '../../src/workbook/xlsx/zip';
import { assertAllWellFormed, book, excelBook, excelLoad, text } from './helpers';

const TRICKY = ['=1+1', '+44 7700 900123', '@home', '-5 days', '\tTabbed', '\rCR first', ' spaced ', 'a  b', 'line1\nline2', '_x0041_', '<&>"\''];

function summarySpec(name = 'Strategic Summary'): SheetSpec {
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: 'Best Value Action Plan', style: 'title' },
    { row: 1, col: 0, value: 'Progress as at 31 Mar 2021', style: 'subtitle' },
    { row: 3, col: 0, value: 'Report Date:', style: 'label' },
    { row: 3, col: 1, value: '2021-03-31', style: 'date' },
    { row: 5, col: 0, value: 'RAG', style: 'header' },
    { row: 5, col: 1, value: '% Completed', style: 'header' },
    { row: 5, col: 2, value: 'Workstream', style: 'header' },
    { row: 6, col: 0, value: 'On Target', style: 'rag-on-target' },
    { row: 6, col: 1, value: 75, style: 'integer' },
    { row: 6, col: 2, value: 'Governance and scrutiny', style: 'wrap' },
    { row: 7, col: 0, value: 'Concern', style: 'rag-concern' },
    { row: 7, col: 1, value: 10.5, style: 'integer' },
    { row: 7, col: 2, value: 'Budget', style: 'text' },
    ...TRICKY.map((value, i) => ({ row: 8 + i, col: 2, value })),
  ];
  const top = 30;
  RAG_LABELS.forEach((label, i) => {
    cells.push({ row: top + i, col: 0, value: label, style: ragStyle(label) });
    cells.push({ row: top + i, col: 1, value: i + 1, style: 'integer' });
  });
  return {
    name,
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
    ],
    columnWidths: [13, 12, 40],
    rowHeights: { 6: 45, 7: 30.5, 40: 20 },
    chart: {
      title: 'Workstreams by RAG',
      categories: { top, left: 0, bottom: top + 4, right: 0 },
      values: { top, left: 1, bottom: top + 4, right: 1 },
      anchor: { top: top - 1, left: 4, bottom: top + 12, right: 8 },
      colours: RAG_LABELS.map((l) => RAG_COLOURS[l].fill),
    },
  };
}

async function userBook(extraSheet?: string): Promise<Uint8Array> {
  return excelBook((wb) => {
    const ws = wb.addWorksheet('Action Plan');
    ws.getCell('A1').value = 'Action';
    ws.getCell('B1').value = { formula: '1+1', result: 2 } as never;
    ws.getCell('C1').value = new Date(Date.UTC(2021, 0, 5));
    ws.getCell('C1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF123456' } };
    wb.addWorksheet('Notes').getCell('A1').value = 'keep me';
    if (extraSheet) wb.addWorksheet(extraSheet).getCell('A1').value = 'the user wrote this';
  });
}

const CHANGED_BY_WRITE = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

describe('writeSheet', () => {
  it('adds a sheet that ExcelJS and our reader both read back, with text kept as text', async () => {
    const input = await userBook();
    const wb = XlsxWorkbook.fromBytes(input);
    const res = await wb.writeSheet(summarySpec());
    expect(res).toEqual({ name: 'Strategic Summary', replaced: false });
    const out = wb.toBytes();
    assertAllWellFormed(XlsxWorkbook.fromBytes(out));

    // Our reader.
    const { grid, info } = readWorkbook(openPackage(out));
    const s = grid.sheets.find((x) => x.name === 'Strategic Summary');
    expect(s?.generated).toBe(true);
    expect(info.generatedSheets).toEqual(['Strategic Summary']);
    expect(s?.rows[3][1]).toEqual({ value: 44286, format: 'dd mmm yyyy' });
    expect(s?.rows[6][1]).toEqual({ value: 75, format: '0' });
    TRICKY.forEach((t, i) => expect(s?.rows[8 + i][2]).toEqual({ value: t }));
    expect(s?.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
    ]);
    const sheetXml = text(XlsxWorkbook.fromBytes(out), info.sheets[2].part as string);
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(sheetXml).toContain('t="inlineStr"');

    // ExcelJS, an independent reader.
    const x = await excelLoad(out);
    const ws = x.getWorksheet('Strategic Summary');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('C9').value).toBe('=1+1');
    expect(ws.getCell('C9').formula).toBeUndefined();
    expect(ws.getCell('C10').value).toBe('+44 7700 900123');
    expect(ws.getCell('C11').value).toBe('@home');
    expect(ws.getCell('C12').value).toBe('-5 days');
    expect(ws.getCell('B4').value).toEqual(new Date(Date.UTC(2021, 2, 31)));
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(14);
    expect(ws.getCell('A6').font?.bold).toBe(true);
    expect(ws.getCell('A6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    expect(ws.getCell('A6').border?.top?.style).toBe('thin');
    expect(ws.getCell('A8').fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
    expect(ws.getCell('A8').font?.color?.argb).toBe('FFFFFFFF');
    expect(ws.getCell('A8').alignment?.horizontal).toBe('center');
    expect(ws.getCell('C7').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(3).width).toBe(40);
    expect(ws.getRow(7).height).toBe(45);
    expect(ws.getRow(8).height).toBe(30.5);
    expect(ws.getRow(41).height).toBe(20); // a height on a row with no cells
    expect(ws.getCell('B1').isMerged).toBe(true);
    // The user's sheets are still there and still styled.
    expect(x.getWorksheet('Action Plan')?.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FF123456' } });
    expect(x.getWorksheet('Action Plan')?.getCell('B1').formula).toBe('1+1');
  });

  it('leaves every other part byte-for-byte and only appends to styles', async () => {
    const input = await userBook();
    const before = openPackage(input);
    const wb = XlsxWorkbook.fromBytes(input);
    await wb.writeSheet(summarySpec());
    const after = openPackage(wb.toBytes());
    for (const [name, e] of before.entries) {
      expect(after.entries.has(name)).toBe(true);
      if (!CHANGED_BY_WRITE.has(name)) expect(Buffer.from(after.entries.get(name)?.data ?? []).equals(Buffer.from(e.data))).toBe(true);
    }
    const xfs = (pkg: typeof before) => {
      const t = new TextDecoder().decode(pkg.entries.get('xl/styles.xml')?.data);
      const root = parseXml(t).children[0];
      const cellXfs = root.children.find((c) => c.local === 'cellXfs');
      return (cellXfs?.children ?? []).map((x) => t.slice(x.start, x.end));
    };
    const old = xfs(before);
    const now = xfs(after);
    expect(now.slice(0, old.length)).toEqual(old);
    expect(now.length).toBeGreaterThan(old.length);
    // The chart and its drawing, with content types.
    const names = [...after.entries.keys()];
    expect(names).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels']));
    const ct = new TextDecoder().decode(after.entries.get('[Content_Types].xml')?.data);
    expect(ct).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    const chart = new TextDecoder().decode(after.entries.get('xl/charts/chart1.xml')?.data);
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect([...chart.matchAll(/<c:dPt><c:idx val="(\d)"\/>.*?srgbClr val="(\w+)"/g)].map((m) => m[2])).toEqual(RAG_LABELS.map((l) => RAG_COLOURS[l].fill));
    expect(chart).toContain(`<c:f>'Strategic Summary'!$A$31:$A$35</c:f>`);
  });

  it('marks the sheet with a hidden sheet-scoped defined name', async () => {
    const wb = XlsxWorkbook.fromBytes(await userBook());
    await wb.writeSheet(summarySpec());
    expect(text(wb, 'xl/workbook.xml')).toContain('<definedName name="PlanCheck_Generated" localSheetId="2" hidden="1">TRUE</definedName>');
  });

  it('writing twice replaces the generated sheet in place', async () => {
    const wb = XlsxWorkbook.fromBytes(await userBook());
    await wb.writeSheet(summarySpec());
    const once = openPackage(wb.toBytes());
    const wb2 = new XlsxWorkbook(once);
    const spec = summarySpec();
    spec.cells[0] = { ...spec.cells[0], value: 'Second run' };
    expect(await wb2.writeSheet(spec)).toEqual({ name: 'Strategic Summary', replaced: true });
    const twice = openPackage(wb2.toBytes());
    const { grid } = readWorkbook(twice);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Action Plan', 'Notes', 'Strategic Summary']);
    expect(grid.sheets[2].rows[0][0]?.value).toBe('Second run');
    // Same parts as after the first write: the old chart was dropped, not left behind.
    expect([...twice.entries.keys()].sort()).toEqual([...once.entries.keys()].sort());
    // Identical styles are reused, so styles.xml does not grow.
    expect(twice.entries.get('xl/styles.xml')?.data.length).toBe(once.entries.get('xl/styles.xml')?.data.length);
    const x = await excelLoad(savePackage(twice));
    expect(x.worksheets.map((w) => w.name)).toEqual(['Action Plan', 'Notes', 'Strategic Summary']);
  });

  it("never touches a user's sheet of the same name: ours becomes \"Name (2)\" (and is replaced next time)", async () => {
    const input = await userBook('Strategic Summary');
    const userPart = readWorkbook(openPackage(input)).info.sheets[2].part as string;
    const wb = XlsxWorkbook.fromBytes(input);
    expect(await wb.writeSheet(summarySpec())).toEqual({ name: 'Strategic Summary (2)', replaced: false });
    const out = wb.toBytes();
    expect(Buffer.from(openPackage(out).entries.get(userPart)?.data ?? []).equals(Buffer.from(openPackage(input).entries.get(userPart)?.data ?? []))).toBe(true);
    const again = XlsxWorkbook.fromBytes(out);
    expect(await again.writeSheet(summarySpec())).toEqual({ name: 'Strategic Summary (2)', replaced: true });
    const { grid } = readWorkbook(openPackage(again.toBytes()));
    expect(grid.sheets.map((s) => [s.name, !!s.generated])).toEqual([
      ['Action Plan', false],
      ['Notes', false],
      ['Strategic Summary', false],
      ['Strategic Summary (2)', true],
    ]);
    expect(grid.sheets[2].rows[0][0]?.value).toBe('the user wrote this');
  });

  it('sanitises names the way Excel requires', () => {
    expect(sanitiseSheetName('Q1/Q2: [draft]*?')).toBe('Q1-Q2- -draft---');
    expect(sanitiseSheetName("'quoted'")).toBe('quoted');
    expect(sanitiseSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sanitiseSheetName('  ')).toBe('PlanCheck');
  });

  it('keeps long names within 31 characters when a suffix is needed', () => {
    const long = 'A very long strategic summary name';
    const bytes = book({ sheets: [{ name: long.slice(0, 31), xml: '' }] });
    const pkg = openPackage(bytes);
    const res = writeSheet(pkg, { ...summarySpec(long), chart: undefined });
    expect(res.name).toBe('A very long strategic summa (2)');
    expect(res.name.length).toBeLessThanOrEqual(31);
  });

  it('writes dates in the workbook’s date system (1904)', () => {
    const pkg = openPackage(book({ date1904: true, sheets: [{ name: 'Plan', xml: '' }] }));
    writeSheet(pkg, { name: 'S', cells: [{ row: 0, col: 0, value: '2021-03-31', style: 'date' }], merges: [], columnWidths: [] });
    const { grid } = readWorkbook(pkg);
    expect(grid.sheets[1].rows[0][0]).toEqual({ value: 42824, format: 'dd mmm yyyy' });
  });

  it('refuses when the workbook structure is protected, and on invalid specs', () => {
    const bytes = book({ sheets: [{ name: 'Plan', xml: '' }] });
    const pkg = openPackage(bytes);
    const wbEntry = pkg.entries.get('xl/workbook.xml') as { data: Uint8Array };
    wbEntry.data = new TextEncoder().encode(new TextDecoder().decode(wbEntry.data).replace('<bookViews>', '<workbookProtection lockStructure="1"/><bookViews>'));
    expect(() => writeSheet(pkg, summarySpec())).toThrow(expect.objectContaining({ code: 'protected' }));
    const ok = openPackage(bytes);
    const overlapping = { ...summarySpec(), merges: [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 1, left: 1, bottom: 2, right: 2 }] };
    expect(() => writeSheet(ok, overlapping)).toThrow(WorkbookError);
    expect(() => writeSheet(ok, { ...summarySpec(), cells: [{ row: -1, col: 0, value: 'x' }] })).toThrow(expect.objectContaining({ code: 'invalid-spec' }));
  });

  it('works on a minimal package without styles.xml', () => {
    const parts = { ...require('./helpers').bookParts({ sheets: [{ name: 'Plan', xml: '' }] }) } as Record<string, string>;
    delete parts['xl/styles.xml'];
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(/<Relationship Id="rIdS"[^>]*\/>/, '');
    const pkg = openPackage(require('./helpers').zip(parts));
    writeSheet(pkg, summarySpec());
    const wb = new XlsxWorkbook(pkg);
    assertAllWellFormed(wb);
    const { grid } = readWorkbook(pkg);
    expect(grid.sheets[1].rows[6][1]).toEqual({ value: 75, format: '0' });
  });

  it('property: any string written reads back identical (our reader), and printable ones via ExcelJS too', async () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 20 }), (values) => {
        const pkg = openPackage(book({ sheets: [{ name: 'Plan', xml: '' }] }));
        writeSheet(pkg, { name: 'Out', cells: values.map((value, row) => ({ row, col: 0, value, style: 'wrap' as const })), merges: [], columnWidths: [] });
        const again = openPackage(savePackage(pkg));
        const rows = readWorkbook(again).grid.sheets[1].rows;
        values.forEach((v, row) => expect(rows[row]?.[0]?.value ?? '').toBe(v));
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 10 }), async (values) => {
        const pkg = openPackage(book({ sheets: [{ name: 'Plan', xml: '' }] }));
        writeSheet(pkg, { name: 'Out', cells: values.map((value, row) => ({ row, col: 0, value })), merges: [], columnWidths: [] });
        const ws = (await excelLoad(savePackage(pkg))).getWorksheet('Out');
        values.forEach((v, row) => expect(ws?.getCell(row + 1, 1).value).toBe(v));
      }),
      { numRuns: 30 },
    );
  });
});

import type { RawCell, SheetGrid } from '../../src/core/cell';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { isoToSerial, readWorkbook } from '../../src/workbook/xlsx/read';
import { openPackage } from '../../src/workbook/xlsx/zip';
import { book, excelBook, MAIN_NS, REL_NS } from './helpers';

function read(bytes: Uint8Array) {
  return readWorkbook(openPackage(bytes));
}

function cell(sheet: SheetGrid, ref: string): RawCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return sheet.rows[Number(m[2]) - 1]?.[col - 1];
}

describe('readWorkbook: values', () => {
  it('shared strings: plain, rich-text runs, preserved spaces; phonetic runs skipped; Excel escapes decoded', () => {
    const sst =
      `<sst xmlns="${MAIN_NS}"><si><t>plain</t></si>` +
      `<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and normal </t></r></si>` +
      `<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t>line1_x000D_&#10;line2 &amp; _x005F_x0041_</t></si><si><t/></si></sst>`;
    const { grid } = read(
      book({ sharedStrings: sst, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>99</v></c></row>' }] }),
    );
    const s = grid.sheets[0];
    expect(s.rows[0].slice(0, 4).map((c) => c?.value)).toEqual(['plain', 'Bold and normal ', '漢字', 'line1\r\nline2 & _x0041_']);
    expect(cell(s, 'E1')).toBeUndefined(); // empty string: not stored
    expect(cell(s, 'F1')).toBeUndefined(); // index out of range
  });

  it('inline strings, including rich runs and text that looks like a formula', () => {
    const { grid } = read(
      book({
        sheets: [
          {
            name: 'S',
            xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>=1+1</t></is></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c r="C1" t="inlineStr"><is><t></t></is></c></row>',
          },
        ],
      }),
    );
    expect(grid.sheets[0].rows[0]).toEqual([{ value: '=1+1' }, { value: 'ab' }]);
  });

  it('numbers keep built-in and custom formats; General is not reported', () => {
    const { grid } = read(
      book({
        styles: { numFmts: { 164: 'dd mmm yyyy', 165: '0.0%;[Red]-0.0%' }, xfs: [0, 9, 10, 14, 164, 22, 165, 17, 2, 49] },
        sheets: [
          {
            name: 'S',
            xml: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${s}"><v>0.25</v></c></row>`).join(''),
          },
        ],
      }),
    );
    expect(grid.sheets[0].rows.map((r) => r[0]?.format)).toEqual([undefined, '0%', '0.00%', 'dd/mm/yyyy', 'dd mmm yyyy', 'dd/mm/yyyy hh:mm', '0.0%;[Red]-0.0%', 'mmm-yy', '0.00']);
    expect(grid.sheets[0].rows[0][0]).toEqual({ value: 0.25 });
  });

  it('1904 workbooks: the flag is set and ISO dates become 1904 serials', () => {
    const xml = '<row r="1"><c r="A1" s="1"><v>42824</v></c><c r="B1" t="d"><v>2021-03-31</v></c><c r="C1" t="d" s="1"><v>2021-03-31T12:00:00Z</v></c></row>';
    const r1904 = read(book({ date1904: true, styles: { xfs: [0, 14] }, sheets: [{ name: 'S', xml }] }));
    expect(r1904.grid.date1904).toBe(true);
    expect(r1904.info.date1904).toBe(true);
    expect(r1904.grid.sheets[0].rows[0]).toEqual([{ value: 42824, format: 'dd/mm/yyyy' }, { value: 42824, format: 'dd/mm/yyyy' }, { value: 42824.5, format: 'dd/mm/yyyy' }]);
    const r1900 = read(book({ styles: { xfs: [0, 14] }, sheets: [{ name: 'S', xml }] }));
    expect(r1900.grid.date1904).toBe(false);
    expect(r1900.grid.sheets[0].rows[0][1]).toEqual({ value: 44286, format: 'dd/mm/yyyy' });
  });

  it('ISO dates convert to serials in both systems, honouring the 1900 leap-year bug', () => {
    expect(isoToSerial('1900-01-01', false)).toBe(1);
    expect(isoToSerial('1900-02-28', false)).toBe(59);
    expect(isoToSerial('1900-03-01', false)).toBe(61);
    expect(isoToSerial('2021-03-31', false)).toBe(44286);
    expect(isoToSerial('1904-01-01', true)).toBe(0);
    expect(isoToSerial('12:00', false)).toBe(0.5);
    expect(isoToSerial('2021-02-30', false)).toBeNull();
    expect(isoToSerial('soon', false)).toBeNull();
  });

  it('booleans, formula errors and cached formula results', () => {
    const xml =
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="e"><v>#N/A</v></c></row>' +
      '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C2"><f>A1</f></c><c r="D2" t="str"><f>""</f><v></v></c></row>';
    const s = read(book({ sheets: [{ name: 'S', xml }] })).grid.sheets[0];
    expect(s.rows[0]).toEqual([{ value: true }, { value: false }, { value: '#DIV/0!', error: true, formula: true }, { value: '#N/A', error: true }]);
    expect(s.rows[1]).toEqual([{ value: 2, formula: true }, { value: 'ab', formula: true }]);
  });

  it('cells and rows without r= use running positions', () => {
    const xml = '<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>';
    const s = read(book({ sheets: [{ name: 'S', xml }] })).grid.sheets[0];
    expect(cell(s, 'A1')?.value).toBe(1);
    expect(cell(s, 'B1')?.value).toBe(2);
    expect(cell(s, 'A2')?.value).toBe('x');
    expect(cell(s, 'C5')?.value).toBe(3);
    expect(cell(s, 'D5')?.value).toBe(4);
    expect(cell(s, 'A6')?.value).toBe(5);
  });

  it('rows are sparse arrays at absolute positions', () => {
    const s = read(book({ sheets: [{ name: 'S', xml: '<row r="1000000"><c r="XFD1000000"><v>7</v></c></row><row r="2000000"><c r="A2000000"><v>8</v></c></row>' }] })).grid.sheets[0];
    expect(s.rows.length).toBe(1000000);
    expect(s.rows[999999][16383]).toEqual({ value: 7 });
    expect(Object.keys(s.rows)).toEqual(['999999']); // beyond Excel's grid: ignored
  });

  it('reads prefixed SpreadsheetML (x:worksheet)', () => {
    const ws = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>hi</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:C3"/></x:mergeCells></x:worksheet>`;
    const s = read(book({ sheets: [{ name: 'S', xml: ws }] })).grid.sheets[0];
    expect(cell(s, 'B2')).toEqual({ value: 'hi' });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });
});

describe('readWorkbook: hostile and huge ranges', () => {
  it('merges stay unexpanded; a lying <dimension>, a million-row data validation and conditional format cost nothing', () => {
    const ws =
      `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<mergeCells count="2"><mergeCell ref="H3:XFD1048576"/><mergeCell ref="A5:B6"/></mergeCells>` +
      `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="A1:A1048576 C1:XFD1048576"><formula1>"Red,Amber,Green"</formula1></dataValidation></dataValidations></worksheet>`;
    const bytes = book({ sheets: [{ name: 'S', xml: ws }] });
    const heap = process.memoryUsage().heapUsed;
    const t = performance.now();
    const s = read(bytes).grid.sheets[0];
    const ms = performance.now() - t;
    expect(ms).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(20 * 1024 * 1024);
    expect(s.merges).toEqual([
      { top: 2, left: 7, bottom: 1048575, right: 16383 },
      { top: 4, left: 0, bottom: 5, right: 1 },
    ]);
    expect(s.rows.length).toBe(1);
  });

  it('an entity bomb in shared strings is not expanded', () => {
    let ents = '<!ENTITY a0 "lol">';
    for (let i = 1; i <= 9; i++) ents += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const sst = `<?xml version="1.0"?><!DOCTYPE sst [${ents}]><sst xmlns="${MAIN_NS}"><si><t>&a9;</t></si></sst>`;
    const t = performance.now();
    const s = read(book({ sharedStrings: sst, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] })).grid.sheets[0];
    expect(performance.now() - t).toBeLessThan(100);
    expect(cell(s, 'A1')).toEqual({ value: '&a9;' });
  });

  it('refuses more cells than the limit with too-large', () => {
    const xml = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const pkg = openPackage(book({ sheets: [{ name: 'S', xml }] }), { maxCells: 10 });
    expect(() => readWorkbook(pkg)).toThrow(WorkbookError);
    try {
      readWorkbook(pkg);
    } catch (e) {
      expect((e as WorkbookError).code).toBe('too-large');
      expect((e as WorkbookError).message).toMatch(/more than 10 filled cells/);
    }
  });
});

describe('readWorkbook: package survey', () => {
  it('reports hidden and protected sheets, workbook protection, generated sheets, charts, pivots, macros and external links', () => {
    const protectedWs = `<worksheet xmlns="${MAIN_NS}"><sheetData/><sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>`;
    const offWs = `<worksheet xmlns="${MAIN_NS}"><sheetData/><sheetProtection sheet="0"/></worksheet>`;
    const bytes = book({
      sheets: [
        { name: 'Plan', xml: '' },
        { name: 'Hidden', xml: '', state: 'hidden' },
        { name: 'Very', xml: '', state: 'veryHidden' },
        { name: 'Locked', xml: protectedWs },
        { name: 'Unlocked', xml: offWs },
        { name: 'Strategic Summary', xml: '' },
      ],
      workbookExtra: '<definedNames><definedName name="PlanCheck_Generated" localSheetId="5" hidden="1">TRUE</definedName></definedNames>',
      extra: { 'xl/charts/chart1.xml': '<c:chartSpace/>', 'xl/pivotTables/pivotTable1.xml': '<x/>', 'xl/vbaProject.bin': new Uint8Array([1, 2]), 'xl/externalLinks/externalLink1.xml': '<x/>' },
    }).slice();
    const { grid, info } = read(bytes);
    expect(grid.sheets.map((s) => [s.name, !!s.hidden, !!s.protected, !!s.generated])).toEqual([
      ['Plan', false, false, false],
      ['Hidden', true, false, false],
      ['Very', true, false, false],
      ['Locked', false, true, false],
      ['Unlocked', false, false, false],
      ['Strategic Summary', false, false, true],
    ]);
    expect(info).toMatchObject({
      hasCharts: true,
      hasPivotTables: true,
      hasMacros: true,
      hasExternalLinks: true,
      workbookProtected: false,
      protectedSheets: ['Locked'],
      generatedSheets: ['Strategic Summary'],
      hasHighlights: false,
    });
    expect(info.sheets[1]).toMatchObject({ name: 'Hidden', part: 'xl/worksheets/sheet2.xml', state: 'hidden', kind: 'worksheet', sheetId: 2 });
    // The quick survey (no cell reading) agrees.
    expect(XlsxWorkbook.fromBytes(bytes).info).toEqual(info);
  });

  it('resolves absolute and ../ relationship targets and workbook protection', () => {
    const bytes = book({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], workbookExtra: '' });
    const pkg = openPackage(bytes);
    const rels = pkg.entries.get('xl/_rels/workbook.xml.rels') as { data: Uint8Array };
    rels.data = new TextEncoder().encode(new TextDecoder().decode(rels.data).replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/../worksheets/sheet1.xml"'));
    const wbPart = pkg.entries.get('xl/workbook.xml') as { data: Uint8Array };
    wbPart.data = new TextEncoder().encode(new TextDecoder().decode(wbPart.data).replace('<bookViews>', '<workbookProtection lockStructure="1"/><bookViews>'));
    const { grid, info } = readWorkbook(pkg);
    expect(grid.sheets[0].rows[0][0]).toEqual({ value: 1 });
    expect(info.workbookProtected).toBe(true);
  });
});

describe('readWorkbook: files made by ExcelJS', () => {
  it('reads strings, numbers, formats, dates, booleans, errors, formulas, rich text and merges', async () => {
    const bytes = await excelBook((wb) => {
      const ws = wb.addWorksheet('Action Plan');
      ws.getCell('A1').value = 'Action';
      ws.getCell('B1').value = 0.75;
      ws.getCell('B1').numFmt = '0%';
      ws.getCell('C1').value = new Date(Date.UTC(2021, 2, 31));
      ws.getCell('C1').numFmt = 'dd/mm/yyyy';
      ws.getCell('D1').value = true;
      ws.getCell('E1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('F1').value = { formula: 'B1*2', result: 1.5 } as ExcelJS.CellFormulaValue;
      ws.getCell('G1').value = { richText: [{ text: 'On ', font: { bold: true } }, { text: 'Target' }] };
      ws.getCell('A3').value = 'Merged';
      ws.mergeCells('A3:C4');
      wb.addWorksheet('Second').getCell('B2').value = 42;
    });
    const { grid } = read(bytes);
    const s = grid.sheets[0];
    expect(grid.sheets.map((x) => x.name)).toEqual(['Action Plan', 'Second']);
    expect(cell(s, 'A1')).toEqual({ value: 'Action' });
    expect(cell(s, 'B1')).toEqual({ value: 0.75, format: '0%' });
    expect(cell(s, 'C1')).toEqual({ value: 44286, format: 'dd/mm/yyyy' });
    expect(cell(s, 'D1')).toEqual({ value: true });
    expect(cell(s, 'E1')).toEqual({ value: '#REF!', error: true });
    expect(cell(s, 'F1')).toEqual({ value: 1.5, formula: true });
    expect(cell(s, 'G1')).toEqual({ value: 'On Target' });
    expect(cell(s, 'A3')).toEqual({ value: 'Merged' });
    expect(s.merges).toEqual([{ top: 2, left: 0, bottom: 3, right: 2 }]);
    expect(cell(grid.sheets[1], 'B2')).toEqual({ value: 42 });
  });
});

import type ExcelJS from 'exceljs';
void REL_NS;

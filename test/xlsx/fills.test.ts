/** RAG by colour: a tracker whose RAG column is coloured, not typed, read from a real .xlsx. */
import ExcelJS from 'exceljs';
import { checkWorkbook, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { applyTint } from '../../src/workbook/xlsx/fills';

async function tracker(fills: Partial<ExcelJS.Color>[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRow(['Recommendation', 'Responsible Officer', 'Due Date', 'RAG']);
  fills.forEach((c, i) => {
    ws.addRow([`Recommendation ${i + 1}`, 'Head of Audit', new Date(Date.UTC(2030, 0, 31))]);
    ws.getCell(i + 2, 3).numFmt = 'dd/mm/yyyy';
    ws.getCell(i + 2, 4).fill = { type: 'pattern', pattern: 'solid', fgColor: c as ExcelJS.Color };
  });
  // A header band coloured like amber is a header, not a stated RAG.
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fill colours in a RAG column', () => {
  it('reads rgb, theme and indexed fills of empty cells as the stated RAG', async () => {
    const bytes = await tracker([
      { argb: 'FFFF0000' }, // red
      { argb: 'FFFFC000' }, // Excel's standard amber
      { argb: 'FF00B050' }, // standard green
      { argb: 'FF0070C0' }, // standard blue: BRAG complete
      { theme: 9 }, // accent6 of the workbook's own theme (ExcelJS writes Office 2007's): orange F79646
      { indexed: 10 } as Partial<ExcelJS.Color>, // legacy palette red
      { argb: 'FFFFFFFF' }, // white: states nothing
    ]);
    const grid = await XlsxWorkbook.fromBytes(bytes).readGrid();
    const { report } = checkWorkbook(grid, { file: 't.xlsx', today: '2029-12-01', settings: resolveSettings({}) });
    expect(report.actions.map((a) => a.statedRag)).toEqual(['Concern', 'Caution', 'On Target', 'Complete', 'Caution', 'Concern', null]);
    expect(report.actions).toHaveLength(7);
    // Nothing started yet, so every colour but blue (which says complete) contradicts the dates.
    expect(report.findings.filter((f) => f.code === 'rag-mismatch').map((f) => f.cell)).toEqual(['D2', 'D3', 'D4', 'D6', 'D7']);
  });

  it('tints lighten and darken as Excel does', () => {
    expect(applyTint('4472C4', 0.3999755851924192)).toBe('8FAADC');
    expect(applyTint('70AD47', -0.249977111117893)).toBe('548235');
  });
});

/** Timing sanity for big sheets: printed, not asserted (machines differ). */
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { book, MAIN_NS } from './helpers';

function bigSheet(rows: number): { xml: string; strings: string[] } {
  const strings = Array.from({ length: 5000 }, (_, i) => `Action ${i}: improve the council's arrangements for scrutiny & governance`);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>`];
  for (let r = 1; r <= rows; r++) {
    parts.push(
      `<row r="${r}" spans="1:10"><c r="A${r}" t="s"><v>${r % 5000}</v></c><c r="B${r}" s="1"><v>${44000 + (r % 400)}</v></c><c r="C${r}" s="2"><v>0.${r % 100}</v></c>` +
        `<c r="D${r}"><v>${r}</v></c><c r="E${r}" t="s"><v>${(r * 7) % 5000}</v></c><c r="F${r}" t="inlineStr"><is><t>Lead officer ${r % 97}</t></is></c>` +
        `<c r="G${r}" t="b"><v>${r % 2}</v></c><c r="H${r}"><f>D${r}*2</f><v>${r * 2}</v></c><c r="I${r}" t="s"><v>${(r * 13) % 5000}</v></c><c r="J${r}" t="str"><v>On Target</v></c></row>`,
    );
  }
  parts.push('</sheetData></worksheet>');
  return { xml: parts.join(''), strings };
}

describe('timing (printed, not asserted)', () => {
  it('reads a generated 100,000-row sheet', async () => {
    const { xml, strings } = bigSheet(100_000);
    const bytes = book({ sharedStrings: strings, styles: { xfs: [0, 14, 9] }, sheets: [{ name: 'Big', xml }] }, 1);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const wb = XlsxWorkbook.fromBytes(bytes);
    const t1 = performance.now();
    const grid = await wb.readGrid();
    const t2 = performance.now();
    const heap1 = process.memoryUsage().heapUsed;
    let cells = 0;
    for (const row of grid.sheets[0].rows) if (row) for (const c of row) if (c) cells++;
    expect(cells).toBe(1_000_000);
    expect(grid.sheets[0].rows[99_999][1]).toEqual({ value: 44000 + (100_000 % 400), format: 'dd/mm/yyyy' });
    console.log(
      `100,000 rows x 10 cells: sheet XML ${(xml.length / 1048576).toFixed(1)} MB, file ${(bytes.length / 1048576).toFixed(1)} MB; ` +
        `open (inflate + CRC) ${(t1 - t0).toFixed(0)} ms; read grid ${(t2 - t1).toFixed(0)} ms; heap +${((heap1 - heap0) / 1048576).toFixed(0)} MB${gc ? '' : ' (approximate: no --expose-gc)'}`,
    );
  });
});

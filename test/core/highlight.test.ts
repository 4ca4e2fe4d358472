/** The cell count a front end checks before highlighting is the number of marks it would get. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, highlightCellCount, highlightMarks, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';

const EX = path.join(__dirname, '..', '..', 'examples');

describe('highlightCellCount', () => {
  it.each(['action-plan-flat.xlsx', 'best-value-action-plan.xlsx', 'strategic-summary-mc002.xlsx'])('%s: equals the marks highlightMarks makes', async (name) => {
    const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(path.join(EX, name)))).readGrid();
    const result = checkWorkbook(grid, { file: name, today: '2026-11-30', settings: resolveSettings({}) });
    const marks = highlightMarks(result);
    expect(marks.length).toBeGreaterThan(0);
    expect(highlightCellCount(result)).toBe(marks.length);
  });
});

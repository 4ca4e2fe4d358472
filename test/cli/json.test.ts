/** The JSON writer of `validate --format json`: the same text JSON.stringify gives, written in chunks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeJson } from '../../src/cli/main';
import { checkWorkbook, resolveSettings } from '../../src/core';
import { ReportSchema } from '../../src/core/model';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';

function written(value: object): { text: string; chunks: number } {
  const parts: string[] = [];
  writeJson(value, { out: (s) => parts.push(s) });
  return { text: parts.join(''), chunks: parts.length };
}

describe('writeJson', () => {
  it.each([
    ['an empty object', {}],
    ['empty arrays and nulls', { a: [], b: null, c: { d: [] } }],
    ['nested values and odd text', { list: [{ x: 1, y: ['a', { z: 'line\nbreak "quoted" ТВС' }] }, 2, null], n: -0.5, t: true }],
    ['undefined members', { a: undefined, b: [undefined, 1] }],
  ])('%s: byte for byte what JSON.stringify(value, null, 2) gives', (_, value) => {
    expect(written(value).text).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('a real report: identical text, valid against the schema, written in several chunks when large', async () => {
    const file = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');
    const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
    const { report } = checkWorkbook(grid, { file: 'action-plan-flat.xlsx', today: '2021-03-01', settings: resolveSettings({}) });
    const out = written(report);
    expect(out.text).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(ReportSchema.parse(JSON.parse(out.text))).toEqual(report);
    const big = { actions: Array.from({ length: 2000 }, (_, i) => ({ ...report.actions[i % report.actions.length], row: i + 1 })) };
    const bigOut = written(big);
    expect(bigOut.text).toBe(JSON.stringify(big, null, 2) + '\n');
    expect(bigOut.chunks).toBeGreaterThan(5);
  });
});

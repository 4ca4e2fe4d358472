/** The JSON writer of `validate --format json`: the same text JSON.stringify gives, written in chunks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeJson } from '../../src/cli/main';
import { checkWorkbook, resolveSettings } from '../../src/core';
import { ReportSchema } from '../../src/core/model';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';

async function written(value: object): Promise<{ text: string; chunks: number }> {
  const parts: string[] = [];
  await writeJson(value, { out: (s) => void parts.push(s) });
  return { text: parts.join(''), chunks: parts.length };
}

describe('writeJson', () => {
  it.each([
    ['an empty object', {}],
    ['empty arrays and nulls', { a: [], b: null, c: { d: [] } }],
    ['nested values and odd text', { list: [{ x: 1, y: ['a', { z: 'line\nbreak "quoted" ТВС' }] }, 2, null], n: -0.5, t: true }],
    ['undefined members', { a: undefined, b: [undefined, 1] }],
  ])('%s: byte for byte what JSON.stringify(value, null, 2) gives', async (_, value) => {
    expect((await written(value)).text).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('a real report: identical text, valid against the schema, written in several chunks when large', async () => {
    const file = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');
    const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
    const { report } = checkWorkbook(grid, { file: 'action-plan-flat.xlsx', today: '2021-03-01', settings: resolveSettings({}) });
    const out = await written(report);
    expect(out.text).toBe(JSON.stringify(report, null, 2) + '\n');
    // Findings keep their facts in memory; as JSON they are the documented shape.
    expect(ReportSchema.parse(JSON.parse(out.text))).toEqual(JSON.parse(JSON.stringify(report)));
    const big = { actions: Array.from({ length: 5000 }, (_, i) => ({ ...report.actions[i % report.actions.length], row: i + 1 })) };
    const bigOut = await written(big);
    expect(bigOut.text).toBe(JSON.stringify(big, null, 2) + '\n');
    expect(bigOut.chunks).toBeGreaterThan(5);
  });

  it('waits while the reader is behind: nothing more is written until what was queued has drained', async () => {
    // As stdout to a pipe: out() says false when Node had to queue the text.
    const big = { actions: Array.from({ length: 3000 }, (_, i) => ({ row: i + 1, text: 'x'.repeat(100) })) };
    const parts: string[] = [];
    let queued = 0;
    let mostQueued = 0;
    let release: (() => void) | undefined;
    const io = {
      out: (s: string) => {
        parts.push(s);
        queued++;
        mostQueued = Math.max(mostQueued, queued);
        return false;
      },
      drained: () =>
        new Promise<void>((resolve) => {
          release = () => {
            queued = 0;
            resolve();
          };
          setImmediate(() => release?.());
        }),
    };
    await writeJson(big, io);
    expect(parts.join('')).toBe(JSON.stringify(big, null, 2) + '\n');
    expect(parts.length).toBeGreaterThan(3);
    expect(mostQueued).toBe(1);
  });
});

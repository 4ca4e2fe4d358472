/** Properties that must hold for any input, and a mutation run through the real CLI. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildSummary, checkWorkbook, computeRag, RAG_LABELS, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { partText } from '../../src/workbook/xlsx/zip';

const settings = resolveSettings({});
const ROOT = path.join(__dirname, '..', '..');
const iso = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('RAG', () => {
  it('any progress and dates give one of the five labels and a reason', () => {
    fc.assert(
      fc.property(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), fc.option(iso), fc.option(iso), iso, (percent, target, start, asOf) => {
        const r = computeRag({ percent, target, start, asOf }, settings);
        return (RAG_LABELS as readonly string[]).includes(r.rag) && r.reason.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the summary', () => {
  const example = () => XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(path.join(ROOT, 'examples', 'strategic-summary-mc002.xlsx'))));

  it('building it twice gives the same workbook as building it once', async () => {
    const once = example();
    const result = checkWorkbook(await once.readGrid(), { file: 'x', today: '2026-11-22', settings });
    await once.writeSheet(buildSummary(result, settings));
    const twice = example();
    await twice.writeSheet(buildSummary(result, settings));
    await twice.writeSheet(buildSummary(result, settings));
    expect(Buffer.from(twice.toBytes()).equals(Buffer.from(once.toBytes()))).toBe(true);
  });

  it('any plan text round-trips as a text cell, never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('=1+1', '+44 7700 900000', '-5', '@SUM(A1)', '\tTab', '\rCR', '=HYPERLINK("http://x")')), async (text) => {
        const wb = example();
        await wb.writeSheet({ name: 'Strategic Summary', cells: [{ row: 0, col: 0, value: text }], merges: [], columnWidths: [10] });
        const back = XlsxWorkbook.fromBytes(wb.toBytes());
        const grid = await back.readGrid();
        const cell = grid.sheets.find((s) => s.name === 'Strategic Summary')!.rows[0]?.[0];
        const xml = partText(((back as unknown as { pkg: Parameters<typeof partText>[0] }).pkg), 'xl/worksheets/sheet2.xml') ?? '';
        return (text === '' ? cell === undefined : cell?.value === text && !cell.formula) && !xml.includes('<f>');
      }),
      { numRuns: 60 },
    );
  });
});

describe('mutation: random byte flips through the CLI', () => {
  it('never hang, crash the process or print a stack trace', () => {
    const good = fs.readFileSync(path.join(ROOT, 'examples', 'action-plan-flat.xlsx'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-mutate-'));
    const random = fc.sample(fc.array(fc.record({ at: fc.nat(good.length - 1), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 }), { numRuns: 25, seed: 42 });
    for (const [n, flips] of random.entries()) {
      const bytes = Buffer.from(good);
      for (const f of flips) bytes[f.at] = f.byte;
      const file = path.join(dir, `m${n}.xlsx`);
      fs.writeFileSync(file, bytes);
      const r = spawnSync(process.execPath, ['--max-old-space-size=400', path.join(ROOT, 'bin', 'plancheck.js'), 'validate', file], { encoding: 'utf8', timeout: 60000 });
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (r.status === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the pane never runs workbook text as code', () => {
  it('has no eval, new Function or dangerouslySetInnerHTML in src/', () => {
    const files = (d: string): string[] =>
      fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));
    const offending = files(path.join(ROOT, 'src')).filter((f) => /\beval\(|new Function\(|dangerouslySetInnerHTML|innerHTML\s*=/.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});

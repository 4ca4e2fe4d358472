/**
 * What users see, held still across refactors: every command of `plancheck` run on the
 * bundled examples (made from the seeds), its exit code, its stdout and stderr, and the
 * cells of every sheet it writes, compared with the output recorded in test/golden/expected/.
 * A change a user would notice shows here as a diff; a deliberate one is recorded again with
 * `UPDATE_GOLDEN=1 npx jest test/golden` and reviewed in the commit.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { a1 } from '../../src/core/cell';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { partText } from '../../src/workbook/xlsx/zip';
import { runCli } from '../helpers/cli';

const EX = path.join(__dirname, '..', '..', 'examples');
const OUT = path.join(__dirname, 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const cli = (args: string[]) => runCli(args);

/** The values and number formats of the sheets PlanCheck wrote, and the notes it added. */
async function dumpWritten(file: string, before: string): Promise<string> {
  const wb = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file)));
  const original = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(before)));
  const had = new Set((await original.readGrid()).sheets.map((s) => s.name));
  const lines: string[] = [];
  for (const sheet of (await wb.readGrid()).sheets) {
    if (had.has(sheet.name)) continue;
    lines.push(`## sheet ${sheet.name}`);
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.value === '') return;
        lines.push(
          `${a1(r, c)}\t${JSON.stringify(cell.value)}${cell.format ? `\t${cell.format}` : ''}${cell.fill ? `\tfill ${cell.fill}` : ''}`,
        );
      }),
    );
    lines.push(`merges ${sheet.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).join(' ')}`);
  }
  for (const part of [...wb.pkg.entries.keys()].filter((p) => /comments\d*\.xml$/i.test(p)).sort()) {
    const notes = [...(partText(wb.pkg, part) ?? '').matchAll(/<comment ref="([^"]+)"[\s\S]*?<\/comment>/g)].map(
      (m) => `${m[1]}\t${m[0].replace(/<[^>]+>/g, '').trim()}`,
    );
    lines.push(`## notes ${part}`, ...notes);
  }
  return lines.join('\n') + '\n';
}

const ex = (f: string) => path.join(EX, f);
const PLANS = ['best-value-action-plan.xlsx', 'action-plan-flat.xlsx', 'action-plan-1904.xlsx', 'strategic-summary-mc002.xlsx'];
const AS_OF: Record<string, string> = { 'best-value-action-plan.xlsx': '2020-04-15' };

interface Case {
  name: string;
  args: (out: string) => string[];
  /** The input whose sheets are not dumped (only what PlanCheck added). */
  wrote?: string;
}

const asOf = (f: string) => (AS_OF[f] ? ['--as-of', AS_OF[f]] : []);
const stem = (f: string) => f.replace(/\.xlsx$/, '');
const CASES: Case[] = [
  ...PLANS.flatMap((f): Case[] => [
    { name: `validate-${stem(f)}`, args: () => ['validate', ex(f), ...asOf(f)] },
    { name: `validate-json-${stem(f)}`, args: () => ['validate', ex(f), ...asOf(f), '--format', 'json'] },
    { name: `owners-${stem(f)}`, args: () => ['owners', ex(f), ...asOf(f)] },
    { name: `owners-json-${stem(f)}`, args: () => ['owners', ex(f), ...asOf(f), '--format', 'json'] },
    { name: `summary-${stem(f)}`, args: (o) => ['summary', ex(f), ...asOf(f), '--owners', '-o', o], wrote: ex(f) },
    { name: `highlight-${stem(f)}`, args: (o) => ['highlight', ex(f), ...asOf(f), '-o', o], wrote: ex(f) },
  ]),
  {
    name: 'compare-june-september',
    args: () => ['compare', ex('compare/action-plan-2020-06.xlsx'), ex('compare/action-plan-2020-09.xlsx')],
  },
  {
    name: 'compare-json-june-september',
    args: () => ['compare', ex('compare/action-plan-2020-06.xlsx'), ex('compare/action-plan-2020-09.xlsx'), '--format', 'json'],
  },
  { name: 'compare-mc001-mc002', args: () => ['compare', ex('compare/strategic-summary-mc001.xlsx'), ex('strategic-summary-mc002.xlsx')] },
  {
    name: 'summary-previous-mc001-mc002',
    args: (o) => ['summary', ex('strategic-summary-mc002.xlsx'), '--previous', ex('compare/strategic-summary-mc001.xlsx'), '-o', o],
    wrote: ex('strategic-summary-mc002.xlsx'),
  },
  {
    name: 'summary-previous-june-september',
    args: (o) => [
      'summary',
      ex('compare/action-plan-2020-09.xlsx'),
      '--previous',
      ex('compare/action-plan-2020-06.xlsx'),
      '--as-of',
      '2020-10-01',
      '-o',
      o,
    ],
    wrote: ex('compare/action-plan-2020-09.xlsx'),
  },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-golden-'));
  if (UPDATE) fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('plancheck on the examples gives the recorded output', () => {
  it.each(CASES.map((c) => [c.name, c]))('%s', async (_, c: Case) => {
    const output = path.join(dir, `${c.name}.xlsx`);
    const r = await cli(c.args(output));
    // Paths differ between machines: the examples folder and the temp folder are named.
    const clean = (s: string) => s.split(EX).join('<examples>').split(dir).join('<out>');
    let text = `exit ${r.code}\n--- stdout\n${clean(r.out)}--- stderr\n${clean(r.err)}`;
    if (c.wrote) text += `--- written\n${await dumpWritten(output, c.wrote)}`;
    const golden = path.join(OUT, `${c.name}.txt`);
    if (UPDATE) fs.writeFileSync(golden, text);
    expect(text).toBe(fs.readFileSync(golden, 'utf8'));
  });
});

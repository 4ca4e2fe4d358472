/** The JSON writer of `validate --format json`: the same text JSON.stringify gives, written in chunks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportItemJson } from '../../src/app';
import { writeJson } from '../../src/cli/main';
import { type Report, checkWorkbook, makeFinding, resolveSettings } from '../../src/core';
import { ReportSchema } from '../../src/core/model';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { sheet, workbook } from '../helpers/grid';

async function written(value: object, items?: typeof reportItemJson): Promise<{ text: string; chunks: number }> {
  const parts: string[] = [];
  await writeJson(value, { out: (s) => void parts.push(s) }, items);
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

describe('writeJson with the report’s item writers (validate --format json)', () => {
  const EX = path.join(__dirname, '..', '..', 'examples');
  const examples = [...fs.readdirSync(EX), ...fs.readdirSync(path.join(EX, 'compare')).map((f) => `compare/${f}`)].filter((f) =>
    f.endsWith('.xlsx'),
  );
  const check = async (file: string, asOf: string) => {
    const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(path.join(EX, file)))).readGrid();
    return checkWorkbook(grid, { file, asOf, today: asOf, settings: resolveSettings({}) }).report;
  };

  it('finds the bundled examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples.flatMap((f) => [[f, '2020-04-15'] as const, [f, '2021-03-01'] as const]))(
    '%s as of %s: byte for byte what JSON.stringify(report, null, 2) gives',
    async (file, asOf) => {
      const report = await check(file, asOf);
      expect(report.actions.length + report.workstreams.length).toBeGreaterThan(0);
      expect((await written(report, reportItemJson)).text).toBe(JSON.stringify(report, null, 2) + '\n');
    },
  );

  /** A plan whose cells hold what JSON escapes, on a sheet with an unusual name. */
  function oddPlan(): Report {
    const head = ['Workstream', 'No.', 'Action', 'Original Target Date', 'Revised Target Date', 'Owner', '% Complete', 'RAG'];
    const ws = 'Finance "core" \\ \u{1F600}';
    return checkWorkbook(
      workbook(
        sheet(`Plan "Q1" \\ Прогресс – 2021 </script>`, [
          head,
          [ws, 1, 'Say "hi" \\ back \ud800 lone Прогресс </script>', '31 Mar 21', '30 Apr 21', 'DCE, J Smith', '', 'Green'],
          [ws, '2a', 'Second', 'Agree approach 30 Mar 21 Commence 30 Jun 21', '', '', 50, 'Amber'],
          [ws, 3, '', 'Ongoing', '', 'DCE', 'lots', 'Purple'],
        ]),
      ),
      { file: 'odd.xlsx', asOf: '2021-06-01', today: '2021-06-01', settings: resolveSettings({}) },
    ).report;
  }

  it('a plan of odd values: quotes, backslash, newline, tab, a lone surrogate, Cyrillic, "</script>", null percent', async () => {
    const report = oddPlan();
    const [a1, a2, a3] = report.actions;
    // The rows give what the writer must get right (the reader folds newlines and tabs: they are put back here).
    expect([a1.number, a2.number, a1.percent, a2.percent]).toEqual([1, '2a', null, 50]);
    expect(a1.description).toContain('\ud800');
    expect(a1.targetHistory).toEqual(['2021-03-31']);
    expect(a2.milestones).toEqual([
      { date: '2021-03-30', label: 'Agree approach' },
      { date: '2021-06-30', label: 'Commence' },
    ]);
    expect(a1.milestones).toEqual([{ date: '2021-04-30', label: null }]);
    expect([a1.leads, a2.leads, a3.milestones]).toEqual([['DCE, J Smith'], [], []]);
    expect(report.findings.length).toBeGreaterThan(3);
    a3.description = 'line\nbreak\ttab\r "q" \\ \u0001 \u2028 \udc00';
    report.workstreams[0].statusUpdate = 'On "track"\n</script>';
    const out = await written(report, reportItemJson);
    expect(out.text).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(out.text).toContain('"description": "line\\nbreak\\ttab\\r \\"q\\" \\\\ \\u0001 \u2028 \\udc00"');
  });

  it('a report with items not of the schema’s shape: each one is written as JSON.stringify does', async () => {
    const report = oddPlan() as unknown as Record<string, unknown[]>;
    const [a1, a2, a3] = report.actions as Record<string, unknown>[];
    report.actions = [
      { ...a1, extra: 'unknown key' },
      Object.fromEntries(Object.entries(a2).filter(([k]) => k !== 'percent')),
      { ...a3, percent: undefined, row: NaN, leads: 'DCE' },
      a1,
      null,
    ];
    report.workstreams = [{ ...(report.workstreams[0] as object), actionCount: Infinity }, 'not a workstream'];
    report.findings = [
      ...report.findings.slice(0, 2),
      JSON.parse(JSON.stringify(report.findings[2])),
      { ...(report.findings[3] as object) },
      makeFinding('overdue', { sheet: 'Plan', row: NaN, col: 0 }, { kind: 'meta', label: 'Report Date' }),
    ];
    report.extra = [{ z: 1 }];
    const out = await written(report, reportItemJson);
    expect(out.text).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('a big report: identical text, still written in several chunks, and waiting when the reader is behind', async () => {
    const report = await check('action-plan-flat.xlsx', '2021-03-01');
    const n = report.actions.length;
    const big = { ...report, actions: Array.from({ length: 5000 }, (_, i) => ({ ...report.actions[i % n], row: i + 1 })) };
    const parts: string[] = [];
    let waits = 0;
    const io = {
      // As stdout to a pipe: every write is queued, so each one waits for a drain.
      out: (s: string) => {
        parts.push(s);
        return false;
      },
      drained: () => new Promise<void>((resolve) => setImmediate(() => (waits++, resolve()))),
    };
    await writeJson(big, io, reportItemJson);
    expect(parts.join('')).toBe(JSON.stringify(big, null, 2) + '\n');
    expect(parts.length).toBeGreaterThan(5);
    expect(waits).toBe(parts.length);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(1 << 17);
  });
});

/**
 * The built `plancheck` run as a user runs it: a child process on real .xlsx files,
 * checking exit codes, output, and the workbooks it writes (read back with ExcelJS).
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReportSchema } from '../../src/core/model';
import { readBack, tmpDir, writeBlockPlan, writeSummaryPlan } from '../helpers/fixtures';

const BIN = path.join(__dirname, '..', '..', 'bin', 'plancheck.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let dir: string;
let blocks: string;
let summary: string;

beforeAll(async () => {
  dir = tmpDir();
  blocks = path.join(dir, 'action plan.xlsx');
  summary = path.join(dir, 'mc002.xlsx');
  await writeBlockPlan(blocks);
  await writeSummaryPlan(summary);
});

describe('plancheck validate', () => {
  it('reports findings by sheet and cell, and exits 1 on errors', () => {
    const r = run(['validate', blocks, '--as-of', '2020-04-15']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('As of 15 Apr 20 (given with --as-of)');
    expect(r.out).toContain('Read 2 workstreams and 7 actions.');
    expect(r.out).toMatch(/C5 +error +overdue +Action 1 of "Embed a culture/);
    expect(r.out).toMatch(/D18 +error +missing-owner/);
    expect(r.out).toMatch(/C11 +warning +lookalike-characters .*"ТВС".*read as "TBC"/);
    expect(r.out).toMatch(/C11 +warning +no-target-date/);
    expect(r.out).toMatch(/\d+ errors, \d+ warnings, \d+ info\./);
  });

  it('prints one JSON document matching the documented schema', () => {
    const r = run(['validate', summary, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.asOf).toBe('2021-03-01');
    expect(report.asOfSource).toBe('report-date');
    expect(report.meta.committeeReportRef).toBe('MC 002');
    expect(report.workstreams.map((w) => [w.title.slice(0, 20), w.percent, w.targetDate, w.rag])).toEqual([
      ['Increase the pace of', 70, '2021-05-31', 'On Target'],
      ['Improve Performance ', 50, '2021-07-31', 'On Target'],
      ['Financial Planning', 35, '2022-02-28', 'On Target'],
      ['Improving satisfacti', 30, '2020-12-31', 'Concern'],
      ['Accounts Commission ', 50, '2021-10-31', 'On Target'],
    ]);
    expect(report.workstreams[3].leads).toEqual(['H/H&P']);
    const codes = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining(['overdue@C11', 'rag-mismatch@A11', 'lookalike-characters@D11', 'missing-owner@D12', 'missing-status-update@G12']),
    );
  });

  it('exits 0 when there are no error findings', () => {
    const r = run(['validate', blocks, '--as-of', '2020-01-01', '--sheet', 'Action Plan', '--format', 'json']);
    const report = JSON.parse(r.out);
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { code: string }) => f.code)).toEqual(['missing-owner']);
    expect(r.code).toBe(1);
  });

  it('reads the same calendar days whatever the time zone', () => {
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Sydney'].map(
      (tz) => run(['validate', summary, '--format', 'json'], { TZ: tz }).out,
    );
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]).meta.reportDate).toBe('2021-03-01');
  });
});

describe('plancheck summary', () => {
  it('adds a Strategic Summary sheet and leaves the source sheets unchanged', async () => {
    const out = path.join(dir, 'pack.xlsx');
    const before = sha(summary);
    const r = run(['summary', summary, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*pack\.xlsx: sheet "Strategic Summary" with 5 workstreams \(1 Concern, 4 On Target\), as of 2021-03-01\.\n$/);
    expect(sha(summary)).toBe(before);
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(['MC 002', 'Strategic Summary']);
    const original = await readBack(summary);
    const values = (ws: import('exceljs').Worksheet) => {
      const rows: unknown[] = [];
      ws.eachRow((row, n) => rows.push([n, row.values]));
      return rows;
    };
    expect(values(sheets.get('MC 002')!)).toEqual(values(original.get('MC 002')!));
    const s = sheets.get('Strategic Summary')!;
    const texts: string[] = [];
    s.eachRow((row) => row.eachCell((c) => texts.push(String(c.value instanceof Date ? c.value.toISOString() : c.value))));
    expect(texts).toEqual(expect.arrayContaining(['Committee Report Ref:', 'MC 002', 'Key', 'Not Started', 'Concern', 'Caution', 'On Target', 'Complete', 'Increase the pace of Transformational Change', 'Programme Summary']));
    // The header row and the RAG column read in words.
    let header = 0;
    s.eachRow((row, n) => {
      if (row.getCell(1).value === 'RAG' && row.getCell(2).value === '% Completed') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const ragCells = [1, 2, 3, 4, 5].map((i) => s.getRow(header + i).getCell(1));
    expect(ragCells.map((c) => c.value)).toEqual(['On Target', 'On Target', 'On Target', 'Concern', 'On Target']);
    expect((ragCells[3].fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFC00000');
    // Text that looks like a formula stays text.
    const update = s.getRow(header + 3).getCell(7);
    expect(update.value).toBe('=A1 stays text');
    expect(update.type).not.toBe(6 /* Formula */);
    expect(s.getRow(header + 2).getCell(7).value).toBe('+44 slippage noted');
  });

  it('replaces its own summary on a second run instead of adding another', async () => {
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect(run(['summary', summary, '-o', once]).code).toBe(0);
    const r = run(['summary', once, '-o', twice]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(replaced the earlier summary)');
    expect([...(await readBack(twice)).keys()]).toEqual(['MC 002', 'Strategic Summary']);
  });

  it("never overwrites a user's sheet that has the summary's name", async () => {
    const mine = path.join(dir, 'mine.xlsx');
    await writeSummaryPlan(mine, { userSummarySheet: true });
    const out = path.join(dir, 'mine-out.xlsx');
    const r = run(['summary', mine, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('already has a sheet of yours named "Strategic Summary"');
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(['MC 002', 'Strategic Summary', 'Strategic Summary (2)']);
    expect(sheets.get('Strategic Summary')!.getCell('A1').value).toBe('My own notes: do not overwrite');
  });
});

describe('nothing is lost', () => {
  it('warns when macros cannot be carried by an .xlsx output, and keeps them in an .xlsm one', async () => {
    const { bookParts, zip } = await import('../xlsx/helpers');
    const parts = bookParts({
      sheets: [{ name: 'Plan', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>Workstream</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c><c r="C1" t="inlineStr"><is><t>Owner</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>W</t></is></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c><c r="C2" t="inlineStr"><is><t>J Craig</t></is></c></row>' }],
    });
    parts['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3, 4]);
    const file = path.join(dir, 'macro.xlsm');
    fs.writeFileSync(file, zip(parts));
    const toXlsx = run(['summary', file, '-o', path.join(dir, 'macro-out.xlsx')]);
    expect(toXlsx.code).toBe(0);
    expect(toXlsx.err).toMatch(/macros; a \.xlsx file cannot carry them/);
    const toXlsm = run(['summary', file, '-o', path.join(dir, 'macro-out.xlsm')]);
    expect(toXlsm.err).toBe('');
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(fs.readFileSync(path.join(dir, 'macro-out.xlsm'))))).toContain('xl/vbaProject.bin');
  });
});

describe('plancheck highlight', () => {
  it('marks problem and RAG cells with notes, never touching the input', async () => {
    const out = path.join(dir, 'marked.xlsx');
    const before = sha(blocks);
    const r = run(['highlight', blocks, '-o', out, '--as-of', '2020-04-15']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*marked\.xlsx: \d+ cells marked/);
    expect(sha(blocks)).toBe(before);
    const ws = (await readBack(out)).get('Action Plan')!;
    const c5 = ws.getCell('C5');
    expect(c5.value).toBe('31 Mar 20');
    expect(JSON.stringify(c5.note)).toContain('was due 31 Mar 20');
    expect((c5.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(ws.getCell('D18').note)).toContain('has no lead officer');
    expect(ws.getCell('B5').note).toBeUndefined();
  });
});

describe('bad input gets one clear line and exit 2', () => {
  it.each([
    ['a missing file', () => [path.join(dir, 'nope.xlsx')], /nope\.xlsx: no such file/],
    ['a folder', () => [dir], /is a folder/],
    ['a CSV renamed .xlsx', () => [csv()], /looks like a CSV\/text file/],
    ['an empty file', () => [empty()], /the file is empty/],
    ['half a workbook', () => [truncated()], /damaged|incomplete/],
  ])('%s', (_name, args, message) => {
    const r = run(['validate', ...args()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a workbook without a plan says what was looked for', async () => {
    const f = path.join(dir, 'notes.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Just notes']);
    await wb.xlsx.writeFile(f);
    const r = run(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No plan found: looked on sheet "Notes" for a header row naming Action \/ Recommendation/);
    expect(r.err).toMatch(/--columns action=/);
  });

  it.each([
    [['validate', 'x.xlsx', '--as-of', '31/03/2021'], /--as-of must be a real date written YYYY-MM-DD/],
    [['validate', 'x.xlsx', '--as-of', '2021-02-30'], /--as-of must be a real date/],
    [['validate', 'x.xlsx', '--format', 'xml'], /Allowed choices are text, json/],
    [['frobnicate'], /unknown command/],
    [['summary', 'x.xlsx'], /required option '-o, --output/],
  ])('usage error %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses to overwrite its input', () => {
    const r = run(['summary', summary, '-o', summary]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/never overwrites its input/);
  });

  it('--help shows examples for every command, exit 0', () => {
    for (const cmd of [[], ['validate'], ['summary'], ['highlight']]) {
      const r = run([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Examples:');
    }
  });
});

function csv(): string {
  const f = path.join(dir, 'plan.csv.xlsx');
  fs.writeFileSync(f, 'Workstream,Action,Owner\nA,Do it,J Craig\n');
  return f;
}
function empty(): string {
  const f = path.join(dir, 'empty.xlsx');
  fs.writeFileSync(f, '');
  return f;
}
function truncated(): string {
  const f = path.join(dir, 'half.xlsx');
  const bytes = fs.readFileSync(blocks);
  fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return f;
}

/**
 * A plan whose headers PlanCheck cannot place: "No plan found" lists what it saw and how to
 * name the columns, and `--columns` (or "columns" in --settings) reads it. The built CLI on a
 * real .xlsx.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ReportSchema } from '../../src/core/model';
import { tmpDir } from '../helpers/fixtures';

const BIN = path.join(__dirname, '..', '..', 'bin', 'plancheck.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
let file: string;
beforeAll(async () => {
  dir = tmpDir();
  file = path.join(dir, 'risks.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(['Housing repairs improvement log']);
  ws.addRow([]);
  ws.addRow(['Issue', 'Person', 'By', 'Where we are']);
  ws.addRow(['Replace the boilers in Block C', 'P Smith', '31/03/2021', 'In progress']);
  ws.addRow(['Insulate the lofts', '', '31/01/2021', '']);
  ws.addRow(['Retender the gas contract', 'A Patel', '30/11/2020', 'Completed']);
  await wb.xlsx.writeFile(file);
});

describe('naming the columns', () => {
  it('without a map: exit 2, the header-like rows, and the --columns to try', () => {
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No plan found');
    expect(r.err).toContain('"Log" row 3: A "Issue", B "Person", C "By", D "Where we are"');
    expect(r.err).toContain('--columns action=A,lead=B,target=C,status=D');
  });

  it.each([
    ['letters', ['--columns', 'action=A,lead=B,target=C,status=D']],
    ['header text', ['--columns', 'action=Issue,lead=Person,target=By,status=Where we are']],
  ])('with the map by %s: reads it and reports what needs attention', (_how, flags) => {
    const r = run(['validate', file, '--as-of', '2021-03-01', '--format', 'json', ...flags]);
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.actions.map((a) => [a.row, a.leads, a.targetDate, a.status, a.rag])).toEqual([
      [4, ['P Smith'], '2021-03-31', 'started', 'Caution'],
      [5, [], '2021-01-31', null, 'Concern'],
      [6, ['A Patel'], '2020-11-30', 'complete', 'Complete'],
    ]);
    expect(report.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(['C4 due-soon', 'B5 missing-owner', 'C5 overdue']);
  });

  it('the same map in --settings', () => {
    const settings = path.join(dir, 'settings.json');
    fs.writeFileSync(settings, JSON.stringify({ columns: { action: 'A', lead: 'B', target: 'C' }, headerRow: 3 }));
    const r = run(['validate', file, '--as-of', '2021-03-01', '--settings', settings]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Read 1 workstream and 3 actions.');
  });

  it.each([
    [['--columns', 'acton=A'], /--columns: "acton" is not a column name PlanCheck knows/],
    [['--columns', 'action='], /action= needs a column letter or the header's text/],
    [['--columns', 'action=Actions,lead=B'], /names header text no sheet has \(action="Actions"\)/],
    [['--columns', 'action=A', '--header-row', 'three'], /--header-row must be a row number/],
  ])('a wrong map %j: one line, exit 2', (flags, message) => {
    const r = run(['validate', file, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

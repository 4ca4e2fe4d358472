/** The bundled examples, made from the seeds, read completely through the real xlsx adapter. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';

const EX = path.join(__dirname, '..', '..', 'examples');
const settings = resolveSettings({});

async function check(name: string, asOf?: string) {
  const wb = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(path.join(EX, name))));
  return checkWorkbook(await wb.readGrid(), { file: name, today: '2026-11-22', asOf, settings });
}

const seedLines = (name: string) => fs.readFileSync(path.join(EX, 'seeds', name), 'utf8').split('\n');

describe('seed 000: the Best Value audit action plan (blocks)', () => {
  it('reads every workstream and every action', async () => {
    const { report } = await check('best-value-action-plan.xlsx', '2020-02-01');
    const seed = seedLines('000_d21472b583a0ec77.txt');
    const actionLines = seed.filter((l) => /^\d+\t/.test(l));
    expect(report.actions).toHaveLength(actionLines.length);
    expect(report.actions).toHaveLength(39);
    expect(report.workstreams.map((w) => w.actionCount)).toEqual([3, 6, 10, 3, 3, 4, 4, 6]);
    expect(report.workstreams[7].title).toBe('Additional planned actions');
    // Every description, as written.
    expect(report.actions.map((a) => a.description)).toEqual(actionLines.map((l) => l.split('\t')[1].replace(/\s+/g, ' ').trim()));
    expect(report.meta.title).toBe('Appendix 2 Best Value Audit Action Plan');
  });

  it('reads the oddities', async () => {
    const { report } = await check('best-value-action-plan.xlsx', '2020-02-01');
    const byDesc = (start: string) => report.actions.find((a) => a.description.startsWith(start))!;
    expect(byDesc('Undertake an organisational review').timescale).toBe('ТВС');
    expect(byDesc('Undertake an organisational review').targetDate).toBeNull();
    expect(byDesc('Review Community Plan').milestones.map((m) => m.date)).toEqual(['2020-06-30', '2020-03-31']);
    expect(byDesc('Align the approach').milestones).toEqual([
      { date: '2020-03-30', label: 'Agree approach' },
      { date: '2020-05-31', label: 'Commence' },
    ]);
    expect(byDesc('People planning').targetDate).toBeNull();
    expect(byDesc('Incorporation of self-evaluation').leads).toEqual(['D Robertson', 'J Craig']);
    expect(byDesc('Raise visibility').leads).toEqual(['R McCulloch-Graham']);
    expect(byDesc('Hold 2 CMT meetings').reportRefs).toBe('36 - 37, 96 - 97,');
    expect(byDesc('As part of regular Corporate').reportRefs).toBe('67');
    const codes = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toEqual(expect.arrayContaining(['lookalike-characters@C24', 'no-target-date@C24', 'open-ended@C46', 'several-target-dates@C30']));
  });
});

describe('seed 002: the strategic summary (workstream rows)', () => {
  it('reads every workstream row and the metadata', async () => {
    const { report, raw } = await check('strategic-summary-mc002.xlsx');
    expect(report.meta).toEqual({
      title: 'Best Value Assurance Strategic Action Plan: MC 002',
      committeeReportRef: 'MC 002',
      reportDate: '2021-03-01',
      committeeDate: '2021-03-10',
    });
    expect(report.workstreams.map((w) => w.percent)).toEqual([70, 50, 35, 30, 50, 40, 30, 60, 50]);
    expect(report.workstreams.map((w) => w.targetDate)).toEqual([
      '2021-05-31', '2021-07-31', '2022-02-28', '2021-10-31', '2021-04-30', '2023-06-30', '2021-12-31', '2021-04-30', '2021-10-31',
    ]);
    expect(report.workstreams.map((w) => w.leads.join('|'))).toEqual([
      'DCE (ECOD)', 'H/GSP', 'DCE (EEF)', 'H/HR ICT & OD', 'H/GSP', 'H/E', 'H/H&P', 'CEx CPP', 'CEx',
    ]);
    expect(report.workstreams.map((w) => w.priority)).toEqual([1, 2, 1, 3, 4, 2, 5, null, 1]);
    expect(report.workstreams[0].decisions).toBe('1.3.21: Change target date to May 2021');
    expect(raw.issues).toHaveLength(6);
    expect(raw.targets).toHaveLength(7);
    expect(raw.programmeSummary).toMatch(/^There is progress in all areas/);
  });
});

describe('the flat example and its planted problems', () => {
  it('finds each planted problem at its cell', async () => {
    const { report } = await check('action-plan-flat.xlsx');
    expect(report.asOf).toBe('2020-06-01');
    expect(report.actions).toHaveLength(39);
    const codes = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining(['invalid-percent@G6', 'cell-error@G7', 'rag-mismatch@H8', 'missing-owner@E9', 'duplicate-number@B10', 'overdue@D8']),
    );
  });
});

describe('the 1904 example', () => {
  it('reads real dates as the same calendar days', async () => {
    const { report } = await check('action-plan-1904.xlsx');
    expect(report.asOf).toBe('2021-03-01');
    expect(report.actions.map((a) => a.targetDate)).toEqual(['2021-02-28', '2021-03-20', '2021-06-30', '2021-04-30', '2020-12-31']);
  });
});

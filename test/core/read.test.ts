/** The reader and checker on in-memory grids shaped like the seeds' layouts. */
import { checkWorkbook, describeNoPlan } from '../../src/core/check';
import { readPlan } from '../../src/core/read';
import { resolveSettings } from '../../src/core/settings';
import { sheet, workbook } from '../helpers/grid';

const settings = resolveSettings({});
const HEADER = ['No.', 'Actions Proposed', 'Timescales', 'Lead Officer', 'Report Ref'];
const HEADER_CONT = ['No.', 'Actions Proposed (Continued from previous page)', 'Timescales', 'Lead Officer', 'Report Ref'];
const WS3 = 'Improve how the Community Planning Partnership involves communities and the third sector';

/** Block layout as in seed 000, including "Continued overleaf" and a repeated heading. */
function blocks() {
  return sheet(
    'Action Plan',
    [
      ['Appendix 2 Best Value Audit Action Plan'],
      [],
      ['Embed a culture of Continuous improvement'],
      HEADER,
      [1, 'Adopt PSIF as a corporate approach to self evaluation.', '31 Mar 20', 'J Craig'],
      [2, 'Review service self-evaluation arrangements.', '30 Jun 20', 'J Craig', 67],
      [3, 'Incorporation of self-evaluation into annual planning.', '30 Apr 20', 'D Robertson / J Craig'],
      [],
      [WS3],
      HEADER,
      [4, 'Promote the #your part campaign.', '31 Dec 20', 'J Craig'],
      [5, 'Undertake an organisational review under Fit for 2024.', 'ТВС', 'J Craig'],
      [],
      ['Continued overleaf'],
      [],
      [WS3],
      HEADER_CONT,
      [6, 'Review Community Plan and Action Plan.', '30 Jun 20 31 Mar 20', 'J Craig'],
      [7, 'Completion of Locality Plans.', '31 Mar 20', ''],
      [7, 'Promote stakeholder engagement.', '31 Dec 20 / ongoing', 'J Craig', '133 - 144'],
      [],
      ['Additional planned actions'],
      HEADER,
      [1, 'Ensure that resourcing of Fit for 2024 does not impact BAU.', 'Ongoing', 'C Hepburn', 35],
      [2, 'Align the approach & sequencing of performance monitoring.', 'Agree approach 30 Mar 20 Commence 31 May 20', 'J Craig', '145 – 151, 152'],
      [3, 'People planning.', 'Start now / ongoing', 'C Hepburn', 149],
      [4, 'Something with a bad date.', '31 Fab 20', 'C Hepburn'],
    ],
    ['A3:E3', 'A9:E9', 'A16:E16'],
  );
}

describe('block layout (seed 000)', () => {
  const result = checkWorkbook(workbook(blocks()), { file: 'plan.xlsx', today: '2020-03-01', settings });
  const { report } = result;

  it('finds every workstream once, continuing the one that ran overleaf', () => {
    expect(report.workstreams.map((w) => w.title)).toEqual([
      'Embed a culture of Continuous improvement',
      WS3,
      'Additional planned actions',
    ]);
    expect(report.workstreams.map((w) => w.actionCount)).toEqual([3, 5, 4]);
  });

  it('reads every action, skipping "Continued overleaf" and headings', () => {
    expect(report.actions).toHaveLength(12);
    expect(report.actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 1, 2, 3, 4]);
    expect(report.actions.every((a) => !/continued/i.test(a.description))).toBe(true);
  });

  it('reads the title, timescales, leads and refs as written', () => {
    expect(report.meta.title).toBe('Appendix 2 Best Value Audit Action Plan');
    const a3 = report.actions[2];
    expect(a3.leads).toEqual(['D Robertson', 'J Craig']);
    expect(a3.targetDate).toBe('2020-04-30');
    const a6 = report.actions[5];
    expect(a6.milestones.map((m) => m.date)).toEqual(['2020-06-30', '2020-03-31']);
    expect(a6.targetDate).toBe('2020-06-30');
    const agree = report.actions[9];
    expect(agree.milestones).toEqual([
      { date: '2020-03-30', label: 'Agree approach' },
      { date: '2020-05-31', label: 'Commence' },
    ]);
    expect(agree.reportRefs).toBe('145 – 151, 152');
    expect(report.actions[1].reportRefs).toBe('67');
  });

  it('uses today as the as-of date when the plan has no Report Date', () => {
    expect(report.asOf).toBe('2020-03-01');
    expect(report.asOfSource).toBe('today');
  });

  it('reports each problem at its cell', () => {
    const at = (code: string) => report.findings.filter((f) => f.code === code).map((f) => f.cell);
    expect(at('lookalike-characters')).toEqual(['C12']);
    expect(at('no-target-date')).toEqual(['C12']);
    expect(at('missing-owner')).toEqual(['D19']);
    expect(at('duplicate-number')).toEqual(['A20']);
    expect(at('unrecognised-date')).toEqual(['C27']);
    expect(at('open-ended')).toEqual(['C24', 'C26']);
    expect(at('several-target-dates')).toEqual(['C18', 'C25']);
  });

  it('messages say what to do', () => {
    const owner = report.findings.find((f) => f.code === 'missing-owner')!;
    expect(owner.message).toBe(`Action 7 of "${WS3.slice(0, 47).trimEnd()}..." has no lead officer: name who owns it.`);
    expect(owner.severity).toBe('error');
  });

  it('later as-of dates make actions overdue, with a readable reason', () => {
    const later = checkWorkbook(workbook(blocks()), { file: 'plan.xlsx', today: '2020-03-01', asOf: '2020-04-15', settings }).report;
    const a1 = later.actions[0];
    expect(a1.rag).toBe('Concern');
    expect(a1.ragReason).toBe('target 31 Mar 20 passed; no progress recorded');
    expect(later.findings.filter((f) => f.code === 'overdue').map((f) => f.cell)).toEqual(['C5', 'C19']);
    expect(later.workstreams[0].rag).toBe('Concern');
  });
});

describe('workstream rows with metadata (seed 002)', () => {
  const summary = sheet('MC 002', [
    ['Best Value Assurance Strategic Action Plan: MC 002'],
    [],
    ['BVAR Strategic Summary Progress Update'],
    ['Committee Report Ref:', 'MC 002'],
    ['Report Date:', { value: 44256, format: 'dd/mm/yy' }],
    ['Committee Date:', { value: 44265, format: 'dd/mm/yyyy' }],
    [],
    ['Key', 'Not Started', 'Concern', 'Caution', 'On Target', 'Complete'],
    ['RAG', '% Completed', 'Target Date', 'Lead', 'Priority', 'Workstreams (BV Recommendations)', 'Status Update', 'Decisions Required/Made by cmt/smt'],
    ['', 70, 'May 2021', 'DCE (ECOD)', 1, 'Increase the pace of Transformational Change', 'Work on investment options has advanced.', '1.3.21: Change target date to May 2021'],
    ['', 50, 'July 2021', 'H/GSP', 2, 'Improve Performance Management reporting', 'Reasonable progress.'],
    ['', { value: 0.35, format: '0%' }, 'Feb 2022', 'DCE (EEF)', 1, 'Financial Planning', 'Interim update drafted.'],
    ['Green', 30, 'Oct 2020', 'н/н&Р', 5, 'Improving satisfaction levels in Housing', 'Good progress being made.'],
    ['', '50%', 'Oct 2021', '', '', 'Accounts Commission Findings', ''],
    ['', 150, 'Oct 2021', 'CEx', 1, 'Impossible percent', 'x'],
    [],
    ['Key', 'Issues (I) Major Risks (R) Change Request (C)'],
    ['', 'Issues / Major Risks / Change Requests', '', 'Targets for Next Period'],
    [1, '(I) Increase the pace of transformational change: main issue', 1, 'Increase the pace: report to council 24/3'],
    [2, '(R) Vacancy for H/Transformation', 2, 'Improve performance management reporting'],
    [3, '', 3, ''],
    [],
    ['Programme Summary'],
    ['There is progress in all areas but timescales have been revised.'],
  ]);
  const { report, raw } = checkWorkbook(workbook(summary), { file: 's.xlsx', today: '2026-11-22', settings });

  it('reads the metadata, and the Report Date is the as-of date', () => {
    expect(report.meta).toEqual({
      title: 'Best Value Assurance Strategic Action Plan: MC 002',
      committeeReportRef: 'MC 002',
      reportDate: '2021-03-01',
      committeeDate: '2021-03-10',
    });
    expect(report.asOf).toBe('2021-03-01');
    expect(report.asOfSource).toBe('report-date');
  });

  it('reads one workstream per row, stopping at the end of the table', () => {
    expect(report.workstreams.map((w) => w.title)).toEqual([
      'Increase the pace of Transformational Change',
      'Improve Performance Management reporting',
      'Financial Planning',
      'Improving satisfaction levels in Housing',
      'Accounts Commission Findings',
      'Impossible percent',
    ]);
    expect(report.workstreams.map((w) => w.percent)).toEqual([70, 50, 35, 30, 50, null]);
    expect(report.workstreams[0].targetDate).toBe('2021-05-31');
    expect(report.workstreams[3].leads).toEqual(['H/H&P']);
  });

  it('computes RAG from each row and flags a stated RAG the dates contradict', () => {
    const housing = report.workstreams[3];
    expect(housing.statedRag).toBe('On Target');
    expect(housing.rag).toBe('Concern');
    expect(housing.ragReason).toBe('target 31 Oct 20 passed; 30% complete');
    const mismatch = report.findings.find((f) => f.code === 'rag-mismatch')!;
    expect(mismatch.cell).toBe('A13');
  });

  it('flags lookalikes, missing owner and status update, impossible percent', () => {
    const codes = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'lookalike-characters@D13',
        'missing-owner@D14',
        'missing-status-update@G14',
        'invalid-percent@B15',
        'overdue@C13',
      ]),
    );
  });

  it('reads the Issues and Targets lists and the Programme Summary', () => {
    expect(raw.issues.map((i) => i.text)).toEqual([
      '(I) Increase the pace of transformational change: main issue',
      '(R) Vacancy for H/Transformation',
    ]);
    expect(raw.targets).toHaveLength(2);
    expect(raw.programmeSummary).toBe('There is progress in all areas but timescales have been revised.');
  });
});

describe('flat layout', () => {
  const flat = sheet(
    'Actions',
    [
      ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete', 'RAG'],
      ['Financial planning', 1, 'Draft the budget', { value: 43921, format: 'd-mmm-yy' }, 'J Craig', 100, 'Blue'],
      [null, 2, 'Consult on the budget', '30/09/2020', 'J Craig', 40, 'Green'],
      [null, 3, 'Agree the budget', '31 Mar 21', 'C Hepburn', { value: '#DIV/0!', error: true }, ''],
      ['Workforce', 1, 'Launch appraisal', '31 Mar 20', 'C Hepburn', 0, 'Mauve'],
    ],
    ['A2:A4'],
  );
  const { report } = checkWorkbook(workbook(flat), { file: 'f.xlsx', today: '2020-11-01', settings });

  it('assigns a merged workstream cell to every row it covers', () => {
    expect(report.workstreams.map((w) => [w.title, w.actionCount])).toEqual([
      ['Financial planning', 3],
      ['Workforce', 1],
    ]);
  });

  it('reads real dates, computes RAG and flags problems', () => {
    expect(report.actions[0].targetDate).toBe('2020-03-31');
    expect(report.actions[0].rag).toBe('Complete');
    expect(report.actions[1].rag).toBe('Concern');
    const codes = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toEqual(expect.arrayContaining(['cell-error@F4', 'unknown-rag@G5', 'rag-mismatch@G3', 'overdue@D3']));
    expect(report.counts.errors).toBeGreaterThan(0);
  });
});

describe('no plan', () => {
  it('says which headers were looked for, on which sheets', () => {
    const raw = readPlan(workbook(sheet('Notes', [['Just some notes'], ['and more']]), sheet('Empty', [])));
    expect(describeNoPlan(raw)).toMatch(/^No plan found: looked on sheets "Notes", "Empty" for a header row naming Action/);
  });

  it('a million-row merge is looked up, never expanded', () => {
    const s = sheet('Plan', [['Workstream', 'Action', 'Owner'], ['W', 'Do it', 'J Craig']], ['H3:XFD1048576', 'A5:A1048576']);
    const { report } = checkWorkbook(workbook(s), { file: 'x', today: '2021-01-01', settings });
    expect(report.actions).toHaveLength(1);
  });
});

/** The layouts councils really keep, as rows in and what PlanCheck reads and reports out. */
import { checkWorkbook, describeNoPlan } from '../../src/core/check';
import { classifyHeader } from '../../src/core/headers';
import { PlanReadError } from '../../src/core/read';
import { resolveSettings } from '../../src/core/settings';
import { sheet, workbook, type Val } from '../helpers/grid';

const check = (rows: Val[][], opts: { merges?: string[]; asOf?: string; settings?: Record<string, unknown>; name?: string } = {}) =>
  checkWorkbook(workbook(sheet(opts.name ?? 'Tracker', rows, opts.merges ?? [])), {
    file: 'plan.xlsx',
    today: opts.asOf ?? '2021-03-01',
    asOf: opts.asOf ?? '2021-03-01',
    settings: resolveSettings(opts.settings ?? {}),
  });
const codes = (r: ReturnType<typeof check>) => r.report.findings.map((f) => `${f.cell} ${f.code}`);

describe('header words councils use', () => {
  it.each([
    ['Responsible Officer', 'lead'],
    ['Officer responsible', 'lead'],
    ['Who by?', 'lead'],
    ['Assigned To', 'lead'],
    ['Executive Lead', 'lead'],
    ['Responsible Executive Lead/Management Lead', 'lead'],
    ['Recommendation made to:', 'lead'],
    ['Lead Officer[v]', 'lead'],
    ['Lead\nOfficer', 'lead'],
    ['Cabinet Member', 'member'],
    ['Portfolio Holder', 'member'],
    ['When?', 'timescale'],
    ['Time-scale', 'timescale'],
    ['Timetable', 'timescale'],
    ['Due Date', 'timescale'],
    ['Implementation Date', 'timescale'],
    ['Implemen- tation Date', 'timescale'],
    ['Implemen-\ntation\nDate', 'timescale'],
    ['Completion Date', 'timescale'],
    ['Original Agreed Implementation Date', 'originalTarget'],
    ['Revised Implementation Date', 'revisedTarget'],
    ['Recommendation', 'action'],
    ['Recommendation Made', 'action'],
    ['What?', 'action'],
    ['How?', 'action'],
    ['Title', 'action'],
    ['Management Action Agreed', 'action'],
    ['Suggested Action', 'action'],
    ['Description', 'action'],
    ['Status', 'status'],
    ['Overall Status', 'status'],
    ['Outcome', 'status'],
    ['BRAG', 'rag'],
    ['RAG Status', 'rag'],
    ['Update', 'statusUpdate'],
    ['Latest Note', 'statusUpdate'],
    ['Comment', 'statusUpdate'],
    ['Ref', 'number'],
    ['Report Ref', 'reportRef'],
    ['Date', 'timescale'],
    ['Progress', 'percent'],
    ['Workstreams (BV Recommendations)', 'workstream'],
    ['Theme', 'workstream'],
    ['This is a long sentence explaining what goes in the column below, not a header at all', null],
  ])('%j names %s', (text, field) => {
    expect(classifyHeader(text)).toBe(field);
  });
});

describe('a scrutiny tracker with status words and no percentage', () => {
  const r = check([
    ['Scrutiny Recommendation Tracker'],
    [],
    ['Ref', 'Recommendation', 'Who by?', 'When?', 'Status', 'Update'],
    ['R1', 'Publish the housing allocations policy.', 'Head of Housing', 'May-21', 'In Progress', 'Draft with legal.'],
    ['R2', 'Report void times quarterly to committee.', 'Head of Housing', '31/12/2020', 'Implemented', ''],
    ['R3', 'Review the tenancy sustainment service.', '', '30/06/2021', 'Not Started', ''],
    ['R4', 'Merge the two repairs contracts.', 'Director of Place', '31/01/2021', 'Superseded', 'Replaced by R7 of the 2021 review.'],
    ['R5', 'Recruit two tenancy officers.', 'Head of Housing', '31/01/2021', 'Ongoing', ''],
  ]);
  const { report } = r;
  const at = (row: number) => report.actions.find((a) => a.row === row)!;

  it('reads every recommendation as an action, its reference as the number', () => {
    expect(report.actions.map((a) => [a.row, a.number, a.status, a.rag])).toEqual([
      [4, 'R1', 'started', 'On Target'],
      [5, 'R2', 'complete', 'Complete'],
      [6, 'R3', 'not-started', 'Not Started'],
      [7, 'R4', 'dropped', 'Not Started'],
      [8, 'R5', 'started', 'Concern'],
    ]);
    expect(report.workstreams).toHaveLength(1);
  });

  it('an action "In Progress" is not Not Started; one past its date is overdue; a superseded one is left out', () => {
    expect(at(4).ragReason).toBe('"In Progress", no % recorded; target 31 May 21');
    expect(codes(r)).toEqual(expect.arrayContaining(['C6 missing-owner', 'D8 overdue']));
    expect(codes(r).filter((c) => c.startsWith('D7') || c.startsWith('D5'))).toEqual([]);
    expect(report.counts.dropped).toBe(1);
    expect(report.counts.actionRag).toEqual({ 'Not Started': 1, Concern: 1, Caution: 0, 'On Target': 1, Complete: 1 });
    expect(report.workstreams[0].rag).toBe('Concern');
  });
});

describe('an internal audit log whose only action is three years overdue', () => {
  const r = check(
    [
      ['Internal Audit – Outstanding Recommendations'],
      ['No.', 'Finding', 'Management Action Agreed', 'Responsible Officer', 'Original Agreed Implementation Date', 'Revised Implementation Date', 'Status'],
      ['2017/18-04', 'Leavers are not removed from the payroll promptly.', 'HR to notify payroll of leavers within 2 days.', 'HR Manager', '31st March 2018', '', 'Partially implemented'],
    ],
    { asOf: '2021-03-01' },
  );
  it('reads the action with its lead and date, and reports it overdue (never "all clear")', () => {
    const [a] = r.report.actions;
    expect(a).toMatchObject({ description: 'HR to notify payroll of leavers within 2 days.', leads: ['HR Manager'], targetDate: '2018-03-31', status: 'started', rag: 'Concern' });
    expect(codes(r)).toContain('E3 overdue');
  });
});

describe('two-level headers: the latest period is judged, the earlier one kept', () => {
  const r = check(
    [
      ['Action', 'Lead Officer', 'Target Date', 'Previous Period March 2018', '', 'Current Period September 2018', ''],
      ['', '', '', 'RAG', 'Progress', 'RAG', 'Progress'],
      ['Adopt the asset strategy', 'J Bell', '31/12/2018', 'Amber', 'Consultation under way', 'Green', 'Adopted in principle'],
      ['Sell surplus depots', 'J Bell', '31/03/2019', 'Green', 'Two sold', 'Red', 'Buyer withdrew'],
    ],
    { merges: ['D1:E1', 'F1:G1'], asOf: '2018-09-30' },
  );
  it('reads the current period as stated and the earlier as previous', () => {
    expect(r.report.actions.map((a) => [a.statedRag, a.previousStatedRag])).toEqual([
      ['On Target', 'Caution'],
      ['Concern', 'On Target'],
    ]);
    expect(r.report.actions).toHaveLength(2);
  });
});

describe('section headings, legends, guidance and notes in a flat table', () => {
  const r = check([
    ['Corporate Improvement Plan 2021/22'],
    ['Ref', 'Action', 'Lead', 'Due', 'BRAG'],
    ['', 'Describe the action', 'Name of the lead officer', 'Date by which it will be done', 'Enter B, R, A or G'],
    ['Governance'],
    ['8.3.1.1', 'Refresh the local code of governance.', 'Monitoring Officer', 'Q2 2021/22', 'G'],
    ['8.3.1.2', 'Train members on the code.', 'Monitoring Officer & Head of HR', '31/12/2021', 'A'],
    ['Finance'],
    ['8.3.2.1', 'Set a balanced three-year budget.', 'S151 Officer', '2021/22', 'B'],
    [],
    ['Key: B = complete, R = off track, A = at risk, G = on track'],
    ['Blue = Complete', 'Red = Off track', 'Amber = Some slippage', 'Green = On track'],
    ['Note: dates are those agreed by Cabinet.'],
  ]);
  it('section rows are workstreams; references stay with their actions; the rest is not an action', () => {
    expect(r.report.workstreams.map((w) => [w.title, w.actionCount])).toEqual([
      ['Governance', 2],
      ['Finance', 1],
    ]);
    expect(r.report.actions.map((a) => a.number)).toEqual(['8.3.1.1', '8.3.1.2', '8.3.2.1']);
    expect(r.report.actions.map((a) => a.statedRag)).toEqual(['On Target', 'Caution', 'Complete']);
  });
});

describe('a numbered outline with no header row (a Word-born list)', () => {
  const r = check([
    ['Improvement Plan'],
    ['1', 'Leadership'],
    ['1.1', 'Agree a shared vision with partners'],
    ['1.2', 'Publish the corporate plan'],
    ['2 Performance'],
    ['2.1 Report performance quarterly'],
  ]);
  it('reads themes and actions, and says each has no lead and no date', () => {
    expect(r.report.workstreams.map((w) => [w.title, w.actionCount])).toEqual([
      ['Leadership', 2],
      ['Performance', 1],
    ]);
    expect(r.report.actions.map((a) => a.description)).toEqual(['Agree a shared vision with partners', 'Publish the corporate plan', 'Report performance quarterly']);
    expect(codes(r)).toEqual(['B3 missing-owner', 'B3 no-target-date', 'B4 missing-owner', 'B4 no-target-date', 'A6 missing-owner', 'A6 no-target-date']);
  });
});

describe('a Cabinet Member column beside the lead officer', () => {
  it('the officer owns the action', () => {
    const r = check([
      ['Action', 'Cabinet Member', 'Lead Officer', 'Target Date'],
      ['Open the new library', 'Cllr A Jones', 'Head of Libraries', '31/12/2021'],
    ]);
    expect(r.report.actions[0].leads).toEqual(['Head of Libraries']);
  });
  it('with no officer column, the member is the lead', () => {
    const r = check([
      ['Action', 'Portfolio Holder', 'Target Date'],
      ['Open the new library', 'Cllr A Jones', '31/12/2021'],
    ]);
    expect(r.report.actions[0].leads).toEqual(['Cllr A Jones']);
  });
});

describe('status and fills', () => {
  it('status typed in the date column is status, not a bad date', () => {
    const r = check([
      ['Action', 'Lead', 'Date'],
      ['Close the old office', 'Facilities Manager', 'Completed'],
      ['Open the new office', 'Facilities Manager', 'Achieved'],
    ]);
    expect(r.report.actions.map((a) => [a.status, a.rag])).toEqual([
      ['complete', 'Complete'],
      ['complete', 'Complete'],
    ]);
    expect(codes(r)).toEqual([]);
  });
  it('a coloured empty RAG cell states its colour', () => {
    const r = check([
      ['Action', 'Lead', 'Target Date', 'RAG'],
      ['Fix the roof', 'Estates', '31/12/2021', { value: '', fill: 'FFFF0000' }],
      ['Paint the hall', 'Estates', '31/12/2021', { value: '', fill: '00B050' }],
    ]);
    expect(r.report.actions.map((a) => a.statedRag)).toEqual(['Concern', 'On Target']);
    expect(r.report.findings.find((f) => f.code === 'rag-mismatch')?.message).toMatch(/stated a red fill/);
  });
});

describe('the column map', () => {
  const rows: Val[][] = [
    ['Issue', 'Person', 'By', 'Where we are'],
    ['Replace the boilers', 'P Smith', '31/03/2021', 'In progress'],
    ['Insulate the lofts', '', '31/01/2021', ''],
  ];
  it('with no map, "No plan found" lists the header-like rows and how to name the columns', () => {
    const r = check(rows);
    expect(r.noPlan).toBe(true);
    const text = describeNoPlan(r.raw);
    expect(text).toContain('"Tracker" row 1: A "Issue", B "Person", C "By", D "Where we are"');
    expect(text).toContain('--columns action=A,lead=B,target=C,status=D');
    expect(describeNoPlan(r.raw, 'pane')).toContain('Set columns…');
  });
  it('columns named by letter or by header text are read as mapped', () => {
    for (const columns of [{ action: 'A', lead: 'B', target: 'C', status: 'D' }, { action: 'Issue', lead: 'Person', target: 'By', status: 'Where we are' }]) {
      const r = check(rows, { settings: { columns } });
      expect(r.report.actions.map((a) => [a.description, a.leads, a.targetDate, a.status])).toEqual([
        ['Replace the boilers', ['P Smith'], '2021-03-31', 'started'],
        ['Insulate the lofts', [], '2021-01-31', null],
      ]);
      expect(codes(r)).toEqual(expect.arrayContaining(['B3 missing-owner', 'C3 overdue']));
    }
  });
  it('a header row number lets data start on row 1 of a headerless sheet', () => {
    const r = check(rows.slice(1), { settings: { columns: { action: 'A', lead: 'B', target: 'C' }, headerRow: null } });
    expect(r.report.actions.map((a) => a.row)).toEqual([1, 2]);
  });
  it('a map naming header text no sheet has is a plain error', () => {
    expect(() => check(rows, { settings: { columns: { action: 'Actions', lead: 'B' } } })).toThrow(PlanReadError);
    expect(() => check(rows, { settings: { columns: { action: 'Actions', lead: 'B' } } })).toThrow(/action="Actions"/);
  });
});

describe('a header repeated under every section, with period group headings above it', () => {
  const block = (title: string, ref: string): Val[][] => [
    [title],
    ['', '', '', 'Previous Period', '', 'Current Period'],
    ['Ref', 'Recommendation', 'Who by?', 'When?', 'Status', 'RAG'],
    [ref, `Review ${title}`, 'Head of Service', '31/12/2021', 'In Progress', 'Green'],
  ];
  const r = check([...block('Housing', 'H1'), [], ...block('Planning', 'P1')], { merges: [] });
  it('names each block by its section, not "(untitled)"', () => {
    expect(r.report.workstreams.map((w) => [w.title, w.actionCount])).toEqual([
      ['Housing', 1],
      ['Planning', 1],
    ]);
  });
});

describe('a column map whose header row is empty or past the end', () => {
  const rows: Val[][] = [['Plan'], [], ['Issue', 'Person', 'By'], ['Fix the roof', 'P Smith', '31/03/2021']];
  it('reads only the rows below it, never the whole sheet from the top', () => {
    const empty = check(rows, { settings: { columns: { action: 'A', lead: 'B', target: 'C' }, headerRow: 2 } });
    expect(empty.report.actions.map((a) => a.row)).toEqual([3, 4]);
    const past = check(rows, { settings: { columns: { action: 'A', lead: 'B', target: 'C' }, headerRow: 40 } });
    expect(past.report.actions).toEqual([]);
  });
});

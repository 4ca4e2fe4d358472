/** Findings are data: code, place, item and facts; the message is written from the facts when read. */
import {
  type RawCell,
  type WorkbookGrid,
  FINDING_MESSAGES,
  ReportSchema,
  actionName,
  checkWorkbook,
  isOverdue,
  ownerLists,
  resolveSettings,
} from '../../src/core';

const row = (...values: (string | number)[]): (RawCell | undefined)[] => values.map((v) => (v === '' ? undefined : { value: v }));

function plan(): WorkbookGrid {
  const rows = [
    row('Workstream', 'No.', 'Action', 'Lead Officer', 'Target Date', '% Complete'),
    row('Financial Planning', 1, 'Agree the budget', 'J Craig', '31 Jan 21', 40),
    row('', 2, 'Publish the plan', '', '15 Mar 21', ''),
    row('', 3, 'Review the plan', 'A Smith', 'next year', '110'),
  ];
  return { sheets: [{ name: 'Plan', rows, merges: [] }], date1904: false };
}

const check = () => checkWorkbook(plan(), { file: 'plan.xlsx', asOf: '2021-03-01', today: '2021-03-01', settings: resolveSettings({}) });

describe('findings as data', () => {
  it('keeps the item and the facts, and writes the message from them', () => {
    const { report } = check();
    const overdue = report.findings.find((f) => f.code === 'overdue')!;
    expect(overdue).toMatchObject({ sheet: 'Plan', row: 2, col: 4, cell: 'E2', severity: 'error' });
    expect(overdue.item).toEqual({ kind: 'action', index: 0, number: '1', workstream: 'Financial Planning', row: 2 });
    expect(overdue.facts).toEqual({ target: '2021-01-31', days: 29, percent: 40, lead: 'J Craig' });
    expect(overdue.message).toBe(FINDING_MESSAGES.overdue(overdue));
    expect(overdue.message).toBe(
      'Action 1 of "Financial Planning" was due 31 Jan 21 (29 days ago) and is 40% complete: record completion or agree a revised date with J Craig.',
    );
    expect(report.actions[overdue.item.kind === 'action' ? overdue.item.index : -1].description).toBe('Agree the budget');
  });

  it('serialises to the report schema, message included, in its key order', () => {
    const { report } = check();
    const json = JSON.parse(JSON.stringify(report)) as { findings: Record<string, unknown>[] };
    for (const f of json.findings) expect(Object.keys(f)).toEqual(['code', 'severity', 'sheet', 'row', 'cell', 'message']);
    expect(JSON.stringify(ReportSchema.parse(report))).toBe(JSON.stringify(report));
    const lead = report.findings.find((f) => f.code === 'missing-owner')!;
    expect(json.findings.find((f) => f.code === 'missing-owner')!.message).toBe(lead.message);
  });

  it('lets owner lists find the item without reading rows back', () => {
    const lists = ownerLists(check().report);
    const none = lists.find((l) => l.lead === null)!;
    expect(none.unclear.map((i) => i.description)).toEqual(['Publish the plan']);
  });
});

describe('isOverdue', () => {
  it('is past the target and neither complete nor dropped', () => {
    expect(isOverdue({ targetDate: '2021-01-31', rag: 'Concern', status: null }, '2021-03-01')).toBe(true);
    expect(isOverdue({ targetDate: '2021-03-01', rag: 'Caution', status: null }, '2021-03-01')).toBe(false);
    expect(isOverdue({ targetDate: '2021-01-31', rag: 'Complete', status: 'complete' }, '2021-03-01')).toBe(false);
    expect(isOverdue({ targetDate: '2021-01-31', rag: 'Not Started', status: 'dropped' }, '2021-03-01')).toBe(false);
    expect(isOverdue({ targetDate: null, rag: 'Concern' }, '2021-03-01')).toBe(false);
  });
});

describe('actionName', () => {
  it('names an action by number, else by row', () => {
    expect(actionName(3, 'Financial Planning', 12)).toBe('Action 3 of "Financial Planning"');
    expect(actionName(null, 'Financial Planning', 12)).toBe('The action in row 12 of "Financial Planning"');
    expect(actionName(null, 'Financial Planning')).toBe('Action of "Financial Planning"');
  });
});

/** Findings are data: code, place, item and facts; the message is written from the facts when read. */
import {
  type RawCell,
  type WorkbookGrid,
  FINDING_MESSAGES,
  type FindingCode,
  ReportSchema,
  actionName,
  checkWorkbook,
  isOverdue,
  makeFinding,
  ownerLists,
  resolveSettings,
  sortFindings,
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

describe('the order findings are reported in', () => {
  // Raised in the order a checker meets them; reported by sheet (workbook order), row,
  // severity, column as Excel's letters sort ("AA" before "B"), then code.
  const raised: [string, number, number, FindingCode][] = [
    ['Plan', 5, 1, 'rag-mismatch'], // B5, warning
    ['Plan', 5, 26, 'missing-owner'], // AA5, error
    ['Notes', 2, 0, 'overdue'], // second sheet, row 2
    ['Plan', 5, 0, 'due-soon'], // A5, info
    ['Plan', 5, 0, 'open-ended'], // A5, info: after due-soon by code
    ['Plan', 3, 27, 'no-target-date'], // AB3, warning
    ['Plan', 3, 2, 'no-target-date'], // C3, warning
    ['Plan', 5, 1, 'missing-owner'], // B5, error
    ['Plan', 5, 701, 'rag-mismatch'], // ZZ5, warning
    ['Plan', 5, 702, 'rag-mismatch'], // AAA5, warning: letters sort AAA before B
  ];
  const findings = raised.map(([sheet, row, col, code]) => makeFinding(code, { sheet, row, col }, { kind: 'meta', label: 'Report Date' }));
  it('is by sheet, row, severity, column letters, then code', () => {
    const sorted = sortFindings(findings, ['Plan', 'Notes']);
    expect(sorted.map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual([
      'Plan!AB3 no-target-date',
      'Plan!C3 no-target-date',
      'Plan!AA5 missing-owner',
      'Plan!B5 missing-owner',
      'Plan!AAA5 rag-mismatch',
      'Plan!B5 rag-mismatch',
      'Plan!ZZ5 rag-mismatch',
      'Plan!A5 due-soon',
      'Plan!A5 open-ended',
      'Notes!A2 overdue',
    ]);
  });
  it('keeps findings that tie on everything in the order they were raised, and leaves the input alone', () => {
    const twins = [0, 1, 2].map(() => makeFinding('overdue', { sheet: 'Plan', row: 4, col: 3 }, { kind: 'meta', label: 'x' }));
    const sorted = sortFindings([...twins].reverse(), ['Plan']);
    expect(sorted).toEqual([...twins].reverse());
    expect(sortFindings(findings, ['Plan', 'Notes'])).not.toBe(findings);
    expect(findings[0].cell).toBe('B5');
  });
});

/** Matching and change rules of comparePlans, on small in-memory plans. */
import { checkWorkbook } from '../../src/core/check';
import { changeRequests } from '../../src/core/changes';
import { comparePlans, similarity } from '../../src/core/compare';
import { buildOwnersSheet, ownerLists, ownerListText } from '../../src/core/owners';
import { resolveSettings } from '../../src/core/settings';
import { buildSummary } from '../../src/core/summary';
import { type Val, sheet, workbook } from '../helpers/grid';

const settings = resolveSettings({});
const HEAD = ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete'];

function plan(rows: Val[][], asOf: string, head: Val[] = HEAD) {
  return checkWorkbook(workbook(sheet('Plan', [head, ...rows])), { file: `${asOf}.xlsx`, asOf, today: asOf, settings });
}

const codes = (c: ReturnType<typeof comparePlans>) => c.changes.map((x) => `${x.code}:${x.item}`);

describe('comparePlans: matching', () => {
  it('matches by workstream and number when the wording is recognisably the same', () => {
    const a = plan([['Finance', 1, 'Draft the medium term financial strategy', '31 Mar 21', 'DCE', 50]], '2021-01-01');
    const b = plan([['Finance', 1, 'Draft and publish the medium term financial strategy', '31 Mar 21', 'DCE', 50]], '2021-02-01');
    const c = comparePlans(a.report, b.report);
    expect(c.matched.actions).toBe(1);
    expect(c.changes).toEqual([]);
  });

  it('the same number on a different action is not a match: one removed, one new', () => {
    const a = plan([['Finance', 1, 'Draft the medium term financial strategy', '31 Mar 21', 'DCE', 50]], '2021-01-01');
    const b = plan([['Finance', 1, 'Recruit a head of procurement', '31 Mar 21', 'DCE', 0]], '2021-02-01');
    expect(codes(comparePlans(a.report, b.report))).toEqual([
      // The workstream now holds only a new, unstarted action.
      'rag-worsened:Finance',
      'new:Recruit a head of procurement',
      'removed:Draft the medium term financial strategy',
    ]);
  });

  it('two equally close candidates are not guessed: both listed, the near miss named', () => {
    const a = plan([['Finance', 1, 'Review the budget process for schools', '31 Mar 21', 'DCE', 50]], '2021-01-01');
    const b = plan(
      [
        ['Finance', 7, 'Review the budget process for roads', '31 Mar 21', 'DCE', 50],
        ['Finance', 8, 'Review the budget process for parks', '31 Mar 21', 'DCE', 50],
      ],
      '2021-02-01',
    );
    const c = comparePlans(a.report, b.report);
    expect(c.matched.actions).toBe(0);
    expect(c.changes.map((x) => x.code).sort()).toEqual(['new', 'new', 'removed']);
    const removed = c.changes.find((x) => x.code === 'removed')!;
    expect(removed.note).toMatch(/too close to another to choose/);
    expect(removed.message).toContain('No longer in the plan; closest in the current version');
  });

  it('follows an action moved to another workstream when its description is the same', () => {
    const a = plan([['Finance', 3, 'Agree the capital investment templates with the board', '30 Jun 21', 'DCE', 20]], '2021-01-01');
    const b = plan([['Transformation', 1, 'Agree the capital investment templates with the board', '30 Jun 21', 'DCE', 40]], '2021-02-01');
    const c = comparePlans(a.report, b.report);
    expect(c.matched.actions).toBe(1);
    expect(codes(c)).toEqual(['renumbered:Agree the capital investment templates with the board', 'new:Transformation', 'removed:Finance']);
  });

  it('scores shared words, ignoring case, punctuation and endings', () => {
    expect(similarity('Review the budget.', 'reviewing Budget')).toBe(1);
    expect(similarity('Recruit staff', 'Publish report')).toBe(0);
  });
});

describe('comparePlans: history the workbook keeps', () => {
  it('counts every move recorded in Original / Revised Target Date columns', () => {
    const head = ['Workstream', 'No.', 'Action', 'Original Target Date', 'Revised Target Date', 'Owner', '% Complete', 'RAG'];
    const a = plan([['Finance', 1, 'Draft the strategy', '31 Mar 21', '30 Apr 21', 'DCE', 50, 'Green']], '2021-03-01', head);
    const b = plan(
      [['Finance', 1, 'Draft the strategy', '31 Mar 21', '31 Jul 21 (revised from 30 Jun 21)', 'DCE', 60, 'Green']],
      '2021-06-01',
      head,
    );
    expect(a.report.actions[0].targetDate).toBe('2021-04-30');
    expect(a.report.actions[0].targetHistory).toEqual(['2021-03-31']);
    expect(b.report.actions[0].targetHistory).toEqual(['2021-03-31', '2021-06-30']);
    const c = comparePlans(a.report, b.report);
    const moved = c.changes.find((x) => x.code === 'target-moved')!;
    expect([moved.from, moved.to, moved.days, moved.times]).toEqual(['2021-04-30', '2021-07-31', 92, 2]);
    expect(moved.message).toBe('Target date moved from 30 Apr 21 to 31 Jul 21 (92 days later; moved 2 times).');
    expect(c.changes.map((x) => x.code)).toContain('green-while-slipping');
    expect(changeRequests(c)).toEqual([
      '(C) Finance: extend the target date for "Draft the strategy" from April 2021 to July 2021 (moved 2 times).',
    ]);
  });

  it('the overdue finding points at the revised date, and an empty revised cell falls back to the target', () => {
    const head = ['Workstream', 'No.', 'Action', 'Target Date', 'Revised Target Date', 'Owner'];
    const r = plan(
      [
        ['Finance', 1, 'Draft the strategy', '31 Mar 21', '30 Apr 21', 'DCE'],
        ['Finance', 2, 'Publish the strategy', '31 Mar 21', '', 'DCE'],
      ],
      '2021-06-01',
      head,
    );
    expect(r.report.findings.filter((f) => f.code === 'overdue').map((f) => f.cell)).toEqual(['E2', 'D3']);
    expect(r.report.actions.map((x) => x.targetDate)).toEqual(['2021-04-30', '2021-03-31']);
  });
});

describe('the summary with a previous version', () => {
  it('adds the changes and the change requests; without one it is unchanged', () => {
    const a = plan([['Finance', 1, 'Draft the strategy', '31 Mar 21', 'DCE', 50]], '2021-01-01');
    const b = plan([['Finance', 1, 'Draft the strategy', '30 Jun 21', 'DCE', 60]], '2021-02-01');
    const c = comparePlans(a.report, b.report);
    const texts = (s: ReturnType<typeof buildSummary>) => s.cells.map((x) => String(x.value));
    const withChanges = texts(buildSummary(b, settings, { comparison: c }));
    expect(withChanges).toContain('Changes since last report (1 Jan 21): 1 target date moved');
    expect(withChanges).toContain('(C) Finance: extend the target date for "Draft the strategy" from March 2021 to June 2021.');
    expect(withChanges.some((t) => t.includes('Since the last report (1 Jan 21): 1 target date moved; 1 change request is listed'))).toBe(
      true,
    );
    expect(texts(buildSummary(b, settings)).some((t) => t.startsWith('Changes since'))).toBe(false);
  });
});

describe('owner lists', () => {
  const r = plan(
    [
      ['Finance', 1, 'Draft the strategy', '31 Jan 21', 'D Robertson / J Craig', 50],
      ['Finance', 2, 'Publish the strategy', '15 Mar 21', 'j craig', 10],
      ['Finance', 3, 'Consult on the strategy', 'Spring', 'J Craig', 0],
      ['Finance', 4, 'Train the budget holders', '31 Jan 21', '', 0],
    ],
    '2021-03-01',
  );

  it('gives each lead their items (shared actions on both lists), the unowned last', () => {
    const lists = ownerLists(r.report);
    expect(lists.map((l) => [l.lead, l.overdue.length, l.dueSoon.length, l.unclear.length])).toEqual([
      ['D Robertson', 1, 0, 0],
      ['J Craig', 1, 1, 1],
      [null, 1, 0, 1],
    ]);
    expect(lists[1].unclear[0].cell).toBe('D4');
  });

  it('reads as an email, and becomes a sheet', () => {
    const text = ownerListText(ownerLists(r.report)[1], r.report.asOf);
    expect(text.split('\n')[0]).toBe('J Craig: 1 overdue, 1 due soon, 1 unclear (as of 1 Mar 21)');
    expect(text).toContain('- Action 1 of "Finance": Draft the strategy (target 31 Jan 21, 50% done) [Plan!D2]');
    const sheetSpec = buildOwnersSheet(ownerLists(r.report), r.report.asOf, 'Owners');
    expect(sheetSpec.name).toBe('Owners');
    expect(sheetSpec.cells.filter((c) => c.col === 0 && c.row >= 3).map((c) => c.value)).toEqual([
      'D Robertson',
      'J Craig',
      'J Craig',
      'J Craig',
      'No lead officer',
      'No lead officer',
    ]);
  });
});

describe('comparePlans: status words', () => {
  const HEAD_STATUS = ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', 'Status'];
  const rows = (s1: string, s2: string): Val[][] => [
    ['Housing', 1, 'Merge the two repairs contracts', '31 Dec 20', 'Head of Housing', s1],
    ['Housing', 2, 'Publish the allocations policy', '31 Dec 20', 'Head of Housing', s2],
  ];
  it('an action newly superseded is one "dropped" change; one implemented by status is not overdue', () => {
    const a = plan(rows('In Progress', 'In Progress'), '2020-12-01', HEAD_STATUS);
    const b = plan(rows('Superseded', 'Implemented'), '2021-02-01', HEAD_STATUS);
    // The superseded action no longer counts, so the workstream is complete too.
    expect(codes(comparePlans(a.report, b.report))).toEqual([
      'completed:Housing',
      'completed:Publish the allocations policy',
      'dropped:Merge the two repairs contracts',
    ]);
    expect(comparePlans(a.report, b.report).changes.find((c) => c.code === 'dropped')?.message).toBe(
      'Now cancelled, superseded or withdrawn: left out of counts and roll-ups.',
    );
  });
});

import { computeRag, rollUpRag } from '../../src/core/rag';
import { resolveSettings } from '../../src/core/settings';

const defaults = resolveSettings({});
const asOf = '2021-03-01';

describe('computeRag: the five default rules, in order', () => {
  it.each([
    // [case, percent, target, start, expected rag, reason contains]
    ['100% is Complete even when the date passed', 100, '2020-03-31', null, 'Complete', '100% complete'],
    ['target passed is Concern', 40, '2021-02-28', null, 'Concern', 'target 28 Feb 21 passed; 40% complete'],
    ['target passed with no progress recorded', null, '2020-03-31', null, 'Concern', 'no progress recorded'],
    ['straight-line: well behind is Concern', 10, '2021-12-31', '2021-01-01', 'Concern', 'expected'],
    ['straight-line: a little behind is Caution', 13, '2021-12-31', '2021-01-01', 'Caution', 'expected'],
    ['straight-line: on pace is On Target', 16, '2021-12-31', '2021-01-01', 'On Target', 'expected'],
    ['no progress, target far off: Not Started', 0, '2021-12-31', null, 'Not Started', 'not started'],
    ['nothing recorded, target far off: Not Started', null, '2021-12-31', null, 'Not Started', 'not started'],
    ['no progress, due within 30 days: Caution', 0, '2021-03-20', null, 'Caution', 'is in 19 days'],
    ['due soon and under 75%: Caution', 50, '2021-03-20', null, 'Caution', '50% complete with target 20 Mar 21 in 19 days'],
    ['due soon and 75% or more: On Target', 80, '2021-03-20', null, 'On Target', '80% complete'],
    ['not due soon: On Target', 30, '2021-10-31', null, 'On Target', '30% complete; target 31 Oct 21'],
    ['due today is not yet passed', 50, '2021-03-01', null, 'Caution', 'in 0 days'],
    ['progress but no target date', 40, null, null, 'On Target', 'no target date'],
  ])('%s', (_case, percent, target, start, rag, reason) => {
    const r = computeRag({ percent, target, start, asOf }, defaults);
    expect(r.rag).toBe(rag);
    expect(r.reason).toContain(reason);
  });

  it('straight-line expectation: 2 months into a 12-month action, about 16% is expected', () => {
    // 1 Jan to 1 Mar is 59 of 364 days: 16% expected. 8% is half of that: Concern.
    expect(computeRag({ percent: 8, target: '2021-12-31', start: '2021-01-01', asOf }, defaults)).toEqual({
      rag: 'Concern',
      reason: '8% complete against 16% expected by 1 Mar 21 (target 31 Dec 21)',
    });
  });

  it('thresholds are settings: a wider due-soon window turns On Target into Caution', () => {
    const input = { percent: 30, target: '2021-04-30', start: null, asOf };
    expect(computeRag(input, defaults).rag).toBe('On Target');
    expect(computeRag(input, resolveSettings({ dueSoonDays: 90 })).rag).toBe('Caution');
  });

  it('the plan-wide start date applies when the action has none', () => {
    const input = { percent: 5, target: '2021-12-31', asOf };
    expect(computeRag(input, defaults).rag).toBe('On Target');
    expect(computeRag(input, resolveSettings({ planStartDate: '2021-01-01' })).rag).toBe('Concern');
  });

  it('a stricter concern ratio moves the boundary', () => {
    const input = { percent: 13, target: '2021-12-31', start: '2021-01-01', asOf };
    expect(computeRag(input, defaults).rag).toBe('Caution');
    expect(computeRag(input, resolveSettings({ concernRatio: 0.85, cautionRatio: 0.95 })).rag).toBe('Concern');
  });
});

describe('rollUpRag: a workstream from its actions', () => {
  it.each([
    [['On Target', 'Concern', 'Complete'], 'Concern', '1 of 3 actions at Concern'],
    [['On Target', 'Caution'], 'Caution', '1 of 2 actions at Caution'],
    [['Complete', 'Complete'], 'Complete', 'all 2 actions complete'],
    [['Not Started', 'Not Started'], 'Not Started', 'none of 2 actions started'],
    [['Not Started', 'Complete', 'On Target'], 'On Target', '2 of 3 actions on target or complete'],
    [[], 'Not Started', 'no actions recorded'],
  ] as const)('%j -> %s', (rags, rag, reason) => {
    expect(rollUpRag([...rags])).toEqual({ rag, reason });
  });
});

describe('settings', () => {
  it('defaults are documented values', () => {
    expect(defaults).toEqual({
      concernRatio: 0.7,
      cautionRatio: 0.9,
      dueSoonDays: 30,
      dueSoonCautionPercent: 75,
      planStartDate: null,
      summarySheetName: 'Strategic Summary',
      ownersSheetName: 'Owners',
      columns: {},
      headerRow: null,
    });
  });

  it('bad settings throw, naming the field', () => {
    expect(() => resolveSettings({ dueSoonDays: -1 })).toThrow(/dueSoonDays/);
    expect(() => resolveSettings({ summarySheetName: 'a/b' })).toThrow(/summarySheetName/);
    expect(() => resolveSettings({ concernRatio: 0.95 })).toThrow(/concernRatio/);
  });
});

describe('status words where there is no percentage', () => {
  const settings = resolveSettings({});
  const asOf = '2021-03-01';
  it.each([
    // status, word, percent, target, rag, reason
    ['complete', 'Implemented', null, '2020-12-31', 'Complete', 'status "Implemented"'],
    ['started', 'In Progress', null, '2021-09-30', 'On Target', '"In Progress", no % recorded; target 30 Sep 21'],
    ['started', 'In Progress', 0, '2021-09-30', 'On Target', '"In Progress", no % recorded; target 30 Sep 21'],
    ['started', 'Ongoing', null, '2021-03-15', 'Caution', '"Ongoing", no % recorded; target 15 Mar 21 is in 14 days'],
    ['started', 'In Progress', null, '2020-12-31', 'Concern', 'target 31 Dec 20 passed; in progress, no % recorded'],
    ['started', 'Partially implemented', null, null, 'On Target', '"Partially implemented", no % recorded; no target date'],
    ['not-started', 'Pending', null, '2021-09-30', 'Not Started', 'not started; target 30 Sep 21'],
    ['dropped', 'Superseded', null, '2020-01-31', 'Not Started', '"Superseded": left out of counts and roll-ups'],
    ['started', 'In Progress', 40, '2021-09-30', 'On Target', '40% complete; target 30 Sep 21'],
  ] as const)('%s "%s" at %p%% due %s -> %s', (status, word, percent, target, rag, reason) => {
    expect(computeRag({ percent, target, asOf, status, statusWord: word }, settings)).toEqual({ rag, reason });
  });
});

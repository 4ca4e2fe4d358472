/** The update cycle's core (issue #15): forms per lead, reading returns, and the merge rules, on in-memory plans. */
import type { RawCell, SheetGrid, WorkbookGrid } from '../../src/core/cell';
import { checkWorkbook } from '../../src/core/check';
import { isoToSerial } from '../../src/core/parse/dates';
import { resolveSettings } from '../../src/core/settings';
import {
  type CellEdit,
  type FormSpec,
  FORM_COLUMNS,
  FORM_STATUS_WORDS,
  KEY_COLUMNS,
  buildRequests,
  planFingerprint,
  planMerge,
  readReturn,
  uniqueFileName,
} from '../../src/core/update';
import { type Val, sheet, workbook } from '../helpers/grid';

const settings = resolveSettings({});
const HEAD = ['Workstream', 'No.', 'Action', 'Target Date', 'Revised Target Date', 'Owner', '% Complete', 'Status', 'Commentary'];
const date = (iso: string): RawCell => ({ value: isoToSerial(iso, false), format: 'dd/mm/yyyy' });
const pct = (n: number): RawCell => ({ value: n / 100, format: '0%' });

function rows(): Val[][] {
  return [
    HEAD,
    ['Finance', 1, 'Draft the medium term financial strategy', date('2021-03-31'), null, 'J Craig', 40, 'In Progress', 'Drafting'],
    ['Finance', 2, 'Review the capital programme with the board', date('2021-06-30'), null, 'J Craig / D Robertson', 10, 'In Progress', ''],
    ['Finance', 3, 'Publish the savings tracker monthly', date('2021-01-31'), null, 'D Robertson', 0, 'Not Started', ''],
    ['People', 1, 'Launch the new appraisal process', date('2021-05-31'), null, '', 0, '', ''],
    ['People', 2, 'Retire the old staff survey tool', date('2021-02-28'), null, 'J Craig', 0, 'Cancelled', ''],
    [
      'People',
      3,
      '=SUM(A1:A2) is how the old tracker totalled it',
      date('2021-04-30'),
      null,
      'M Joyce',
      20,
      'In Progress',
      '=not a formula',
    ],
  ];
}

function check(grid: WorkbookGrid) {
  return checkWorkbook(grid, { file: 'plan.xlsx', asOf: '2021-01-15', today: '2021-01-15', settings });
}

/** A form's sheet as an adapter would read it back: dates as serials with a date format. */
function formGrid(spec: FormSpec): WorkbookGrid {
  const out: (RawCell | undefined)[][] = [];
  for (const c of spec.cells) {
    const isDate = (c.style === 'date' || c.style === 'input-date') && typeof c.value === 'string' && /^\d{4}-/.test(c.value);
    const cell: RawCell = isDate ? { value: isoToSerial(c.value as string, false), format: 'd mmm yyyy' } : { value: c.value };
    if (c.value === '') continue;
    (out[c.row] ??= [])[c.col] = cell;
  }
  return { sheets: [{ name: spec.sheetName, rows: out, merges: spec.merges }], date1904: false };
}

/** Fills in a form as a lead would: by action number, the column's value. */
function fill(grid: WorkbookGrid, answers: { row: number; col: string; value: Val }[]): WorkbookGrid {
  const s = grid.sheets[0];
  const header = s.rows.findIndex((r) => r?.[0]?.value === 'Workstream');
  const col = (name: string) => s.rows[header]!.findIndex((c) => c?.value === name);
  for (const a of answers) {
    const r = s.rows.findIndex((row, i) => i > header && row?.[col('Key: Row')]?.value === a.row);
    const c = col(a.col);
    const v = a.value;
    (s.rows[r] as (RawCell | undefined)[])[c] = v === null || v === undefined ? undefined : typeof v === 'object' ? v : { value: v };
  }
  return grid;
}

/** Applies edits to an in-memory grid as an adapter would (style kept, format where asked). */
function apply(grid: WorkbookGrid, edits: CellEdit[]): WorkbookGrid {
  const copy: WorkbookGrid = { ...grid, sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) })) };
  for (const e of edits) {
    const s = copy.sheets.find((x) => x.name === e.sheet) as SheetGrid;
    const row = (s.rows[e.row - 1] ??= []);
    const old = row[e.col];
    row[e.col] =
      e.value === null ? undefined : { value: e.value, ...(e.format ? { format: e.format } : old?.format ? { format: old.format } : {}) };
  }
  return copy;
}

describe('buildRequests', () => {
  const result = check(workbook(sheet('Plan', rows())));
  const set = buildRequests(result, { planFile: 'plan.xlsx', replyBy: '2021-02-01' });

  it('makes one form per lead, a shared action on each sharer’s form, dropped actions left out, unowned listed', () => {
    expect(set.forms.map((f) => [f.lead, f.file, f.actions.map((a) => a.row)])).toEqual([
      ['D Robertson', 'update-d-robertson.xlsx', [3, 4]],
      ['J Craig', 'update-j-craig.xlsx', [2, 3]],
      ['M Joyce', 'update-m-joyce.xlsx', [7]],
    ]);
    expect(set.unowned).toEqual([
      { sheet: 'Plan', row: 5, number: 1, workstream: 'People', description: 'Launch the new appraisal process' },
    ]);
  });

  it('makes only the asked lead’s form, matched as owner lists match leads', () => {
    const one = buildRequests(result, { planFile: 'plan.xlsx', lead: 'j. craig' });
    expect(one.forms.map((f) => f.lead)).toEqual(['J Craig']);
  });

  it('lays the form out with the named columns, hidden keys, validations and protection', () => {
    const spec = set.forms[1].spec;
    const header = spec.cells.filter((c) => c.row === 8).sort((a, b) => a.col - b.col);
    expect(header.map((c) => c.value)).toEqual([...FORM_COLUMNS, ...KEY_COLUMNS]);
    expect(spec.columns.map((c) => Boolean(c.hidden))).toEqual([...FORM_COLUMNS.map(() => false), ...KEY_COLUMNS.map(() => true)]);
    expect(spec.protect).toBe(true);
    expect(spec.validations.map((v) => [v.type, v.range])).toEqual([
      ['whole', { top: 9, left: 3, bottom: 10, right: 3 }],
      ['list', { top: 9, left: 4, bottom: 10, right: 4 }],
      ['date', { top: 9, left: 5, bottom: 10, right: 5 }],
    ]);
    expect(spec.validations[1].list).toEqual(FORM_STATUS_WORDS);
    // Only the four answer columns are input cells.
    const inputs = new Set(spec.cells.filter((c) => c.style.startsWith('input-')).map((c) => c.col));
    expect([...inputs].sort()).toEqual([3, 4, 5, 6]);
    expect(spec.cells.find((c) => c.row === 2 && c.col === 1)).toEqual({ row: 2, col: 1, value: '2021-02-01', style: 'date' });
  });

  it('every status word on the form is one the reader understands', () => {
    const check1 = check(
      workbook(
        sheet('Plan', [
          HEAD,
          ...FORM_STATUS_WORDS.map((w, i) => ['W', i + 1, `Action ${i}`, date('2021-03-31'), null, 'J Craig', 0, w, '']),
        ]),
      ),
    );
    expect(check1.report.actions.map((a) => a.status)).toEqual(['not-started', 'started', 'complete', 'dropped', 'dropped']);
  });

  it('keeps plan text as text, even when it starts with "="', () => {
    const spec = buildRequests(result, { planFile: 'plan.xlsx', lead: 'M Joyce' }).forms[0].spec;
    const texts = spec.cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('='));
    expect(texts.map((c) => c.value)).toEqual(['=not a formula', '=SUM(A1:A2) is how the old tracker totalled it', '=not a formula']);
  });

  it('says so, and locks the cells, where the plan has no column for an answer', () => {
    const bare = check(
      workbook(
        sheet('Plan', [
          ['No.', 'Action', 'Timescales', 'Lead Officer'],
          [1, 'Adopt PSIF', '31 Mar 20', 'J Craig'],
        ]),
      ),
    );
    const spec = buildRequests(bare, { planFile: 'bv.xlsx' }).forms[0].spec;
    expect(spec.cells.find((c) => c.row === 5)?.value).toMatch(/^The plan has no % Complete or Status or Status Update column/);
    expect(spec.validations.map((v) => v.type)).toEqual(['date']);
    expect(spec.cells.filter((c) => c.row === 9 && c.style === 'unavailable').map((c) => c.col)).toEqual([3, 4, 6]);
  });
});

describe('uniqueFileName', () => {
  it('is safe on any file system and unique ignoring case', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('update-J Craig', 'xlsx', taken)).toBe('update-j-craig.xlsx');
    expect(uniqueFileName('update-J-Craig', 'xlsx', taken)).toBe('update-j-craig-2.xlsx');
    expect(uniqueFileName('update-Ó Súilleabháin, Ærøskøbing & Straße', 'xlsx', taken)).toBe(
      'update-o-suilleabhain-aeroskobing-strasse.xlsx',
    );
    // Cyrillic lookalikes typed for Latin letters read as the Latin name.
    expect(uniqueFileName('update-Ј Сraig', 'xlsx', taken)).toBe('update-j-craig-3.xlsx');
    expect(uniqueFileName('CON', 'xlsx', taken)).toBe('con-file.xlsx');
    expect(uniqueFileName('lpt1', 'xlsx', taken)).toBe('lpt1-file.xlsx');
    expect(uniqueFileName('a<b>c:d"e/f\\g|h?i*j', 'xlsx', taken)).toBe('a-b-c-d-e-f-g-h-i-j.xlsx');
    expect(uniqueFileName('…', 'xlsx', taken)).toBe('file.xlsx');
    const long = uniqueFileName('x'.repeat(300), 'xlsx', taken);
    expect(long.length).toBeLessThanOrEqual(65);
  });
});

describe('readReturn', () => {
  it('reads the keys and answers of a form back', () => {
    const result = check(workbook(sheet('Plan', rows())));
    const form = buildRequests(result, { planFile: 'plan.xlsx', lead: 'J Craig', replyBy: '2021-02-01' }).forms[0];
    const back = readReturn(formGrid(form.spec));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect([back.lead, back.planFile, back.replyBy, back.fingerprint]).toEqual([
      'J Craig',
      'plan.xlsx',
      '2021-02-01',
      planFingerprint(result),
    ]);
    expect(back.rows.map((r) => [r.formRow, r.sheet, r.row, r.number, r.description, r.sent])).toEqual([
      [
        10,
        'Plan',
        2,
        1,
        'Draft the medium term financial strategy',
        { percent: 40, status: 'In Progress', target: '2021-03-31', update: 'Drafting' },
      ],
      [
        11,
        'Plan',
        3,
        2,
        'Review the capital programme with the board',
        { percent: 10, status: 'In Progress', target: '2021-06-30', update: '' },
      ],
    ]);
  });

  it('says a workbook that is not a form is not one', () => {
    expect(readReturn(workbook(sheet('Plan', rows())))).toMatchObject({ ok: false, code: 'not-a-form' });
  });
});

describe('planMerge', () => {
  const grid = workbook(sheet('Plan', rows()));
  const result = check(grid);
  const forms = buildRequests(result, { planFile: 'plan.xlsx' }).forms;
  const formOf = (lead: string) => formGrid(forms.find((f) => f.lead === lead)!.spec);
  const merge = (g: WorkbookGrid, returns: [string, WorkbookGrid][]) =>
    planMerge(
      check(g),
      returns.map(([fileName, f]) => ({ fileName, form: readReturn(f) })),
      { grid: g },
    );

  it('applies progress, status, a status update and a revised date; lists each change', () => {
    const craig = fill(formOf('J Craig'), [
      { row: 2, col: '% Complete', value: 60 },
      { row: 2, col: 'Status Update', value: 'Draft to the March committee' },
      { row: 2, col: 'Revised Target Date', value: date('2021-04-30') },
      { row: 3, col: 'Status', value: 'Complete' },
    ]);
    const m = merge(grid, [['craig.xlsx', craig]]);
    expect(m.conflicts).toEqual([]);
    expect(m.changes).toEqual([
      { lead: 'J Craig', sheet: 'Plan', row: 2, field: 'percent', cell: 'G2', from: '40', to: '60' },
      { lead: 'J Craig', sheet: 'Plan', row: 2, field: 'revised-target', cell: 'E2', from: '2021-03-31', to: '2021-04-30' },
      { lead: 'J Craig', sheet: 'Plan', row: 2, field: 'status-update', cell: 'I2', from: 'Drafting', to: 'Draft to the March committee' },
      { lead: 'J Craig', sheet: 'Plan', row: 3, field: 'status', cell: 'H3', from: 'In Progress', to: 'Complete' },
    ]);
    // The plan's Revised Target Date column takes the date; an empty cell gets the column's date format.
    expect(m.edits).toEqual([
      { sheet: 'Plan', row: 2, col: 4, value: isoToSerial('2021-04-30', false), format: 'dd/mm/yyyy' },
      { sheet: 'Plan', row: 2, col: 6, value: 60 },
      { sheet: 'Plan', row: 2, col: 8, value: 'Draft to the March committee' },
      { sheet: 'Plan', row: 3, col: 7, value: 'Complete' },
    ]);
    const after = check(apply(grid, m.edits)).report.actions;
    expect([after[0].percent, after[0].targetDate, after[0].targetHistory, after[1].status]).toEqual([
      60,
      '2021-04-30',
      ['2021-03-31'],
      'complete',
    ]);
    // Merging the same return into the merged plan changes nothing.
    const again = merge(apply(grid, m.edits), [['craig.xlsx', craig]]);
    expect([again.changes, again.conflicts, again.edits]).toEqual([[], [], []]);
  });

  it('a form left as it was sent changes nothing', () => {
    const m = merge(
      grid,
      forms.map((f) => [f.file, formGrid(f.spec)]),
    );
    expect([m.changes, m.conflicts, m.edits]).toEqual([[], [], []]);
  });

  it('writes percentages as the plan stores them: a fraction in a 0% cell, a number in a plain one, text where typed', () => {
    const mixed = rows();
    mixed[1][6] = pct(40);
    mixed[3][6] = '0%';
    const g = workbook(sheet('Plan', mixed));
    const fs = buildRequests(check(g), { planFile: 'plan.xlsx' }).forms;
    const craig = fill(formGrid(fs.find((f) => f.lead === 'J Craig')!.spec), [
      { row: 2, col: '% Complete', value: 45 },
      { row: 3, col: '% Complete', value: 15 },
    ]);
    const rob = fill(formGrid(fs.find((f) => f.lead === 'D Robertson')!.spec), [{ row: 4, col: '% Complete', value: 5 }]);
    const m = merge(g, [
      ['c.xlsx', craig],
      ['r.xlsx', rob],
    ]);
    expect(m.edits.map((e) => [e.row, e.value])).toEqual([
      [2, 0.45],
      [3, 15],
      [4, '5%'],
    ]);
    expect(
      check(apply(g, m.edits))
        .report.actions.slice(0, 3)
        .map((a) => a.percent),
    ).toEqual([45, 15, 5]);
  });

  it('with no Revised Target Date column, moves the target cell and keeps the old date in a note', () => {
    const g = workbook(
      sheet('Plan', [
        ['No.', 'Action', 'Timescales', 'Lead Officer'],
        [1, 'Adopt PSIF', '31 Mar 20', 'J Craig'],
        [2, 'Review self-evaluation', '30 Jun 20', 'J Craig'],
      ]),
    );
    const f = buildRequests(check(g), { planFile: 'bv.xlsx' }).forms[0];
    const ret = fill(formGrid(f.spec), [
      { row: 2, col: 'Revised Target Date', value: date('2020-09-30') },
      { row: 3, col: '% Complete', value: 50 },
    ]);
    const m = merge(g, [['craig.xlsx', ret]]);
    expect(m.edits).toEqual([
      { sheet: 'Plan', row: 2, col: 2, value: '30 Sep 20', note: "Target date was 31 Mar 20; moved to 30 Sep 20 in J Craig's update." },
    ]);
    expect(m.conflicts).toEqual([
      expect.objectContaining({
        code: 'no-column',
        field: 'percent',
        row: 3,
        reason: expect.stringMatching(/^the plan has no % Complete column/),
      }),
    ]);
    expect(check(apply(g, m.edits)).report.actions[0].targetDate).toBe('2020-09-30');
  });

  it('never guesses: bad values, disagreeing leads, moved rows, formulas, merged cells and other plans are conflicts', () => {
    const craig = fill(formOf('J Craig'), [
      { row: 2, col: '% Complete', value: 120 },
      { row: 2, col: 'Revised Target Date', value: 'Spring 2021' },
      { row: 2, col: 'Status', value: 'Nearly there' },
      { row: 3, col: '% Complete', value: 30 },
    ]);
    const rob = fill(formOf('D Robertson'), [
      { row: 3, col: '% Complete', value: 35 },
      { row: 4, col: '% Complete', value: 25 },
    ]);
    // Since the forms went out, D Robertson's row 4 was renumbered and a row inserted above it.
    const moved = rows();
    moved.splice(3, 0, ['Finance', 3, 'Agree the reserves policy', date('2021-03-31'), null, 'D Robertson', 0, 'Not Started', '']);
    moved[4][1] = 4;
    const g = workbook(sheet('Plan', moved));
    const m = merge(g, [
      ['craig.xlsx', craig],
      ['rob.xlsx', rob],
    ]);
    expect(m.changes).toEqual([]);
    expect(m.conflicts.map((c) => [c.code, c.lead, c.row, c.field])).toEqual([
      ['bad-percent', 'J Craig', 2, 'percent'],
      ['unknown-status', 'J Craig', 2, 'status'],
      ['unreadable-date', 'J Craig', 2, 'revised-target'],
      ['leads-disagree', 'J Craig', 3, 'percent'],
      ['leads-disagree', 'D Robertson', 3, 'percent'],
      ['row-moved', 'D Robertson', 4, 'row'],
    ]);
    const reasons = m.conflicts.map((c) => c.reason);
    expect(reasons[0]).toBe('% Complete 120 is outside 0-100.');
    expect(reasons[3]).toMatch(/J Craig gave 30%, D Robertson gave 35%; not applied until they agree\.$/);
    expect(reasons[5]).toMatch(
      /^Action 3 \("Publish the savings tracker monthly", row 4 of "Plan"\) has moved to row 5, renumbered from 3 to 4; its answers were not applied\.$/,
    );
  });

  it('two leads giving the same answer for a shared action is one change, credited to both', () => {
    const craig = fill(formOf('J Craig'), [{ row: 3, col: '% Complete', value: 30 }]);
    const rob = fill(formOf('D Robertson'), [{ row: 3, col: '% Complete', value: 30 }]);
    const m = merge(grid, [
      ['c.xlsx', craig],
      ['r.xlsx', rob],
    ]);
    expect(m.changes).toEqual([
      { lead: 'J Craig / D Robertson', sheet: 'Plan', row: 3, field: 'percent', cell: 'G3', from: '10', to: '30' },
    ]);
  });

  it('a reworded row, a formula cell, a merged cell and a value changed in the plan since are conflicts', () => {
    const changed = rows();
    changed[1][2] = 'Draft and consult on the medium term financial strategy';
    changed[2][6] = { value: 10, formula: true };
    changed[3][8] = 'Tracker published in December';
    changed[6][6] = 25; // M Joyce's 20% became 25% in the plan after the form went out
    const g = workbook(sheet('Plan', changed, ['H6:H7']));
    const craig = fill(formOf('J Craig'), [
      { row: 2, col: '% Complete', value: 70 },
      { row: 3, col: '% Complete', value: 15 },
    ]);
    const joyce = fill(formOf('M Joyce'), [
      { row: 7, col: '% Complete', value: 30 },
      { row: 7, col: 'Status', value: 'Complete' },
    ]);
    const m = merge(g, [
      ['c.xlsx', craig],
      ['j.xlsx', joyce],
    ]);
    expect(m.conflicts.map((c) => [c.code, c.row, c.field])).toEqual([
      ['row-moved', 2, 'row'],
      ['formula-cell', 3, 'percent'],
      ['plan-changed', 7, 'percent'],
      ['merged-cell', 7, 'status'],
    ]);
    expect(m.conflicts[0].reason).toMatch(/was reworded since the form was made \(now "Draft and consult on the medium term financial/);
    expect(m.conflicts[2].reason).toBe(
      '% Complete of Action 3 ("=SUM(A1:A2) is how the old tracker totalled it", row 7 of "Plan") changed in the plan since the form was made (from 20% to 25%); the answer 30% was not applied.',
    );
  });

  it('a form from another plan, and a workbook that is not a form, are conflicts for the whole form', () => {
    const other = check(
      workbook(sheet('Plan', [HEAD, ['Roads', 1, 'Resurface the high street', date('2021-03-31'), null, 'J Craig', 0, '', '']])),
    );
    const foreign = formGrid(buildRequests(other, { planFile: 'roads.xlsx' }).forms[0].spec);
    fill(foreign, [{ row: 2, col: '% Complete', value: 90 }]);
    const m = merge(grid, [
      ['roads.xlsx', foreign],
      ['notes.xlsx', workbook(sheet('Sheet1', [['hello']]))],
    ]);
    expect(m.changes).toEqual([]);
    expect(m.conflicts.map((c) => [c.code, c.file, c.field])).toEqual([
      ['another-plan', 'roads.xlsx', 'form'],
      ['not-a-form', 'notes.xlsx', 'form'],
    ]);
    expect(m.conflicts[0].reason).toMatch(/made from another plan \("roads\.xlsx"\)/);
  });

  it('a plan reworded in places is still the same plan: the fingerprint differs, the actions are there', () => {
    const changed = rows();
    changed[5][2] = 'Retire the old staff survey tool by spring';
    const g = workbook(sheet('Plan', changed));
    expect(planFingerprint(check(g))).not.toBe(planFingerprint(result));
    const craig = fill(formOf('J Craig'), [{ row: 2, col: '% Complete', value: 50 }]);
    expect(merge(g, [['c.xlsx', craig]]).changes).toHaveLength(1);
  });
});

/**
 * The update cycle through `plancheck` as a governance officer runs it (issue #15): forms made
 * from the bundled flat example (made from seed 000), filled in by a script as leads would in
 * Excel (only the cells the form leaves unlocked), merged back; the merge listed, exit codes,
 * the input never modified, the merged plan read back, and a second merge a no-op.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { fillForm } from '../helpers/forms';

const PLAN = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const cli = (...args: string[]) => runCli(args, '2020-06-10');

interface FormInfo {
  lead: string;
  file: string;
  actions: { sheet: string; row: number; description: string; percent: number | null }[];
}

/** Fills in a form file in place, as a lead would. */
async function answer(file: string, answers: { planRow: number; column: string; value: string | number }[]): Promise<void> {
  fs.writeFileSync(file, await fillForm(new Uint8Array(fs.readFileSync(file)), answers));
}

let dir: string;
let forms: FormInfo[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-cycle-'));
  const r = await cli('requests', PLAN, '-o', path.join(dir, 'forms'), '--reply-by', '2020-06-19', '--format', 'json');
  expect(r.code).toBe(0);
  forms = JSON.parse(r.out).forms;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('plancheck requests', () => {
  it('writes one form per lead, names safe, and lists the action nobody can be asked about', async () => {
    expect(forms.map((f) => path.basename(f.file))).toEqual(
      expect.arrayContaining(['update-j-craig.xlsx', 'update-r-mcculloch-graham.xlsx']),
    );
    for (const f of forms) expect(path.basename(f.file)).toMatch(/^[a-z0-9-]+\.xlsx$/);
    const text = await cli('requests', PLAN, '-o', path.join(dir, 'again'));
    expect(text.out).toMatch(/^Wrote 8 update forms to /);
    expect(text.out).toContain('1 action has no lead officer, so nobody can be asked:\n  Actions row 9  2 Raise visibility');
  });

  it('--lead makes one form; a lead the plan does not name is refused with exit 2, naming those it does', async () => {
    const one = await cli('requests', PLAN, '-o', path.join(dir, 'one'), '--lead', 'j craig', '--format', 'json');
    expect(JSON.parse(one.out).forms.map((f: FormInfo) => f.lead)).toEqual(['J Craig']);
    const none = await cli('requests', PLAN, '-o', path.join(dir, 'none'), '--lead', 'Nobody');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^plancheck: .*No lead officer "Nobody" has actions in action-plan-flat\.xlsx; leads: .*"J Craig"/);
    expect(fs.existsSync(path.join(dir, 'none'))).toBe(false);
  });
});

describe('plancheck merge', () => {
  let craig: FormInfo;
  let other: FormInfo;
  let shared: FormInfo['actions'][number];
  let merged: string;
  let first: { code: number; out: string };

  beforeAll(async () => {
    craig = forms.find((f) => f.lead === 'J Craig')!;
    // An action J Craig shares with another lead: both are asked, and they disagree.
    other = forms.find((f) => f !== craig && f.actions.some((a) => craig.actions.some((b) => b.row === a.row)))!;
    shared = other.actions.find((a) => craig.actions.some((b) => b.row === a.row))!;
    const own = craig.actions.filter((a) => !other.actions.some((b) => b.row === a.row));
    await answer(craig.file, [
      { planRow: own[0].row, column: '% Complete', value: 90 },
      { planRow: own[0].row, column: 'Status Update', value: 'Draft agreed by CMT on 8 June.' },
      { planRow: own[1].row, column: 'Revised Target Date', value: '30 Sep 20' },
      { planRow: own[2].row, column: '% Complete', value: 120 },
      { planRow: own[3].row, column: 'Revised Target Date', value: 'after the summer' },
      { planRow: shared.row, column: '% Complete', value: 50 },
    ]);
    await answer(other.file, [{ planRow: shared.row, column: '% Complete', value: 70 }]);
    merged = path.join(dir, 'merged.xlsx');
    const before = sha(PLAN);
    first = await cli('merge', PLAN, craig.file, other.file, '-o', merged, '--format', 'json');
    expect(sha(PLAN)).toBe(before);
  });

  it('applies what can be applied, lists the rest as conflicts, and exits 1', async () => {
    expect(first.code).toBe(1);
    const { changes, conflicts } = JSON.parse(first.out);
    const own = craig.actions.filter((a) => !other.actions.some((b) => b.row === a.row));
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lead: 'J Craig', sheet: 'Actions', row: own[0].row, field: 'percent', to: '90' }),
        expect.objectContaining({ lead: 'J Craig', row: own[0].row, field: 'status-update', to: 'Draft agreed by CMT on 8 June.' }),
        expect.objectContaining({ lead: 'J Craig', row: own[1].row, field: 'revised-target', to: '2020-09-30' }),
      ]),
    );
    const why = conflicts.map((c: { row: number; field: string; code: string }) => `${c.row} ${c.field} ${c.code}`);
    expect(why).toEqual(
      expect.arrayContaining([
        `${own[2].row} percent bad-percent`,
        `${own[3].row} revised-target unreadable-date`,
        `${shared.row} percent leads-disagree`,
      ]),
    );
    expect(changes.some((c: { row: number }) => c.row === shared.row)).toBe(false);
  });

  it('the merged plan reads back with the new values', async () => {
    const own = craig.actions.filter((a) => !other.actions.some((b) => b.row === a.row));
    const r = await cli('validate', merged, '--format', 'json');
    const actions = JSON.parse(r.out).actions as { row: number; percent: number | null; targetDate: string | null }[];
    expect(actions.find((a) => a.row === own[0].row)!.percent).toBe(90);
    expect(actions.find((a) => a.row === own[1].row)!.targetDate).toBe('2020-09-30');
    expect(actions.find((a) => a.row === shared.row)!.percent).toBe(shared.percent);
  });

  it('compare and summary --previous against the plan as it was show the cycle', async () => {
    const own = craig.actions.filter((a) => !other.actions.some((b) => b.row === a.row));
    const c = await cli('compare', PLAN, merged, '--format', 'json');
    const changes = JSON.parse(c.out).changes as { code: string; current: { row: number } | null }[];
    expect(changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'target-moved', current: expect.objectContaining({ row: own[1].row }) })]),
    );
    const pack = path.join(dir, 'pack.xlsx');
    const s = await cli('summary', merged, '--previous', PLAN, '-o', pack);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/with [1-9]\d* changes since 2020-06-01/);
  });

  it('merging the same returns into the merged plan changes nothing', async () => {
    const again = await cli('merge', merged, craig.file, other.file, '-o', path.join(dir, 'twice.xlsx'), '--format', 'json');
    expect(JSON.parse(again.out).changes).toEqual([]);
  });

  it('lists each change and conflict in words', async () => {
    const text = await cli('merge', PLAN, craig.file, '-o', path.join(dir, 'text.xlsx'));
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^Wrote .*text\.xlsx: \d+ changes, \d+ conflicts\.\nChanges:\n/);
    expect(text.out).toMatch(/% Complete: .* -> 90 {2}\(J Craig\)/);
    expect(text.out).toMatch(/bad-percent: % Complete 120 is outside 0-100/);
  });

  it('a workbook that is not a form is a conflict; a file that is not a workbook is exit 2; -o never overwrites the plan', async () => {
    const notForm = await cli(
      'merge',
      PLAN,
      PLAN.replace('action-plan-flat', 'action-plan-1904'),
      '-o',
      path.join(dir, 'x.xlsx'),
      '--format',
      'json',
    );
    expect(notForm.code).toBe(1);
    expect(JSON.parse(notForm.out).conflicts[0]).toMatchObject({ code: 'not-a-form', field: 'form' });
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a zip');
    const bad = await cli('merge', PLAN, junk, '-o', path.join(dir, 'y.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^plancheck: .*junk\.xlsx/);
    expect(fs.existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
    const same = await cli('merge', PLAN, craig.file, '-o', PLAN);
    expect(same.code).toBe(2);
  });
});

/**
 * `plancheck compare`, `owners` and `summary --previous --owners` on the example pairs built
 * from the seeds (examples/compare/), run as a user runs them: the built CLI in a child
 * process, the written workbooks read back.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ComparisonSchema } from '../../src/core/changes';
import { readBack, tmpDir } from '../helpers/fixtures';

const BIN = path.join(__dirname, '..', '..', 'bin', 'plancheck.js');
const EX = path.join(__dirname, '..', '..', 'examples');
const JUNE = path.join(EX, 'compare', 'action-plan-2020-06.xlsx');
const SEPT = path.join(EX, 'compare', 'action-plan-2020-09.xlsx');
const MC001 = path.join(EX, 'compare', 'strategic-summary-mc001.xlsx');
const MC002 = path.join(EX, 'strategic-summary-mc002.xlsx');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function compareJson(previous: string, current: string, extra: string[] = []) {
  const r = run(['compare', previous, current, '--format', 'json', ...extra]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return ComparisonSchema.parse(JSON.parse(r.out));
}

describe('plancheck compare: the action plan in June and in September 2020', () => {
  it('finds every change between the versions, and only those', () => {
    const c = compareJson(JUNE, SEPT);
    expect(c.previous).toEqual({ file: 'action-plan-2020-06.xlsx', asOf: '2020-06-01' });
    expect(c.current).toEqual({ file: 'action-plan-2020-09.xlsx', asOf: '2020-09-01' });
    // 22 actions before, 22 after: one removed, one added, the other 21 matched.
    expect(c.matched).toEqual({ workstreams: 4, actions: 21 });
    const rows = c.changes.map((x) => [
      x.code,
      x.kind,
      x.previous?.number ?? null,
      x.current?.number ?? null,
      x.item.slice(0, 30),
      x.from,
      x.to,
      x.days,
      x.times,
    ]);
    expect(rows).toEqual([
      // Moved: once by the Revised Target Date column, once twice (the cell says "revised from").
      ['target-moved', 'action', 2, 2, 'As part of regular Corporate M', '2020-06-30', '2020-09-30', 92, 1],
      ['target-moved', 'action', 1, 1, 'Continue the process of engage', '2020-06-30', '2020-12-31', 184, 2],
      // Due 30 June: not yet late at 1 June, late at 1 September.
      ['newly-overdue', 'action', 6, 5, 'Review Community Plan and Acti', null, '2020-06-30', 63, null],
      ['newly-overdue', 'action', 10, 9, 'Develop regular reporting of p', null, '2020-06-30', 63, null],
      ['newly-overdue', 'action', 2, 2, 'Hold 2 CMT meetings per quarte', null, '2020-06-30', 63, null],
      ['rag-worsened', 'action', 6, 5, 'Review Community Plan and Acti', 'Caution', 'Concern', null, null],
      ['rag-worsened', 'action', 10, 9, 'Develop regular reporting of p', 'Caution', 'Concern', null, null],
      ['rag-worsened', 'workstream', null, null, 'Establish a structured program', 'Caution', 'Concern', null, null],
      ['rag-worsened', 'action', 2, 2, 'Hold 2 CMT meetings per quarte', 'Caution', 'Concern', null, null],
      // The officer's RAG stayed Green while the dates moved or passed.
      ['green-while-slipping', 'action', 2, 2, 'As part of regular Corporate M', '2020-06-30', '2020-09-30', null, null],
      ['green-while-slipping', 'action', 6, 5, 'Review Community Plan and Acti', '2020-06-30', '2020-06-30', null, null],
      ['green-while-slipping', 'action', 1, 1, 'Continue the process of engage', '2020-06-30', '2020-12-31', null, null],
      ['progress-backwards', 'action', 6, 5, 'Review Community Plan and Acti', '30', '20', null, null],
      ['owner-changed', 'action', 3, 3, 'Incorporation of self-evaluati', 'D Robertson / J Craig', 'D Robertson', null, null],
      ['owner-changed', 'action', 2, 2, 'Hold 2 CMT meetings per quarte', 'J McDonald', 'C Hepburn', null, null],
      ['completed', 'action', 3, 3, 'Incorporation of self-evaluati', '60', '100', null, null],
      // The NHS Borders workstream was completed: the workstream and its five open actions.
      ['completed', 'workstream', null, null, 'Seek to improve partnership wo', null, null, null, null],
      ['completed', 'action', 2, 2, 'Raise visibility of key polici', '50', '100', null, null],
      ['completed', 'action', 3, 3, 'Explore co location and shared', '20', '100', null, null],
      ['completed', 'action', 4, 4, 'Enhance governance arrangement', '60', '100', null, null],
      ['completed', 'action', 5, 5, 'Develop a model for localities', '30', '100', null, null],
      ['completed', 'action', 6, 6, 'Ensure a joint financial and s', '50', '100', null, null],
      ['completed', 'action', 3, 3, 'Develop a communications plan ', '40', '100', null, null],
      ['rag-improved', 'workstream', null, null, 'Embed a culture of Continuous ', 'Concern', 'Caution', null, null],
      // Action 2 of the CPP workstream was dropped and the rest renumbered.
      ['renumbered', 'action', 3, 2, 'Use the experience of the budg', '3', '2', null, null],
      ['renumbered', 'action', 4, 3, 'Promote the #your part campaig', '4', '3', null, null],
      ['renumbered', 'action', 5, 4, 'Undertake an organisational re', '5', '4', null, null],
      ['renumbered', 'action', 6, 5, 'Review Community Plan and Acti', '6', '5', null, null],
      ['renumbered', 'action', 7, 6, 'Completion of Locality Plans a', '7', '6', null, null],
      ['renumbered', 'action', 8, 7, 'Promote stakeholder engagement', '8', '7', null, null],
      ['renumbered', 'action', 9, 8, 'Community Empowerment Act to b', '9', '8', null, null],
      ['renumbered', 'action', 10, 9, 'Develop regular reporting of p', '10', '9', null, null],
      ['new', 'action', null, 10, 'Publish an annual Community En', null, null, null, null],
      ['removed', 'action', 2, null, 'Conduct a review of the operat', null, null, null, null],
    ]);
    // Renumbered and reworded: matched by the closest description, and it says so.
    const promote = c.changes.find((x) => x.code === 'renumbered' && x.item.startsWith('Promote stakeholder'))!;
    expect(promote.message).toBe('Renumbered from 8 to 7 (matched by its description, which was reworded).');
    // Reworded with the same number: matched by number, no change reported for the wording.
    expect(c.changes.filter((x) => x.item.startsWith('Enhance governance')).map((x) => x.code)).toEqual(['completed']);
  });

  it('prints the changes for people, with rows in each version', () => {
    const r = run(['compare', JUNE, SEPT]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Previous as of 1 Jun 20; current as of 1 Sep 20.');
    expect(r.out).toContain('Matched 4 workstreams and 21 actions: 2 target dates moved, 3 newly overdue, 4 RAGs worsened');
    expect(r.out).toContain('Target date moved from 30 Jun 20 to 31 Dec 20 (184 days later; moved 2 times).');
    expect(r.out).toContain('Lead changed from J McDonald to C Hepburn.');
    expect(r.out).toMatch(/was Actions!row 15 +Action 2 of "Improve how the Community Planning Pa\.\.\.": Conduct a review/);
  });

  it('--as-of moves only the current version: the previous one is still judged at its own Report Date', () => {
    const r = run(['compare', JUNE, SEPT, '--as-of', '2020-10-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Previous as of 1 Jun 20; current as of 1 Oct 20.');
    expect(r.out).toMatch(/\d+ newly overdue/);
  });

  it('refuses the same file twice and an unreadable file, with exit 2 and one line', () => {
    const same = run(['compare', JUNE, JUNE]);
    expect(same.code).toBe(2);
    expect(same.err.trim().split('\n')).toHaveLength(1);
    expect(same.err).toContain('two different files');
    const missing = run(['compare', JUNE, path.join(EX, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.xlsx');
    expect(missing.err).not.toMatch(/\n\s+at /);
  });
});

describe('output to a reader that stops early', () => {
  it('`plancheck compare … | head` ends quietly: no stack trace, exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'compare', JUNE, SEPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before PlanCheck writes: its first write meets a broken pipe.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('plancheck compare: committee MC 001 and MC 002 (seed 002)', () => {
  it("finds the moved target dates the seed's Decisions and Change Requests record, the new lead and the slip in attainment", () => {
    const c = compareJson(MC001, MC002);
    expect(c.previous.asOf).toBe('2020-12-01');
    expect(c.current.asOf).toBe('2021-03-01');
    expect(c.matched).toEqual({ workstreams: 9, actions: 0 });
    expect(c.changes.map((x) => [x.code, x.item, x.from, x.to])).toEqual([
      ['target-moved', 'Increase the pace of Transformational Change', '2021-04-30', '2021-05-31'],
      ['target-moved', 'Continue to progress the Governance Review', '2021-03-31', '2021-04-30'],
      ['progress-backwards', 'Improve Educational Attainment', '45', '40'],
      ['owner-changed', 'Financial Planning', 'DCE (ECOD)', 'DCE (EEF)'],
    ]);
  });
});

describe('plancheck summary --previous --owners', () => {
  it('adds "Changes since last report", change requests in the (C) style and an Owners sheet', async () => {
    const out = path.join(tmpDir(), 'committee pack.xlsx');
    const r = run(['summary', MC002, '--previous', MC001, '--owners', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('with 4 changes since 2020-12-01');
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(['MC 002', 'Strategic Summary', 'Owners']);
    const texts: string[] = [];
    sheets.get('Strategic Summary')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Changes since last report (1 Dec 20): 2 target dates moved, 1 went backwards, 1 owner changed');
    // The seed's own change request is kept, and each moved date adds one with its old and new date.
    expect(texts.some((t) => t.startsWith('(C) Improve satisfaction levels in Housing: Extend completion date'))).toBe(true);
    expect(texts).toContain('(C) Increase the pace of Transformational Change: extend the target date from April 2021 to May 2021.');
    expect(texts).toContain('(C) Continue to progress the Governance Review: extend the target date from March 2021 to April 2021.');
    expect(texts).toContain('Lead changed from DCE (ECOD) to DCE (EEF).');
    const owners: string[] = [];
    sheets.get('Owners')!.eachRow((row) => owners.push(row.values ? (row.values as unknown[]).slice(1, 3).join(' | ') : ''));
    expect(owners[0]).toContain('Actions to chase, by lead officer, as at 1 Mar 21');
    expect(owners).toContain('Lead | Why');
  });
});

describe('plancheck owners', () => {
  it("lists each lead's overdue, due-soon and unclear actions with cells, most overdue first", () => {
    const r = run(['owners', SEPT]);
    expect(r.code).toBe(0);
    const blocks = r.out.trim().split('\n\n');
    expect(blocks[0]).toBe('J Craig: 3 overdue, 1 due soon, 4 unclear (as of 1 Sep 20)');
    expect(r.out).toContain('C Hepburn: 1 overdue (as of 1 Sep 20)');
    expect(r.out).toContain(
      '- Action 2 of "Establish a structured programme of ongoing sta...": Hold 2 CMT meetings per quarter in council premises outwith HQ. (target 30 Jun 20, 50% done) [Actions!D25]',
    );
    expect(r.out).toMatch(
      /- Action 4 of "Improve how the Community Planning Partnership\.\.\." \(target date\): "ТВС" contains 3 Cyrillic characters.* \[Actions!D17\]/,
    );
  });

  it('--lead narrows to one officer, any case; an unknown lead is a clear error', () => {
    const r = run(['owners', SEPT, '--lead', 'c hepburn', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { owners: { lead: string; overdue: { cell: string }[] }[] };
    expect(json.owners.map((o) => o.lead)).toEqual(['C Hepburn']);
    expect(json.owners[0].overdue.map((i) => i.cell)).toEqual(['D25']);
    const bad = run(['owners', SEPT, '--lead', 'Nobody']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('No lead officer "Nobody"');
    expect(bad.err).toContain('"J Craig"');
  });
});

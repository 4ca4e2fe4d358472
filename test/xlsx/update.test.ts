/**
 * The update cycle on real files (issue #15): forms built from the examples are written as
 * .xlsx and read back by PlanCheck, SheetJS and ExcelJS; then a whole cycle: forms filled in by
 * a script as leads would (only their unlocked cells), merged into the plan, the merged plan
 * re-checked, every untouched cell and part compared with the input, and a second merge a no-op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import type { RawCell, WorkbookGrid } from '../../src/core/cell';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { isoToSerial } from '../../src/core/parse/dates';
import { resolveSettings } from '../../src/core/settings';
import {
  type CellEdit,
  FORM_COLUMNS,
  FORM_STATUS_WORDS,
  KEY_COLUMNS,
  buildRequests,
  planMerge,
  readReturn,
  type RequestForm,
} from '../../src/core/update';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { buildFormWorkbook } from '../../src/workbook/xlsx/form';
import { partText } from '../../src/workbook/xlsx/zip';
import { sheet, workbook } from '../helpers/grid';
import { assertAllWellFormed, book } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const settings = resolveSettings({});
const TODAY = '2020-10-01';

async function open(bytes: Uint8Array): Promise<{ wb: XlsxWorkbook; grid: WorkbookGrid; result: CheckResult }> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const grid = await wb.readGrid();
  return { wb, grid, result: checkWorkbook(grid, { file: 'plan.xlsx', today: TODAY, settings }) };
}

const example = (name: string) => new Uint8Array(readFileSync(join(EXAMPLES, name)));

/** A form row's Excel row, by the plan row it is for. */
function formRow(form: RequestForm, planRow: number): number {
  const i = form.actions.findIndex((a) => a.row === planRow);
  if (i < 0) throw new Error(`row ${planRow} is not on ${form.lead}'s form`);
  return 10 + i;
}

/** Column index of a form column by its header. */
const COLUMN = Object.fromEntries([...FORM_COLUMNS, ...KEY_COLUMNS].map((h, i) => [h, i])) as Record<string, number>;

/** Fills in a form's bytes as a lead in Excel would: only unlocked cells can be typed in. */
async function fillForm(
  bytes: Uint8Array,
  form: RequestForm,
  answers: { row: number; col: string; value: string | number; format?: string }[],
) {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const edits: CellEdit[] = answers.map((a) => ({
    sheet: 'Update',
    row: formRow(form, a.row),
    col: COLUMN[a.col],
    value: a.value,
    ...(a.format ? { format: a.format } : {}),
  }));
  await wb.editCells(edits, { onProtected: 'unlocked-only' });
  return wb.toBytes();
}

describe('forms built from the examples', () => {
  // The file, its number of leads, and the answers its plan has a column for (the rest are locked).
  const cases: [string, number, string[]][] = [
    ['action-plan-flat.xlsx', 8, ['D', 'F', 'G']],
    ['compare/action-plan-2020-09.xlsx', 6, ['D', 'F']],
    ['best-value-action-plan.xlsx', 8, ['F']],
  ];

  it.each(cases)('%s: one readable, protected, validated form per lead', async (file, count, inputs) => {
    const { result } = await open(example(file));
    const set = buildRequests(result, { planFile: file, replyBy: '2020-10-15' });
    expect(set.forms).toHaveLength(count);
    for (const form of set.forms) {
      expect(form.file).toMatch(/^update-[a-z0-9]+(-[a-z0-9]+)*\.xlsx$/);
      const bytes = buildFormWorkbook(form.spec);
      // PlanCheck reads it back: the keys name each action's place in the plan.
      const back = readReturn(await (await open(bytes)).wb.readGrid());
      if (!back.ok) throw new Error(back.message);
      expect(back.lead).toBe(form.lead);
      expect(back.replyBy).toBe('2020-10-15');
      expect(back.rows.map((r) => [r.sheet, r.row, r.number, r.description])).toEqual(
        form.actions.map((a) => [a.sheet, a.row, a.number, a.description]),
      );
      // SheetJS reads the same cells, the header exactly, the key columns hidden.
      const sj = XLSX.read(bytes, { type: 'array', cellStyles: true });
      expect(sj.SheetNames).toEqual(['Update']);
      const ws = sj.Sheets.Update;
      expect([...FORM_COLUMNS, ...KEY_COLUMNS].map((_, c) => ws[XLSX.utils.encode_cell({ r: 8, c })]?.v)).toEqual([
        ...FORM_COLUMNS,
        ...KEY_COLUMNS,
      ]);
      expect((ws['!cols'] ?? []).map((c) => Boolean(c?.hidden))).toEqual([
        ...FORM_COLUMNS.map(() => false),
        ...KEY_COLUMNS.map(() => true),
      ]);
      form.actions.forEach((a, i) => {
        expect(ws[XLSX.utils.encode_cell({ r: 9 + i, c: COLUMN['Key: Description'] })]).toMatchObject({ t: 's', v: a.description });
        expect(ws[XLSX.utils.encode_cell({ r: 9 + i, c: COLUMN['Key: Row'] })]).toMatchObject({ t: 'n', v: a.row });
      });
      // ExcelJS reads the validations, the protection and which cells are unlocked.
      const ej = new ExcelJS.Workbook();
      await ej.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const sheet = ej.getWorksheet('Update')!;
      const first = 10;
      const kind: Record<string, string> = { D: 'whole', E: 'list', F: 'date' };
      const kinds = ['D', 'E', 'F'].map((c) => sheet.getCell(`${c}${first}`).dataValidation?.type).filter(Boolean);
      expect(kinds).toEqual(inputs.filter((c) => kind[c]).map((c) => kind[c]));
      if (inputs.includes('D'))
        expect(sheet.getCell(`D${first}`).dataValidation).toMatchObject({ operator: 'between', formulae: [0, 100] });
      const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true });
      expect(protection.password).toBeUndefined();
      // Only the answer cells the plan has a column for are unlocked.
      const unlocked = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'O'].filter(
        (c) => sheet.getCell(`${c}${first}`).protection?.locked === false,
      );
      expect(unlocked).toEqual(inputs);
      // The XML says what Excel needs, in the raw parts SheetJS unzipped.
      const xml = new TextDecoder().decode(
        XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml')!.content as Uint8Array,
      );
      expect(xml).toMatch(/<sheetProtection sheet="1" objects="1" scenarios="1"\/>/);
      expect(xml).not.toMatch(/password/i);
      expect(xml).toMatch(/<col min="8" max="8" width="14" customWidth="1" hidden="1"\/>/);
    }
  });

  it('a plan with a Status column gets the status list, which ExcelJS reads', async () => {
    const grid = workbook(
      sheet('Plan', [
        ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete', 'Status', 'Update'],
        ['Finance', 1, 'Draft the strategy', '31 Mar 21', 'J Craig', 10, 'In Progress', 'Drafting'],
      ]),
    );
    const result = checkWorkbook(grid, { file: 'p.xlsx', today: TODAY, settings });
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(
      Buffer.from(buildFormWorkbook(buildRequests(result, { planFile: 'p.xlsx' }).forms[0].spec)) as unknown as ArrayBuffer,
    );
    const ws = ej.getWorksheet('Update')!;
    expect(ws.getCell('E10').dataValidation).toMatchObject({ type: 'list', formulae: [`"${FORM_STATUS_WORDS.join(',')}"`] });
    expect(ws.getCell('E10').value).toBe('In Progress');
    expect(['D', 'E', 'F', 'G'].map((c) => ws.getCell(`${c}10`).protection?.locked)).toEqual([false, false, false, false]);
  });

  it('plan text stays text in the form, even when it starts with "=" (SheetJS sees strings, no formulas)', async () => {
    const grid = workbook(
      sheet('Plan', [
        ['Workstream', 'No.', 'Action', 'Target Date', 'Owner', '% Complete', 'Commentary'],
        ['=HYPERLINK("http://x")', 1, '=1+1 is not the action', '31 Mar 21', 'J Craig', 10, '=cmd|"/c calc"!A1'],
      ]),
    );
    const result = checkWorkbook(grid, { file: 'p.xlsx', today: TODAY, settings });
    const bytes = buildFormWorkbook(buildRequests(result, { planFile: 'p.xlsx' }).forms[0].spec);
    const ws = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets.Update;
    for (const ref of ['A10', 'B10', 'G10', 'K10', 'O10']) {
      expect(ws[ref].t).toBe('s');
      expect(ws[ref].f).toBeUndefined();
      expect(String(ws[ref].v)).toMatch(/=/);
    }
    const back = readReturn(await XlsxWorkbook.fromBytes(bytes).readGrid());
    expect(back.ok && back.rows[0].sent.update).toBe('=cmd|"/c calc"!A1');
  });
});

/** Every cell of every sheet, as "Sheet!A1" -> cell. */
function cellsOf(grid: WorkbookGrid): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  for (const s of grid.sheets)
    s.rows.forEach((r, i) => r?.forEach((c, j) => c && out.set(`${s.name}!${XLSX.utils.encode_cell({ r: i, c: j })}`, c)));
  return out;
}

describe('a whole update cycle on the flat example', () => {
  it('forms made, filled in by leads, merged; the merged plan re-checks with the new values; untouched cells and parts are as they were; merging again changes nothing', async () => {
    const input = example('action-plan-flat.xlsx');
    const { result } = await open(input);
    const set = buildRequests(result, { planFile: 'action-plan-flat.xlsx', replyBy: '2020-10-15' });
    const form = (lead: string) => set.forms.find((f) => f.lead === lead)!;
    const bytes = new Map(set.forms.map((f) => [f.lead, buildFormWorkbook(f.spec)]));
    const serial = (iso: string) => isoToSerial(iso, false);

    // A locked cell cannot be typed in: the lead's form is protected.
    await expect(fillForm(bytes.get('J Craig')!, form('J Craig'), [{ row: 14, col: 'Workstream', value: 'x' }])).rejects.toThrow(
      WorkbookError,
    );
    // The flat plan has no Status column: its Status cells are locked too.
    await expect(fillForm(bytes.get('J Craig')!, form('J Craig'), [{ row: 14, col: 'Status', value: 'Complete' }])).rejects.toThrow(
      /locked/,
    );

    const craig = await fillForm(bytes.get('J Craig')!, form('J Craig'), [
      { row: 14, col: '% Complete', value: 90 }, // progress
      { row: 16, col: 'Revised Target Date', value: serial('2020-12-31'), format: 'd mmm yyyy' }, // a moved date
      { row: 17, col: 'Status Update', value: 'Campaign relaunched in October' },
      { row: 19, col: '% Complete', value: 120 }, // a bad percentage
      { row: 20, col: 'Revised Target Date', value: 'next spring' }, // a date nobody can read
      { row: 21, col: '% Complete', value: 55 }, // a row reworded in the plan since
      { row: 7, col: '% Complete', value: 50 }, // a formula cell in the plan
    ]);
    const hepburn = await fillForm(bytes.get('C Hepburn')!, form('C Hepburn'), [{ row: 8, col: '% Complete', value: 60 }]);
    const smythe = await fillForm(bytes.get('J Smythe')!, form('J Smythe'), [{ row: 8, col: '% Complete', value: 70 }]); // they disagree
    const mcc = await fillForm(bytes.get('R McCulloch-Graham')!, form('R McCulloch-Graham'), [
      { row: 13, col: '% Complete', value: 30 },
      { row: 13, col: 'Status Update', value: '=Plan endorsed by the IJB in September' },
    ]);
    const unchanged = bytes.get('M Joyce')!;

    // Since the forms went out, the governance officer reworded action 8 of the community workstream (row 21).
    const planWb = XlsxWorkbook.fromBytes(input);
    await planWb.editCells([
      { sheet: 'Actions', row: 21, col: 2, value: 'Promote stakeholder engagement through Area Partnerships and the new locality forums.' },
    ]);
    const planNow = planWb.toBytes();
    const before = await open(planNow);

    const returns = await Promise.all(
      (
        [
          ['update-j-craig.xlsx', craig],
          ['update-c-hepburn.xlsx', hepburn],
          ['update-j-smythe.xlsx', smythe],
          ['update-r-mcculloch-graham.xlsx', mcc],
          ['update-m-joyce.xlsx', unchanged],
        ] as [string, Uint8Array][]
      ).map(async ([fileName, b]) => ({ fileName, form: readReturn(await XlsxWorkbook.fromBytes(b).readGrid()) })),
    );
    const t0 = performance.now();
    const m = planMerge(before.result, returns, { grid: before.grid });
    const merged = XlsxWorkbook.fromBytes(planNow);
    await merged.editCells(m.edits);
    const out = merged.toBytes();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);

    expect(m.changes).toEqual([
      { lead: 'R McCulloch-Graham', sheet: 'Actions', row: 13, field: 'percent', cell: 'G13', from: '10', to: '30' },
      {
        lead: 'R McCulloch-Graham',
        sheet: 'Actions',
        row: 13,
        field: 'status-update',
        cell: 'I13',
        from: null,
        to: '=Plan endorsed by the IJB in September',
      },
      { lead: 'J Craig', sheet: 'Actions', row: 14, field: 'percent', cell: 'G14', from: '80', to: '90' },
      { lead: 'J Craig', sheet: 'Actions', row: 16, field: 'revised-target', cell: 'D16', from: '2020-10-31', to: '2020-12-31' },
      { lead: 'J Craig', sheet: 'Actions', row: 17, field: 'status-update', cell: 'I17', from: null, to: 'Campaign relaunched in October' },
    ]);
    expect(m.conflicts.map((c) => [c.code, c.lead, c.row, c.field])).toEqual([
      ['formula-cell', 'J Craig', 7, 'percent'],
      ['leads-disagree', 'C Hepburn', 8, 'percent'],
      ['leads-disagree', 'J Smythe', 8, 'percent'],
      ['bad-percent', 'J Craig', 19, 'percent'],
      ['unreadable-date', 'J Craig', 20, 'revised-target'],
      ['row-moved', 'J Craig', 21, 'row'],
    ]);

    // The merged plan, re-checked, shows the new values; the old target date is in a note.
    const after = await open(out);
    const action = (row: number) => after.result.report.actions.find((a) => a.row === row)!;
    expect([action(13).percent, action(14).percent, action(16).targetDate]).toEqual([30, 90, '2020-12-31']);
    const sj = XLSX.read(out, { type: 'array', cellFormula: true, cellNF: true });
    const ws = sj.Sheets.Actions;
    expect(ws.D16).toMatchObject({ t: 'n', v: serial('2020-12-31'), z: 'd-mmm-yy' });
    expect(ws.I13).toMatchObject({ t: 's', v: '=Plan endorsed by the IJB in September' });
    expect(ws.I13.f).toBeUndefined();
    expect((ws.D16.c as { t: string }[]).map((c) => c.t).join('')).toMatch(
      /Target date was 31 Oct 20; moved to 31 Dec 20 in J Craig's update\./,
    );

    // Every other cell is as it was, format included.
    const edited = new Set(m.edits.map((e) => `${e.sheet}!${XLSX.utils.encode_cell({ r: e.row - 1, c: e.col })}`));
    const was = cellsOf(before.grid);
    const now = cellsOf(after.grid);
    for (const [ref, cell] of was) if (!edited.has(ref)) expect([ref, now.get(ref)]).toEqual([ref, cell]);
    for (const ref of now.keys()) if (!edited.has(ref)) expect(was.has(ref)).toBe(true);
    // Every part but the sheet and the new notes' parts keeps its exact bytes.
    const inPkg = XlsxWorkbook.fromBytes(planNow).pkg;
    const outPkg = XlsxWorkbook.fromBytes(out).pkg;
    const changedParts = [...outPkg.entries.keys()].filter((n) => {
      const a = inPkg.entries.get(n)?.data;
      const b = outPkg.entries.get(n)!.data;
      return !a || a.length !== b.length || a.some((x, i) => x !== b[i]);
    });
    expect(changedParts.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    expect([...inPkg.entries.keys()].every((n) => outPkg.entries.has(n))).toBe(true);
    expect(partText(outPkg, 'xl/sharedStrings.xml')).toBe(partText(inPkg, 'xl/sharedStrings.xml'));

    // The same returns merged into the merged plan change nothing.
    const again = planMerge(after.result, returns, { grid: after.grid });
    expect(again.changes).toEqual([]);
    expect(again.edits).toEqual([]);
    expect(again.conflicts.map((c) => c.code)).toEqual(m.conflicts.map((c) => c.code));
  });

  it('a revised date goes into the plan’s Revised Target Date column where it has one', async () => {
    const input = example('compare/action-plan-2020-09.xlsx');
    const { result, grid } = await open(input);
    const set = buildRequests(result, { planFile: 'action-plan-2020-09.xlsx' });
    const craig = set.forms.find((f) => f.lead === 'J Craig')!;
    const filled = await fillForm(buildFormWorkbook(craig.spec), craig, [
      { row: 14, col: 'Revised Target Date', value: isoToSerial('2021-01-31', false), format: 'd mmm yyyy' },
      { row: 14, col: '% Complete', value: 65 },
    ]);
    const m = planMerge(result, [{ fileName: craig.file, form: readReturn(await XlsxWorkbook.fromBytes(filled).readGrid()) }], { grid });
    expect(m.changes.map((c) => [c.field, c.cell, c.from, c.to])).toEqual([
      ['percent', 'G14', '50', '65'],
      ['revised-target', 'E14', '2020-04-30', '2021-01-31'],
    ]);
    expect(m.conflicts).toEqual([]);
    expect(m.edits.find((e) => e.col === 4)).toEqual({
      sheet: 'Actions',
      row: 14,
      col: 4,
      value: isoToSerial('2021-01-31', false),
      format: 'd-mmm-yy',
    });
    const wb = XlsxWorkbook.fromBytes(input);
    await wb.editCells(m.edits);
    const after = await open(wb.toBytes());
    const a = after.result.report.actions.find((x) => x.row === 14)!;
    expect([a.percent, a.targetDate, a.targetHistory]).toEqual([65, '2021-01-31', ['2020-04-30']]);
    expect(XLSX.read(wb.toBytes(), { type: 'array', cellNF: true }).Sheets.Actions.E14).toMatchObject({ t: 'n', z: 'd-mmm-yy' });
  });
});

describe('editCells', () => {
  const plan = () =>
    XlsxWorkbook.fromBytes(
      book({
        sheets: [
          {
            name: 'Plan',
            // Cells without r= (position implied), a formula, a styled percent cell.
            xml: '<row r="2"><c r="A2" t="s"><v>0</v></c><c><v>5</v></c><c s="1"><v>0.4</v></c></row><row r="4"><c r="C4"><f>1+1</f><v>2</v></c></row>',
          },
        ],
        sharedStrings: ['Draft'],
        styles: { xfs: [0, 9] },
      }),
    );

  it('replaces values keeping the style, creates cells and rows in order, and writes text as text', async () => {
    const wb = plan();
    await wb.editCells([
      { sheet: 'Plan', row: 2, col: 1, value: 6 },
      { sheet: 'Plan', row: 2, col: 2, value: 0.55 },
      { sheet: 'Plan', row: 2, col: 4, value: '=not a formula' },
      { sheet: 'Plan', row: 3, col: 0, value: 'new row' },
      { sheet: 'Plan', row: 6, col: 1, value: 0.1, format: '0%' },
    ]);
    const bytes = wb.toBytes();
    assertAllWellFormed(XlsxWorkbook.fromBytes(bytes));
    const ws = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true }).Sheets.Plan;
    expect([ws.A2.v, ws.B2.v, ws.C2.v, ws.C2.z, ws.E2.v, ws.E2.t, ws.E2.f, ws.A3.v, ws.C4.f, ws.B6.v, ws.B6.z]).toEqual([
      'Draft',
      6,
      0.55,
      '0%',
      '=not a formula',
      's',
      undefined,
      'new row',
      '1+1',
      0.1,
      '0%',
    ]);
    const xml = partText(wb.pkg, 'xl/worksheets/sheet1.xml')!;
    expect(xml).toMatch(
      /<row r="2"><c r="A2" t="s"><v>0<\/v><\/c><c r="B2"><v>6<\/v><\/c><c r="C2" s="1"><v>0.55<\/v><\/c><c r="E2" t="inlineStr">/,
    );
    expect(xml.indexOf('<row r="3">')).toBeLessThan(xml.indexOf('<row r="4">'));
  });

  it('refuses a formula cell, a protected sheet and an unknown sheet, changing nothing', async () => {
    for (const [edit, code] of [
      [{ sheet: 'Plan', row: 4, col: 2, value: 3 }, 'invalid-spec'],
      [{ sheet: 'Nope', row: 1, col: 0, value: 3 }, 'unknown-sheet'],
    ] as [CellEdit, string][]) {
      const wb = plan();
      const before = wb.toBytes();
      await expect(wb.editCells([{ sheet: 'Plan', row: 2, col: 1, value: 9 }, edit])).rejects.toMatchObject({ code });
      expect(wb.toBytes()).toEqual(before);
    }
    const form = XlsxWorkbook.fromBytes(
      buildFormWorkbook(
        buildRequests(
          checkWorkbook(
            workbook(
              sheet('P', [
                ['Action', 'Owner'],
                ['A', 'J Craig'],
              ]),
            ),
            { file: 'p', today: TODAY, settings },
          ),
          { planFile: 'p' },
        ).forms[0].spec,
      ),
    );
    await expect(form.editCells([{ sheet: 'Update', row: 10, col: 3, value: 5 }])).rejects.toMatchObject({ code: 'protected' });
  });
});

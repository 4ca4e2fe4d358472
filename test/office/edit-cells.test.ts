/** OfficeWorkbook.editCells (the merge of returned update forms in Excel) against the strict fake. */
import type { CellEdit } from '../../src/core/update';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { WorkbookError } from '../../src/workbook/port';
import { FakeExcel, PAYLOAD_LIMIT } from '../fakes/excel';

/** A plan sheet: text, percent, date and plain cells, as a council's tracker has them. */
function setup(version = '1.20') {
  const excel = new FakeExcel();
  excel.apiVersion = version;
  const ws = excel.model.addSheet('Actions').setValues(
    [
      ['No.', 'Action', 'Target Date', '% Complete', 'Status', 'Status Update', 'Progress'],
      [1, 'Adopt PSIF', 43921, 0.2, 'In Progress', 'Started', '20%'],
      [2, 'Review budget', 'Mar 2021', 0.5, 'In Progress', 'Drafted', '50%'],
    ],
    { C2: 'd mmm yy', D2: '0%', D3: '0%', F2: 'General' },
  );
  ws.cell(1, 5).bold = true;
  ws.cell(1, 5).fill = { color: '#FFF2CC', pattern: 'Solid' };
  const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
  return { excel, ws, wb };
}

const snapshot = (excel: FakeExcel) =>
  JSON.stringify(excel.model.sheets.map((s) => [s.name, [...s.cells.entries()], [...s.notes.entries()]]));

describe('OfficeWorkbook.editCells', () => {
  it("writes each value and keeps the cell's formats; text stays text, even when it looks like a formula, a percentage or a date", async () => {
    const { ws, wb } = setup();
    await wb.editCells([
      { sheet: 'Actions', row: 2, col: 3, value: 0.6 },
      { sheet: 'Actions', row: 2, col: 4, value: 'Complete' },
      { sheet: 'Actions', row: 2, col: 5, value: '=SUM(A1:A9) is not a formula' },
      { sheet: 'Actions', row: 3, col: 6, value: '75%' },
      { sheet: 'Actions', row: 3, col: 2, value: '30/06/2021' },
    ]);
    expect(ws.peek(1, 3)).toMatchObject({ value: 0.6, numberFormat: '0%' });
    expect(ws.peek(1, 4)!.value).toBe('Complete');
    const update = ws.peek(1, 5)!;
    expect(update).toMatchObject({ value: '=SUM(A1:A9) is not a formula', formula: undefined, numberFormat: 'General', bold: true });
    expect(update.fill).toEqual({ color: '#FFF2CC', pattern: 'Solid' });
    expect(ws.peek(2, 6)).toMatchObject({ value: '75%', numberFormat: 'General' });
    expect(ws.peek(2, 2)).toMatchObject({ value: '30/06/2021', numberFormat: 'General' });
  });

  it("gives a date the edit's format only where the cell does not already show a date", async () => {
    const { ws, wb } = setup();
    await wb.editCells([
      { sheet: 'Actions', row: 2, col: 2, value: 44377, format: 'dd/mm/yyyy' },
      { sheet: 'Actions', row: 2, col: 7, value: 44377, format: 'dd/mm/yyyy' },
    ]);
    // C2 shows dates already ("d mmm yy"): its own format stays; H2 was empty and General.
    expect(ws.peek(1, 2)).toMatchObject({ value: 44377, numberFormat: 'd mmm yy' });
    expect(ws.peek(1, 7)).toMatchObject({ value: 44377, numberFormat: 'dd/mm/yyyy' });
  });

  it('adds a note (ExcelApi 1.18), or adds to the note already on the cell', async () => {
    const { ws, wb } = setup('1.18');
    ws.notes.set('C3', 'Agreed at committee.');
    await wb.editCells([
      { sheet: 'Actions', row: 2, col: 2, value: 44377, note: "Target date was 31 Mar 20; moved to 30 Jun 21 in J Craig's update." },
      { sheet: 'Actions', row: 3, col: 2, value: 'Jun 2021', note: "Target date was Mar 2021; moved to Jun 2021 in R Graham's update." },
    ]);
    expect(ws.notes.get('C2')).toBe("Target date was 31 Mar 20; moved to 30 Jun 21 in J Craig's update.");
    expect(ws.notes.get('C3')).toBe("Agreed at committee.\nTarget date was Mar 2021; moved to Jun 2021 in R Graham's update.");
    expect(ws.peek(2, 2)!.value).toBe('Jun 2021');
  });

  it('on an Excel without notes (before ExcelApi 1.18) refuses an edit that needs one and changes nothing; edits without notes go in', async () => {
    const { excel, ws, wb } = setup('1.17');
    const before = snapshot(excel);
    const edits: CellEdit[] = [
      { sheet: 'Actions', row: 2, col: 3, value: 0.9 },
      { sheet: 'Actions', row: 2, col: 2, value: 44377, note: 'Target date was 31 Mar 20.' },
    ];
    await expect(wb.editCells(edits)).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/cannot add notes.*Actions!C2.*Untick that change/),
    });
    expect(snapshot(excel)).toBe(before);
    await wb.editCells([edits[0]]);
    expect(ws.peek(1, 3)!.value).toBe(0.9);
  });

  it('refuses a protected sheet before writing anything', async () => {
    const { excel, wb } = setup();
    excel.model.addSheet('Other').setValues([['x']]);
    excel.model.sheet('Other')!.protected = true;
    const before = snapshot(excel);
    const done = wb.editCells([
      { sheet: 'Actions', row: 2, col: 3, value: 0.9 },
      { sheet: 'Other', row: 1, col: 0, value: 'y' },
    ]);
    await expect(done).rejects.toBeInstanceOf(WorkbookError);
    await expect(done).rejects.toMatchObject({
      code: 'protected',
      message: expect.stringMatching(/protected sheet "Other", so nothing was changed/),
    });
    expect(snapshot(excel)).toBe(before);
  });

  it('refuses a cell that holds a formula (typed since the preview, say) before writing anything', async () => {
    const { excel, ws, wb } = setup();
    Object.assign(ws.cell(2, 3), { value: 0.5, formula: '=B9/B10' });
    const before = snapshot(excel);
    await expect(
      wb.editCells([
        { sheet: 'Actions', row: 2, col: 3, value: 0.9 },
        { sheet: 'Actions', row: 3, col: 3, value: 0.7 },
      ]),
    ).rejects.toMatchObject({ code: 'changed', message: expect.stringMatching(/^Actions!D3 holds a formula now.*nothing was changed/) });
    expect(snapshot(excel)).toBe(before);
  });

  it('refuses a sheet that is gone', async () => {
    const { wb } = setup();
    await expect(wb.editCells([{ sheet: 'Gone', row: 1, col: 0, value: 'x' }])).rejects.toMatchObject({ code: 'unknown-sheet' });
  });

  it('is one undo step where ExcelApi 1.20 allows, waits while the user types, and says so', async () => {
    for (const [version, undo] of [
      ['1.20', true],
      ['1.19', false],
    ] as const) {
      const { excel, wb } = setup(version);
      excel.runOptions = [];
      const outcome = await wb.editCells([{ sheet: 'Actions', row: 2, col: 3, value: 0.9 }]);
      expect(outcome).toEqual({ oneUndoStep: undo });
      expect(excel.runOptions).toEqual([undo ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true }]);
    }
  });

  it('waits for the user to leave a cell instead of failing', async () => {
    const { excel, ws, wb } = setup();
    excel.model.cellEditing = true;
    const done = wb.editCells([{ sheet: 'Actions', row: 2, col: 3, value: 0.9 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(ws.peek(1, 3)!.value).toBe(0.2);
    excel.model.exitCellEdit();
    await done;
    expect(ws.peek(1, 3)!.value).toBe(0.9);
  });

  it('keeps every batch under 5 MB: long status updates go in several syncs', async () => {
    const { excel, ws, wb } = setup();
    const text = 'x'.repeat(30000);
    const edits: CellEdit[] = Array.from({ length: 300 }, (_, i) => ({ sheet: 'Actions', row: 10 + i, col: 5, value: `${i} ${text}` }));
    excel.resetCounters();
    await wb.editCells(edits);
    expect(excel.refusals).toBe(0);
    expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.syncs).toBeGreaterThan(3);
    expect(ws.peek(308, 5)!.value).toBe(`299 ${text}`);
  });

  it("its own writes are not taken for the user's edits (no re-check), before ExcelApi 1.14's triggerSource too", async () => {
    const { excel, wb } = setup('1.13');
    let userEdits = 0;
    await wb.onUserChange(() => userEdits++);
    excel.model.holdEvents = true;
    await wb.editCells([
      { sheet: 'Actions', row: 2, col: 3, value: 0.9 },
      { sheet: 'Actions', row: 2, col: 5, value: 'Done' },
    ]);
    excel.model.holdEvents = false;
    excel.model.deliverEvents();
    expect(userEdits).toBe(0);
    excel.model.emitChange('Actions', 'A1');
    expect(userEdits).toBe(1);
  });
});

/** The Office.js adapter against the strict fake Excel. */
import { checkWorkbook, buildSummary, highlightMarks, resolveSettings } from '../../src/core';
import { ragFromFill } from '../../src/core/parse/fill';
import { HIGHLIGHT_RECORD_SHEET, OfficeWorkbook, chunkAddresses } from '../../src/workbook/office/adapter';
import { WorkbookError } from '../../src/workbook/port';
import { FakeContext, FakeExcel, FakeWorkbookModel, PAYLOAD_LIMIT } from '../fakes/excel';

const settings = resolveSettings({});

function summaryWorkbook(excel: FakeExcel, extraRows = 0) {
  const ws = excel.model.addSheet('MC 002');
  ws.setValues(
    [
      ['Best Value Assurance Strategic Action Plan: MC 002'],
      ['Committee Report Ref:', 'MC 002'],
      ['Report Date:', 44256],
      [],
      ['RAG', '% Completed', 'Target Date', 'Lead', 'Priority', 'Workstreams (BV Recommendations)', 'Status Update'],
      ['', 70, 'May 2021', 'DCE (ECOD)', 1, 'Increase the pace of Transformational Change', 'Work has advanced'],
      ['Green', 30, 'Oct 2020', 'н/н&Р', 5, 'Improving satisfaction levels in Housing', '=this is not a formula'],
      ['', 0.35, 'Feb 2022', '', 1, 'Financial Planning', ''],
      ...Array.from({ length: extraRows }, (_, i) => ['', i % 100, '31/12/2021', 'J Craig', 2, `Extra workstream ${i}`, 'Update']),
    ],
    { B3: 'dd/mm/yy', B8: '0%' },
  );
  return ws;
}

async function check(excel: FakeExcel) {
  const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
  const grid = await wb.readGrid();
  return { wb, result: checkWorkbook(grid, { file: 'book', today: '2026-11-22', settings }) };
}

describe('the strict fake behaves like Excel', () => {
  it('throws when a property is read before load and sync', async () => {
    const model = new FakeWorkbookModel();
    model.addSheet('A').setValues([['x']]);
    const ctx = new FakeContext(model);
    const range = ctx.workbook.worksheets.getItemOrNullObject('A').getRange('A1');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load('values');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([['x']]);
  });

  it('applies writes only at sync, and "=" text becomes a formula unless the cell is text-formatted', async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet('A');
    const ctx = new FakeContext(model);
    const ws = ctx.workbook.worksheets.getItemOrNullObject('A');
    ws.getRange('A1:B1').values = [['=1+1', '=2+2']];
    expect(s.peek(0, 0)).toBeUndefined();
    await ctx.sync();
    expect(s.peek(0, 0)!.formula).toBe('=1+1');
    const r = ws.getRange('A2');
    r.numberFormat = [['@']];
    r.values = [['=1+1']];
    await ctx.sync();
    expect(s.peek(1, 0)).toMatchObject({ value: '=1+1', formula: undefined });
  });
});

describe('reading', () => {
  it('reads values, formats and dates, and the core judges them', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const { result } = await check(excel);
    expect(result.report.meta.reportDate).toBe('2021-03-01');
    expect(result.report.workstreams.map((w) => [w.percent, w.rag])).toEqual([
      [70, 'On Target'],
      [30, 'Concern'],
      [35, 'On Target'],
    ]);
    expect(result.report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(
      expect.arrayContaining(['lookalike-characters@D7', 'missing-owner@D8', 'rag-mismatch@A7']),
    );
  });

  it('reads merged cells: a workstream merged down belongs to every action it covers', async () => {
    const excel = new FakeExcel();
    const ws = excel.model.addSheet('Actions').setValues([
      ['Workstream', 'No.', 'Action', 'Owner'],
      ['Financial planning', 1, 'Draft the budget', 'J Craig'],
      [null, 2, 'Consult on it', 'J Craig'],
      [null, 3, 'Agree it', 'C Hepburn'],
    ]);
    ws.merges = ['A2:A4'];
    const { result } = await check(excel);
    expect(result.report.workstreams.map((w) => [w.title, w.actionCount])).toEqual([['Financial planning', 3]]);
  });

  it.each(['1.9', '1.20'])('reads and writes 1904 workbooks as the same calendar days (ExcelApi %s)', async (version) => {
    // Production Office.js has no Workbook.use1904DateSystem: the fake refuses it on every version.
    const a = new FakeExcel();
    a.apiVersion = version;
    summaryWorkbook(a);
    const b = new FakeExcel();
    b.apiVersion = version;
    b.model.use1904 = true;
    summaryWorkbook(b).cell(2, 1).value = 44256 - 1462;
    const checkedA = await check(a);
    const checkedB = await check(b);
    expect(checkedB.result.report.meta.reportDate).toBe('2021-03-01');
    expect(checkedA.result.report.meta.reportDate).toBe('2021-03-01');
    // The summary's dates are written as serials of each workbook's own system.
    const dates = async (excel: FakeExcel, wb: OfficeWorkbook, result: typeof checkedA.result) => {
      const { name } = await wb.writeSheet(buildSummary(result, settings));
      return [...excel.model.sheet(name)!.cells.values()].filter((c) => c.numberFormat === 'dd mmm yyyy').map((c) => c.value as number);
    };
    const inA = await dates(a, checkedA.wb, checkedA.result);
    const inB = await dates(b, checkedB.wb, checkedB.result);
    expect(inA.length).toBeGreaterThan(0);
    expect(inB).toEqual(inA.map((d) => d - 1462));
  });

  it('the fake refuses Workbook.use1904DateSystem, which production Excel lacks', async () => {
    const model = new FakeWorkbookModel();
    model.apiVersion = '1.20';
    const ctx = new FakeContext(model);
    ctx.workbook.load('use1904DateSystem');
    await expect(ctx.sync()).rejects.toThrow(/no property use1904DateSystem/);
  });

  it('reads a sheet of more than 512 merged areas (getMergedAreasOrNullObject refuses those at once)', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const big = excel.model.addSheet('Register');
    for (let r = 0; r < 1500; r++) big.cell(r, 0).value = `item ${r}`;
    for (let r = 0; r < 1300; r++) big.cell(r, 1).value = `merged ${r}`;
    big.cell(0, 3).value = 'one tall merge';
    big.merges = Array.from({ length: 1300 }, (_, i) => `B${i + 1}:C${i + 1}`);
    big.merges.push('D1:D1400');
    const { wb } = await check(excel);
    const grid = await wb.readGrid();
    const merges = grid.sheets.find((s) => s.name === 'Register')!.merges;
    expect(merges).toHaveLength(1301);
    expect(merges).toContainEqual({ top: 0, left: 3, bottom: 1399, right: 3 });
    expect(grid.sheets.find((s) => s.name === 'MC 002')!.rows.length).toBeGreaterThan(5);
  });

  it('reads 30,000 merged areas in a dozen syncs or so, not one per band of 512', async () => {
    // A block-layout plan with leads merged down over every three actions, as the bench's.
    const excel = new FakeExcel();
    const sheet = excel.model.addSheet('Actions');
    for (let r = 0; r < 90000; r++) sheet.cell(r, 0).value = `action ${r}`;
    for (let r = 0; r < 90000; r += 3) sheet.cell(r, 1).value = `Lead ${r % 7}`;
    sheet.merges = Array.from({ length: 30000 }, (_, i) => `B${i * 3 + 1}:B${i * 3 + 3}`);
    const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
    const grid = await wb.readGrid();
    expect(grid.sheets[0].merges).toHaveLength(30000);
    expect(excel.syncs).toBeLessThanOrEqual(20);
  });

  it('uses the same syncs for 10 rows and 5,000 rows, and no batch passes 5 MB at 50,000', async () => {
    const counts: number[] = [];
    for (const rows of [10, 5000, 50000]) {
      const excel = new FakeExcel();
      summaryWorkbook(excel, rows);
      const { result } = await check(excel);
      expect(result.report.workstreams).toHaveLength(rows + 3);
      expect(excel.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      counts.push(excel.syncs);
    }
    // 3 reads, one for the fills of the blank RAG cells, and one the first time to start
    // watching for the user's edits.
    expect(counts[0]).toBe(5);
    expect(counts[1]).toBe(5);
    // 50,000 rows carry ~9 MB of text: paged under the limit, a few syncs, not one per block.
    expect(counts[2]).toBeLessThanOrEqual(9);
  });
});

describe('RAG by colour', () => {
  /** A tracker whose RAG column is coloured, with no words in it. */
  function colouredTracker(excel: FakeExcel) {
    const ws = excel.model.addSheet('Tracker').setValues([
      ['Workstream', 'Action', 'Lead', 'Target Date', 'RAG'],
      ['Housing', 'Build homes', 'J Craig', '31/12/2030', ''],
      ['Housing', 'Repair homes', 'J Craig', '31/12/2030', ''],
      ['Finance', 'Balance the budget', 'C Hepburn', '31/12/2030', ''],
      ['Finance', 'Audit the accounts', 'C Hepburn', '31/12/2030', ''],
      ['Finance', 'Publish the accounts', 'C Hepburn', '31/12/2030', 'Green'],
    ]);
    ws.cell(1, 4).fill = { color: '#FF0000', pattern: 'Solid' };
    ws.cell(2, 4).fill = { color: '#FFC000', pattern: 'Solid' };
    ws.cell(3, 4).fill = { color: '#00B050', pattern: 'Solid' };
    ws.cell(5, 4).fill = { color: '#FF0000', pattern: 'Solid' }; // words win over a fill
    return ws;
  }
  const stated = (result: ReturnType<typeof checkWorkbook>) => result.report.actions.map((a) => [a.description, a.statedRag]);

  it("reads a blank RAG cell's fill colour as its stated RAG", async () => {
    const excel = new FakeExcel();
    colouredTracker(excel);
    const { result } = await check(excel);
    expect(stated(result)).toEqual([
      ['Build homes', 'Concern'],
      ['Repair homes', 'Caution'],
      ['Balance the budget', 'On Target'],
      ['Audit the accounts', null],
      ['Publish the accounts', 'On Target'],
    ]);
  });

  it("does not read PlanCheck's own highlights as stated colours: a highlighted workbook reads as before", async () => {
    const excel = new FakeExcel();
    const ws = colouredTracker(excel);
    const { wb, result } = await check(excel);
    const before = stated(result);
    // Highlights on every RAG cell, in colours that would read as RAGs (pink is Concern).
    const marks = [1, 2, 3, 4, 5].map((row) => ({
      sheet: 'Tracker',
      row,
      col: 4,
      kind: row % 2 ? ('error' as const) : ('On Target' as const),
      note: '',
    }));
    await wb.applyHighlights([...highlightMarks(result), ...marks]);
    expect(ragFromFill(ws.peek(4, 4)!.fill.color!)).toBe('On Target'); // "Audit" had no fill
    const again = checkWorkbook(await wb.readGrid(), { file: 'book', today: '2026-11-22', settings });
    expect(stated(again)).toEqual(before);
    await wb.clearHighlights();
    const cleared = checkWorkbook(await wb.readGrid(), { file: 'book', today: '2026-11-22', settings });
    expect(stated(cleared)).toEqual(before);
  });

  it('asks for fills only when a RAG or Status cell is blank, and keeps every response under 5 MB at 20,000 rows', async () => {
    const words = new FakeExcel();
    summaryWorkbook(words).cell(5, 0).value = 'Green';
    words.model.sheet('MC 002')!.cell(7, 0).value = 'Amber';
    await check(words);
    const blank = new FakeExcel();
    summaryWorkbook(blank);
    await check(blank);
    expect(blank.syncs).toBe(words.syncs + 1);

    const big = new FakeExcel();
    const ws = big.model.addSheet('Tracker');
    ws.setValues([['Workstream', 'Action', 'Lead', 'Target Date', 'RAG']]);
    for (let r = 1; r <= 20000; r++) {
      ws.cell(r, 0).value = `Workstream ${Math.floor(r / 100)}`;
      ws.cell(r, 1).value = `Action ${r}`;
      ws.cell(r, 2).value = 'J Craig';
      ws.cell(r, 3).value = '31/12/2030';
      ws.cell(r, 4).fill = { color: r % 3 ? '#FF0000' : '#00B050', pattern: 'Solid' };
    }
    const { result } = await check(big);
    expect(result.report.actions).toHaveLength(20000);
    expect(result.report.actions.filter((a) => a.statedRag === 'Concern')).toHaveLength(13334);
    expect(big.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(big.refusals).toBe(0);
  });
});

describe('long text', () => {
  it('keeps every response under 5 MB, retrying a page Excel refuses', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    const long = 'x'.repeat(400);
    for (let r = 8; r < 3008; r++) {
      for (let c = 0; c < 7; c++) ws.cell(r, c).value = c === 5 ? `Workstream ${r}` : long;
    }
    const { result } = await check(excel);
    expect(result.report.workstreams).toHaveLength(3003);
    // ~8 MB of text: the first page was refused once and read again in halves.
    expect(excel.refusals).toBeGreaterThanOrEqual(1);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });
});

describe('the summary sheet', () => {
  it('is written in one batch, text stays text, and a user sheet of that name survives', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    excel.model.addSheet('Strategic Summary').setValues([['my notes']]);
    const { wb, result } = await check(excel);
    excel.resetCounters();
    const written = await wb.writeSheet(buildSummary(result, settings));
    expect(written).toEqual({ name: 'Strategic Summary (2)', replaced: false });
    // Names; marks; the new sheet (its id first, so its change events are known as ours); the content.
    expect(excel.syncs).toBe(4);
    expect(excel.model.sheet('Strategic Summary')!.peek(0, 0)!.value).toBe('my notes');
    const sheet = excel.model.sheet('Strategic Summary (2)')!;
    const cells = [...sheet.cells.values()];
    expect(cells.some((c) => c.formula)).toBe(false);
    expect(cells.some((c) => c.value === '=this is not a formula')).toBe(true);
    expect(sheet.charts).toEqual([{ type: 'BarClustered', title: 'Workstreams by RAG' }]);
    expect(sheet.names.has('PlanCheck_Generated')).toBe(true);
    // Building again replaces our own sheet, not the user's.
    const again = await wb.writeSheet(buildSummary(result, settings));
    expect(again).toEqual({ name: 'Strategic Summary (2)', replaced: true });
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['MC 002', 'Strategic Summary', 'Strategic Summary (2)']);
  });

  it('a large Owners sheet is written in requests under 5 MB each', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const { wb } = await check(excel);
    // ~7.5 MB of text: one request for it all would be refused by Excel on the web.
    const cells = Array.from({ length: 25000 }, (_, r) =>
      [0, 1, 2].map((col) => ({
        row: r,
        col,
        value: `Lead ${r} action ${col} `.padEnd(100, 'x'),
        style: col === 0 ? ('label' as const) : undefined,
      })),
    ).flat();
    const spec = { name: 'Owners', cells, merges: [], columnWidths: [20, 40, 40] };
    excel.resetCounters();
    await wb.writeSheet(spec);
    expect(excel.refusals).toBe(0);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const sheet = excel.model.sheet('Owners')!;
    expect(sheet.peek(24999, 2)!.value).toBe(cells[cells.length - 1].value);
    expect(sheet.peek(24999, 0)!.bold).toBe(true);
    expect(sheet.names.has('PlanCheck_Generated')).toBe(true);
  });

  it('a protected workbook gets a clear message and nothing is written', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    excel.model.protected = true;
    await expect(wb.writeSheet(buildSummary(result, settings))).rejects.toThrow(WorkbookError);
    await expect(wb.writeSheet(buildSummary(result, settings))).rejects.toThrow(/structure is protected/);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['MC 002']);
  });
});

describe('cell-edit mode', () => {
  it('the fake fails a batch sent while the user is typing in a cell', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    excel.model.cellEditing = true;
    await expect(
      excel.run(async (context: FakeContext) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidOperationInCellEditMode/);
  });

  it('a re-check while the user is typing waits for the cell edit to end instead of failing', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
    await wb.onUserChange(() => undefined);
    excel.model.cellEditing = true;
    let state = 'pending';
    const read = wb.readGrid().then(
      (grid) => ((state = 'read'), grid),
      (e: Error) => ((state = e.message), null),
    );
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(state).toBe('pending');
    excel.model.exitCellEdit();
    const grid = await read;
    expect(state).toBe('read');
    expect(grid!.sheets.map((s) => s.name)).toEqual(['MC 002']);
    expect(excel.runOptions.every((o) => o?.delayForCellEdit === true)).toBe(true);
  });
});

describe("telling the add-in's own writes from the user's edits", () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(['1.13', '1.14'])('change events that arrive late, after a write, are not taken for edits (ExcelApi %s)', async (version) => {
    const excel = new FakeExcel();
    excel.apiVersion = version;
    summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    let edits = 0;
    await wb.onUserChange(() => edits++);
    excel.model.holdEvents = true;
    await wb.applyHighlights(highlightMarks(result));
    await wb.writeSheet(buildSummary(result, settings));
    await wb.clearHighlights();
    expect(excel.model.pendingEvents.length).toBeGreaterThan(3);
    // Delivered long after the writes finished (a clock well past any grace period).
    const later = Date.now() + 60_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    excel.model.deliverEvents();
    expect(edits).toBe(0);
    // The user's own edits still count, on their sheet and on a cell PlanCheck highlighted.
    excel.model.emitChange('MC 002', 'B7');
    excel.model.emitChange('MC 002', 'D7');
    excel.model.deliverEvents();
    expect(edits).toBe(2);
  });
});

describe('highlights', () => {
  it('highlight then clear restores every fill exactly, including cells with no fill', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    ws.cell(6, 3).fill = { color: '#123456', pattern: 'Solid' }; // the user's own fill on D7
    // Every cell's fill, by address; a cell never touched has no fill, as in Excel.
    const fills = () =>
      JSON.stringify(
        [...ws.cells.entries()]
          .filter(([, c]) => c.fill.pattern !== 'None' || c.fill.color !== null)
          .map(([k, c]) => [k, c.fill])
          .sort(),
      );
    const before = fills();
    expect(before).toContain('#123456');
    const { wb, result } = await check(excel);
    const marks = highlightMarks(result);
    expect(marks.length).toBeGreaterThan(3);
    await wb.applyHighlights(marks);
    expect(ws.peek(6, 3)!.fill.color).toBe('#FFEB9C');
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)!.visibility).toBe('VeryHidden');
    // A second check and highlight must not lose the user's original colours.
    await wb.applyHighlights(marks);
    await wb.clearHighlights();
    expect(fills()).toBe(before);
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)).toBeUndefined();
  });

  it('names the highlighted cells under a conditional format, which Excel shows over their highlight', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    // A RAG column conditionally formatted as a whole column; a rule on part of the Lead column;
    // an icon set (drawn beside the value, not over the fill) on the % column.
    ws.conditionalFormats = [
      { type: 'ContainsText', ranges: ['A:A'], fill: '#00B050' },
      { type: 'CellValue', ranges: ['D7:D8'], fill: '#FF0000' },
      { type: 'IconSet', ranges: ['B6:B8'] },
    ];
    const { wb, result } = await check(excel);
    const marks = highlightMarks(result);
    const marked = marks.map((m) => `${m.sheet}!${String.fromCharCode(65 + m.col)}${m.row + 1}`);
    expect(marked).toEqual(expect.arrayContaining(['MC 002!A7', 'MC 002!D7', 'MC 002!D8']));
    const outcome = await wb.applyHighlights(marks);
    // In the fake as in Excel, the rule's colour is what shows on A7, not the highlight.
    expect(ws.peek(6, 0)!.fill.pattern).toBe('Solid');
    expect(ws.shownFill(6, 0).color).toBe('#00B050');
    const expected = marked.filter((a) => /!A\d+$/.test(a) || a === 'MC 002!D7' || a === 'MC 002!D8');
    expect(outcome.underConditionalFormat?.sort()).toEqual([...new Set(expected)].sort());
    // Without conditional formats nothing is named, and the syncs are the same.
    ws.conditionalFormats = [];
    await wb.clearHighlights();
    excel.resetCounters();
    expect((await wb.applyHighlights(marks)).underConditionalFormat).toEqual([]);
    const withoutFormats = excel.syncs;
    ws.conditionalFormats = [{ type: 'ContainsText', ranges: ['A:A'], fill: '#00B050' }];
    await wb.clearHighlights();
    excel.resetCounters();
    await wb.applyHighlights(marks);
    expect(excel.syncs).toBe(withoutFormats);
  });

  it('restores a patterned fill with its pattern and pattern colour', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    ws.cell(6, 3).fill = { color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000' }; // D7, marked
    ws.cell(7, 3).fill = { color: '#00B0F0', pattern: 'Solid' }; // D8, marked
    const { wb, result } = await check(excel);
    await wb.applyHighlights(highlightMarks(result));
    expect(ws.peek(6, 3)!.fill).toEqual({ color: '#FFEB9C', pattern: 'Solid' });
    await wb.clearHighlights();
    expect(ws.peek(6, 3)!.fill).toEqual({ color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000' });
    expect(ws.peek(7, 3)!.fill).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    // Restoring fills is not taken for the user's edit.
    const { wb: again } = await check(excel);
    let edits = 0;
    await again.onUserChange(() => edits++);
    await again.applyHighlights(highlightMarks(result));
    await again.clearHighlights();
    expect(edits).toBe(0);
  });

  it('highlight and clear are one undo step each where ExcelApi 1.20 allows, and never merge the summary', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    excel.runOptions = [];
    await wb.applyHighlights(highlightMarks(result));
    await wb.clearHighlights();
    await wb.writeSheet(buildSummary(result, settings));
    const undo = () => excel.runOptions.map((o) => o?.mergeUndoGroup);
    expect(undo()).toEqual([undefined, undefined, undefined]);
    excel.apiVersion = '1.20';
    excel.runOptions = [];
    await wb.applyHighlights(highlightMarks(result));
    await wb.clearHighlights();
    await wb.writeSheet(buildSummary(result, settings));
    expect(undo()).toEqual([true, true, undefined]);
  });

  it('a protected sheet gets a clear message and no cell changes', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    ws.protected = true;
    const before = JSON.stringify([...ws.cells.entries()]);
    await expect(wb.applyHighlights(highlightMarks(result))).rejects.toThrow(/is protected/);
    expect(JSON.stringify([...ws.cells.entries()])).toBe(before);
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)).toBeUndefined();
  });

  it('a workbook whose structure is protected is not highlighted at all, and clear leaves highlights it cannot finish', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    const cells = () => JSON.stringify([...ws.cells.entries()]);
    const before = cells();
    excel.model.protected = true;
    await expect(wb.applyHighlights(highlightMarks(result))).rejects.toThrow(/structure is protected.*nothing was highlighted/);
    expect(cells()).toBe(before);
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)).toBeUndefined();
    // Highlighted while unprotected, then protected: Clear refuses whole, and works once unprotected.
    excel.model.protected = false;
    await wb.applyHighlights(highlightMarks(result));
    const highlighted = cells();
    excel.model.protected = true;
    await expect(wb.clearHighlights()).rejects.toThrow(/structure is protected/);
    expect(cells()).toBe(highlighted);
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)).toBeDefined();
    excel.model.protected = false;
    await wb.clearHighlights();
    expect(cells()).not.toBe(highlighted);
    expect(excel.model.sheet(HIGHLIGHT_RECORD_SHEET)).toBeUndefined();
  });

  it('pages big highlight runs so no batch passes the limit, and still restores every fill', async () => {
    const excel = new FakeExcel();
    const ws = excel.model.addSheet('Big');
    for (let r = 0; r < 4000; r++) ws.cell(r, 0).value = `row ${r}`;
    ws.cell(5, 0).fill = { color: '#123456', pattern: 'Solid' };
    const limit = 100_000;
    const wb = new OfficeWorkbook(excel.run, excel.isSetSupported, { maxSyncBytes: limit });
    const marks = Array.from({ length: 4000 }, (_, r) => ({
      sheet: 'Big',
      row: r,
      col: 0,
      kind: r % 2 ? ('error' as const) : ('Concern' as const),
      note: '',
    }));
    await wb.applyHighlights(marks);
    // A page may pass the limit by at most one item (a 30,000-character record row).
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(limit + 50_000);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(limit + 50_000);
    expect(ws.peek(5, 0)!.fill.color).toBe('#FFC7CE');
    excel.resetCounters();
    await wb.clearHighlights();
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(limit + 50_000);
    expect(ws.peek(5, 0)!.fill).toEqual({ color: '#123456', pattern: 'Solid' });
    expect(ws.peek(6, 0)!.fill).toEqual({ color: null, pattern: 'None' });
  });

  it('does not highlight when the user edited the sheet after it was read', async () => {
    const excel = new FakeExcel();
    const ws = summaryWorkbook(excel);
    const { wb, result } = await check(excel);
    // The user inserts a row: every mark would now land one row off.
    excel.model.emitChange('MC 002', '5:5');
    await expect(wb.applyHighlights(highlightMarks(result))).rejects.toThrow(/changed while it was being checked/);
    expect([...ws.cells.values()].every((c) => c.fill.pattern === 'None')).toBe(true);
    // A fresh read makes highlighting possible again.
    const fresh = checkWorkbook(await wb.readGrid(), { file: 'book', today: '2026-11-22', settings });
    await wb.applyHighlights(highlightMarks(fresh));
    expect([...ws.cells.values()].some((c) => c.fill.pattern === 'Solid')).toBe(true);
  });

  it('keeps every address list under 8,192 characters', () => {
    const addresses = Array.from({ length: 5000 }, (_, i) => `AB${i + 1}`);
    const chunks = chunkAddresses(addresses, 8000);
    expect(chunks.every((c) => c.length <= 8000)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(addresses);
  });

  it('selects the cell of a finding', async () => {
    const excel = new FakeExcel();
    summaryWorkbook(excel);
    const { wb } = await check(excel);
    await wb.select('MC 002', 'D8');
    expect(excel.model.selected).toEqual({ sheet: 'MC 002', box: { top: 7, left: 3, bottom: 7, right: 3 } });
  });
});

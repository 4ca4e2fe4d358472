/**
 * The app's check in Excel (the Office adapter on the strict fake): the plan is read once per
 * check, and the fills fetched are those of the plan as the settings read it, so a column only
 * a column map names still has its colours read as stated RAGs.
 */
import * as read from '../../src/core/read';
import { checkPlan } from '../../src/app';
import { resolveSettings } from '../../src/core';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { FakeExcel } from '../fakes/excel';

function tracker(excel: FakeExcel, ragHeader: string, rag: string[]) {
  const ws = excel.model
    .addSheet('Tracker')
    .setValues([
      ['Workstream', 'Action', 'Lead', 'Target Date', ragHeader],
      ...rag.map((r, i) => ['Housing', `Action ${i + 1}`, 'J Craig', '31/12/2030', r]),
    ]);
  return ws;
}

const request = (settings = resolveSettings({})) => ({ file: 'book', today: '2026-11-22', settings });

describe('checkPlan in Excel', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the plan once when no empty cell had to be filled in from its colour', async () => {
    const excel = new FakeExcel();
    tracker(excel, 'RAG', ['Green', 'Amber', 'Red']);
    const reads = jest.spyOn(read, 'readPlan');
    const result = await checkPlan(new OfficeWorkbook(excel.run, excel.isSetSupported), request());
    expect(result.report.actions.map((a) => a.statedRag)).toEqual(['On Target', 'Caution', 'Concern']);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('colours in a column only a column map names are read as stated RAGs', async () => {
    const excel = new FakeExcel();
    // "Flag" is no header PlanCheck knows: only the map says it holds the RAG.
    const ws = tracker(excel, 'Flag', ['', '', '']);
    ws.cell(1, 4).fill = { color: '#FF0000', pattern: 'Solid' };
    ws.cell(2, 4).fill = { color: '#00B050', pattern: 'Solid' };
    const settings = resolveSettings({ columns: { rag: 'E' }, headerRow: 1 });
    const result = await checkPlan(new OfficeWorkbook(excel.run, excel.isSetSupported), request(settings));
    expect(result.report.actions.map((a) => [a.description, a.statedRag])).toEqual([
      ['Action 1', 'Concern'],
      ['Action 2', 'On Target'],
      ['Action 3', null],
    ]);
  });
});

/**
 * Every Excel API member the adapter uses, with its requirement set (test/office/requirement-
 * sets.ts), checked against the subset, Microsoft's typings, the manifest's minimum ExcelApi
 * and the adapter's isSetSupported guards; and the adapter run on the fake at that minimum,
 * where the fake refuses anything newer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSummary, checkWorkbook, highlightMarks, resolveSettings } from '../../src/core';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { FakeContext, FakeExcel, FakeWorkbookModel, apiMinor } from '../fakes/excel';
import { excelTypings, subsetMembers } from './office-typings';
import { REQUIREMENT_SETS } from './requirement-sets';

const root = path.join(__dirname, '..', '..');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const adapter = fs.readFileSync(path.join(root, 'src', 'workbook', 'office', 'adapter.ts'), 'utf8');
const minimum = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\/>/.exec(manifest)![1];

describe('requirement sets of the Excel API members the adapter uses', () => {
  it('the table lists exactly the members the subset declares', () => {
    expect(Object.keys(REQUIREMENT_SETS).sort()).toEqual(subsetMembers().sort());
  });

  it("each entry's set is the one Microsoft's reference gives for that member", () => {
    const typings = excelTypings();
    const wrong: string[] = [];
    for (const [member, [excel, set]] of Object.entries(REQUIREMENT_SETS)) {
      const cut = excel.lastIndexOf('.');
      const cls = typings.get(excel.slice(0, cut));
      const name = excel.slice(cut + 1);
      if (!cls?.has(name)) wrong.push(`${member}: ${excel} is not in @types/office-js`);
      else if (cls.get(name) !== set) wrong.push(`${member}: ${excel} is ExcelApi ${cls.get(name)}, the table says ${set}`);
    }
    expect(wrong).toEqual([]);
  });

  it('each member above the manifest minimum is used behind an isSetSupported guard', () => {
    expect(minimum).toBe('1.9');
    const above = Object.entries(REQUIREMENT_SETS).filter(([, [, set]]) => set && apiMinor(set) > apiMinor(minimum));
    expect(above.length).toBeGreaterThan(0);
    const unguarded = above.filter(([, [, set]]) => !adapter.includes(`isSetSupported('ExcelApi', '${set}')`));
    expect(unguarded).toEqual([]);
  });

  it('the fake refuses a member above its configured version', async () => {
    const model = new FakeWorkbookModel();
    model.apiVersion = '1.12';
    model.addSheet('A').setValues([['x']]);
    const ctx = new FakeContext(model);
    ctx.workbook.worksheets.getItemOrNullObject('A').getRange('A1').getMergedAreasOrNullObject().load('address');
    await expect(ctx.sync()).rejects.toThrow(/ApiNotFound: Range.getMergedAreasOrNullObject needs ExcelApi 1.13/);
  });

  it(`every operation works on a host at the manifest's minimum (ExcelApi ${minimum}), and on the newest`, async () => {
    for (const version of [minimum, '1.20']) {
      const excel = new FakeExcel();
      excel.apiVersion = version;
      const ws = excel.model.addSheet('Plan').setValues([
        ['Workstream', 'Lead', 'Target Date', '% Completed', 'RAG'],
        ['Budget', '', '31/12/2020', 20, 'Green'],
        ['Housing', 'J Craig', '31/12/2030', 50, ''],
      ]);
      ws.merges = ['F1:G1'];
      const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
      const settings = resolveSettings({});
      await wb.onUserChange(() => undefined);
      const result = checkWorkbook(await wb.readGrid(), { file: 'book', today: '2026-01-01', settings });
      expect(result.noPlan).toBe(false);
      await wb.writeSheet(buildSummary(result, settings));
      await wb.applyHighlights(highlightMarks(result));
      await wb.clearHighlights();
      await wb.editCells([{ sheet: 'Plan', row: 3, col: 3, value: 60 }]);
      expect(excel.model.sheet('Plan')!.peek(2, 3)!.value).toBe(60);
      await wb.select('Plan', 'B2');
      expect(excel.model.selected?.sheet).toBe('Plan');
    }
  });
});

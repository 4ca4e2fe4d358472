/**
 * The real-plan corpus: plans transcribed from published UK committee papers (each fixture in
 * plans/ names its source), written to a real .xlsx with ExcelJS, read back through the xlsx
 * adapter and checked as a governance officer would read them.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import type { CorpusCell, PlanFixture } from './types';

const DIR = path.join(__dirname, 'plans');
const fixtures: PlanFixture[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .map((f) => require(path.join(DIR, f)).default as PlanFixture);

/** The fixture as an .xlsx, the way a council's spreadsheet holds it. */
export async function fixtureBytes(fx: PlanFixture): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of fx.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v: CorpusCell, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && 'date' in v) {
          cell.value = new Date(`${v.date}T00:00:00Z`);
          cell.numFmt = v.format ?? 'dd/mm/yyyy';
        } else if (typeof v === 'object' && 'percent' in v) {
          cell.value = v.percent;
          cell.numFmt = '0%';
        } else {
          cell.value = v;
        }
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [addr, rgb] of Object.entries(s.fills ?? {})) {
      ws.getCell(addr).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: rgb.length === 6 ? `FF${rgb}` : rgb } };
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fx) => {
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    const grid = await XlsxWorkbook.fromBytes(await fixtureBytes(fx)).readGrid();
    result = checkWorkbook(grid, { file: `${fx.id}.xlsx`, today: fx.asOf, asOf: fx.asOf, settings: resolveSettings(fx.settings ?? {}) });
  });

  it(`is read as ${fx.expect.workstreams} workstreams and ${fx.expect.actions} actions`, () => {
    const { report } = result;
    expect({ workstreams: report.workstreams.length, actions: report.actions.length }).toEqual({
      workstreams: fx.expect.workstreams,
      actions: fx.expect.actions,
    });
    if (fx.expect.workstreamTitles) {
      expect(report.workstreams.map((w, i) => w.title.slice(0, fx.expect.workstreamTitles![i]?.length ?? 0))).toEqual(fx.expect.workstreamTitles);
    }
  });

  it('reads the actions as a person would', () => {
    const { report } = result;
    const sheet0 = fx.sheets[0].name;
    for (const item of fx.expect.items) {
      const sheet = item.sheet ?? sheet0;
      const found = report.actions.find((a) => a.sheet === sheet && a.row === item.row) ?? report.workstreams.find((w) => w.sheet === sheet && w.row === item.row);
      expect({ row: item.row, found: !!found }).toEqual({ row: item.row, found: true });
      const got: Record<string, unknown> = { row: item.row };
      const want: Record<string, unknown> = { row: item.row };
      const text = 'description' in found! ? found.description : found!.title;
      if (item.startsWith !== undefined) {
        // Runs of spaces as typed read as one (PlanCheck tidies them; a person does not see them).
        const tidy = (t: string) => t.replace(/\s+/g, ' ').trim();
        got.startsWith = tidy(text).slice(0, tidy(item.startsWith).length);
        want.startsWith = tidy(item.startsWith);
      }
      if ('workstream' in item && 'workstream' in found!) {
        got.workstream = found.workstream.slice(0, item.workstream!.length);
        want.workstream = item.workstream;
      }
      for (const k of ['target', 'leads', 'percent', 'status', 'statedRag', 'rag'] as const) {
        if (!(k in item)) continue;
        const key = k === 'target' ? 'targetDate' : k;
        got[k] = (found as unknown as Record<string, unknown>)[key];
        want[k] = item[k];
      }
      expect(got).toEqual(want);
    }
  });

  if (fx.expect.findings?.length || fx.expect.noFindings?.length) {
    it('reports what needs attention', () => {
      const { findings } = result.report;
      for (const f of fx.expect.findings ?? []) {
        const hit = findings.some((x) => x.code === f.code && (!f.cell || x.cell === f.cell) && (!f.sheet || x.sheet === f.sheet));
        expect({ ...f, reported: hit }).toEqual({ ...f, reported: true });
      }
      for (const code of fx.expect.noFindings ?? []) {
        expect(findings.filter((x) => x.code === code).map((x) => `${x.cell}: ${x.message}`)).toEqual([]);
      }
    });
  }
});

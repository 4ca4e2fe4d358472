/**
 * The same summary, Owners sheet and highlights written by both adapters — into an .xlsx
 * (read back with exceljs, an independent reader) and into Excel (the strict fake) — must be
 * the same cell for cell: values, number formats, fonts, fills, alignment, borders, merges.
 * sheetspec.ts promises a summary looks the same wherever it is built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { a1 } from '../../src/core/cell';
import { buildOwnersSheet, buildSummary, checkWorkbook, highlightMarks, ownerLists, resolveSettings } from '../../src/core';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { type FakeCell, FakeExcel } from '../fakes/excel';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'strategic-summary-mc002.xlsx');
const settings = resolveSettings({});

/** What a person sees in a cell, in one vocabulary for both adapters. */
interface Seen {
  value: string | number;
  format: string;
  bold: boolean;
  italic: boolean;
  size: number;
  colour: string;
  fill: string;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  /** "top thin 000000; …", sides in a fixed order. */
  borders: string;
}

/** A new sheet's cell: Calibri 11 in the default colour, General, bottom-aligned, no fill. */
const BLANK: Seen = {
  value: '',
  format: 'General',
  bold: false,
  italic: false,
  size: 11,
  colour: 'default',
  fill: 'none',
  horizontal: 'general',
  vertical: 'bottom',
  wrap: false,
  borders: '',
};
const SIDES = ['top', 'bottom', 'left', 'right'] as const;
const hex = (argb: string | undefined) => (argb ? argb.slice(-6).toUpperCase() : undefined);

type ExcelJsCell = ExcelJS.Cell & { style: Partial<ExcelJS.Style> };

/** A cell of the written file, read by exceljs (formats) and PlanCheck's reader (values). */
function seenInFile(c: ExcelJsCell, value: string | number | undefined): Seen {
  const s = c.style ?? {};
  const colour = (col: Partial<ExcelJS.Color> | undefined) =>
    col?.argb ? (hex(col.argb) as string) : (col as { indexed?: number } | undefined)?.indexed === 64 ? 'automatic' : 'default';
  const fill = s.fill?.type === 'pattern' && s.fill.pattern === 'solid' ? (hex(s.fill.fgColor?.argb) ?? 'none') : 'none';
  return {
    value: value ?? '',
    format: c.numFmt ?? 'General',
    bold: Boolean(s.font?.bold),
    italic: Boolean(s.font?.italic),
    size: s.font?.size ?? 11,
    colour: colour(s.font?.color),
    fill,
    horizontal: s.alignment?.horizontal ?? 'general',
    vertical: s.alignment?.vertical === 'middle' ? 'center' : (s.alignment?.vertical ?? 'bottom'),
    wrap: Boolean(s.alignment?.wrapText),
    borders: SIDES.filter((side) => s.border?.[side]?.style)
      .map((side) => `${side} ${s.border![side]!.style} ${colour(s.border![side]!.color)}`)
      .join('; '),
  };
}

/** A cell of the fake Excel. */
function seenInExcel(c: FakeCell): Seen {
  const weight = (w: string) => w.toLowerCase();
  return {
    value: c.value as string | number,
    format: c.numberFormat,
    bold: Boolean(c.bold),
    italic: Boolean(c.italic),
    size: c.fontSize ?? 11,
    colour: hex(c.fontColor) ?? 'default',
    fill: c.fill.pattern === 'Solid' && c.fill.color ? (hex(c.fill.color) as string) : 'none',
    horizontal: (c.horizontalAlignment ?? 'General').toLowerCase(),
    vertical: (c.verticalAlignment ?? 'Bottom').toLowerCase(),
    wrap: Boolean(c.wrapText),
    borders: SIDES.filter((side) => c.borders?.[side])
      .map((side) => {
        const b = c.borders![side]!;
        return `${side} ${b.style === 'Continuous' ? weight(b.weight) : b.style.toLowerCase()} ${hex(b.color)}`;
      })
      .join('; '),
  };
}

const isBlank = (s: Seen) => (Object.keys(BLANK) as (keyof Seen)[]).every((k) => s[k] === BLANK[k]);

/** The differences between two sheets' cells, grouped: "Owners format: file General, Excel @ (12 cells: A3, …)". */
function differences(sheet: string, file: Map<string, Seen>, excel: Map<string, Seen>): string[] {
  const groups = new Map<string, string[]>();
  for (const at of new Set([...file.keys(), ...excel.keys()])) {
    const f = file.get(at) ?? BLANK;
    const e = excel.get(at) ?? BLANK;
    for (const k of Object.keys(BLANK) as (keyof Seen)[]) {
      if (f[k] === e[k]) continue;
      // Values differ per cell; the rest is grouped by what differs.
      const key = k === 'value' ? `${sheet} value` : `${sheet} ${k}: file ${JSON.stringify(f[k])}, Excel ${JSON.stringify(e[k])}`;
      const list = groups.get(key) ?? [];
      list.push(k === 'value' ? `${at} file ${JSON.stringify(f[k])} Excel ${JSON.stringify(e[k])}` : at);
      groups.set(key, list);
    }
  }
  return [...groups].map(
    ([key, cells]) => `${key} (${cells.length} cells: ${cells.slice(0, 4).join(', ')}${cells.length > 4 ? ', …' : ''})`,
  );
}

async function build() {
  const file = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(EXAMPLE)));
  const grid = await file.readGrid();
  const result = checkWorkbook(grid, { file: 'strategic-summary-mc002.xlsx', today: '2026-11-22', settings });
  const specs = [buildSummary(result, settings), buildOwnersSheet(ownerLists(result.report), result.report.asOf, settings.ownersSheetName)];
  const marks = highlightMarks(result);
  expect(marks.length).toBeGreaterThan(0);

  // Excel holding the same plan: values, number formats and merges.
  const excel = new FakeExcel();
  for (const g of grid.sheets) {
    const ws = excel.model.addSheet(g.name);
    const formats: Record<string, string> = {};
    ws.setValues(
      g.rows.map((row, r) =>
        Array.from(row ?? [], (cell, c) => {
          if (cell?.format) formats[a1(r, c)] = cell.format;
          return cell && typeof cell.value !== 'boolean' ? cell.value : null;
        }),
      ),
      formats,
    );
    ws.merges = g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  }
  const office = new OfficeWorkbook(excel.run, excel.isSetSupported);
  await office.readGrid();

  const names: string[] = [];
  for (const spec of specs) {
    const a = await file.writeSheet(spec);
    const b = await office.writeSheet(spec);
    expect(b).toEqual(a);
    names.push(a.name);
  }
  await file.applyHighlights(marks);
  await office.applyHighlights(marks);

  const bytes = file.toBytes();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const values = await XlsxWorkbook.fromBytes(bytes).readGrid();
  return { excel, book, values, names, marks };
}

describe('a summary written to a file and one written in Excel', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build();
  });

  it('are the same cell for cell: values, number formats, fonts, fills, alignment and borders', () => {
    const { excel, book, values, names } = built;
    const diffs: string[] = [];
    for (const name of names) {
      const fileCells = new Map<string, Seen>();
      const grid = values.sheets.find((s) => s.name === name)!;
      book.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (c, col) => {
          const raw = grid.rows[r - 1]?.[col - 1]?.value;
          const seen = seenInFile(c as ExcelJsCell, typeof raw === 'boolean' ? String(raw) : raw);
          if (!isBlank(seen)) fileCells.set(c.address, seen);
        }),
      );
      const excelCells = new Map<string, Seen>();
      for (const [k, cell] of excel.model.sheet(name)!.cells) {
        const [r, c] = k.split(',').map(Number);
        const seen = seenInExcel(cell);
        if (!isBlank(seen)) excelCells.set(a1(r, c), seen);
      }
      expect(fileCells.size).toBeGreaterThan(10);
      diffs.push(...differences(name, fileCells, excelCells));
    }
    expect(diffs).toEqual([]);
  });

  it('have the same merged areas', () => {
    const { excel, book, names } = built;
    for (const name of names) {
      const inFile = ((book.getWorksheet(name)!.model as { merges?: string[] }).merges ?? []).slice().sort();
      expect(excel.model.sheet(name)!.merges.slice().sort()).toEqual(inFile);
    }
  });

  it('highlights the same cells in the same colours', () => {
    const { excel, book, marks } = built;
    const diffs: string[] = [];
    for (const m of marks) {
      const at = a1(m.row, m.col);
      const inFile = seenInFile(book.getWorksheet(m.sheet)!.getCell(at) as ExcelJsCell, undefined).fill;
      const inExcel = seenInExcel(excel.model.sheet(m.sheet)!.cell(m.row, m.col)).fill;
      if (inFile !== inExcel) diffs.push(`${m.sheet}!${at} (${m.kind}): file ${inFile}, Excel ${inExcel}`);
    }
    expect(diffs).toEqual([]);
  });
});

describe('a generated sheet is named alike in a file and in Excel', () => {
  it('cleans the name, steps past users\' sheets case-insensitively and past "History", and replaces its own', async () => {
    const file = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(EXAMPLE)));
    const excel = new FakeExcel();
    for (const s of (await file.readGrid()).sheets) excel.model.addSheet(s.name).setValues([['user data']]);
    const office = new OfficeWorkbook(excel.run, excel.isSetSupported);
    await office.readGrid();
    const sheet = (name: string) => ({ name, cells: [{ row: 0, col: 0, value: 'x' }], merges: [], columnWidths: [10] });
    const user = (await file.readGrid()).sheets[0].name.toUpperCase();
    const wanted = [user, 'History', "'Q3/Q4: [draft]*?'", `${'Long name '.repeat(4)}`, '   ', user];
    const results = [];
    for (const name of wanted) {
      const a = await file.writeSheet(sheet(name));
      const b = await office.writeSheet(sheet(name));
      expect(b).toEqual(a);
      results.push(a);
    }
    expect(results).toEqual([
      { name: `${user} (2)`, replaced: false },
      { name: 'History (2)', replaced: false },
      { name: 'Q3-Q4- -draft---', replaced: false },
      { name: 'Long name Long name Long name L', replaced: false },
      { name: 'PlanCheck', replaced: false },
      { name: `${user} (2)`, replaced: true },
    ]);
  });
});

/**
 * Workbooks from other programs (issue #16), built by test/xlsx/foreign.ts: a workbook part
 * outside `xl/`, an empty stylesheet, and a highly compressible sheet next to real zip bombs.
 * What PlanCheck writes is read back with SheetJS 0.20 (@e965/xlsx), an independent reader.
 */
import * as XLSX from '@e965/xlsx';
import { checkWorkbook } from '../../src/core/check';
import { buildSummary } from '../../src/core/summary';
import { highlightMarks } from '../../src/core/highlight';
import { resolveSettings } from '../../src/core/settings';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { openPackage } from '../../src/workbook/xlsx/zip';
import { assertAllWellFormed, bookParts, excelLoad, refusal } from './helpers';
import {
  compressibleWorkbook,
  emptyStylesWorkbook,
  EMPTY_STYLESHEET,
  NOTES_TABLE,
  partBomb,
  PLAN_TABLE,
  relocatedWorkbook,
  spaces,
  totalBomb,
  withDeflated,
} from './foreign';

const settings = resolveSettings({});

async function checked(wb: XlsxWorkbook) {
  return checkWorkbook(await wb.readGrid(), { file: 'plan.xlsx', today: '2021-01-15', settings });
}

/** Summary, as `plancheck summary` does it. */
async function summary(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  await wb.writeSheet(buildSummary(await checked(wb), settings));
  return wb;
}

/** Highlight, as `plancheck highlight` does it. */
async function highlight(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const marks = highlightMarks(await checked(wb));
  expect(marks.length).toBeGreaterThan(0);
  await wb.applyHighlights(marks);
  return wb;
}

/** Every cell of every sheet as SheetJS reads it: type and value by address. */
function sheetJsCells(bytes: Uint8Array): Map<string, Record<string, [string, unknown]>> {
  const book = XLSX.read(bytes, { type: 'array' });
  const out = new Map<string, Record<string, [string, unknown]>>();
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    const cells: Record<string, [string, unknown]> = {};
    for (const ref of Object.keys(ws)) if (!ref.startsWith('!')) cells[ref] = [ws[ref].t, ws[ref].v];
    out.set(name, cells);
  }
  return out;
}

/**
 * Every cell of `before` is in `after` with the same type and value; cells `after` adds to
 * those sheets are empty (a highlight marks an empty cell by giving it a format).
 */
function expectOriginalCellsKept(
  before: Map<string, Record<string, [string, unknown]>>,
  after: Map<string, Record<string, [string, unknown]>>,
): void {
  for (const [name, cells] of before) {
    const now = after.get(name) ?? {};
    for (const [ref, cell] of Object.entries(cells)) expect([name, ref, now[ref]]).toEqual([name, ref, cell]);
    for (const [ref, cell] of Object.entries(now)) if (!(ref in cells)) expect([name, ref, cell]).toEqual([name, ref, ['z', undefined]]);
  }
}

/** The file part of each part name, lower-cased (OPC part names are case-insensitive). */
const baseNames = (names: Iterable<string>) => [...names].map((n) => n.slice(n.lastIndexOf('/') + 1).toLowerCase());

describe('a workbook part outside xl/ (other/workbook.xml)', () => {
  const input = relocatedWorkbook();
  const before = sheetJsCells(input);
  const inputParts = [...openPackage(input).entries.keys()];

  it('is read as it is: SheetJS and PlanCheck see the plan and the notes', async () => {
    expect([...before.keys()]).toEqual(['Plan', 'Notes']);
    expect(before.get('Notes')?.B2).toEqual(['n', 12]);
    expect(before.get('Notes')?.C3).toEqual(['b', false]);
    const result = await checked(XlsxWorkbook.fromBytes(input));
    expect(result.report.actions).toHaveLength(PLAN_TABLE.length - 1);
  });

  it.each([
    ['summary', summary],
    ['highlight', highlight],
  ])(
    '%s: every original cell reads back unchanged (SheetJS), new parts beside the workbook part with names of their own',
    async (_what, run) => {
      const wb = await run(input);
      assertAllWellFormed(wb);
      const out = wb.toBytes();
      expectOriginalCellsKept(before, sheetJsCells(out));

      const added = [...wb.pkg.entries.keys()].filter((n) => !inputParts.includes(n));
      expect(added.length).toBeGreaterThan(0);
      // Custom XML lies where Excel keeps it, beside the workbook's folder; everything else in it.
      for (const n of added) expect(n).toMatch(/^(other\/|customXml\/)/);
      expect(
        added.filter((n) => n.startsWith('customXml/')).every((n) => /^customXml\/(_rels\/)?item(Props)?\d+\.xml(\.rels)?$/.test(n)),
      ).toBe(true);
      const taken = new Set(baseNames(inputParts));
      for (const b of baseNames(added)) expect(taken.has(b)).toBe(false);

      // PlanCheck's own reader sees the same: the plan still reads, nothing else moved.
      const again = XlsxWorkbook.fromBytes(out);
      expect((await checked(again)).report.actions).toHaveLength(PLAN_TABLE.length - 1);
    },
  );

  it('summary: SheetJS finds the summary sheet with its content, and a rebuild replaces it in place', async () => {
    const first = (await summary(input)).toBytes();
    const book = XLSX.read(first, { type: 'array' });
    expect(book.SheetNames).toEqual(['Plan', 'Notes', 'Strategic Summary']);
    const texts = Object.values(book.Sheets['Strategic Summary']).map((c) => (c as XLSX.CellObject).v);
    expect(texts).toContain('Governance');
    const second = await summary(first);
    expect(XLSX.read(second.toBytes(), { type: 'array' }).SheetNames).toEqual(['Plan', 'Notes', 'Strategic Summary']);
    expect([...second.pkg.entries.keys()].sort()).toEqual([...openPackage(first).entries.keys()].sort());
  });

  it('highlight: the notes are on the marked cells, and clearing takes every new part away again', async () => {
    const wb = await highlight(input);
    const ws = XLSX.read(wb.toBytes(), { type: 'array' }).Sheets.Plan;
    const noted = Object.keys(ws).filter((k) => !k.startsWith('!') && (ws[k] as XLSX.CellObject).c);
    expect(noted.length).toBeGreaterThan(0);
    await wb.clearHighlights();
    expect([...wb.pkg.entries.keys()].sort()).toEqual([...inputParts].sort());
    expect(sheetJsCells(wb.toBytes())).toEqual(before);
  });
});

describe('an empty stylesheet (<styleSheet/>, no children)', () => {
  const input = emptyStylesWorkbook();

  it.each([
    ['summary', summary],
    ['highlight', highlight],
  ])('%s adds the fonts, fills, borders and cell formats it needs', async (what, run) => {
    expect(openPackage(input).entries.get('xl/styles.xml')?.data).toEqual(new TextEncoder().encode(EMPTY_STYLESHEET));
    const wb = await run(input);
    assertAllWellFormed(wb);
    const styles = new TextDecoder().decode(wb.pkg.entries.get('xl/styles.xml')?.data);
    // In the schema's order, each with the defaults Excel requires first.
    const order = ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'].map((c) => styles.indexOf(`<${c} `));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(styles).toMatch(
      /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill>/,
    );
    expect(styles).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/);

    const out = wb.toBytes();
    const cells = sheetJsCells(out);
    expect(cells.get('Plan')?.B2).toEqual(['s', PLAN_TABLE[1][1]]);
    expect(cells.get('Notes')?.A4).toEqual(['s', NOTES_TABLE[3][0]]);
    // ExcelJS resolves every style index: a bad count or a missing default would throw or shift them.
    const x = await excelLoad(out);
    if (what === 'summary') {
      const ws = x.getWorksheet('Strategic Summary');
      expect(ws?.getCell('A1').font?.bold).toBe(true);
    } else {
      const marked = highlightMarks(await checked(XlsxWorkbook.fromBytes(input)))[0];
      const cell = x
        .getWorksheet(marked.sheet)
        ?.getRow(marked.row + 1)
        .getCell(marked.col + 1);
      expect(cell?.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
  });
});


describe('a highly compressible sheet within the limits, and real zip bombs next to it', () => {
  const MB = 1024 * 1024;

  it('a 57 MB sheet of long strings compressed 255:1 opens, and the plan and every long string read', async () => {
    const c = compressibleWorkbook(57);
    const ratio = c.sheetBytes / c.sheetCompressed;
    expect(c.sheetBytes).toBeGreaterThan(56 * MB);
    expect(ratio).toBeGreaterThan(240);
    expect(c.bytes.length).toBeLessThan(MB);
    const wb = XlsxWorkbook.fromBytes(c.bytes);
    const grid = await wb.readGrid();
    const notes = grid.sheets.find((s) => s.name === 'Long notes');
    const texts = (notes?.rows ?? []).flatMap((row) => row.filter((cell) => cell !== undefined).map((cell) => String(cell?.value)));
    expect(texts).toHaveLength(c.cells);
    expect(texts.every((t) => t.startsWith('Update ') && t.endsWith(' see above'.repeat(400)))).toBe(true);
    const result = checkWorkbook(grid, { file: 'plan.xlsx', today: '2021-01-15', settings });
    expect(result.report.actions.map((a) => a.description)).toEqual(PLAN_TABLE.slice(1).map((r) => r[1]));
  });

  it('a part that really inflates to 120 MB (1000:1) is refused before inflating, naming the 100 MB limit for one part', () => {
    const bomb = partBomb(120);
    expect(bomb.length).toBeLessThan(MB / 2);
    expect(refusal(() => openPackage(bomb))).toMatch(
      /^too-large: .*part xl\/media\/image1\.bin expands to 120 MB, more than the 100 MB allowed for one part/,
    );
  });

  it('parts within the one-part limit that inflate to 240 MB together are refused before inflating, naming the 200 MB limit for all parts', () => {
    const bomb = totalBomb();
    expect(bomb.length).toBeLessThan(MB / 2);
    expect(refusal(() => openPackage(bomb))).toMatch(
      /^too-large: .*its parts expand to 240 MB in all, more than the 200 MB allowed for all parts together/,
    );
  });

  it('a part whose header understates its size is stopped as soon as it inflates past it', () => {
    const real = spaces(50 * MB);
    const small = withDeflated(bookParts({ sheets: [{ name: 'Plan', xml: '' }] }), { 'xl/media/image1.bin': { ...real, size: 1000 } });
    expect(refusal(() => openPackage(small))).toMatch(
      /^too-large: .*part xl\/media\/image1\.bin declares 1 KB but expands to more .*zip bomb/,
    );
    // A large declared size keeps the part compressed: it is stopped on the first read.
    const large = withDeflated(bookParts({ sheets: [{ name: 'Plan', xml: '' }] }), {
      'xl/worksheets/sheet1.xml': { ...real, size: 4 * MB },
    });
    const wb = XlsxWorkbook.fromBytes(large);
    return expect(wb.readGrid()).rejects.toThrow(/part xl\/worksheets\/sheet1\.xml declares 4 MB but expands to more .*zip bomb/);
  });
});

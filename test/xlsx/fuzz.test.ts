/** Damaged and hostile input must give a result or a WorkbookError: never a crash or a hang. */
import fc from 'fast-check';
import { WorkbookError } from '../../src/workbook/port';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { applyHighlights, clearHighlights, writeSheet } from '../../src/workbook/xlsx/write';
import { openPackage, partText, savePackage } from '../../src/workbook/xlsx/zip';
import { assertWellFormed, book, excelBook, MAIN_NS } from './helpers';

function onlyWorkbookErrors(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
  }
}

const SHEET =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44286</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>' +
  '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="b"><v>1</v></c></row>';

describe('fuzzing', () => {
  it('mutated zip bytes: opened and read, or refused with a WorkbookError', async () => {
    const bytes = await excelBook((wb) => {
      const ws = wb.addWorksheet('Plan');
      ws.getCell('A1').value = 'Action';
      ws.getCell('B2').value = 3;
      ws.mergeCells('A3:B4');
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(bytes.length), (flips, cut) => {
        const b = bytes.slice(0, Math.max(cut, bytes.length - 50));
        for (const [i, v] of flips) if (i < b.length) b[i] = v;
        onlyWorkbookErrors(() => readWorkbook(openPackage(b)));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated sheet XML: read, highlighted and cleared, or refused with a WorkbookError', () => {
    const pieces = ['<', '>', '/>', '</row>', '<row>', '<c>', '</c>', '<v>', '&', '&lt;', '"', "'", ' r="ZZ9"', ' r="A0"', ' s="99"', ' t="d"', '<is>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<![CDATA[', ']]>', '<!--', '-->', 'x', '\u0000'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SHEET.length), fc.constantFrom(...pieces)), { maxLength: 6 }), fc.nat(SHEET.length), (inserts, cut) => {
        let xml = SHEET.slice(0, Math.max(cut, SHEET.length - 30));
        for (const [at, piece] of inserts) xml = xml.slice(0, at) + piece + xml.slice(at);
        onlyWorkbookErrors(() => {
          const pkg = openPackage(book({ sharedStrings: ['s'], styles: { xfs: [0, 14] }, sheets: [{ name: 'P', xml }] }));
          readWorkbook(pkg);
          const before = partText(pkg, 'xl/worksheets/sheet1.xml');
          applyHighlights(pkg, [
            { sheet: 'P', row: 0, col: 0, kind: 'error', note: 'a' },
            { sheet: 'P', row: 1, col: 3, kind: 'warning', note: 'b' },
            { sheet: 'P', row: 5, col: 0, kind: 'Concern', note: 'c' },
          ]);
          readWorkbook(pkg);
          const again = openPackage(savePackage(pkg));
          clearHighlights(again);
          expect(partText(again, 'xl/worksheets/sheet1.xml')).toBe(before);
          writeSheet(again, { name: 'Out', cells: [{ row: 0, col: 0, value: xml }], merges: [], columnWidths: [] });
          readWorkbook(again);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('well-formed but awkward sheets: apply keeps values and well-formedness; clear after reopen restores every part but styles', () => {
    const cellArb = fc.record({ explicit: fc.boolean(), gap: fc.nat(2), s: fc.option(fc.constantFrom('0', '1'), { nil: undefined }), kind: fc.constantFrom('none', 'num', 'str') });
    const rowArb = fc.record({ explicit: fc.boolean(), gap: fc.nat(2), spans: fc.boolean(), cells: fc.array(cellArb, { maxLength: 4 }) });
    const markArb = fc.record({ row: fc.nat(9), col: fc.nat(6), kind: fc.constantFrom('error', 'warning', 'Concern', 'On Target') as fc.Arbitrary<'error'>, note: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 5 }), fc.constantFrom('', '\n  '), fc.boolean(), fc.array(markArb, { minLength: 1, maxLength: 6 }), (rows, ws, tail, marks) => {
        let r = -1;
        const rowXml = rows.map((row) => {
          r += row.explicit ? 1 + row.gap : 1;
          let c = -1;
          const cells = row.cells.map((cell) => {
            c += cell.explicit ? 1 + cell.gap : 1;
            // Only cells of explicit rows carry r= (a gap needs an address); the rest run on.
            const attrs = `${cell.explicit && row.explicit ? ` r="${String.fromCharCode(65 + c)}${r + 1}"` : ''}${cell.s !== undefined ? ` s="${cell.s}"` : ''}`;
            if (cell.kind === 'none') return `<c${attrs}/>`;
            if (cell.kind === 'num') return `<c${attrs}><v>${c}</v></c>`;
            return `<c${attrs} t="inlineStr"><is><t>v${c}</t></is></c>`;
          });
          const attrs = `${row.explicit ? ` r="${r + 1}"` : ''}${row.spans ? ' spans="1:3"' : ''}`;
          return cells.length ? `<row${attrs}>${ws}${cells.join(ws)}${ws}</row>` : `<row${attrs}/>`;
        });
        const data = rowXml.length ? `<sheetData>${ws}${rowXml.join(ws)}${ws}</sheetData>` : ws ? '<sheetData></sheetData>' : '<sheetData/>';
        const xml = `<?xml version="1.0"?>${ws}<worksheet xmlns="${MAIN_NS}">${ws}${data}${tail ? `${ws}<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>${ws}<extLst/>` : ''}${ws}</worksheet>`;
        const pkg = openPackage(book({ styles: { xfs: [0, 9] }, sheets: [{ name: 'P', xml }] }));
        const original = new Map([...pkg.entries].map(([k, v]) => [k, Buffer.from(v.data).toString('base64')]));
        const values = readWorkbook(pkg).grid.sheets[0].rows;
        applyHighlights(pkg, marks.map((m) => ({ sheet: 'P', ...m })));
        for (const name of pkg.entries.keys()) if (/\.(xml|rels)$/.test(name)) assertWellFormed(partText(pkg, name) as string, name);
        expect(readWorkbook(pkg).grid.sheets[0].rows).toEqual(values);
        const again = openPackage(savePackage(pkg));
        clearHighlights(again);
        expect([...again.entries.keys()].sort()).toEqual([...original.keys()].sort());
        for (const [name, data64] of original) {
          if (name !== 'xl/styles.xml') expect({ name, text: Buffer.from(again.entries.get(name)?.data ?? []).toString() }).toEqual({ name, text: Buffer.from(data64, 'base64').toString() });
        }
      }),
      { numRuns: 400 },
    );
  });
});

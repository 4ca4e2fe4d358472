/** Saving copies unchanged parts byte-for-byte and writes a zip other readers accept. */
import { unzipSync } from 'fflate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { openPackage, partText, savePackage, setPartText } from '../../src/workbook/xlsx/zip';
import { book, excelLoad } from './helpers';

const plan = () =>
  book({
    sheets: [
      { name: 'Plan', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>Workstream</t></is></c></row>' },
      { name: 'Notes', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>keep me</t></is></c></row>' },
    ],
  });

/** The raw compressed bytes of each zip entry, read from the local headers. */
function compressedParts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50) {
    const size = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extra = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + nameLen));
    const start = p + 30 + nameLen + extra;
    out.set(name, Buffer.from(bytes.subarray(start, start + size)).toString('base64'));
    p = start + size;
  }
  return out;
}

describe('savePackage', () => {
  it('copies every unchanged part with its original compressed bytes', () => {
    const input = plan();
    const pkg = openPackage(input);
    const sheet = 'xl/worksheets/sheet1.xml';
    setPartText(pkg, sheet, partText(pkg, sheet)!.replace('Workstream', 'Workstreams'));
    const before = compressedParts(input);
    const after = compressedParts(savePackage(pkg));
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('writes a zip that fflate and ExcelJS read, with [Content_Types].xml first', async () => {
    const wb = XlsxWorkbook.fromBytes(plan());
    await wb.writeSheet({ name: 'Strategic Summary', cells: [{ row: 0, col: 0, value: '=1+1' }], merges: [], columnWidths: [10] });
    const out = wb.toBytes();
    const files = unzipSync(out);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    const excel = await excelLoad(out);
    expect(excel.worksheets.map((w) => w.name)).toEqual(['Plan', 'Notes', 'Strategic Summary']);
    expect(excel.getWorksheet('Strategic Summary')!.getCell('A1').value).toBe('=1+1');
  });
});

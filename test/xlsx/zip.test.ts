import { strToU8, zipSync } from 'fflate';
import { crc32, DEFAULT_PACKAGE_LIMITS, openPackage, partText, savePackage } from '../../src/workbook/xlsx/zip';
import { book, bookParts, refusal, zip } from './helpers';

/** A compound-file (OLE2) image with the given stream names in its directory. */
function ole2(streams: string[], extra = ''): Uint8Array {
  const b = new Uint8Array(512 + 512 + 512);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  ['Root Entry', ...streams].forEach((name, i) => {
    const off = 512 + i * 128;
    for (let j = 0; j < name.length; j++) b[off + j * 2] = name.charCodeAt(j);
    b[off + 64] = (name.length + 1) * 2;
    b[off + 66] = i === 0 ? 5 : 2;
  });
  // Text in a data sector that merely mentions a name, unaligned: must not count.
  for (let j = 0; j < extra.length; j++) b[1024 + 3 + j * 2] = extra.charCodeAt(j);
  return b;
}

/** Sets the declared uncompressed size of `name` in both headers (a lying zip). */
function lieAboutSize(z: Uint8Array, name: string, size: number): Uint8Array {
  const out = z.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && dv.getUint16(i + 26, true) === nameBytes.length && nameBytes.every((c, j) => out[i + 30 + j] === c))
      dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && dv.getUint16(i + 28, true) === nameBytes.length && nameBytes.every((c, j) => out[i + 46 + j] === c))
      dv.setUint32(i + 24, size, true);
  }
  return out;
}

const simple = () => book({ sheets: [{ name: 'Plan', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

describe('openPackage refuses what it cannot read safely, in plain English', () => {
  it('not a zip: CSV/text, HTML, empty, binary', () => {
    expect(refusal(() => openPackage(strToU8('Action,Lead,Due\n1,Jo,31/03/2021\n')))).toMatch(/^not-a-zip: .*looks like a CSV\/text file/);
    expect(refusal(() => openPackage(strToU8('<html><table></table></html>')))).toMatch(/^not-a-zip: .*web page/);
    expect(refusal(() => openPackage(new Uint8Array(0)))).toMatch(/^not-a-zip: .*empty/);
    expect(refusal(() => openPackage(new Uint8Array([1, 2, 3, 0, 0, 255, 254])))).toMatch(/^not-a-zip/);
  });

  it('old .xls (OLE2) and password-protected .xlsx (OLE2 with EncryptionInfo)', () => {
    expect(refusal(() => openPackage(ole2(['Workbook', 'SummaryInformation'], 'EncryptionInfo')))).toMatch(
      /^legacy-xls: This is an old \.xls file: open it in Excel and save as \.xlsx/,
    );
    expect(refusal(() => openPackage(ole2(['EncryptionInfo', 'EncryptedPackage', 'DataSpaces'])))).toMatch(/^encrypted: .*password/);
    expect(refusal(() => openPackage(ole2(['EncryptedPackage'])))).toMatch(/^encrypted/);
  });

  it('truncated: a real workbook cut in half', () => {
    const b = simple();
    expect(refusal(() => openPackage(b.subarray(0, Math.floor(b.length / 2))))).toMatch(/^truncated: .*incomplete/);
    expect(refusal(() => openPackage(b.subarray(0, 10)))).toMatch(/^truncated/);
  });

  it('a zip that is not a workbook: .docx and plain zips', () => {
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(refusal(() => openPackage(docx))).toMatch(/^not-xlsx: .*Word document/);
    expect(refusal(() => openPackage(zip({ 'a.txt': 'hello' })))).toMatch(/^not-xlsx: .*no xl\/workbook\.xml/);
  });

  it('zip bomb: an entry declaring 1 KB but inflating to 50 MB is refused while inflating', () => {
    const parts = bookParts({ sheets: [{ name: 'S', xml: '' }] });
    const bomb = zipSync({
      ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
      'xl/media/big.bin': new Uint8Array(50 * 1024 * 1024),
    });
    const lying = lieAboutSize(bomb, 'xl/media/big.bin', 1000);
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const t = Date.now();
    expect(refusal(() => openPackage(lying))).toMatch(/^too-large: .*declares 1 KB but expands to more.*zip bomb/);
    expect(Date.now() - t).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);
    // Honest headers: 50 MB is within the limits, however well it compresses (issue #16).
    expect(refusal(() => openPackage(bomb))).toBe('no error');
  });

  it('limits on entries, entry size and total size', () => {
    const b = simple();
    expect(refusal(() => openPackage(b, { maxEntries: 3 }))).toMatch(/^too-large: .*parts \(the limit is 3\)/);
    expect(refusal(() => openPackage(b, { maxEntryBytes: 500 }))).toMatch(
      /^too-large: .*expands to .*, more than the 1 KB allowed for one part/,
    );
    expect(refusal(() => openPackage(b, { maxTotalBytes: 1500 }))).toMatch(
      /^too-large: .*expand to .* in all, more than the 2 KB allowed for all parts together/,
    );
    expect(DEFAULT_PACKAGE_LIMITS).not.toHaveProperty('maxRatio');
    expect(DEFAULT_PACKAGE_LIMITS).toMatchObject({
      maxEntries: 10000,
      maxTotalBytes: 200 * 1024 * 1024,
      maxEntryBytes: 100 * 1024 * 1024,
      maxCells: 2_000_000,
      maxFileBytes: 50 * 1024 * 1024,
    });
  });

  it('damaged data and duplicate parts are "corrupt"', () => {
    const parts = bookParts({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50) }] });
    const z = zip(parts);
    const bad = z.slice();
    // Flip a byte inside the sheet's compressed data.
    const at = Buffer.from(z).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 10;
    bad[at] ^= 0xff;
    expect(refusal(() => openPackage(bad))).toMatch(/^corrupt: .*sheet1\.xml/);
  });
});

describe('packages round-trip', () => {
  it('keeps every part byte-identical and puts [Content_Types].xml first', () => {
    const parts = bookParts({ sheets: [{ name: 'S', xml: '' }] });
    const reordered: Record<string, string | Uint8Array> = { 'xl/workbook.xml': parts['xl/workbook.xml'], ...parts };
    const pkg = openPackage(zip(reordered));
    expect([...pkg.entries.keys()][0]).toBe('xl/workbook.xml');
    const again = openPackage(savePackage(pkg));
    expect([...again.entries.keys()][0]).toBe('[Content_Types].xml');
    for (const [k, v] of pkg.entries) expect(Buffer.from(again.entries.get(k)?.data ?? []).equals(Buffer.from(v.data))).toBe(true);
    expect(partText(again, 'XL/Workbook.xml')).toBe(parts['xl/workbook.xml']);
  });

  it('keeps stored entries stored', () => {
    const parts = bookParts({ sheets: [{ name: 'S', xml: '' }] });
    const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (const [k, v] of Object.entries(parts)) files[k] = [typeof v === 'string' ? strToU8(v) : v, { level: k.endsWith('.rels') ? 0 : 6 }];
    const pkg = openPackage(zipSync(files));
    expect(pkg.entries.get('_rels/.rels')?.compression).toBe(0);
    expect(openPackage(savePackage(pkg)).entries.get('_rels/.rels')?.compression).toBe(0);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});

describe('large parts, kept compressed and checked as they are read', () => {
  const bigSheet = () => {
    const rows: string[] = [];
    for (let r = 1; r <= 15000; r++)
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Action ${r}: review arrangements</t></is></c></row>`);
    return book({ sheets: [{ name: 'Big', xml: rows.join('') }] });
  };

  it('a file over maxFileBytes is refused before anything is read', () => {
    expect(refusal(() => openPackage(bigSheet(), { maxFileBytes: 1000 }))).toMatch(/^too-large: .*up to 1 KB/);
  });

  it('damage to a large part is found when it is read, with the part named', () => {
    const b = bigSheet();
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // Change the checksum the central directory records for the sheet.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let i = b.length - 22; i >= 0; i--) {
      if (v.getUint32(i, true) === 0x02014b50 && name.every((c, k) => b[i + 46 + k] === c)) {
        v.setUint32(i + 16, v.getUint32(i + 16, true) ^ 1, true);
        break;
      }
    }
    const pkg = openPackage(b);
    expect(refusal(() => partText(pkg, 'xl/worksheets/sheet1.xml'))).toMatch(/^corrupt: .*xl\/worksheets\/sheet1\.xml fails its checksum/);
  });

  it('an unchanged large part is written back byte for byte', () => {
    const b = bigSheet();
    const again = openPackage(savePackage(openPackage(b)));
    expect(partText(again, 'xl/worksheets/sheet1.xml')).toBe(partText(openPackage(b), 'xl/worksheets/sheet1.xml'));
  });
});

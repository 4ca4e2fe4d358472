/** zipFiles: every update form in one download, each coming back out byte for byte. */
import { unzipSync } from 'fflate';
import { zipFiles } from '../../src/workbook/xlsx/zipFiles';

describe('zipFiles', () => {
  it('puts each file in under its name, unchanged', () => {
    const a = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    const b = new Uint8Array(5000).map((_, i) => i % 251);
    const out = unzipSync(
      zipFiles([
        { name: 'update-j-craig.xlsx', bytes: a },
        { name: 'update-r-graham.xlsx', bytes: b },
      ]),
    );
    expect(Object.keys(out)).toEqual(['update-j-craig.xlsx', 'update-r-graham.xlsx']);
    expect(out['update-j-craig.xlsx']).toEqual(a);
    expect(out['update-r-graham.xlsx']).toEqual(b);
  });

  it('refuses two files of one name rather than dropping one', () => {
    const f = { name: 'x.xlsx', bytes: new Uint8Array([1]) };
    expect(() => zipFiles([f, f])).toThrow(/Two files named x\.xlsx/);
  });
});

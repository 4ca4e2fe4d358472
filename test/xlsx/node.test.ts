import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsxFile, writeFileAtomic } from '../../src/workbook/xlsx/node';
import { book } from './helpers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-xlsx-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('node file helpers', () => {
  it('reads a workbook from disk without changing it', async () => {
    const file = path.join(dir, 'plan.xlsx');
    const bytes = book({ sheets: [{ name: 'Plan', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    fs.writeFileSync(file, bytes);
    const mtime = fs.statSync(file).mtimeMs;
    const wb = await readXlsxFile(file);
    expect((await wb.readGrid()).sheets[0].rows[0][0]).toEqual({ value: 1 });
    await wb.writeSheet({ name: 'Out', cells: [{ row: 0, col: 0, value: 'x' }], merges: [], columnWidths: [] });
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('says clearly when the file is missing, a folder, or not a workbook', async () => {
    await expect(readXlsxFile(path.join(dir, 'nope.xlsx'))).rejects.toMatchObject({ code: 'missing', message: expect.stringMatching(/nope\.xlsx: no such file/) });
    await expect(readXlsxFile(dir)).rejects.toMatchObject({ code: 'not-a-file' });
    const csv = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(csv, 'Action,Lead\n1,Jo\n');
    await expect(readXlsxFile(csv)).rejects.toMatchObject({ code: 'not-a-zip', message: expect.stringMatching(/^.*plan\.xlsx: .*CSV\/text/) });
  });

  it('writes atomically through a temporary file in the same folder, replacing a symlink rather than its target', async () => {
    const out = path.join(dir, 'out.xlsx');
    await writeFileAtomic(out, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(out)]).toEqual([1, 2, 3]);
    await writeFileAtomic(out, new Uint8Array([4]));
    expect([...fs.readFileSync(out)]).toEqual([4]);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']); // no temporary files left behind

    const target = path.join(dir, 'input.xlsx');
    fs.writeFileSync(target, 'original');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(target, link);
    await writeFileAtomic(link, new Uint8Array([9]));
    expect(fs.readFileSync(target, 'utf8')).toBe('original');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
  });

  it('refuses to write into a missing folder or over a folder', async () => {
    await expect(writeFileAtomic(path.join(dir, 'no', 'out.xlsx'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'missing' });
    await expect(writeFileAtomic(dir, new Uint8Array([1]))).rejects.toMatchObject({ code: 'not-a-file' });
  });
});

/** Node file helpers for the xlsx adapter: read safely, write atomically. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkbookError } from '../port';
import { type XlsxLimits, XlsxWorkbook } from './adapter';

/** Largest file PlanCheck opens (bigger files are refused before reading). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Reads and opens an .xlsx file, with plain-words errors naming the file. */
export async function readXlsxFile(file: string, limits: XlsxLimits = {}): Promise<XlsxWorkbook> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new WorkbookError('missing', `${file}: no such file`);
  }
  if (stat.isDirectory()) throw new WorkbookError('not-a-file', `${file}: is a folder, not a workbook`);
  if (stat.size > MAX_FILE_BYTES) throw new WorkbookError('too-large', `${file}: the file is ${Math.round(stat.size / 1048576)} MB; PlanCheck opens files up to ${MAX_FILE_BYTES / 1048576} MB`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    throw new WorkbookError('unreadable', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return XlsxWorkbook.fromBytes(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(e.code, `${file}: ${e.message}`);
    // A file damaged in ways the checks did not foresee is still the file's fault, not ours.
    throw new WorkbookError('damaged', `${file}: the workbook is damaged and cannot be read (${(e as Error).message})`);
  }
}

/** Writes bytes through a temporary file in the same folder and a rename: never half a file. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw new WorkbookError('write-failed', `cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Node-only file helpers for the xlsx adapter (the one file in this folder that may touch
 * the file system). Reading never modifies the input; writing goes to a temporary file in
 * the output's directory and is renamed into place, so a crash or a full disk never leaves
 * a half-written workbook under the output's name.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WorkbookError } from '../port';
import { XlsxWorkbook } from './adapter';
import { DEFAULT_PACKAGE_LIMITS, fileTooLarge, type PackageLimits } from './zip';

function fsError(e: unknown, file: string, writing: boolean): WorkbookError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return writing
      ? new WorkbookError('missing', `Cannot write ${file}: the folder ${path.dirname(file)} does not exist.`)
      : new WorkbookError('missing', `${file}: no such file (check the name and the folder).`);
  }
  if (code === 'EISDIR') return new WorkbookError('not-a-file', `${file} is a folder, not a file.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new WorkbookError(writing ? 'unwritable' : 'unreadable', `Cannot ${writing ? 'write' : 'read'} ${file}: permission denied.`);
  }
  if (code === 'ENOSPC') return new WorkbookError('unwritable', `Cannot write ${file}: the disk is full.`);
  return new WorkbookError(
    writing ? 'unwritable' : 'unreadable',
    `Cannot ${writing ? 'write' : 'read'} ${file}: ${(e as Error)?.message ?? String(e)}`,
  );
}

/**
 * Opens an .xlsx file. Errors are WorkbookErrors whose message starts with the file name:
 * 'missing', 'not-a-file', 'unreadable', and everything {@link XlsxWorkbook.fromBytes} refuses.
 */
export async function readXlsxFile(file: string, limits?: Partial<PackageLimits>): Promise<XlsxWorkbook> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw fsError(e, file, false);
  }
  if (!stat.isFile())
    throw new WorkbookError('not-a-file', `${file} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a workbook.`);
  // Refused before it is read into memory.
  const cap = limits?.maxFileBytes ?? DEFAULT_PACKAGE_LIMITS.maxFileBytes;
  if (stat.size > cap) {
    throw new WorkbookError('too-large', `${file}: This workbook is too large to open safely: ${fileTooLarge(stat.size, cap)}.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw fsError(e, file, false);
  }
  try {
    return XlsxWorkbook.fromBytes(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(e.code, `${file}: ${e.message}`);
    throw e;
  }
}

/**
 * Writes bytes to `file` atomically: a temporary file in the same directory (so the rename
 * cannot cross file systems), flushed to disk, then renamed over `file`. If `file` is a
 * symbolic link the link itself is replaced, never the file it points to.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new WorkbookError('not-a-file', `${file} is a folder, not a file.`);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    // absent is fine: we are creating it
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    if (e instanceof WorkbookError) throw e;
    throw fsError(e, file, true);
  }
}

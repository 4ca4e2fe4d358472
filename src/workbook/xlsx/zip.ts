/**
 * A zip container read defensively: the central directory is inspected before anything
 * is inflated (entry count, declared sizes, ratios), and inflation counts the bytes it
 * really produces, because headers can lie. Entries are inflated on demand; entries that
 * are never changed are written back with their original compressed bytes.
 */
import { Inflate, deflateSync } from 'fflate';
import { WorkbookError } from '../port';

/** Limits against decompression and size bombs (all documented in SECURITY.md). */
export interface PackageLimits {
  /** Most entries a package may have. */
  maxEntries: number;
  /** Most bytes all entries may inflate to together. */
  maxTotalBytes: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Highest inflate ratio for entries over 1 MB. */
  maxRatio: number;
}

/** Defaults: generous for real plans (a 100,000-action workbook is far below them). */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxEntries: 10000,
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

interface Entry {
  name: string;
  method: number;
  crc: number;
  flags: number;
  size: number;
  /** Compressed bytes as stored (original entries only). */
  raw?: Uint8Array;
  /** Inflated content, once read or when written. */
  content?: Uint8Array;
  changed: boolean;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of bytes, as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

function utf16Includes(b: Uint8Array, word: string): boolean {
  const needle = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) needle[i * 2] = word.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes are not a zip: the plain-words diagnosis. */
function notAZip(bytes: Uint8Array): WorkbookError {
  if (bytes.length === 0) return new WorkbookError('not-a-zip', 'the file is empty');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (utf16Includes(bytes, 'EncryptionInfo') || utf16Includes(bytes, 'EncryptedPackage')) {
      return new WorkbookError('encrypted', 'the workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again');
    }
    return new WorkbookError('legacy-xls', 'this is an old-style .xls workbook: open it in Excel and save it as .xlsx');
  }
  const head = decoder.decode(bytes.subarray(0, 2048));
  if (/^\s*<(\?xml|html|!doctype)/i.test(head)) {
    return new WorkbookError('not-a-zip', 'this is an XML or HTML file, not an .xlsx workbook: open it in Excel and save it as .xlsx');
  }
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0e-\x1f]/.test(head) && /[,;\t]/.test(head)) {
    return new WorkbookError('not-a-zip', 'this looks like a CSV/text file renamed .xlsx: open it in Excel and save it as .xlsx');
  }
  return new WorkbookError('not-a-zip', 'this is not an .xlsx workbook (it is not a zip package)');
}

/** The zip entries of an .xlsx package, read safely and changed in memory. */
export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  private totalInflated = 0;

  private constructor(private readonly limits: PackageLimits) {}

  /** Opens zip bytes, checking the directory against the limits before inflating anything. */
  static open(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): ZipPackage {
    const lim = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
    if (!startsWith(bytes, [0x50, 0x4b])) throw notAZip(bytes);
    const pkg = new ZipPackage(lim);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // End of central directory: within the last 64 KB + 22 bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new WorkbookError('truncated', 'the file is damaged or incomplete (the zip directory is missing): ask for a fresh copy');
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count > lim.maxEntries) throw new WorkbookError('too-large', `the package has ${count} parts; PlanCheck reads at most ${lim.maxEntries}`);
    if (cdOffset + cdSize > bytes.length) throw new WorkbookError('truncated', 'the file is damaged or incomplete: ask for a fresh copy');
    let p = cdOffset;
    let declared = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
        throw new WorkbookError('truncated', 'the file is damaged (broken zip directory): ask for a fresh copy');
      }
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      const csize = view.getUint32(p + 20, true);
      const size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const local = view.getUint32(p + 42, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
      if (flags & 1) throw new WorkbookError('encrypted', 'the workbook is encrypted: remove the password in Excel and try again');
      if (csize === 0xffffffff || size === 0xffffffff) throw new WorkbookError('too-large', `part ${name} is over 4 GB`);
      if (method !== 0 && method !== 8) throw new WorkbookError('not-xlsx', `part ${name} uses a compression PlanCheck does not read`);
      if (size > lim.maxEntryBytes) throw new WorkbookError('too-large', `part ${name} would inflate to ${mb(size)}; the limit is ${mb(lim.maxEntryBytes)}`);
      if (size > 1024 * 1024 && csize > 0 && size / csize > lim.maxRatio) {
        throw new WorkbookError('too-large', `part ${name} is compressed ${Math.round(size / csize)}:1, like a decompression bomb; the limit is ${lim.maxRatio}:1`);
      }
      declared += size;
      if (declared > lim.maxTotalBytes) throw new WorkbookError('too-large', `the package would inflate to over ${mb(lim.maxTotalBytes)}`);
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
        throw new WorkbookError('truncated', 'the file is damaged or incomplete: ask for a fresh copy');
      }
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + csize > bytes.length) throw new WorkbookError('truncated', 'the file is damaged or incomplete: ask for a fresh copy');
      if (name.endsWith('/')) continue;
      pkg.entries.set(name, { name, method, crc, flags, size, raw: bytes.subarray(start, start + csize), changed: false });
    }
    return pkg;
  }

  /** Entry names in package order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, inflated with a hard cap (headers can lie about sizes). */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.content) return e.content;
    const raw = e.raw!;
    let content: Uint8Array;
    if (e.method === 0) content = raw;
    else content = this.inflateCapped(raw, name);
    this.totalInflated += content.length;
    if (this.totalInflated > this.limits.maxTotalBytes) {
      throw new WorkbookError('too-large', `the package inflates to over ${mb(this.limits.maxTotalBytes)}`);
    }
    e.content = content;
    return content;
  }

  /** An entry as text (UTF-8), or undefined. */
  readText(name: string): string | undefined {
    const b = this.read(name);
    return b === undefined ? undefined : decoder.decode(b);
  }

  /** Replaces or adds an entry. */
  write(name: string, content: Uint8Array | string): void {
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    const prev = this.entries.get(name);
    const entry: Entry = { name, method: 8, crc: 0, flags: 0, size: data.length, content: data, changed: true };
    if (prev) this.entries.set(name, entry);
    else this.entries.set(name, entry);
  }

  delete(name: string): void {
    this.entries.delete(name);
  }

  /** Writes the package: unchanged entries keep their original compressed bytes. */
  toBytes(): Uint8Array {
    const parts: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    // [Content_Types].xml first, as Office writes it.
    const names = this.names().sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
    for (const name of names) {
      const e = this.entries.get(name)!;
      let data: Uint8Array;
      let method: number;
      let crc: number;
      let size: number;
      if (!e.changed && e.raw) {
        data = e.raw;
        method = e.method;
        crc = e.crc;
        size = e.size;
      } else {
        const content = e.content!;
        data = deflateSync(content, { level: 6 });
        method = 8;
        crc = crc32(content);
        size = content.length;
      }
      const nameBytes = encoder.encode(name);
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, 0x0800, true); // UTF-8 names
      lv.setUint16(8, method, true);
      lv.setUint16(10, 0, true);
      lv.setUint16(12, 0x21, true); // 1 Jan 1980: fixed, so output is reproducible
      lv.setUint32(14, crc, true);
      lv.setUint32(18, data.length, true);
      lv.setUint32(22, size, true);
      lv.setUint16(26, nameBytes.length, true);
      local.set(nameBytes, 30);
      const cd = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(cd.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, 0x0800, true);
      cv.setUint16(10, method, true);
      cv.setUint16(14, 0x21, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, data.length, true);
      cv.setUint32(24, size, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(42, offset, true);
      cd.set(nameBytes, 46);
      parts.push(local, data);
      central.push(cd);
      offset += local.length + data.length;
    }
    const cdSize = central.reduce((s, c) => s + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, central.length, true);
    ev.setUint16(10, central.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, offset, true);
    const out = new Uint8Array(offset + cdSize + 22);
    let p = 0;
    for (const part of [...parts, ...central, end]) {
      out.set(part, p);
      p += part.length;
    }
    return out;
  }

  private inflateCapped(raw: Uint8Array, name: string): Uint8Array {
    const cap = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.totalInflated);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap) over = true;
      else chunks.push(chunk);
    });
    const STEP = 65536;
    try {
      for (let i = 0; i < raw.length && !over; i += STEP) {
        inflater.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
      }
    } catch {
      throw new WorkbookError('truncated', `part ${name} is damaged and cannot be decompressed: ask for a fresh copy`);
    }
    if (over) throw new WorkbookError('too-large', `part ${name} inflates to over ${mb(cap)}, like a decompression bomb`);
    const out = new Uint8Array(total);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

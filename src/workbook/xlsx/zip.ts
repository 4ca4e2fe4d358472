/**
 * The zip container of an .xlsx, read defensively.
 *
 * Before anything is inflated the central directory is parsed with bounds checks and the
 * entry count, every declared size and the declared total are checked against
 * {@link PackageLimits}. Then each entry is inflated with fflate's streaming `Inflate` in small
 * slices while counting the bytes really produced, because headers can lie: an entry that
 * grows past its declared size (and so past the limits) is refused at once, before it can fill
 * memory. CRC-32s are checked so damaged files are reported, not half-read.
 *
 * How well a part compresses is not a test: a sheet of long, repeated strings legitimately
 * compresses 250:1, and a bomb is dangerous only for the bytes it inflates to, which these
 * limits bound whatever the ratio.
 *
 * We parse the central directory ourselves rather than through `unzipSync`'s `filter`
 * callback because the callback does not expose each entry's local-header offset (needed to
 * inflate under our own cap), and fflate sizes its output buffer from the declared size and
 * silently truncates when the data is longer, so a lying header would go unnoticed.
 *
 * Browser-safe: fflate and TextDecoder only.
 */
import { Inflate, deflateSync } from 'fflate';
import { WorkbookError } from '../port';
import { TOK_EOF, TOK_OPEN, XmlScanner, xmlSplitPoint } from './xml';

const MB = 1024 * 1024;

/** The default {@link PackageLimits.maxWholePartBytes}, in MB. */
const WHOLE_MB = 40;

/** Limits that keep a hostile or broken file from exhausting memory or time. */
export interface PackageLimits {
  /** Most entries (parts) a package may have. */
  maxEntries: number;
  /** Most bytes all entries may inflate to together. */
  maxTotalBytes: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most non-empty cells (plus merged ranges) the reader stores across the workbook. */
  maxCells: number;
  /** Largest file (the zip itself) that is opened at all. */
  maxFileBytes: number;
  /**
   * Most bytes a part read whole may inflate to: every part but worksheets and shared
   * strings (styles, workbook.xml, relationships, content types, comments, drawings, custom
   * XML…), which is held as bytes, then as one string, then parsed, all at once.
   */
  maxWholePartBytes: number;
  /**
   * Most bytes of a streamed part (a sheet, the shared strings) with no place to split it:
   * past this much text without a tag in it (a run of padding, one giant text node), the
   * part is refused rather than held as one ever-growing piece.
   */
  maxPieceBytes: number;
}

/**
 * The defaults. Real council plans are a few MB at most; these leave room for
 * 100,000-row sheets while refusing zip bombs long before memory runs out:
 * - 10,000 entries;
 * - 200 MB uncompressed in total, 100 MB for one entry (a 100,000-action sheet is about
 *   50 MB), however well it compresses: a zip bomb is refused for the bytes it would inflate
 *   to, declared or really produced, not for its ratio;
 * - 2,000,000 stored cells (a 100,000-action plan has about 800,000);
 * - a 50 MB file (a 100,000-action plan is about 8 MB);
 * - 40 MB for a part read whole (everything but sheets and shared strings, which are
 *   streamed): Excel's duplicated-styles bug makes real styles.xml files tens of MB, and
 *   they open;
 * - 16 MB of a streamed part with no tag in it (Excel's longest cell text is 32,767
 *   characters).
 * Together with the CLI's heap cap they keep PlanCheck under 400 MB whatever the file
 * (test/hostile/corpus.test.ts measures each refusal).
 */
export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxCells: 2_000_000,
  maxFileBytes: 50 * 1024 * 1024,
  maxWholePartBytes: WHOLE_MB * 1024 * 1024,
  maxPieceBytes: 16 * 1024 * 1024,
});

/** One part of the package. */
export interface PackageEntry {
  /** The uncompressed bytes. */
  data: Uint8Array;
  /** How the input stored it: 0 stored, 8 deflated. New parts are deflated. */
  compression: 0 | 8;
  /**
   * The input's compressed bytes and checksum, kept so an unchanged part is written back
   * as it was (byte-for-byte, and without recompressing a 40 MB sheet). A changed part is
   * a new entry without this.
   */
  original?: { compressed: Uint8Array; crc: number; size: number };
}

/**
 * Parts larger than this are not inflated when the package is opened: they stay compressed
 * and are inflated, in slices, each time they are read, with their size and checksum checked
 * as they stream past. A 100,000-action sheet is about 50 MB of XML; keeping it inflated would
 * cost that much for as long as the workbook is open, and reading it as one string twice that.
 */
export const KEEP_INFLATED_BYTES = 1024 * 1024;

/** Smaller parts are kept inflated only up to this much in all: past it they stay compressed too. */
export const KEEP_INFLATED_TOTAL = 32 * 1024 * 1024;

/** A large part held compressed; `data` inflates (and checks) it on each read (see {@link KEEP_INFLATED_BYTES}). */
class CompressedEntry implements PackageEntry {
  readonly compression = 8 as const;
  private replaced?: Uint8Array;
  original?: { compressed: Uint8Array; crc: number; size: number };
  constructor(
    readonly name: string,
    original: { compressed: Uint8Array; crc: number; size: number },
  ) {
    this.original = original;
  }
  get data(): Uint8Array {
    if (this.replaced) return this.replaced;
    return inflateWhole(this.name, this.original as { compressed: Uint8Array; crc: number; size: number });
  }
  /** Replacing the bytes makes it a changed part: it is deflated anew when saved. */
  set data(bytes: Uint8Array) {
    this.replaced = bytes;
    this.original = undefined;
  }
}

/**
 * An opened .xlsx: its parts by name, in the order of the input's central directory
 * (new parts are added at the end; replacing a part keeps its place).
 */
export interface XlsxPackage {
  entries: Map<string, PackageEntry>;
  limits: PackageLimits;
}

function mb(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Why a file over {@link PackageLimits.maxFileBytes} is refused. */
export function fileTooLarge(size: number, max: number): string {
  return `the file is ${mb(size)}, and PlanCheck opens workbooks of up to ${mb(max)} (a 100,000-action plan is about 8 MB); remove pictures or attachments from it, or save the plan's sheets on their own`;
}

function tooLarge(why: string): WorkbookError {
  return new WorkbookError('too-large', `This workbook is too large or suspicious to open safely: ${why}.`);
}

function truncated(why: string): WorkbookError {
  return new WorkbookError(
    'truncated',
    `This workbook is damaged or incomplete (${why}). It may have been cut short while copying or downloading: try getting it again, or open it in Excel and save a fresh copy.`,
  );
}

function corrupt(why: string): WorkbookError {
  return new WorkbookError(
    'corrupt',
    `This workbook is damaged: ${why}. Open it in Excel (which may offer to repair it) and save a fresh copy.`,
  );
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a non-zip file most likely is, for a plain-English refusal. */
function refuseNonZip(bytes: Uint8Array): never {
  if (bytes.length >= 8 && OLE2_MAGIC.every((m, i) => bytes[i] === m)) {
    if (ole2HasStream(bytes, 'EncryptionInfo') || ole2HasStream(bytes, 'EncryptedPackage')) {
      throw new WorkbookError(
        'encrypted',
        'This workbook is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and try again.',
      );
    }
    throw new WorkbookError(
      'legacy-xls',
      'This is an old .xls file: open it in Excel and save as .xlsx (File > Save As > Excel Workbook), then try again.',
    );
  }
  if (bytes.length === 0)
    throw new WorkbookError('not-a-zip', 'Nothing to read: the file is empty (0 bytes), so it is not an Excel workbook.');
  const head = bytes.subarray(0, 4096);
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const first = String.fromCharCode(...head.subarray(start, start + 16))
    .trimStart()
    .toLowerCase();
  if (first.startsWith('%pdf')) throw new WorkbookError('not-a-zip', 'This is a PDF, not an Excel workbook (.xlsx).');
  if (first.startsWith('<')) {
    throw new WorkbookError(
      'not-a-zip',
      'This file is not an Excel workbook (.xlsx): it looks like a web page or XML file, as some systems export. Open it in Excel and save as .xlsx.',
    );
  }
  if (looksLikeText(head.subarray(start))) {
    throw new WorkbookError(
      'not-a-zip',
      'This file is not an Excel workbook (.xlsx): it looks like a CSV/text file. Open it in Excel and save as .xlsx.',
    );
  }
  throw new WorkbookError('not-a-zip', 'This file is not an Excel workbook (.xlsx): it is not a zip package.');
}

function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let bad = 0;
  for (const c of b) {
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  return bad / b.length < 0.02;
}

/**
 * True when a compound (OLE2) file has a directory entry named `name`. Directory entries
 * are 128 bytes, aligned to 128 within sectors, holding the UTF-16LE name, its byte length
 * (including the terminator) at +64 and the object type (2 = stream) at +66. Matching the
 * whole structure keeps text that merely mentions the name from counting.
 */
function ole2HasStream(b: Uint8Array, name: string): boolean {
  const nameLen = (name.length + 1) * 2;
  for (let off = 512; off + 128 <= b.length; off += 128) {
    if (u16(b, off + 64) !== nameLen || b[off + 66] !== 2) continue;
    let ok = true;
    for (let i = 0; i < name.length && ok; i++) ok = u16(b, off + i * 2) === name.charCodeAt(i);
    if (ok) return true;
  }
  return false;
}

interface DirEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Finds the end-of-central-directory record, searching back over a possible comment. */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

function readCentralDirectory(b: Uint8Array, limits: PackageLimits): DirEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw truncated('the zip directory at the end of the file is missing');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  // Zip64: the real values live in the zip64 end record, found through its locator.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw truncated('the zip64 directory locator is missing');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw truncated('the zip64 directory record is missing');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  // Checked before reading a single entry, so a claimed billion entries costs nothing.
  if (count > limits.maxEntries) throw tooLarge(`it has ${count} parts (the limit is ${limits.maxEntries})`);
  if (cdOffset + cdSize > b.length) throw truncated('the zip directory points past the end of the file');
  const entries: DirEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw truncated('the zip directory is broken');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > b.length) throw truncated('the zip directory is broken');
    const rawName = b.subarray(nameStart, extraStart);
    const name = flags & 0x800 ? new TextDecoder('utf-8').decode(rawName) : latin1(rawName);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      for (let e = extraStart; e + 4 <= extraStart + extraLen;) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) ((size = u64(b, q)), (q += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = u64(b, q)), (q += 8));
          if (localOffset === 0xffffffff) localOffset = u64(b, q);
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
    p = next;
  }
  return entries;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

// CRC-32 (IEEE), slicing-by-4: about 4x the speed of the byte-at-a-time table.
const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 4; k++) {
    const prev = tables[k - 1];
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(t);
  }
  return tables;
})();

/** CRC-32 of `data`, as zip stores it. */
export function crc32(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n4 = data.length - (data.length % 4);
  for (; i < n4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// Deflate expands at most ~1032:1, so feeding the inflater `room / 1032` compressed bytes at
// a time means one step can overshoot the cap by at most one small step's output (4 KB in →
// about 4 MB out). fflate hands over each step's output as one array, so steps are also kept
// to 16 KB in (at most about 16 MB out): a streamed part of padding is never inflated in
// 100 MB gulps, and honest parts (10:1 to 250:1) still go through in few steps.
const MAX_DEFLATE_RATIO = 1032;
const MIN_STEP = 4 * 1024;
const MAX_STEP = 16 * 1024;

/**
 * Inflates `comp` slice by slice, handing each piece of output to `sink` (with its offset);
 * refuses through `onOver` as soon as the output passes `cap`. Returns the bytes produced.
 */
function inflateInto(
  comp: Uint8Array,
  cap: number,
  onOver: (produced: number) => never,
  sink: (chunk: Uint8Array, at: number) => void,
): number {
  let produced = 0;
  let ended = false;
  const inf = new Inflate((chunk, final) => {
    if (chunk.length) {
      if (produced + chunk.length > cap) onOver(produced + chunk.length);
      sink(chunk, produced);
      produced += chunk.length;
    }
    if (final) ended = true;
  });
  let i = 0;
  while (i < comp.length) {
    const room = Math.max(0, cap - produced);
    const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.floor(room / MAX_DEFLATE_RATIO)));
    const end = Math.min(comp.length, i + step);
    inf.push(comp.subarray(i, end), end === comp.length);
    i = end;
  }
  if (comp.length === 0) inf.push(new Uint8Array(0), true);
  if (!ended) throw new Error('unexpected end of compressed data');
  return produced;
}

/**
 * Inflates a part, handing the output to `sink`, and refuses the lies a header can tell: more
 * bytes than declared (a bomb, stopped as soon as it passes), fewer, or a wrong checksum.
 * Errors thrown by `sink` pass through unchanged.
 */
function inflatePart(
  name: string,
  o: { compressed: Uint8Array; crc: number; size: number },
  sink: (chunk: Uint8Array, at: number) => void,
): void {
  let crc = 0;
  let length: number;
  let sinkError: unknown;
  try {
    length = inflateInto(
      o.compressed,
      o.size,
      (produced) => {
        throw tooLarge(`part ${name} declares ${mb(o.size)} but expands to more (${mb(produced)} so far), like a zip bomb`);
      },
      (chunk, at) => {
        crc = crc32(chunk, crc);
        try {
          sink(chunk, at);
        } catch (e) {
          sinkError = e;
          throw e;
        }
      },
    );
  } catch (err) {
    if (err instanceof WorkbookError || (sinkError !== undefined && err === sinkError)) throw err;
    throw corrupt(`part ${name} cannot be decompressed`);
  }
  if (length !== o.size) throw corrupt(`part ${name} is shorter than its header says`);
  if (crc !== o.crc) throw corrupt(`part ${name} fails its checksum`);
}

/** A part's bytes, inflated and checked as {@link inflatePart} does. */
function inflateWhole(name: string, o: { compressed: Uint8Array; crc: number; size: number }): Uint8Array {
  const out = new Uint8Array(o.size);
  inflatePart(name, o, (chunk, at) => out.set(chunk, at));
  return out;
}

/**
 * Opens an .xlsx (or .xlsm) from its bytes, refusing anything unsafe or unreadable with a
 * {@link WorkbookError}: 'not-a-zip', 'legacy-xls', 'encrypted', 'truncated', 'corrupt',
 * 'too-large' or 'not-xlsx'.
 */
export function openPackage(bytes: Uint8Array, limits?: Partial<PackageLimits>): XlsxPackage {
  const lim: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  if (bytes.length > lim.maxFileBytes) throw tooLarge(fileTooLarge(bytes.length, lim.maxFileBytes));
  const isZip =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  if (!isZip) refuseNonZip(bytes);
  const dir = readCentralDirectory(bytes, lim);

  // Everything decidable from the directory is decided before inflating anything.
  let declaredTotal = 0;
  const seen = new Set<string>();
  for (const e of dir) {
    if (e.flags & 1) {
      throw new WorkbookError(
        'encrypted',
        'This workbook has encrypted (password-protected) parts: open it in Excel, remove the password and save again.',
      );
    }
    if (e.method !== 0 && e.method !== 8) throw corrupt(`part ${e.name} uses a compression method PlanCheck cannot read (${e.method})`);
    if (seen.has(e.name)) throw corrupt(`part ${e.name} appears twice`);
    seen.add(e.name);
    if (e.size > lim.maxEntryBytes)
      throw tooLarge(`part ${e.name} expands to ${mb(e.size)}, more than the ${mb(lim.maxEntryBytes)} allowed for one part`);
    declaredTotal += e.size;
    if (e.method === 0 && e.size !== e.compressedSize) throw corrupt(`part ${e.name} has inconsistent sizes`);
  }
  // maxEntries bounds the entries, so the whole sum is known before it is judged.
  if (declaredTotal > lim.maxTotalBytes)
    throw tooLarge(
      `its parts expand to ${mb(declaredTotal)} in all, more than the ${mb(lim.maxTotalBytes)} allowed for all parts together`,
    );

  const entries = new Map<string, PackageEntry>();
  let keptTotal = 0;
  for (const e of dir) {
    const lh = e.localOffset;
    if (lh + 30 > bytes.length || u32(bytes, lh) !== 0x04034b50) throw truncated(`the data of ${e.name} is missing`);
    const dataStart = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28);
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > bytes.length) throw truncated(`the data of ${e.name} is cut short`);
    const comp = bytes.subarray(dataStart, dataEnd);
    // The declared sizes were checked against the limits above; inflatePart holds each part
    // to its declared size as it inflates, so the bytes really produced cannot pass them either.
    const original = { compressed: comp, crc: e.crc, size: e.size };
    if (e.method === 8 && (e.size > KEEP_INFLATED_BYTES || keptTotal + e.size > KEEP_INFLATED_TOTAL)) {
      // Checked (size, checksum, bombs) each time it is read; see KEEP_INFLATED_BYTES.
      entries.set(e.name, new CompressedEntry(e.name, original));
      continue;
    }
    let data: Uint8Array;
    if (e.method === 0) {
      data = comp; // a view of the input, which is kept anyway to write unchanged parts back
      if (crc32(data) !== e.crc) throw corrupt(`part ${e.name} fails its checksum`);
    } else {
      data = inflateWhole(e.name, original);
    }
    keptTotal += data.length;
    if (e.name.endsWith('/') && data.length === 0) continue; // directory entries carry nothing
    entries.set(e.name, { data, compression: e.method === 0 ? 0 : 8, original });
  }
  const pkg: XlsxPackage = { entries, limits: lim };
  requireWorkbookPart(pkg);
  return pkg;
}

/** The part name of the workbook (xl/workbook.xml, or wherever the package relation says). */
export function workbookPartName(pkg: XlsxPackage): string | undefined {
  const rels = partText(pkg, '_rels/.rels');
  if (rels) {
    const sc = new XmlScanner(rels);
    for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
      if (k !== TOK_OPEN || !sc.is('Relationship')) continue;
      const type = sc.attr('Type') ?? '';
      const target = sc.attr('Target');
      if (!type.endsWith('/officeDocument') || !target || sc.attr('TargetMode') === 'External') continue;
      const found = findPart(pkg, target.replace(/^\//, ''));
      if (found) return found;
    }
  }
  return findPart(pkg, 'xl/workbook.xml');
}

function requireWorkbookPart(pkg: XlsxPackage): void {
  if (workbookPartName(pkg)) return;
  const has = (n: string) => findPart(pkg, n) !== undefined;
  let what = 'a zip file, but not an Excel workbook (it has no xl/workbook.xml)';
  if (has('word/document.xml')) what = 'a Word document (.docx), not an Excel workbook';
  else if (has('ppt/presentation.xml')) what = 'a PowerPoint presentation (.pptx), not an Excel workbook';
  else if (has('xl/workbook.bin')) what = 'a binary Excel workbook (.xlsb): open it in Excel and save as .xlsx';
  else if (has('content.xml') && has('mimetype')) what = 'an OpenDocument file (.ods/.odt): open it and save as .xlsx';
  throw new WorkbookError('not-xlsx', `This file is ${what}.`);
}

/**
 * The actual name of part `name` in the package: exact match first, then ignoring case,
 * backslashes and percent-encoding, which damaged or unusual writers produce.
 */
export function findPart(pkg: XlsxPackage, name: string): string | undefined {
  if (pkg.entries.has(name)) return name;
  const want = normalisePartName(name);
  for (const k of pkg.entries.keys()) if (normalisePartName(k) === want) return k;
  return undefined;
}

function normalisePartName(n: string): string {
  let s = n.replace(/\\/g, '/').replace(/^\//, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // not percent-encoded: keep as is
  }
  return s.toLowerCase();
}

/** What a part is, for a refusal: "styles part (xl/styles.xml)". */
function partRole(name: string): string {
  const file = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const role =
    file === '[content_types].xml'
      ? 'content types part'
      : file.endsWith('.rels')
        ? 'relationships part'
        : /^styles\d*\.xml$/.test(file)
          ? 'styles part'
          : /^workbook\d*\.xml$/.test(file)
            ? 'workbook part'
            : /^sheet\d*\.xml$/.test(file)
              ? 'sheet part'
              : /^sharedstrings\d*\.xml$/.test(file)
                ? 'shared strings part'
                : 'part';
  return `${role} ${name}`;
}

/**
 * Bytes of a part, or undefined. The part is read whole, so one that inflates to more than
 * `maxBytes` (by default {@link PackageLimits.maxWholePartBytes}) is refused before it is
 * inflated; sheets and shared strings are streamed instead ({@link partTextChunks}), and
 * the few callers that patch a sheet whole pass the one-part limit.
 */
export function partBytes(pkg: XlsxPackage, name: string, maxBytes = wholeLimit(pkg)): Uint8Array | undefined {
  const n = findPart(pkg, name);
  const e = n === undefined ? undefined : pkg.entries.get(n);
  if (!e) return undefined;
  const size = e.original?.size ?? e.data.length;
  if (size > maxBytes)
    throw tooLarge(`its ${partRole(n as string)} expands to ${mb(size)}, more than the ${mb(maxBytes)} PlanCheck reads whole`);
  return e.data;
}

function wholeLimit(pkg: XlsxPackage): number {
  return pkg.limits?.maxWholePartBytes ?? DEFAULT_PACKAGE_LIMITS.maxWholePartBytes;
}

/** Decodes XML bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM, as OPC allows. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder('utf-8').decode(b); // drops a UTF-8 BOM
}

/** Text of a part, or undefined; read whole, so held to `maxBytes` as {@link partBytes} says. */
export function partText(pkg: XlsxPackage, name: string, maxBytes = wholeLimit(pkg)): string | undefined {
  const b = partBytes(pkg, name, maxBytes);
  return b === undefined ? undefined : decodeXmlBytes(b);
}

/** About how much XML text {@link partTextChunks} hands over at a time. */
export const TEXT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The text of a part, in pieces of about `chunkBytes`, each split where XML may be split
 * (see {@link xmlSplitPoint}): a 50 MB sheet is read without ever being one 50 MB array or one
 * 100 MB string. Small parts and UTF-16 parts come as one piece. A piece grows only until a
 * split point turns up: past {@link PackageLimits.maxPieceBytes} without one (padding with no
 * tag in it, one giant text node) the part is refused. Returns false when there is no such part.
 */
export function partTextChunks(pkg: XlsxPackage, name: string, visit: (text: string) => void, chunkBytes = TEXT_CHUNK_BYTES): boolean {
  const n = findPart(pkg, name);
  const e = n === undefined ? undefined : pkg.entries.get(n);
  if (!e) return false;
  if (!(e instanceof CompressedEntry) || !e.original) {
    visit(decodeXmlBytes(e.data));
    return true;
  }
  const { size } = e.original;
  const maxPiece = Math.max(chunkBytes, pkg.limits?.maxPieceBytes ?? DEFAULT_PACKAGE_LIMITS.maxPieceBytes);
  const decoder = new TextDecoder('utf-8');
  let pending = new Uint8Array(Math.min(size, chunkBytes * 2));
  let used = 0;
  let first = true;
  let utf16: Uint8Array | undefined;
  const flush = (all: boolean) => {
    const cut = all ? used : xmlSplitPoint(pending.subarray(0, used));
    if (cut === 0) return;
    visit(decoder.decode(pending.subarray(0, cut)));
    pending.copyWithin(0, cut, used);
    used -= cut;
  };
  inflatePart(n as string, e.original, (chunk, at) => {
    if (first) {
      first = false;
      // UTF-16 (allowed by OPC, never written by Excel): decoded whole, as before.
      if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)))
        utf16 = new Uint8Array(size);
    }
    if (utf16) {
      utf16.set(chunk, at);
      return;
    }
    if (used + chunk.length > pending.length) {
      const grown = new Uint8Array(Math.max(pending.length * 2, used + chunk.length));
      grown.set(pending.subarray(0, used));
      pending = grown;
    }
    pending.set(chunk, used);
    used += chunk.length;
    if (used >= chunkBytes) flush(false);
    if (used > maxPiece)
      throw tooLarge(
        `its ${partRole(n as string)} has more than ${mb(maxPiece)} of text with no tag to split it at, and PlanCheck reads at most ${mb(maxPiece)} of a part in one piece`,
      );
  });
  if (utf16) visit(decodeXmlBytes(utf16));
  else if (used > 0) flush(true);
  return true;
}

/** Writes (or replaces, in place) a part as UTF-8 text. */
export function setPartText(pkg: XlsxPackage, name: string, text: string): void {
  // A part read from UTF-16 is written back as UTF-8: its declaration must say so.
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    const decl = text.slice(0, end);
    if (end > 0 && /encoding\s*=\s*["'](?!utf-8["'])/i.test(decl))
      text = decl.replace(/encoding\s*=\s*["'][^"']*["']/i, 'encoding="UTF-8"') + text.slice(end);
  }
  const existing = findPart(pkg, name) ?? name;
  const old = pkg.entries.get(existing);
  pkg.entries.set(existing, { data: new TextEncoder().encode(text), compression: old?.compression ?? 8 });
}

/** Removes a part if present. */
export function removePart(pkg: XlsxPackage, name: string): void {
  const n = findPart(pkg, name);
  if (n !== undefined) pkg.entries.delete(n);
}

/**
 * Writes the package as zip bytes: [Content_Types].xml first (some readers need it there),
 * then every part in its order. Unchanged parts are copied with their original compressed
 * bytes; changed and new parts are deflated. Timestamps are fixed, so output is reproducible.
 */
export function savePackage(pkg: XlsxPackage): Uint8Array {
  const ct = findPart(pkg, '[Content_Types].xml');
  const names = [...pkg.entries.keys()];
  const order = ct ? [ct, ...names.filter((n) => n !== ct)] : names;
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of order) {
    const e = pkg.entries.get(name) as PackageEntry;
    let method: number;
    let body: Uint8Array;
    let crc: number;
    let size: number;
    if (e.original) {
      method = e.compression;
      body = e.original.compressed;
      crc = e.original.crc;
      size = e.original.size;
    } else {
      const data = e.data;
      size = data.length;
      method = e.compression === 0 ? 0 : 8;
      body = method === 0 ? data : deflateSync(data, { level: 6 });
      crc = crc32(data);
    }
    const nameBytes = encoder.encode(name);
    const header = (size: number, sig: number) => {
      const h = new Uint8Array(size + nameBytes.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, sig, true);
      return { h, v };
    };
    const local = header(30, 0x04034b50);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, 0x0800, true); // names are UTF-8
    local.v.setUint16(8, method, true);
    local.v.setUint16(12, 0x21, true); // 1 Jan 1980
    local.v.setUint32(14, crc, true);
    local.v.setUint32(18, body.length, true);
    local.v.setUint32(22, size, true);
    local.v.setUint16(26, nameBytes.length, true);
    local.h.set(nameBytes, 30);
    const central = header(46, 0x02014b50);
    central.v.setUint16(4, 20, true);
    central.v.setUint16(6, 20, true);
    central.v.setUint16(8, 0x0800, true);
    central.v.setUint16(10, method, true);
    central.v.setUint16(14, 0x21, true);
    central.v.setUint32(16, crc, true);
    central.v.setUint32(20, body.length, true);
    central.v.setUint32(24, size, true);
    central.v.setUint16(28, nameBytes.length, true);
    central.v.setUint32(42, offset, true);
    central.h.set(nameBytes, 46);
    locals.push(local.h, body);
    centrals.push(central.h);
    offset += local.h.length + body.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

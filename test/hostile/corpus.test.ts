/**
 * Hostile and broken workbooks through the built CLI, as a user would meet them: each must
 * end with the documented exit code, one plain line on stderr (no stack trace), inside a
 * minute, and with the CLI's process (run as the launcher runs it, under the same heap cap)
 * peaking under 350 MB — the launcher itself adds about 40 MB, so under 400 MB in all. The
 * corpus is built here from scripts, not committed binaries.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { heapFlags } from '../../src/cli/run';
import { bloatedStyles, compressibleWorkbook, paddedWholePart, partBomb, spacesSheet, totalBomb } from '../xlsx/foreign';
import { book, zip } from '../xlsx/helpers';

const BIN = path.join(__dirname, '..', '..', 'bin', 'plancheck.js');
const CHILD = path.join(__dirname, '..', '..', 'dist', 'node', 'cli', 'child.js');
const PEAK = path.join(__dirname, '..', '..', 'bench', 'peak.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-hostile-'));
let runs = 0;

/** Runs `plancheck validate FILE` as the launcher would, measuring the CLI process's peak memory. */
function run(file: string) {
  const started = Date.now();
  const peakFile = path.join(dir, `peak-${++runs}`);
  const r = spawnSync(process.execPath, [...heapFlags(), '-r', PEAK, CHILD, 'validate', file], {
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, PLANCHECK_PEAK_FILE: peakFile },
  });
  const peakMB = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) / 1024 : Infinity;
  return { code: r.status, err: r.stderr, out: r.stdout, ms: Date.now() - started, peakMB };
}

function write(name: string, bytes: Uint8Array | string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}

const PLAN_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Workstream</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c><c r="C1" t="inlineStr"><is><t>Owner</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Finance</t></is></c><c r="B2" t="inlineStr"><is><t>Draft the budget</t></is></c><c r="C2" t="inlineStr"><is><t>J Craig</t></is></c></row>';
const sheetWith = (extra: string, rows = PLAN_ROWS) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.startsWith('<dimension') ? extra : ''}<sheetData>${rows}</sheetData>${extra.startsWith('<dimension') ? '' : extra}</worksheet>`;

/**
 * An OLE2 compound file (how .xls and password-protected .xlsx files are stored): the
 * signature, then 128-byte directory entries naming the streams (UTF-16, length, type 2).
 */
function ole2(streams: string[]): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const v = new DataView(b.buffer);
  streams.forEach((name, k) => {
    const off = 512 + k * 128;
    for (let i = 0; i < name.length; i++) v.setUint16(off + i * 2, name.charCodeAt(i), true);
    v.setUint16(off + 64, (name.length + 1) * 2, true);
    b[off + 66] = 2;
  });
  return b;
}

/** A zip whose sheet part claims 2 KB but inflates to 50 MB: headers can lie. */
function lyingZip(): Uint8Array {
  const big = new Uint8Array(50 * 1024 * 1024).fill(32);
  const good = zip({ 'xl/worksheets/sheet1.xml': big }, 6);
  const v = new DataView(good.buffer, good.byteOffset, good.byteLength);
  // Patch the declared uncompressed size in the local header (offset 22) and the central directory.
  v.setUint32(22, 2048, true);
  for (let i = good.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === 0x02014b50) {
      v.setUint32(i + 24, 2048, true);
      break;
    }
  }
  return good;
}

/** One sheet of `n` small numeric cells, 20 to a row, within the zip limits. */
function manyCells(n: number): Uint8Array {
  const rows: string[] = [];
  for (let r = 0; r * 20 < n; r++) {
    let cells = '';
    for (let c = 0; c < 20 && r * 20 + c < n; c++) cells += `<c><v>${c}</v></c>`;
    rows.push(`<row r="${r + 1}">${cells}</row>`);
  }
  return book({ sheets: [{ name: 'Numbers', xml: rows.join('') }] });
}

const cases: [string, () => string, number, RegExp][] = [
  ['a missing file', () => path.join(dir, 'nope.xlsx'), 2, /no such file/],
  ['plain text', () => write('notes.xlsx', 'just some notes, nothing else\n'), 2, /not|workbook/i],
  ['a CSV renamed .xlsx', () => write('plan.xlsx', 'Workstream,Action,Owner\nA,Do it,J Craig\n'), 2, /CSV/],
  ['a legacy .xls', () => write('old.xlsx', ole2(['Workbook'])), 2, /\.xls/],
  ['a password-protected workbook', () => write('locked.xlsx', ole2(['EncryptionInfo', 'EncryptedPackage'])), 2, /password|encrypt/i],
  ['a Word document', () => write('letter.xlsx', zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })), 2, /Word/],
  ['a truncated workbook', () => write('half.xlsx', book({ sheets: [{ name: 'Plan', xml: PLAN_ROWS }] }).subarray(0, 600)), 2, /damaged|incomplete|truncat|cut short|missing/i],
  ['a part whose header lies about its size (50 MB behind 2 KB)', () => write('liar.xlsx', lyingZip()), 2, /declares 2 KB but expands to more .*zip bomb/],
  ['a part declaring 150 MB', () => {
    const b = book({ sheets: [{ name: 'Plan', xml: PLAN_ROWS }] });
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let i = b.length - 22; i >= 0; i--) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, 150 * 1024 * 1024, true);
    return write('huge.xlsx', b);
  }, 2, /too large|MB/i],
  ['a file over the 50 MB limit', () => write('huge-file.xlsx', new Uint8Array(51 * 1024 * 1024)), 2, /too large.*51 MB.*up to 50 MB/],
  ['more than 2,000,000 filled cells', () => write('cells.xlsx', manyCells(2_000_100)), 2, /more than 2,000,000 filled cells/],
  ['a workbook without a plan', () => write('empty.xlsx', book({ sheets: [{ name: 'Notes', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>hello</t></is></c></row>' }] })), 2, /No plan found: looked on sheet "Notes"/],
];

describe('unreadable files: exit 2, one plain line, no stack trace', () => {
  it.each(cases)('%s', (_name, make, code, message) => {
    const r = run(make());
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    // "No plan found" goes on to say how to name the columns; every other refusal is one line.
    const noPlan = /No plan found/.test(r.err);
    expect(r.err.trim().split('\n')).toHaveLength(noPlan ? 2 : 1);
    if (noPlan) expect(r.err).toMatch(/\nName the columns yourself: --columns /);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(60000);
    expect(r.peakMB).toBeLessThan(350);
  });
});

describe('a workbook that needs more memory than PlanCheck allows itself', () => {
  it('gets one plain line and exit 2, never V8\'s crash report', () => {
    const rows = Array.from({ length: 40000 }, (_, i) => `<row r="${i + 2}"><c t="inlineStr"><is><t>Workstream ${i % 50}</t></is></c><c t="inlineStr"><is><t>Action number ${i} of a long plan</t></is></c><c t="inlineStr"><is><t>Officer ${i % 300}</t></is></c></row>`);
    const f = write('needs-memory.xlsx', book({ sheets: [{ name: 'Plan', xml: PLAN_ROWS.slice(0, PLAN_ROWS.indexOf('<row r="2">')) + rows.join('') }] }));
    const r = spawnSync(process.execPath, [BIN, 'validate', f], { encoding: 'utf8', timeout: 60000, env: { ...process.env, PLANCHECK_MAX_HEAP_MB: '16' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs more than the 16 MB of memory PlanCheck allows itself.*PLANCHECK_MAX_HEAP_MB/);
    expect(r.stderr).not.toMatch(/FATAL|GCs|\n\s+at /);
  });
});

describe('ranges that name a million rows: never expanded, the plan still read', () => {
  it.each([
    ['a merge over H3:XFD1048576', '<mergeCells count="2"><mergeCell ref="H3:XFD1048576"/><mergeCell ref="D5:E1048576"/></mergeCells>'],
    ['a data validation over H1:Z1048576', '<dataValidations count="1"><dataValidation type="list" sqref="H1:Z1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'],
    ['a dimension that lies', '<dimension ref="A1:XFD1048576"/>'],
  ])('%s', (_name, extra) => {
    const f = write(`big-${_name.length}.xlsx`, book({ sheets: [{ name: 'Plan', xml: sheetWith(extra) }] }));
    const r = run(f);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read 1 workstream and 1 action.');
    expect(r.ms).toBeLessThan(10000);
    expect(r.peakMB).toBeLessThan(350);
  });

  it('a stray value at XFD1048576', () => {
    const rows = `${PLAN_ROWS}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>`;
    const r = run(write('stray.xlsx', book({ sheets: [{ name: 'Plan', xml: rows }] })));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read 1 workstream and 1 action.');
  });
});

describe('XML entity declarations are never expanded', () => {
  it('a billion-laughs shared string table stays literal text', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';
    const sst = `<?xml version="1.0"?>${lol}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Workstream</t></si><si><t>Action</t></si><si><t>Owner</t></si><si><t>&lol9;</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c><c r="C2" t="inlineStr"><is><t>J Craig</t></is></c></row>';
    const r = run(write('lol.xlsx', book({ sheets: [{ name: 'Plan', xml: rows }], sharedStrings: sst })));
    expect([0, 1, 2]).toContain(r.code);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out.length + r.err.length).toBeLessThan(100000);
    expect(r.ms).toBeLessThan(10000);
  });
});

describe('how well a part compresses is no reason to refuse it; the bytes it inflates to are (issue #16)', () => {
  it('a plan beside a 57 MB sheet of long strings compressed 255:1 is read and checked', () => {
    const c = compressibleWorkbook(57);
    expect(c.sheetBytes / c.sheetCompressed).toBeGreaterThan(240);
    const r = run(write('long-notes.xlsx', c.bytes));
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // the plan has error findings
    expect(r.out).toContain('Read 2 workstreams and 4 actions.');
    expect(r.peakMB).toBeLessThan(350);
  });

  it.each([
    ['one part that really inflates to 120 MB', () => partBomb(120), /expands to 120 MB, more than the 100 MB allowed for one part/],
    ['parts that inflate to 240 MB together', totalBomb, /expand to 240 MB in all, more than the 200 MB allowed for all parts together/],
  ])('a bomb next to it, %s, is refused before inflating, naming the limit', (name, make, message) => {
    const r = run(write(`bomb-${name.length}.xlsx`, make()));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.peakMB).toBeLessThan(350);
  });
});

describe('a part read whole, or a piece with nowhere to split, is bounded too (issue #16)', () => {
  it.each([
    ['a styles part padded to 99 MB', () => paddedWholePart('xl/styles.xml', 99), /its styles part xl\/styles\.xml expands to 99 MB, more than the 40 MB PlanCheck reads whole/],
    ['a workbook part padded to 99 MB', () => paddedWholePart('xl/workbook.xml', 99), /its workbook part xl\/workbook\.xml expands to 99 MB, more than the 40 MB PlanCheck reads whole/],
    ['a sheet of 99 MB of spaces with no tag in them', () => spacesSheet(99), /its sheet part xl\/worksheets\/sheet2\.xml has more than 16 MB of text with no tag to split it at, and PlanCheck reads at most 16 MB of a part in one piece/],
  ])('%s is refused, naming the limit', (name, make, message) => {
    const r = run(write(`padded-${name.length}.xlsx`, make()));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.peakMB).toBeLessThan(350);
  });

  it('a styles part bloated by Excel\'s duplicated-styles bug (15 MB of real entries) still opens', () => {
    const r = run(write('bloated-styles.xlsx', bloatedStyles(15)));
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // the plan has error findings
    expect(r.out).toContain('Read 2 workstreams and 4 actions.');
    expect(r.peakMB).toBeLessThan(350);
  });

  it('a styles part of 39 MB of padding, just within the limit, opens', () => {
    const r = run(write('padded-40.xlsx', paddedWholePart('xl/styles.xml', 39)));
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.peakMB).toBeLessThan(350);
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Reads an opened package into the core's raw grid. Sheets and shared strings are streamed
 * through the scanner (no DOM): a 100,000-row sheet is one linear pass. Merged ranges are
 * kept as ranges and <dimension>, data validations and conditional formats are never
 * looked at, so a range naming a million rows costs one small object, not a million cells.
 */
import type { CellRange, RawCell, SheetGrid, WorkbookGrid } from '../../core/cell';
import { parseA1, parseRange } from '../../core/cell';
import { WorkbookError } from '../port';
import { loadBook, type BookModel, type SheetKind } from './book';
import { findHighlightRecord } from './record';
import { isDateOrTimeFormat, readCellFormats } from './styles';
import { readCellFills } from './fills';
import { relTypeIs, contentTypeOverrides } from './opc';
import { compactText } from '../../core/text';
import { decodeXString, TOK_CDATA, TOK_CLOSE, TOK_EOF, TOK_OPEN, TOK_TEXT, XmlScanner } from './xml';
import { findPart, partTextChunks, type XlsxPackage } from './zip';

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). Cells outside it are ignored. */
export const MAX_ROWS = 1_048_576;
/** Number of columns in Excel's grid. */
export const MAX_COLS = 16_384;

/** One sheet as listed in workbook.xml. */
export interface SheetInfo {
  name: string;
  /** The sheet's part, e.g. "xl/worksheets/sheet1.xml" (missing when its relationship is broken). */
  part?: string;
  /** Excel's stable id for the sheet (survives renames and moves). */
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: SheetKind;
  /** True when the sheet has an active <sheetProtection>. */
  protected: boolean;
  /** True when PlanCheck generated it (marked with a hidden sheet-scoped defined name). */
  generated: boolean;
}

/** What the package holds beyond cells: things a front end should know before writing. */
export interface PackageInfo {
  sheets: SheetInfo[];
  /** True for the 1904 date system. */
  date1904: boolean;
  hasCharts: boolean;
  hasPivotTables: boolean;
  /** True when there is a VBA project (vbaProject.bin): only an .xlsm can keep it. */
  hasMacros: boolean;
  hasExternalLinks: boolean;
  /** True when the workbook's structure or windows are protected. */
  workbookProtected: boolean;
  /** Names of sheets with active sheet protection. */
  protectedSheets: string[];
  /** Names of sheets PlanCheck generated. */
  generatedSheets: string[];
  /** True when PlanCheck highlights are recorded in the package (clearHighlights can undo them). */
  hasHighlights: boolean;
}

interface Budget {
  used: number;
  max: number;
}

function spend(budget: Budget, n = 1): void {
  budget.used += n;
  if (budget.used > budget.max) {
    throw new WorkbookError(
      'too-large',
      `This workbook is too large or suspicious to open safely: it has more than ${budget.max.toLocaleString('en-GB')} filled cells.`,
    );
  }
}

/**
 * XML text given whole, or piece by piece (split only where XML may be split, see
 * `partTextChunks`): the readers keep their state between pieces.
 */
export type XmlSource = string | ((visit: (xml: string) => void) => void);

function eachPiece(source: XmlSource, scan: (xml: string) => void): void {
  if (typeof source === 'string') scan(source);
  else source(scan);
}

/** Parses the shared string table: plain <t>, rich-text runs, and no phonetic (<rPh>) text. */
export function readSharedStrings(source: XmlSource, budget?: Budget): string[] {
  const out: string[] = [];
  let inSi = false;
  let capture = false;
  let rph = 0;
  let cur = '';
  eachPiece(source, (xml) => {
    const sc = new XmlScanner(xml);
    for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
      if (k === TOK_TEXT || k === TOK_CDATA) {
        if (capture) cur += sc.text();
      } else if (k === TOK_OPEN) {
        if (sc.is('si')) {
          cur = '';
          if (sc.selfClosing) {
            out.push('');
            if (budget) spend(budget);
          } else inSi = true;
        } else if (!inSi) continue;
        else if (sc.is('rPh')) {
          if (!sc.selfClosing) rph++;
        } else if (sc.is('t') && rph === 0 && !sc.selfClosing) capture = true;
      } else if (k === TOK_CLOSE) {
        if (sc.is('t')) capture = false;
        else if (sc.is('rPh')) rph = Math.max(0, rph - 1);
        else if (sc.is('si')) {
          out.push(compactText(decodeXString(cur)));
          if (budget) spend(budget);
          inSi = false;
          capture = false;
          rph = 0;
        }
      }
    }
  });
  return out;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Converts an ISO 8601 date/time ("2021-03-31", "2021-03-31T12:00:00Z", "12:30:00") to an
 * Excel serial number in the given date system; null when it is not such a date. Time
 * zones are ignored: Excel has none, the wall-clock value is what the author saw.
 */
export function isoToSerial(text: string, date1904: boolean): number | null {
  const m = /^\s*(?:(-?\d{4,})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
    text,
  );
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  let ms = 0;
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const mi = Number(m[5]);
    const s = Number(m[6] ?? 0);
    if (h > 24 || mi > 59 || s > 60) return null;
    ms = ((h * 60 + mi) * 60 + s) * 1000 + (m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0);
  }
  if (m[1] === undefined) return ms / DAY_MS;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (date1904) return (t - EPOCH_1904 + ms) / DAY_MS;
  let days = (t - EPOCH_1900) / DAY_MS;
  if (days < 61) days -= 1; // Excel's 1900 calendar has a 29 Feb 1900 (serial 60)
  return days + ms / DAY_MS;
}

interface SheetContext {
  strings: string[];
  formats: (string | undefined)[];
  /** Solid fill colour per cell format ("RRGGBB"); a coloured empty cell is kept for its colour. */
  fills?: (string | undefined)[];
  /** Cells PlanCheck highlighted (row * MAX_COLS + col) and the style each had before. */
  marked?: Map<number, number>;
  date1904: boolean;
  budget: Budget;
}

/** Result of reading one worksheet part. */
interface SheetRead {
  rows: (RawCell | undefined)[][];
  merges: CellRange[];
  protected: boolean;
}

// Parses an A1 reference inside `s` between [a, b) without allocating; returns false if malformed.
let refRow = 0;
let refCol = 0;
function parseRef(s: string, a: number, b: number): boolean {
  let i = a;
  let col = 0;
  let c = s.charCodeAt(i);
  if (c === 36) c = s.charCodeAt(++i); // $
  while (i < b) {
    c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
    if (col > MAX_COLS) return false;
  }
  if (c === 36) i++;
  let row = 0;
  const digits = i;
  while (i < b) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return false;
    i++;
  }
  if (col === 0 || i === digits || row === 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

// The common cell types without allocating a substring for each cell.
function typeName(s: string, a: number, b: number): string {
  if (b - a === 1) {
    const c = s.charCodeAt(a);
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
    if (c === 100) return 'd';
  }
  return s.slice(a, b);
}

function parseUint(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return c === 32 && i > a ? n : -1;
    n = n * 10 + (c - 48);
    if (n > 0x7fffffff) return -1;
  }
  return b > a ? n : -1;
}

/** Streams one worksheet's XML into sparse rows, merges and its protection flag. */
export function readSheetXml(source: XmlSource, ctx: SheetContext): SheetRead {
  const reader = new SheetReader(ctx);
  eachPiece(source, (xml) => reader.piece(xml));
  return reader.finish();
}

/**
 * Reads one worksheet's XML, piece by piece, keeping where it is (in sheetData, in a row, in
 * a cell) between pieces: a sheet is scanned in ~4 MB pieces split wherever XML may be split,
 * so a cell can start in one piece and end in the next.
 */
class SheetReader {
  private readonly rows: (RawCell | undefined)[][] = [];
  private readonly merges: CellRange[] = [];
  private isProtected = false;
  private readonly fills: (string | undefined)[];
  private inSheetData = false;
  private inMergeCells = false;
  private rowIdx = -1;
  private colIdx = -1;
  // The cell being read.
  private inCell = false;
  private cRow = 0;
  private cCol = 0;
  private cType = '';
  private cStyle = 0;
  private hasF = false;
  private hasV = false;
  private hasIs = false;
  private inIs = false;
  private rph = 0;
  /** 1: inside <v>, 2: inside <t> of <is>. */
  private capture = 0;
  private vText = '';
  private isText = '';

  constructor(private readonly ctx: SheetContext) {
    this.fills = ctx.fills ?? [];
  }

  /** The fill a cell shows: for a cell PlanCheck highlighted, the one it had before. */
  private fillAt(style: number): string | undefined {
    return this.fills[this.ctx.marked?.get(this.cRow * MAX_COLS + this.cCol) ?? style];
  }

  /** Reads one piece of the sheet's XML. */
  piece(xml: string): void {
    const sc = new XmlScanner(xml);
    for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
      if (k === TOK_TEXT || k === TOK_CDATA) {
        if (this.capture === 1) this.vText += sc.text();
        else if (this.capture === 2) this.isText += sc.text();
        continue;
      }
      const ln = sc.nameEnd - sc.localStart;
      const c0 = xml.charCodeAt(sc.localStart);
      if (k === TOK_OPEN) {
        if (this.inCell) this.openInCell(sc, ln, c0);
        else if (ln === 1 && c0 === 99 /* c */) this.openCell(sc, xml);
        else this.openElement(sc, xml, ln);
      } else if (this.inCell) {
        // TOK_CLOSE inside a cell
        if (ln === 1 && c0 === 118 /* v */) this.capture = 0;
        else if (ln === 1 && c0 === 116 /* t */) {
          if (this.capture === 2) this.capture = 0;
        } else if (sc.is('rPh')) this.rph = Math.max(0, this.rph - 1);
        else if (sc.is('is')) this.inIs = false;
        else if (ln === 1 && c0 === 99) this.finishCell();
      } else if (sc.is('sheetData')) this.inSheetData = false;
      else if (sc.is('mergeCells')) this.inMergeCells = false;
    }
  }

  /** What was read; a file cut short mid-cell keeps what that cell said. */
  finish(): SheetRead {
    if (this.inCell) this.finishCell();
    return { rows: this.rows, merges: this.merges, protected: this.isProtected };
  }

  private openInCell(sc: XmlScanner, ln: number, c0: number): void {
    if (ln === 1 && c0 === 118 /* v */) {
      this.hasV = true;
      this.capture = sc.selfClosing ? 0 : 1;
    } else if (ln === 1 && c0 === 102 /* f */) this.hasF = true;
    else if (sc.is('is')) {
      this.hasIs = true;
      this.inIs = !sc.selfClosing;
    } else if (this.inIs && sc.is('rPh')) {
      if (!sc.selfClosing) this.rph++;
    } else if (this.inIs && this.rph === 0 && ln === 1 && c0 === 116 /* t */ && !sc.selfClosing) this.capture = 2;
  }

  private openCell(sc: XmlScanner, xml: string): void {
    if (!this.inSheetData || this.rowIdx < 0 || this.rowIdx >= MAX_ROWS) return;
    const ri = sc.attrIndex('r');
    if (ri >= 0) {
      // An r= that is not a reference inside Excel's grid: skip the cell, do not guess.
      if (!parseRef(xml, sc.valueStart(ri), sc.valueEnd(ri))) return;
      this.cRow = refRow;
      this.cCol = refCol;
    } else {
      this.cRow = this.rowIdx;
      this.cCol = this.colIdx + 1;
    }
    this.colIdx = this.cCol;
    if (this.cCol >= MAX_COLS) return;
    const ti = sc.attrIndex('t');
    this.cType = ti < 0 ? '' : typeName(xml, sc.valueStart(ti), sc.valueEnd(ti));
    const si = sc.attrIndex('s');
    this.cStyle = si < 0 ? 0 : parseUint(xml, sc.valueStart(si), sc.valueEnd(si));
    this.hasF = this.hasV = this.hasIs = this.inIs = false;
    this.rph = 0;
    this.vText = this.isText = '';
    this.capture = 0;
    if (sc.selfClosing) {
      // No value: nothing to store, unless its fill colour says something.
      if (this.fillAt(this.cStyle) !== undefined) this.finishCell();
      return;
    }
    this.inCell = true;
  }

  private openElement(sc: XmlScanner, xml: string, ln: number): void {
    if (ln === 3 && sc.is('row')) {
      if (!this.inSheetData) return;
      const span = sc.attrSpan('r');
      const r = span ? parseUint(xml, span[0], span[1]) : -1;
      // No r=: the next row. An r= outside the grid: off-grid, its cells are skipped.
      this.rowIdx = !span ? this.rowIdx + 1 : r >= 1 && r <= MAX_ROWS ? r - 1 : MAX_ROWS;
      this.colIdx = -1;
    } else if (sc.is('sheetData')) {
      this.inSheetData = !sc.selfClosing;
    } else if (sc.is('mergeCells')) {
      this.inMergeCells = !sc.selfClosing;
    } else if (this.inMergeCells && sc.is('mergeCell')) {
      const range = parseRange(sc.attr('ref') ?? '');
      if (range && range.bottom < MAX_ROWS && range.right < MAX_COLS && (range.bottom > range.top || range.right > range.left)) {
        spend(this.ctx.budget);
        this.merges.push(range);
      }
    } else if (sc.is('sheetProtection')) {
      const v = sc.attr('sheet');
      this.isProtected = v === '1' || v === 'true';
    }
  }

  /** The cell's value as its type says, stored when it says something. */
  private cellValue(): { value: string | number | boolean | undefined; error: boolean; format: string | undefined } {
    const { vText, hasV } = this;
    let value: string | number | boolean | undefined;
    let error = false;
    let format = this.ctx.formats[this.cStyle];
    switch (this.cType) {
      case 's': {
        if (!hasV) break;
        const i = Number(vText);
        value = Number.isInteger(i) ? this.ctx.strings[i] : undefined;
        break;
      }
      case 'str':
        if (hasV) value = decodeXString(vText);
        break;
      case 'inlineStr':
        if (this.hasIs) value = decodeXString(this.isText);
        else if (hasV) value = decodeXString(vText);
        break;
      case 'b': {
        if (!hasV) break;
        const t = vText.trim().toLowerCase();
        value = t === '1' || t === 'true';
        break;
      }
      case 'e':
        if (hasV && vText.trim() !== '') {
          value = vText.trim();
          error = true;
        }
        break;
      case 'd': {
        if (!hasV) break;
        const serial = isoToSerial(vText, this.ctx.date1904);
        if (serial === null) value = vText;
        else {
          value = serial;
          if (!format || !isDateOrTimeFormat(format))
            format = serial % 1 === 0 ? 'dd/mm/yyyy' : serial < 1 ? 'hh:mm:ss' : 'dd/mm/yyyy hh:mm';
        }
        break;
      }
      default: {
        if (!hasV) break;
        const t = vText.trim();
        if (t === '') break;
        const n = Number(t);
        value = Number.isFinite(n) ? n : t; // a damaged number stays visible as its text
      }
    }
    return { value, error, format };
  }

  private finishCell(): void {
    this.inCell = false;
    this.capture = 0;
    const read = this.cellValue();
    let { value } = read;
    const fill = this.fillAt(this.cStyle);
    if (value === undefined || value === '') {
      // A coloured empty cell states a RAG in many trackers: keep it, as blank text with its fill.
      if (fill === undefined) return;
      value = '';
    }
    // Text cut from this sheet's XML would keep the XML alive (shared strings are compacted
    // when their table is read).
    if (typeof value === 'string' && this.cType !== 's') value = compactText(value);
    spend(this.ctx.budget);
    const cell: RawCell = { value };
    if (read.format !== undefined) cell.format = read.format;
    if (read.error) cell.error = true;
    if (this.hasF) cell.formula = true;
    // Only a blank cell's colour can state a RAG (words win); keeping no other fill keeps the grid small.
    if (fill !== undefined && value === '') cell.fill = fill;
    let r = this.rows[this.cRow];
    if (r === undefined) this.rows[this.cRow] = r = [];
    r[this.cCol] = cell;
  }
}

/** The sheet= of the first <sheetProtection> in `xml`, or undefined when there is none. */
function protectionIn(xml: string): boolean | undefined {
  let at = xml.indexOf('sheetProtection');
  while (at >= 0) {
    const lt = xml.lastIndexOf('<', at);
    if (lt >= 0 && /^<(?:[A-Za-z_][\w.-]*:)?$/.test(xml.slice(lt, at))) {
      const sc = new XmlScanner(xml, lt);
      if (sc.next() === TOK_OPEN && sc.is('sheetProtection')) {
        const v = sc.attr('sheet');
        return v === '1' || v === 'true';
      }
    }
    at = xml.indexOf('sheetProtection', at + 15);
  }
  return undefined;
}

/** Whether a sheet's XML, already in hand, has active sheet protection. */
export function sheetProtected(xml: string): boolean {
  return protectionIn(xml) ?? false;
}

/** Whether a sheet part is protected, read in pieces (a tag is never split between pieces). */
export function partProtected(pkg: XlsxPackage, part: string): boolean {
  let found: boolean | undefined;
  partTextChunks(pkg, part, (xml) => {
    if (found === undefined) found = protectionIn(xml);
  });
  return found ?? false;
}

function surveyPackage(pkg: XlsxPackage, book: BookModel, protectedByPart: Map<string, boolean>): PackageInfo {
  // Folders are matched anywhere: the workbook part need not be in xl/.
  const names = [...pkg.entries.keys()].map((n) => n.toLowerCase());
  const overrides = [...contentTypeOverrides(pkg).values()];
  const sheets: SheetInfo[] = book.sheets.map((s) => ({
    name: s.name,
    part: s.part,
    sheetId: s.sheetId,
    state: s.state,
    kind: s.kind,
    protected: s.part ? (protectedByPart.get(s.part) ?? false) : false,
    generated: s.generated,
  }));
  return {
    sheets,
    date1904: book.date1904,
    hasCharts:
      names.some((n) => /(?:^|\/)charts\/chart[^/]*\.xml$/.test(n)) ||
      overrides.some((t) => t.includes('drawingml.chart+xml')) ||
      book.sheets.some((s) => s.kind === 'chartsheet'),
    hasPivotTables: names.some((n) => /(?:^|\/)pivot(?:tables|cache)\//.test(n)),
    hasMacros: names.some((n) => n.endsWith('vbaproject.bin')) || book.sheets.some((s) => s.kind === 'macrosheet'),
    hasExternalLinks: names.some((n) => /(?:^|\/)externallinks\//.test(n)) || book.rels.some((r) => relTypeIs(r.type, 'externalLink')),
    workbookProtected: book.workbookProtected,
    protectedSheets: sheets.filter((s) => s.protected).map((s) => s.name),
    generatedSheets: sheets.filter((s) => s.generated).map((s) => s.name),
    hasHighlights: findHighlightRecord(pkg) !== undefined,
  };
}

/** The package survey without reading any cells (sheet protection is found by a quick search). */
export function readPackageInfo(pkg: XlsxPackage): PackageInfo {
  const book = loadBook(pkg);
  const prot = new Map<string, boolean>();
  for (const s of book.sheets) {
    if (!s.part || s.kind !== 'worksheet') continue;
    prot.set(s.part, partProtected(pkg, s.part));
  }
  return surveyPackage(pkg, book, prot);
}

/** Finds the shared strings part through the workbook's relationships (or its usual name). */
function sharedStringsPart(pkg: XlsxPackage, book: BookModel): string | undefined {
  const rel = book.rels.find((r) => relTypeIs(r.type, 'sharedStrings') && !r.external && r.part);
  return (rel?.part && findPart(pkg, rel.part)) || findPart(pkg, 'xl/sharedStrings.xml');
}

/**
 * PlanCheck's own highlight fills are not the user's colours: a cell it highlighted is read
 * with the fill of the format it had before (from the highlight record), so a highlighted
 * workbook reads as it did. Per sheet part: cell key (row * 16384 + col) to the original style.
 */
function highlightedStyles(pkg: XlsxPackage): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const found = findHighlightRecord(pkg);
  if (!found) return out;
  for (const rec of found.record.sheets) {
    const m = new Map<number, number>();
    for (const c of rec.cells) {
      const pos = parseA1(c.ref);
      if (pos) m.set(pos.row * MAX_COLS + pos.col, Number(c.s ?? 0) || 0);
    }
    out.set(rec.part, m);
  }
  return out;
}

/**
 * Reads every worksheet into the core's grid, plus the package survey. Chart sheets,
 * dialog sheets and macro sheets hold no plan cells and are listed in `info` only.
 * Throws 'too-large' when the cells (plus merged ranges and shared strings) exceed
 * `pkg.limits.maxCells`.
 */
export function readWorkbook(pkg: XlsxPackage): { grid: WorkbookGrid; info: PackageInfo } {
  const book = loadBook(pkg);
  const budget: Budget = { used: 0, max: pkg.limits.maxCells };
  const ssPart = sharedStringsPart(pkg, book);
  const strings = ssPart ? readSharedStrings((visit) => partTextChunks(pkg, ssPart, visit), budget) : [];
  budget.used = 0; // strings are bounded separately; the budget is for cells from here on
  const formats = readCellFormats(pkg);
  const fills = readCellFills(pkg);
  const marked = fills.length ? highlightedStyles(pkg) : new Map<string, Map<number, number>>();
  const sheets: SheetGrid[] = [];
  const prot = new Map<string, boolean>();
  for (const s of book.sheets) {
    if (s.kind !== 'worksheet') continue;
    const part = s.part;
    const read = part
      ? readSheetXml((visit) => partTextChunks(pkg, part, visit), {
          strings,
          formats,
          fills,
          marked: marked.get(part),
          date1904: book.date1904,
          budget,
        })
      : { rows: [], merges: [], protected: false };
    if (s.part) prot.set(s.part, read.protected);
    const sheet: SheetGrid = { name: s.name, rows: read.rows, merges: read.merges };
    if (s.state !== 'visible') sheet.hidden = true;
    if (read.protected) sheet.protected = true;
    if (s.generated) sheet.generated = true;
    sheets.push(sheet);
  }
  return { grid: { sheets, date1904: book.date1904 }, info: surveyPackage(pkg, book, prot) };
}

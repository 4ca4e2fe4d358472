/**
 * .xlsx -> WorkbookGrid. Reads values, number formats, formula flags and errors, and
 * merged ranges (listed, never expanded). Ignores <dimension> (it can lie), data
 * validations and conditional formats. A cap on stored cells keeps memory bounded.
 */
import type { RawCell, SheetGrid, WorkbookGrid } from '../../core/cell';
import { parseRange } from '../../core/cell';
import { builtinFormatCode } from '../../core/parse/numfmt';
import { isoToSerial } from '../../core/parse/dates';
import { WorkbookError } from '../port';
import { type WorkbookParts, readWorkbookParts } from './parts';
import type { ZipPackage } from './zip';
import { attrs, decodeEntities, decodeExcelEscapes, findTags, richText, section, tagEnd } from './xml';

/** Reading limits. */
export interface ReadLimits {
  /** Most non-empty cells stored across the workbook. */
  maxCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxCells: 5_000_000 };

/** What else the package holds, for warnings and for the writers. */
export interface PackageInfo {
  sheets: { name: string; path: string | undefined; protected: boolean; generated: boolean; state: string }[];
  hasCharts: boolean;
  hasPivotTables: boolean;
  hasMacros: boolean;
  hasExternalLinks: boolean;
  structureLocked: boolean;
}

/** Describes the package without reading cells. */
export function packageInfo(pkg: ZipPackage, parts: WorkbookParts = readWorkbookParts(pkg)): PackageInfo {
  const names = pkg.names();
  return {
    sheets: parts.sheets.map((s) => ({
      name: s.name,
      path: s.path,
      protected: s.path ? sheetProtected(pkg.readText(s.path) ?? '') : false,
      generated: parts.generated.has(s.index),
      state: s.state,
    })),
    hasCharts: names.some((n) => n.startsWith('xl/charts/')),
    hasPivotTables: names.some((n) => n.startsWith('xl/pivotTables/')),
    hasMacros: names.some((n) => /vbaProject\.bin$/i.test(n)),
    hasExternalLinks: names.some((n) => n.startsWith('xl/externalLinks/')),
    structureLocked: parts.structureLocked,
  };
}

function sheetProtected(xml: string): boolean {
  const p = findTags(xml, 'sheetProtection')[0];
  return !!p && (p.sheet === '1' || p.sheet === 'true');
}

/** Shared strings, in order. */
function readSharedStrings(pkg: ZipPackage, path: string | undefined): string[] {
  const xml = path ? pkg.readText(path) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  let i = xml.indexOf('<si');
  while (i >= 0) {
    const end = xml.indexOf('</si>', i);
    const open = tagEnd(xml, i);
    if (open < 0) break;
    if (xml[open - 1] === '/') {
      out.push('');
      i = xml.indexOf('<si', open);
      continue;
    }
    if (end < 0) break;
    out.push(richText(xml.slice(open + 1, end)));
    i = xml.indexOf('<si', end);
  }
  return out;
}

/** cellXfs index -> number format code ('' for General). */
function readFormats(pkg: ZipPackage, path: string | undefined): string[] {
  const xml = path ? pkg.readText(path) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const f of findTags(section(xml, 'numFmts') ?? '', 'numFmt')) custom.set(Number(f.numFmtId), f.formatCode ?? '');
  return findTags(section(xml, 'cellXfs') ?? '', 'xf').map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    const code = custom.get(id) ?? builtinFormatCode(id) ?? '';
    return code === 'General' ? '' : code;
  });
}

/** Column letters at the start of a cell reference to a 0-based index. */
function refToRowCol(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (!col || !Number.isInteger(row) || row < 1 || row > 1048576 || col > 16384) return null;
  return { row: row - 1, col: col - 1 };
}

interface SheetContext {
  strings: string[];
  formats: string[];
  date1904: boolean;
  budget: { cells: number; max: number };
}

/** Reads one worksheet part. */
export function readSheetXml(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const rows: (RawCell | undefined)[][] = [];
  const grid: SheetGrid = { name, rows, merges: [] };
  const start = xml.indexOf('<sheetData');
  let i = start < 0 ? -1 : xml.indexOf('<', start + 1);
  let rowIndex = -1;
  let colIndex = -1;
  while (i >= 0) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 47 /* / */) {
      if (xml.startsWith('</sheetData>', i)) break;
      i = xml.indexOf('<', i + 1);
      continue;
    }
    const end = tagEnd(xml, i);
    if (end < 0) break;
    if (xml.startsWith('<row', i) && /[\s>/]/.test(xml[i + 4])) {
      const a = attrs(xml.slice(i + 4, end));
      rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
      colIndex = -1;
      i = xml.indexOf('<', end + 1);
      continue;
    }
    if (xml.startsWith('<c', i) && /[\s>/]/.test(xml[i + 2])) {
      const a = attrs(xml.slice(i + 2, end));
      const pos = a.r ? refToRowCol(a.r) : null;
      if (pos) {
        rowIndex = pos.row;
        colIndex = pos.col;
      } else colIndex++;
      let next: number;
      let inner = '';
      if (xml[end - 1] === '/') next = end + 1;
      else {
        const close = xml.indexOf('</c>', end);
        if (close < 0) break;
        inner = xml.slice(end + 1, close);
        next = close + 4;
      }
      if (rowIndex >= 0 && rowIndex < 1048576 && colIndex >= 0 && colIndex < 16384 && inner) {
        const cell = readCell(a, inner, ctx);
        if (cell) {
          if (++ctx.budget.cells > ctx.budget.max) {
            throw new WorkbookError('too-large', `the workbook holds more than ${ctx.budget.max.toLocaleString('en-GB')} filled cells`);
          }
          (rows[rowIndex] ??= [])[colIndex] = cell;
        }
      }
      i = xml.indexOf('<', next);
      continue;
    }
    i = xml.indexOf('<', end + 1);
  }
  const mergeXml = section(xml, 'mergeCells');
  if (mergeXml) {
    for (const m of findTags(mergeXml, 'mergeCell')) {
      const r = m.ref ? parseRange(m.ref) : null;
      if (r && (r.bottom > r.top || r.right > r.left)) grid.merges.push(r);
    }
  }
  return grid;
}

function innerText(inner: string, tag: string): string | undefined {
  const open = inner.indexOf(`<${tag}`);
  if (open < 0) return undefined;
  const end = tagEnd(inner, open);
  if (end < 0 || inner[end - 1] === '/') return '';
  const close = inner.indexOf(`</${tag}>`, end);
  return close < 0 ? undefined : inner.slice(end + 1, close);
}

function readCell(a: Record<string, string>, inner: string, ctx: SheetContext): RawCell | undefined {
  const t = a.t ?? 'n';
  const formula = inner.indexOf('<f') >= 0;
  const fmt = a.s !== undefined ? ctx.formats[Number(a.s)] : undefined;
  let cell: RawCell | undefined;
  if (t === 'inlineStr') {
    const is = innerText(inner, 'is');
    if (is === undefined) return undefined;
    cell = { value: richText(is) };
  } else {
    const v = innerText(inner, 'v');
    if (v === undefined) return undefined;
    switch (t) {
      case 's': {
        const s = ctx.strings[Number(v)];
        if (s === undefined) return undefined;
        cell = { value: s };
        break;
      }
      case 'str':
        cell = { value: decodeExcelEscapes(decodeEntities(v)) };
        break;
      case 'b':
        cell = { value: v.trim() === '1' || v.trim() === 'true' };
        break;
      case 'e':
        cell = { value: decodeEntities(v).trim(), error: true };
        break;
      case 'd': {
        const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
        if (!m) return { value: v.trim() };
        return { value: isoToSerial(m[1], ctx.date1904), format: fmt || 'yyyy-mm-dd', ...(formula ? { formula: true } : {}) };
      }
      default: {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) return undefined;
        cell = { value: n };
      }
    }
  }
  if (fmt) cell.format = fmt;
  if (formula) cell.formula = true;
  return cell;
}

/** Reads every worksheet of the package into a grid. */
export function readWorkbook(pkg: ZipPackage, limits: Partial<ReadLimits> = {}): { grid: WorkbookGrid; info: PackageInfo } {
  const parts = readWorkbookParts(pkg);
  const info = packageInfo(pkg, parts);
  const ctx: SheetContext = {
    strings: readSharedStrings(pkg, parts.sharedStringsPath),
    formats: readFormats(pkg, parts.stylesPath),
    date1904: parts.date1904,
    budget: { cells: 0, max: { ...DEFAULT_READ_LIMITS, ...limits }.maxCells },
  };
  const sheets: SheetGrid[] = [];
  for (const s of parts.sheets) {
    if (!s.path) continue;
    const xml = pkg.readText(s.path);
    if (xml === undefined) continue;
    const grid = readSheetXml(s.name, xml, ctx);
    if (s.state !== 'visible') grid.hidden = true;
    if (sheetProtected(xml)) grid.protected = true;
    if (parts.generated.has(s.index)) grid.generated = true;
    sheets.push(grid);
  }
  return { grid: { sheets, date1904: parts.date1904 }, info };
}

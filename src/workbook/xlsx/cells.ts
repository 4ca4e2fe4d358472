/**
 * The cells of highlighting, in a sheet's XML: one streaming pass finds each marked cell by
 * position (including cells written without r=), gives it a clone of its own format with the
 * highlight's fill, and inserts missing cells and rows in order; and the way back, from the
 * record of what each cell had.
 */
import { a1, parseA1 } from '../../core/cell';
import type { HighlightKind } from '../../core/sheetspec';
import { WorkbookError } from '../port';
import { REL_NS } from './opc';
import { MAX_COLS, MAX_ROWS } from './read';
import { type CellRecord, type SheetRecord } from './record';
import { withPrefix } from './styles';
import { TOK_CLOSE, TOK_EOF, TOK_OPEN, XmlScanner, type Edit } from './xml';

export interface Target {
  row: number;
  col: number;
  kind: HighlightKind;
  note: string;
}

/** Where things are in a worksheet's XML, found in one pass. */
export interface SheetScan {
  edits: Edit[];
  cells: CellRecord[];
  sheetDataOpened: boolean;
  /** Top-level children of <worksheet>: local name and offsets. */
  top: { local: string; start: number; end: number; relId?: string }[];
  rootCloseStart: number;
  rootPrefix: string;
  relPrefix?: string;
}

export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

/** The row a <row> is at, as the reader sees it (no r=: the next; bad r=: off the grid). */
function rowIndex(r: string | undefined, prev: number): number {
  if (r === undefined) return prev + 1;
  const n = Number(r);
  return Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : MAX_ROWS;
}

/** The column a <c> is at, as the reader sees it (no r=: the next; bad r=: off the grid). */
function colIndex(r: string | undefined, prev: number): number {
  if (r === undefined) return prev + 1;
  const p = parseA1(r);
  return p && p.col < MAX_COLS ? p.col : MAX_COLS;
}

function parseIntAttr(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** A cell the sheet already has, as {@link walkCells} found it. */
export interface FoundCell {
  /** Offsets of the whole <c> element (its start, and the end of its close tag). */
  start: number;
  end: number;
  /** The value span of its s= attribute, when it has one; else where to insert one. */
  styleSpan?: [number, number];
  insertStyleAt: number;
  /** Its s= (0 when absent). */
  style: number;
  /** True when it holds a <f> (a formula). */
  formula: boolean;
}

/** Where a cell that is not in the sheet yet goes. */
export type NewCellPlace = 'row-created' | 'row-opened' | 'in-row';

/** What {@link walkCells} asks of the patcher for each target. */
export interface CellVisitor<T> {
  /** The element (without prefix) for a target the sheet lacks; `base` is the style it would show (its row's, else its column's). */
  missing(t: T, base: number, place: NewCellPlace): string;
  /** The edits for a target the sheet has. */
  existing(t: T, cell: FoundCell): Edit[];
}

/**
 * One streaming pass over a sheet's XML that finds each target cell by position (cells and
 * rows written without r= included), asks `visit` what to write for it, and inserts missing
 * cells and rows in order. Targets must be sorted by row, then column. Highlighting (a cell's
 * s=) and the update merge (a cell's value) are both patches of this one pass.
 */
export function walkCells<T extends { row: number; col: number }>(xml: string, targets: T[], visit: CellVisitor<T>): SheetScan {
  const rowsWanted: { row: number; cells: T[] }[] = [];
  for (const t of targets) {
    const last = rowsWanted[rowsWanted.length - 1];
    if (last && last.row === t.row) last.cells.push(t);
    else rowsWanted.push({ row: t.row, cells: [t] });
  }
  const out: SheetScan = { edits: [], cells: [], sheetDataOpened: false, top: [], rootCloseStart: xml.length, rootPrefix: '' };
  const colStyles: { min: number; max: number; style: number }[] = [];
  const sc = new XmlScanner(xml);
  let depth = 0;
  let inSheetData = false;
  let sawSheetData = false;
  let dataPrefix = '';
  let ri = 0;
  let rowIdx = -1;
  let colIdx = -1;
  let active: { cells: T[]; ci: number; style: number } | undefined;
  // The target cell being read, until its close tag.
  let open: { t: T; cell: FoundCell } | undefined;

  const colStyle = (col: number) => colStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? 0;
  const newCell = (t: T, rowStyle: number, place: NewCellPlace) =>
    withPrefix(visit.missing(t, rowStyle || colStyle(t.col), place), dataPrefix);
  const close = (name: string) => (dataPrefix ? `</${dataPrefix}:${name}>` : `</${name}>`);
  const newRow = (w: { row: number; cells: T[] }) =>
    withPrefix(`<row r="${w.row + 1}">`, dataPrefix) + w.cells.map((t) => newCell(t, 0, 'row-created')).join('') + close('row');

  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (depth === 0) {
        out.rootPrefix = prefixOf(sc.name());
        for (const [n, v] of sc.attrs())
          if ((v === REL_NS || v === 'http://purl.oclc.org/ooxml/officeDocument/relationships') && n.startsWith('xmlns:'))
            out.relPrefix = n.slice(6);
      } else if (depth === 1) {
        out.top.push({
          local: sc.local(),
          start: sc.start,
          end: sc.end,
          relId: sc.is('legacyDrawing') ? sc.prefixedAttr('id') : undefined,
        });
        if (sc.is('sheetData')) {
          sawSheetData = true;
          dataPrefix = prefixOf(sc.name());
          if (sc.selfClosing) {
            if (rowsWanted.length) {
              out.edits.push({ start: sc.end - 2, end: sc.end, text: '>' + rowsWanted.map(newRow).join('') + close('sheetData') });
              out.sheetDataOpened = true;
              ri = rowsWanted.length;
            }
          } else inSheetData = true;
        }
      } else if (depth === 2 && inSheetData && sc.is('row')) {
        rowIdx = rowIndex(sc.attr('r'), rowIdx);
        colIdx = -1;
        while (ri < rowsWanted.length && rowsWanted[ri].row < rowIdx)
          out.edits.push({ start: sc.start, end: sc.start, text: newRow(rowsWanted[ri++]) });
        const custom = sc.attr('customFormat');
        const rowStyle = custom === '1' || custom === 'true' ? parseIntAttr(sc.attr('s')) : 0;
        if (ri < rowsWanted.length && rowsWanted[ri].row === rowIdx) {
          const w = rowsWanted[ri++];
          if (sc.selfClosing) {
            out.edits.push({
              start: sc.end - 2,
              end: sc.end,
              text: '>' + w.cells.map((t) => newCell(t, rowStyle, 'row-opened')).join('') + close('row'),
            });
          } else active = { cells: w.cells, ci: 0, style: rowStyle };
        }
      } else if (depth === 2 && sc.is('col')) {
        colStyles.push({ min: parseIntAttr(sc.attr('min')), max: parseIntAttr(sc.attr('max')), style: parseIntAttr(sc.attr('style')) });
      } else if (depth === 3 && active && sc.is('c')) {
        const col = colIndex(sc.attr('r'), colIdx);
        colIdx = col;
        while (active.ci < active.cells.length && active.cells[active.ci].col < col) {
          out.edits.push({ start: sc.start, end: sc.start, text: newCell(active.cells[active.ci++], active.style, 'in-row') });
        }
        if (active.ci < active.cells.length && active.cells[active.ci].col === col) {
          const t = active.cells[active.ci++];
          const span = sc.attrSpan('s');
          const cell: FoundCell = {
            start: sc.start,
            end: sc.end,
            styleSpan: span ?? undefined,
            insertStyleAt: sc.attrEnd('r') >= 0 ? sc.attrEnd('r') : sc.nameEnd,
            style: span ? parseIntAttr(xml.slice(span[0], span[1])) : 0,
            formula: false,
          };
          if (sc.selfClosing) out.edits.push(...visit.existing(t, cell));
          else open = { t, cell };
        }
      } else if (depth === 4 && open && sc.is('f')) open.cell.formula = true;
      if (!sc.selfClosing) depth++;
    } else if (k === TOK_CLOSE) {
      depth--;
      if (depth === 0) out.rootCloseStart = sc.start;
      else if (depth === 1) {
        const last = out.top[out.top.length - 1];
        if (last) last.end = sc.end;
        if (sc.is('sheetData') && inSheetData) {
          while (ri < rowsWanted.length) out.edits.push({ start: sc.start, end: sc.start, text: newRow(rowsWanted[ri++]) });
          inSheetData = false;
        }
      } else if (depth === 3 && open && sc.is('c')) {
        open.cell.end = sc.end;
        out.edits.push(...visit.existing(open.t, open.cell));
        open = undefined;
      } else if (depth === 2 && active && sc.is('row')) {
        while (active.ci < active.cells.length)
          out.edits.push({ start: sc.start, end: sc.start, text: newCell(active.cells[active.ci++], active.style, 'in-row') });
        active = undefined;
      }
    }
  }
  if (!sawSheetData)
    throw new WorkbookError(
      'corrupt',
      'This workbook is damaged: a worksheet has no cell data section. Open it in Excel and save a fresh copy.',
    );
  return out;
}

/**
 * Sets each target cell's s= to `styleFor(its current format)`, creating missing cells and
 * rows in order. A new cell starts from the format Excel would show for it (its row's, else
 * its column's), so marking it does not change its number format.
 */
export function patchSheet(xml: string, targets: Target[], styleFor: (base: number, t: Target) => number): SheetScan {
  const cells: CellRecord[] = [];
  const scan = walkCells(xml, targets, {
    missing: (t, base, place) => {
      const clone = styleFor(base, t);
      const ref = a1(t.row, t.col);
      cells.push({
        ref,
        clone,
        created: true,
        ...(place === 'row-created' ? { rowCreated: true } : place === 'row-opened' ? { rowOpened: true } : {}),
      });
      return `<c r="${ref}" s="${clone}"/>`;
    },
    existing: (t, cell) => {
      const raw = cell.styleSpan ? xml.slice(cell.styleSpan[0], cell.styleSpan[1]) : undefined;
      const clone = styleFor(cell.style, t);
      cells.push({ ref: a1(t.row, t.col), s: raw, clone });
      return cell.styleSpan
        ? [{ start: cell.styleSpan[0], end: cell.styleSpan[1], text: String(clone) }]
        : [{ start: cell.insertStyleAt, end: cell.insertStyleAt, text: ` s="${clone}"` }];
    },
  });
  scan.cells = cells;
  return scan;
}

/** Puts recorded cells back: original s= (or none), created cells/rows removed, opened elements closed. */
export function restoreSheet(xml: string, rec: SheetRecord): Edit[] {
  const byPos = new Map<number, CellRecord>();
  for (const c of rec.cells) {
    const p = parseA1(c.ref);
    if (p) byPos.set(p.row * MAX_COLS + p.col, c);
  }
  const edits: Edit[] = [];
  const sc = new XmlScanner(xml);
  let depth = 0;
  let inData = false;
  let data: { openEnd: number; rows: number; gone: number; edits: Edit[] } | undefined;
  let row:
    | { start: number; openEnd: number; cells: number; gone: number; created: boolean; opened: boolean; edits: Edit[]; onlyR: boolean }
    | undefined;
  let rowIdx = -1;
  let colIdx = -1;
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (depth === 1 && sc.is('sheetData') && !sc.selfClosing) {
        inData = true;
        data = { openEnd: sc.end, rows: 0, gone: 0, edits: [] };
      } else if (depth === 2 && inData && sc.is('row') && data) {
        rowIdx = rowIndex(sc.attr('r'), rowIdx);
        colIdx = -1;
        data.rows++;
        if (sc.selfClosing) row = undefined;
        else
          row = {
            start: sc.start,
            openEnd: sc.end,
            cells: 0,
            gone: 0,
            created: false,
            opened: false,
            edits: [],
            onlyR: sc.attrCount === 1 && sc.attr('r') !== undefined,
          };
      } else if (depth === 3 && row && sc.is('c')) {
        const col = colIndex(sc.attr('r'), colIdx);
        colIdx = col;
        row.cells++;
        const c = byPos.get(rowIdx * MAX_COLS + col);
        const span = sc.attrSpan('s');
        if (c && span && xml.slice(span[0], span[1]) === String(c.clone)) {
          if (c.created && sc.selfClosing && sc.attrCount === 2) {
            row.edits.push({ start: sc.start, end: sc.end, text: '' });
            row.gone++;
            row.created ||= Boolean(c.rowCreated);
            row.opened ||= Boolean(c.rowOpened);
          } else if (c.s === undefined) {
            // Remove ` s="N"` with the whitespace before it: back from the value over
            // the quote, '=' and the name.
            let i = span[0] - 2;
            while (i > sc.start && /\s/.test(xml[i])) i--;
            if (xml[i] === '=') i--;
            while (i > sc.start && /\s/.test(xml[i])) i--;
            let ws = i; // at the 's' of the name
            while (ws > sc.start && /\s/.test(xml[ws - 1])) ws--;
            row.edits.push({ start: ws, end: sc.attrEnd('s'), text: '' });
          } else {
            row.edits.push({ start: span[0], end: span[1], text: c.s });
          }
        }
      }
      if (!sc.selfClosing) depth++;
    } else if (k === TOK_CLOSE) {
      depth--;
      if (depth === 2 && row && sc.is('row') && data) {
        if (row.cells > 0 && row.gone === row.cells && row.created && row.onlyR) {
          data.edits.push({ start: row.start, end: sc.end, text: '' });
          data.gone++;
        } else if (row.cells > 0 && row.gone === row.cells && row.opened) {
          data.edits.push({ start: row.openEnd - 1, end: sc.end, text: '/>' });
        } else data.edits.push(...row.edits);
        row = undefined;
      } else if (depth === 1 && inData && sc.is('sheetData') && data) {
        if (rec.sheetDataOpened && data.rows > 0 && data.gone === data.rows)
          edits.push({ start: data.openEnd - 1, end: sc.end, text: '/>' });
        else edits.push(...data.edits);
        inData = false;
        data = undefined;
      }
    }
  }
  // A sheet damaged since highlighting (unclosed row or sheetData): still restore what we can.
  if (row) data?.edits.push(...row.edits);
  if (data) edits.push(...data.edits);
  return edits;
}

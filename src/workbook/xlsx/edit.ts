/**
 * Writes values into a user's cells (the merge of returned update forms, src/core/update.ts):
 * each cell's value is replaced and its style kept; missing cells and rows are created in
 * order; notes are added as highlights add them (highlights.ts). Only the edited sheets (and,
 * for notes, their comments and drawing parts, and for a new number format, styles.xml)
 * change; every other part keeps its exact bytes. Text is written as inline strings, so it
 * never becomes a formula and the shared string table is left as it was.
 */
import { a1 } from '../../core/cell';
import { isDateFormat, isPercentFormat } from '../../core/parse/numfmt';
import type { CellEdit } from '../../core/update';
import { WorkbookError } from '../port';
import { loadBook, sheetByName, type SheetEntry } from './book';
import { cellElement } from './form';
import { type SheetScan, walkCells } from './cells';
import { addNotes } from './notes';
import { MAX_COLS, MAX_ROWS, sheetProtected } from './read';
import type { HighlightRecord, SheetRecord } from './record';
import { readCellFormats, StyleEditor, stylesPartName } from './styles';
import { applyEdits, child, children, documentElement, isWellFormed, parseXml, type Edit } from './xml';
import { partText, setPartText, type XlsxPackage } from './zip';

interface Target {
  /** 0-based. */
  row: number;
  col: number;
  edit: CellEdit;
}

/**
 * Checks every edit before anything changes: the sheet exists and is an unprotected
 * worksheet, the cell is inside Excel's grid. One edit per cell (the last wins).
 */
function checkEdits(pkg: XlsxPackage, edits: CellEdit[], asUser: boolean): { bySheet: Map<SheetEntry, Target[]>; locked: Set<SheetEntry> } {
  const book = loadBook(pkg);
  const bySheet = new Map<SheetEntry, Map<number, Target>>();
  for (const e of edits) {
    const sheet = sheetByName(book, e.sheet);
    if (!sheet || sheet.kind !== 'worksheet' || !sheet.part)
      throw new WorkbookError(
        'unknown-sheet',
        `PlanCheck tried to write a cell on a sheet named "${e.sheet}", which this workbook does not have.`,
      );
    const row = e.row - 1;
    if (!Number.isInteger(row) || !Number.isInteger(e.col) || row < 0 || e.col < 0 || row >= MAX_ROWS || e.col >= MAX_COLS)
      throw new WorkbookError(
        'invalid-spec',
        `PlanCheck tried to write a cell outside the sheet (row ${e.row}, column ${e.col}). Please report this.`,
      );
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    cells.set(row * MAX_COLS + e.col, { row, col: e.col, edit: e });
  }
  const out = new Map<SheetEntry, Target[]>();
  const locked = new Set<SheetEntry>();
  for (const [s, cells] of bySheet) {
    const xml = partText(pkg, s.part as string, pkg.limits.maxEntryBytes) ?? '';
    if (!isWellFormed(xml))
      throw new WorkbookError(
        'corrupt',
        `This workbook is damaged: sheet "${s.name}" is not well-formed XML, so PlanCheck will not change it. Open the workbook in Excel (which may offer to repair it) and save a fresh copy.`,
      );
    if (sheetProtected(xml)) locked.add(s);
    out.set(
      s,
      [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col),
    );
  }
  if (locked.size && !asUser) {
    const names = [...locked].map((s) => `"${s.name}"`);
    throw new WorkbookError(
      'protected',
      `Cannot write cells on protected sheet${names.length > 1 ? 's' : ''} ${names.join(', ')}. Unprotect ${names.length > 1 ? 'them' : 'it'} in Excel (Review > Unprotect Sheet) and try again.`,
    );
  }
  return { bySheet: out, locked };
}

/**
 * Patches one sheet's XML in a single pass (cells.ts's walkCells): each target cell's element
 * is replaced (its s= kept, or a copy of it with the needed number format), new cells and
 * rows go in order. A target holding a formula is refused: a merge never overwrites a formula.
 */
function patchSheet(xml: string, sheetName: string, targets: Target[], styleFor: (base: number, t: Target) => number): SheetScan {
  const element = (t: Target, base: number) => cellElement(a1(t.row, t.col), styleFor(base, t), t.edit.value);
  return walkCells(xml, targets, {
    missing: (t, base) => element(t, base),
    existing: (t, cell) => {
      if (cell.formula)
        throw new WorkbookError(
          'invalid-spec',
          `PlanCheck tried to overwrite a formula (sheet "${sheetName}", row ${t.row + 1}); it never does. Please report this.`,
        );
      return [{ start: cell.start, end: cell.end, text: element(t, cell.style) }];
    },
  });
}

/** Options for {@link editCells}. */
export interface EditOptions {
  /**
   * A protected sheet: 'refuse' (the default) writes nothing on it; 'unlocked-only' writes its
   * unlocked cells and refuses a locked one, as Excel lets a user type (tests fill in update
   * forms this way, proving which cells a lead can change).
   */
  onProtected?: 'refuse' | 'unlocked-only';
}

/** The cell formats (cellXfs indexes) whose protection is unlocked. */
function unlockedFormats(pkg: XlsxPackage): Set<number> {
  const out = new Set<number>();
  const part = stylesPartName(pkg);
  const root = part ? documentElement(parseXml(partText(pkg, part) ?? '')) : undefined;
  const xfs = root && child(root, 'cellXfs');
  if (!xfs) return out;
  children(xfs, 'xf').forEach((xf, i) => {
    const locked = child(xf, 'protection')?.attrs.get('locked');
    if (locked === '0' || locked === 'false') out.add(i);
  });
  return out;
}

/**
 * Writes each edit's value into its cell, keeping the cell's style; where an edit names a
 * number format the cell does not already show that kind of value with (a date, a percent),
 * the cell gets a copy of its own format with that number format. Notes are added as
 * PlanCheck notes (they are not highlights: Clear highlights leaves them). Refuses, before
 * changing anything, an unknown sheet ('unknown-sheet'), a protected one ('protected') or a
 * cell off the grid ('invalid-spec'); a formula cell is refused too ('invalid-spec'). On a
 * protected sheet only unlocked cells may be written, and only when `opts` allows it.
 */
export function editCells(pkg: XlsxPackage, edits: CellEdit[], opts: EditOptions = {}): void {
  if (edits.length === 0) return;
  const { bySheet, locked } = checkEdits(pkg, edits, opts.onProtected === 'unlocked-only');
  const formats = readCellFormats(pkg);
  const unlocked = locked.size ? unlockedFormats(pkg) : new Set<number>();
  let styles: StyleEditor | undefined;
  const clones = new Map<string, number>();
  const styleFor = (base: number, t: Target, sheet: SheetEntry) => {
    if (locked.has(sheet) && !unlocked.has(base))
      throw new WorkbookError(
        'protected',
        `Cell ${a1(t.row, t.col)} on protected sheet "${sheet.name}" is locked: only its unlocked cells can be written.`,
      );
    const want = t.edit.format;
    if (!want) return base;
    const has = formats[base];
    const kind = (code: string | undefined) => (!code ? '' : isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : '');
    if (kind(has) !== '' && kind(has) === kind(want)) return base;
    const key = `${base}|${want}`;
    let id = clones.get(key);
    if (id === undefined) {
      styles ??= new StyleEditor(pkg);
      id = styles.cloneXf(base < styles.xfCount() ? base : 0, { numFmtId: String(styles.numFmt(want)), applyNumberFormat: '1' });
      clones.set(key, id);
    }
    return id;
  };
  // Patch every sheet in memory first: a refusal (a formula) leaves the package untouched.
  const patched: { sheet: SheetEntry; xml: string; scan: SheetScan; targets: Target[] }[] = [];
  for (const [sheet, targets] of bySheet) {
    const xml = partText(pkg, sheet.part as string, pkg.limits.maxEntryBytes) as string;
    patched.push({ sheet, xml, scan: patchSheet(xml, sheet.name, targets, (base, t) => styleFor(base, t, sheet)), targets });
  }
  styles?.commit();
  // The record addNotes keeps is thrown away: these notes are the plan's history, not highlights to undo.
  const record: HighlightRecord = { sheets: [] };
  for (const { sheet, xml, scan, targets } of patched) {
    const part = sheet.part as string;
    const noted = targets.filter((t) => t.edit.note);
    const rec: SheetRecord = { sheetId: sheet.sheetId, name: sheet.name, part, cells: [], notes: [] };
    const legacy = noted.length
      ? addNotes(
          pkg,
          part,
          scan,
          noted.map((t) => ({ row: t.row, col: t.col, kind: 'warning' as const, note: t.edit.note as string })),
          rec,
          record,
        )
      : undefined;
    const all: Edit[] = legacy ? [...scan.edits, legacy] : scan.edits;
    setPartText(pkg, part, applyEdits(xml, all));
  }
}

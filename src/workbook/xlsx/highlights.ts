/**
 * Reversible highlighting: fills on cells (a clone of each cell's own format with a new
 * fill, so fonts, borders, number formats and alignment stay) and notes saying why, with
 * a record of what was there before (record.ts) so {@link clearHighlights} can put every
 * cell back exactly, even after the file has been saved and reopened.
 *
 * This file checks the marks and runs the steps in order; the cells are patched in
 * cells.ts (one streaming pass over the sheet XML) and the notes added in notes.ts (comments
 * and VML drawing parts).
 */
import { MAX_HIGHLIGHT_CELLS, tooManyToMark } from '../../core/limits';
import { highlightFill } from '../../core/look';
import type { HighlightMark } from '../../core/sheetspec';
import { WorkbookError } from '../port';
import { loadBook, sheetByName, type BookModel, type SheetEntry } from './book';
import { MAX_COLS, MAX_ROWS, sheetProtected } from './read';
import { findHighlightRecord, removeHighlightRecord, writeHighlightRecord, type HighlightRecord, type SheetRecord } from './record';
import { StyleEditor } from './styles';
import { applyEdits, isWellFormed } from './xml';
import { partText, setPartText, type XlsxPackage } from './zip';
import { patchSheet, restoreSheet, type Target } from './cells';
import { addNotes, removeNotes } from './notes';

export { NOTE_AUTHOR } from './notes';

function checkMarks(pkg: XlsxPackage, book: BookModel, marks: HighlightMark[]): Map<SheetEntry, Target[]> {
  const bySheet = new Map<SheetEntry, Map<number, Target>>();
  for (const m of marks) {
    const sheet = sheetByName(book, m.sheet);
    if (!sheet || sheet.kind !== 'worksheet' || !sheet.part) {
      throw new WorkbookError(
        'unknown-sheet',
        `PlanCheck tried to mark a cell on a sheet named "${m.sheet}", which this workbook does not have.`,
      );
    }
    if (!Number.isInteger(m.row) || !Number.isInteger(m.col) || m.row < 0 || m.col < 0 || m.row >= MAX_ROWS || m.col >= MAX_COLS) {
      throw new WorkbookError(
        'invalid-spec',
        `PlanCheck tried to mark a cell outside the sheet (row ${m.row}, column ${m.col}). Please report this.`,
      );
    }
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    const key = m.row * MAX_COLS + m.col;
    const had = cells.get(key);
    // One mark per cell: the first kind wins (the core sends the worst first), notes join.
    if (had) had.note += `\n${m.note}`;
    else cells.set(key, { row: m.row, col: m.col, kind: m.kind, note: m.note });
  }
  const count = [...bySheet.values()].reduce((n, cells) => n + cells.size, 0);
  if (count > MAX_HIGHLIGHT_CELLS) throw new WorkbookError('too-large', tooManyToMark(count));
  const locked: SheetEntry[] = [];
  for (const s of bySheet.keys()) {
    // One read of each sheet for both checks: a large sheet is inflated on every read.
    const xml = partText(pkg, s.part as string, pkg.limits.maxEntryBytes) ?? '';
    if (!isWellFormed(xml)) {
      throw new WorkbookError(
        'corrupt',
        `This workbook is damaged: sheet "${s.name}" is not well-formed XML, so PlanCheck will not change it. Open the workbook in Excel (which may offer to repair it) and save a fresh copy.`,
      );
    }
    if (sheetProtected(xml)) locked.push(s);
  }
  if (locked.length) {
    throw new WorkbookError(
      'protected',
      `Cannot mark cells on protected sheet${locked.length > 1 ? 's' : ''} ${locked.map((s) => `"${s.name}"`).join(', ')}. Unprotect ${locked.length > 1 ? 'them' : 'it'} in Excel (Review > Unprotect Sheet) and try again.`,
    );
  }
  const out = new Map<SheetEntry, Target[]>();
  for (const [s, cells] of bySheet)
    out.set(
      s,
      [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col),
    );
  return out;
}

/**
 * Marks cells with a fill and a note each. Any earlier PlanCheck highlights are cleared
 * first, so the workbook shows exactly this set. Nothing is changed if a mark names an
 * unknown sheet ('unknown-sheet') or a protected one ('protected'), or when there are more
 * than {@link MAX_HIGHLIGHT_CELLS} cells to mark ('too-large').
 */
export function applyHighlights(pkg: XlsxPackage, marks: HighlightMark[]): void {
  checkMarks(pkg, loadBook(pkg), marks); // refuse before changing anything
  clearHighlights(pkg);
  if (marks.length === 0) return;
  const book = loadBook(pkg);
  const bySheet = checkMarks(pkg, book, marks);
  const styles = new StyleEditor(pkg);
  const fills = new Map<string, number>();
  const clones = new Map<string, number>();
  const styleFor = (base: number, t: Target) => {
    const key = `${base}|${t.kind}`;
    let id = clones.get(key);
    if (id === undefined) {
      const rgb = highlightFill(t.kind);
      let fill = fills.get(rgb);
      if (fill === undefined) {
        fill = styles.fill(`<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
        fills.set(rgb, fill);
      }
      id = styles.cloneXf(base < styles.xfCount() ? base : 0, { fillId: String(fill), applyFill: '1' });
      clones.set(key, id);
    }
    return id;
  };
  const record: HighlightRecord = { sheets: [] };
  for (const [sheet, targets] of bySheet) {
    const part = sheet.part as string;
    const xml = partText(pkg, part, pkg.limits.maxEntryBytes) as string;
    const scan = patchSheet(xml, targets, styleFor);
    const rec: SheetRecord = {
      sheetId: sheet.sheetId,
      name: sheet.name,
      part,
      cells: scan.cells,
      notes: [],
      sheetDataOpened: scan.sheetDataOpened || undefined,
    };
    const legacy = addNotes(pkg, part, scan, targets, rec, record);
    setPartText(pkg, part, applyEdits(xml, legacy ? [...scan.edits, legacy] : scan.edits));
    record.sheets.push(rec);
  }
  styles.commit();
  writeHighlightRecord(pkg, record);
}

/**
 * Restores every cell PlanCheck highlighted to its recorded format and removes PlanCheck's
 * notes (a user's own notes stay; text PlanCheck appended to them is removed). A cell the
 * user has since re-formatted is left as they made it. Then the record itself is removed.
 */
export function clearHighlights(pkg: XlsxPackage): void {
  const found = findHighlightRecord(pkg);
  if (!found) return;
  const { record } = found;
  const book = loadBook(pkg);
  for (const rec of record.sheets) {
    const sheet = book.sheets.find((s) => s.sheetId === rec.sheetId && s.part) ?? book.sheets.find((s) => s.part === rec.part);
    if (!sheet || !sheet.part) continue; // the sheet was deleted: nothing to restore
    const part = sheet.part;
    const xml = partText(pkg, part, pkg.limits.maxEntryBytes);
    if (xml === undefined) continue;
    const edits = restoreSheet(xml, rec);
    const legacy = removeNotes(pkg, part, xml, rec, record);
    if (legacy) edits.push(legacy);
    setPartText(pkg, part, applyEdits(xml, edits));
  }
  removeHighlightRecord(pkg);
}

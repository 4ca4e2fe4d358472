/**
 * The xlsx adapter: a {@link WorkbookPort} over an .xlsx held in memory, for Node and the
 * browser alike. Reading and writing go through the package functions in this folder; the
 * port's methods are async only because other adapters (Office.js) need to be.
 */
import type { WorkbookGrid } from '../../core/cell';
import type { HighlightMark, SheetSpec } from '../../core/sheetspec';
import type { CellEdit } from '../../core/update';
import type { WorkbookPort, WriteSheetResult } from '../port';
import { readPackageInfo, readWorkbook, type PackageInfo } from './read';
import { editCells, type EditOptions } from './edit';
import { applyHighlights, clearHighlights, writeSheet } from './write';
import { openPackage, savePackage, type PackageLimits, type XlsxPackage } from './zip';

/** An .xlsx workbook in memory, read and patched at the zip/XML level. */
export class XlsxWorkbook implements WorkbookPort {
  private cachedInfo?: PackageInfo;
  private cachedGrid?: WorkbookGrid;

  /** Wraps an already opened package (see {@link fromBytes}). */
  constructor(readonly pkg: XlsxPackage) {}

  /**
   * Opens workbook bytes, refusing unsafe or unreadable files with a WorkbookError
   * ('not-a-zip', 'legacy-xls', 'encrypted', 'truncated', 'corrupt', 'too-large', 'not-xlsx').
   */
  static fromBytes(bytes: Uint8Array, limits?: Partial<PackageLimits>): XlsxWorkbook {
    return new XlsxWorkbook(openPackage(bytes, limits));
  }

  /** What the package holds (sheets, charts, macros, protection, generated sheets), as it is now. */
  get info(): PackageInfo {
    return (this.cachedInfo ??= readPackageInfo(this.pkg));
  }

  /** Reads every worksheet's cells, formats and merges (cached until the next write). */
  async readGrid(): Promise<WorkbookGrid> {
    if (!this.cachedGrid) {
      const { grid, info } = readWorkbook(this.pkg);
      this.cachedGrid = grid;
      this.cachedInfo = info;
    }
    return this.cachedGrid;
  }

  /** Adds or replaces a generated sheet (see write.ts for the naming rules). */
  async writeSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    this.invalidate();
    return writeSheet(this.pkg, spec);
  }

  /** Marks cells with fills and notes, recording what was there so it can be restored. */
  async applyHighlights(marks: HighlightMark[]): Promise<void> {
    this.invalidate();
    applyHighlights(this.pkg, marks);
  }

  /** Restores every highlighted cell and removes PlanCheck's notes. */
  async clearHighlights(): Promise<void> {
    this.invalidate();
    clearHighlights(this.pkg);
  }

  /**
   * Writes values into the user's cells (a merge of returned update forms), keeping each
   * cell's style; see edit.ts. Refuses unknown or protected sheets and formula cells.
   */
  async editCells(edits: CellEdit[], opts?: EditOptions): Promise<void> {
    this.invalidate();
    editCells(this.pkg, edits, opts);
  }

  /** The workbook as .xlsx bytes. */
  toBytes(): Uint8Array {
    return savePackage(this.pkg);
  }

  private invalidate(): void {
    this.cachedGrid = undefined;
    this.cachedInfo = undefined;
  }
}

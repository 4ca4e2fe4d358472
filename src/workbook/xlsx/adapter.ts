/** The .xlsx adapter of the workbook port, for the CLI (Node) and the pane in file mode (browser). */
import type { WorkbookGrid } from '../../core/cell';
import type { HighlightMark, SheetSpec } from '../../core/sheetspec';
import type { WorkbookPort, WriteSheetResult } from '../port';
import { type PackageInfo, type ReadLimits, readWorkbook } from './read';
import { type HighlightRecord, applyHighlights, clearHighlights, writeSheet } from './write';
import { type PackageLimits, ZipPackage } from './zip';

/** Limits for opening a workbook: the zip's and the reader's. */
export type XlsxLimits = Partial<PackageLimits & ReadLimits>;

/** An .xlsx workbook held in memory; changes are written out with toBytes(). */
export class XlsxWorkbook implements WorkbookPort {
  private grid: WorkbookGrid | undefined;
  private packageInfo: PackageInfo | undefined;
  private highlights: HighlightRecord = { parts: new Map() };

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly limits: XlsxLimits,
  ) {}

  /** Opens .xlsx bytes; throws WorkbookError for files that are not readable workbooks. */
  static fromBytes(bytes: Uint8Array, limits: XlsxLimits = {}): XlsxWorkbook {
    const wb = new XlsxWorkbook(ZipPackage.open(bytes, limits), limits);
    wb.load();
    return wb;
  }

  private load(): void {
    const { grid, info } = readWorkbook(this.pkg, this.limits);
    this.grid = grid;
    this.packageInfo = info;
  }

  /** Charts, pivots, macros and protection found in the package. */
  get info(): PackageInfo {
    return this.packageInfo!;
  }

  async readGrid(): Promise<WorkbookGrid> {
    return this.grid!;
  }

  async writeSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    const result = writeSheet(this.pkg, spec);
    this.load();
    return result;
  }

  async applyHighlights(marks: HighlightMark[]): Promise<void> {
    applyHighlights(this.pkg, marks, this.highlights);
  }

  async clearHighlights(): Promise<void> {
    clearHighlights(this.pkg, this.highlights);
  }

  /** The workbook as .xlsx bytes. */
  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }
}

/**
 * The Office.js adapter of the workbook port. Reads in a small, fixed number of
 * context.sync() calls (more only when a workbook's text is too large for one 4 MB
 * response), writes in batches, and never writes half a change: protection is checked
 * before anything is queued.
 */
import { type CellRange, type RawCell, type SheetGrid, type WorkbookGrid, a1, parseRange, rangeA1 } from '../../core/cell';
import { isoToSerial } from '../../core/parse/dates';
import { isDateFormat, isPercentFormat } from '../../core/parse/numfmt';
import { type CellPlace, blankStatedCells } from '../../core/blankFills';
import { readPlan } from '../../core/read';
import { freeSheetName, GENERATED_SHEET_MARK, highlightFill, type Look, LOOKS, styledCells } from '../../core/look';
import type { CellStyleKey, HighlightKind, HighlightMark, SheetSpec } from '../../core/sheetspec';
import type { CellEdit } from '../../core/update';
import {
  type EditOutcome,
  type HighlightOutcome,
  type ReadGridOptions,
  type WorkbookPort,
  WorkbookError,
  type WriteSheetResult,
} from '../port';
import type {
  CellProperties,
  ClientResult,
  ConditionalFormatCollection,
  ExcelRun,
  FillPattern,
  FunctionResult,
  IsSetSupported,
  Note,
  Range,
  RangeAreas,
  RangeFill,
  RangeFormat,
  RequestContext,
  RunOptions,
  Worksheet,
  WorksheetChangedEvent,
} from './excel-api';

/** The defined name (sheet scope) that marks sheets PlanCheck generated (the core's, shared with the .xlsx adapter). */
export const GENERATED_MARK = GENERATED_SHEET_MARK;
/** The very hidden sheet that keeps the fills highlighting replaced, so they can be restored. */
export const HIGHLIGHT_RECORD_SHEET = 'PlanCheck Highlights';

/** Tuning for Excel on the web's 5 MB request/response limit. */
export interface OfficeAdapterOptions {
  /** Cells per read block (one range load). */
  blockCells: number;
  /** Estimated response bytes allowed in one sync. */
  maxSyncBytes: number;
  /** Longest address list in one getRanges() call (Excel's limit is 8,192). */
  maxAddressChars: number;
}

export const DEFAULT_OFFICE_OPTIONS: OfficeAdapterOptions = { blockCells: 10000, maxSyncBytes: 4 * 1024 * 1024, maxAddressChars: 8000 };

/** One cell's fill before highlighting. */
interface SavedFill {
  sheet: string;
  address: string;
  color: string;
  /** True when the cell had no fill at all (restored with fill.clear()). */
  none: boolean;
  /** A hatch pattern ("Gray50", "LightUp" …) drawn in patternColor over color; absent for a solid fill. */
  pattern?: FillPattern;
  patternColor?: string;
}

/** Excel's last row and column (0-based). */
const LAST_ROW = 1048575;
const LAST_COL = 16383;

/**
 * A RangeAreas address ("Sheet1!C2:C40, 'My sheet'!$D:$D, Sheet1!3:5") to boxes: Excel writes a
 * whole column as "D:D" and whole rows as "3:5".
 */
export function areaBoxes(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of address.split(',')) {
    const ref = (part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part).replace(/\$/g, '').trim();
    const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(ref);
    const rows = /^(\d{1,7}):(\d{1,7})$/.exec(ref);
    if (cols) {
      const a = parseRange(`${cols[1]}1`)!.left;
      const b = parseRange(`${cols[2]}1`)!.left;
      out.push({ top: 0, left: Math.min(a, b), bottom: LAST_ROW, right: Math.max(a, b) });
    } else if (rows) {
      out.push({ top: Math.min(+rows[1], +rows[2]) - 1, left: 0, bottom: Math.max(+rows[1], +rows[2]) - 1, right: LAST_COL });
    } else {
      const r = parseRange(ref);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Splits addresses into comma-joined lists under the length limit. */
export function chunkAddresses(addresses: string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** "Sheet1!A1:B2, Sheet1!C3:D4" to ranges. */
function mergedRanges(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of address.split(',')) {
    const ref = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const r = parseRange(ref.trim().replace(/\$/g, ''));
    if (r) out.push(r);
  }
  return out;
}

/** Excel on the web's refusal of a request or response over 5 MB. */
function isPayloadError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return /PayloadSizeLimitExceeded/i.test(`${err?.code ?? ''} ${err?.message ?? ''}`);
}

/** Response bytes of a loaded block: values, formats, and about ten bytes of value type a cell. */
function estimateBytes(values: unknown[][], formats: unknown[][]): number {
  let n = 0;
  for (const row of values) n += row.length * 10;
  for (const row of values) for (const v of row) n += typeof v === 'string' ? v.length + 4 : 12;
  for (const row of formats) for (const f of row) n += typeof f === 'string' ? f.length + 4 : 4;
  return n;
}

/** How many recent writes' change events are still expected (see OfficeWorkbook.echoes). */
const ECHO_WRITES = 3;

/** Excel through Office.js, behind the workbook port. */
/**
 * The blank cells to read fills of when the caller does not say: those of the plan as read
 * without a column map (the app layer says, with the settings in force).
 */
function defaultFillsOf(grid: WorkbookGrid): CellPlace[] {
  try {
    return blankStatedCells(readPlan(grid));
  } catch {
    return [];
  }
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly options: OfficeAdapterOptions;
  /** Writes under way: change events meanwhile are the echo of our own writes (before ExcelApi 1.14). */
  private writing = 0;
  /** Sheets PlanCheck made (record, summary, owners), by worksheet id: their changes are ours. */
  private readonly ownSheets = new Set<string>();
  /**
   * Where ExcelApi 1.14's triggerSource is missing: the cells our recent writes changed on the
   * user's sheets ("worksheet id|address" -> count), each expected to echo once as a change
   * event, however late. One map per write, the last ECHO_WRITES writes only: an echo Excel
   * never sends must not hide a user's edit of that cell for long.
   */
  private echoes: Map<string, number>[] = [];

  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: IsSetSupported,
    options: Partial<OfficeAdapterOptions> = {},
  ) {
    this.options = { ...DEFAULT_OFFICE_OPTIONS, ...options };
  }

  /**
   * Calls `listener` when the user changes the workbook. Excel reports the add-in's own
   * writes as changes too, possibly after the write has finished; those are ignored: by
   * `triggerSource` where ExcelApi 1.14 has it, else by the sheet and cells we wrote.
   */
  async onUserChange(listener: () => void): Promise<void> {
    this.listeners.push(listener);
    await this.watchChanges();
  }

  /** User edits seen so far, and how many there had been when the grid was last read. */
  private edits = 0;
  private editsAtRead = 0;
  private watching: Promise<void> | null = null;
  private readonly listeners: (() => void)[] = [];

  /** One change handler for the adapter's life: counts the user's edits and tells listeners. */
  private watchChanges(): Promise<void> {
    this.watching ??= this.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        if (this.isOwnChange(event)) return;
        this.edits++;
        for (const l of this.listeners) l();
      });
      await context.sync();
    }, this.runOptions()).catch(() => undefined);
    return this.watching;
  }

  /** Whether a change event is the echo of one of our writes rather than the user's edit. */
  private isOwnChange(event: WorksheetChangedEvent): boolean {
    if (this.isSetSupported('ExcelApi', '1.14') && event.triggerSource !== undefined) return event.triggerSource === 'ThisLocalAddin';
    if (this.writing > 0 || this.ownSheets.has(event.worksheetId)) return true;
    const key = `${event.worksheetId}|${addressKey(event.address)}`;
    const expected = this.echoes.find((m) => m.has(key));
    if (!expected) return false;
    const n = expected.get(key)!;
    if (n === 1) expected.delete(key);
    else expected.set(key, n - 1);
    return true;
  }

  /** Notes that our write will change `address` on the sheet with this id. */
  private expectEcho(worksheetId: string, address: string): void {
    const key = `${worksheetId}|${addressKey(address)}`;
    const m = this.echoes[this.echoes.length - 1];
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /** Runs one of our writes so that its change events are not taken for the user's. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    this.echoes.push(new Map());
    if (this.echoes.length > ECHO_WRITES) this.echoes.shift();
    this.writing++;
    try {
      return await work();
    } finally {
      this.writing--;
    }
  }

  /**
   * Options of every batch: wait while the user is typing in a cell (a batch sent then would
   * fail), and, for fill changes where ExcelApi 1.20 allows, one undo step.
   */
  private runOptions(undoGroup = false): RunOptions {
    return undoGroup && this.isSetSupported('ExcelApi', '1.20')
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
  }

  async readGrid(options: ReadGridOptions = {}): Promise<WorkbookGrid> {
    await this.watchChanges();
    this.editsAtRead = this.edits;
    return this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name,items/visibility,items/id');
      const dateSystem = loadDateSystem(context);
      await context.sync();

      const hasMerges = this.isSetSupported('ExcelApi', '1.13');
      const queueInfos = (withMerges: boolean) =>
        sheets.items.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          ws.protection.load('protected');
          const mark = ws.names.getItemOrNullObject(GENERATED_MARK);
          mark.load('name');
          // Merged areas are small (addresses only): they come with this sync, not with the values.
          const areas = withMerges ? used.getMergedAreasOrNullObject() : null;
          areas?.load('address');
          return { ws, used, mark, areas, merges: [] as CellRange[] };
        });
      let infos = queueInfos(hasMerges);
      try {
        await context.sync();
      } catch (e) {
        // getMergedAreasOrNullObject fails on a range of more than 512 merged areas, and takes
        // the whole sync with it: read again without merges, then merges sheet by sheet, in bands.
        if (!hasMerges) throw e;
        infos = queueInfos(false);
        await context.sync();
        for (const info of infos) {
          if (info.used.isNullObject || info.ws.name === HIGHLIGHT_RECORD_SHEET) continue;
          const u = info.used;
          info.merges = await mergesInBands(context, info.ws, u.rowIndex, u.columnIndex, u.rowCount, Math.max(1, u.columnCount));
        }
      }

      const grids: SheetGrid[] = [];
      type Block = { grid: SheetGrid; range: Range; row0: number; col0: number; cells: number };
      const blocks: Block[] = [];
      for (const { ws, used, mark, areas, merges } of infos) {
        if (ws.name === HIGHLIGHT_RECORD_SHEET || !mark.isNullObject) this.ownSheets.add(ws.id);
        if (ws.name === HIGHLIGHT_RECORD_SHEET) continue;
        const grid: SheetGrid = { name: ws.name, rows: [], merges: [] };
        if (ws.visibility !== 'Visible') grid.hidden = true;
        if (ws.protection.protected) grid.protected = true;
        if (!mark.isNullObject) grid.generated = true;
        grids.push(grid);
        if (used.isNullObject) continue;
        const cols = Math.max(1, used.columnCount);
        const rowsPerBlock = Math.max(1, Math.floor(this.options.blockCells / cols));
        for (let r = 0; r < used.rowCount; r += rowsPerBlock) {
          const n = Math.min(rowsPerBlock, used.rowCount - r);
          const range = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, cols);
          blocks.push({ grid, range, row0: used.rowIndex + r, col0: used.columnIndex, cells: n * cols });
        }
        if (areas && !areas.isNullObject && areas.address) grid.merges.push(...mergedRanges(areas.address));
        grid.merges.push(...merges);
      }

      // Queue blocks into syncs by estimated response size; most plans need one. The first
      // page assumes fairly long text; later pages use what was seen, with a margin. A page
      // Excel still refuses as too large is retried in halves.
      let bytesPerCell = 96;
      let i = 0;
      if (blocks.length === 0) await context.sync();
      while (i < blocks.length) {
        let take = 0;
        for (
          let estimate = 0;
          i + take < blocks.length && (take === 0 || estimate + blocks[i + take].cells * bytesPerCell <= this.options.maxSyncBytes);
          take++
        ) {
          estimate += blocks[i + take].cells * bytesPerCell;
        }
        for (;;) {
          for (const b of blocks.slice(i, i + take)) b.range.load('values,numberFormat,valueTypes');
          try {
            // A sync per page on purpose: each response must stay under Excel on the web's 5 MB.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            break;
          } catch (e) {
            if (!isPayloadError(e)) throw e;
            if (take === 1)
              throw new WorkbookError(
                'too-large',
                'Part of this workbook holds more text than Excel can send to an add-in at once. Check the plan in the web page or with plancheck instead.',
              );
            take = Math.max(1, Math.floor(take / 2));
          }
        }
        let seen = 0;
        let cells = 0;
        for (const b of blocks.slice(i, i + take)) {
          seen += estimateBytes(b.range.values, b.range.numberFormat);
          cells += b.cells;
          fillGrid(b.grid, b.range, b.row0, b.col0);
        }
        if (cells > 0) bytesPerCell = Math.max(16, Math.ceil((seen / cells) * 1.5));
        i += take;
      }
      const grid: WorkbookGrid = { sheets: grids, date1904: dateSystem.value === 0 };
      const record = infos.find((info) => info.ws.name === HIGHLIGHT_RECORD_SHEET && !info.used.isNullObject);
      await this.readBlankFills(
        context,
        grid,
        options.fillsOf ?? defaultFillsOf,
        new Map(infos.map((info) => [info.ws.name, info.ws])),
        record ? { ws: record.ws, rows: record.used.rowCount } : null,
      );
      return grid;
    }, this.runOptions());
  }

  /**
   * The fill colours of blank RAG, Status and earlier-RAG cells: many trackers colour an empty
   * cell instead of typing a word. Which cells those are is known once the plan's headers are
   * read, so the core reads the plan from the values first; then only those cells' fills are
   * asked for (getCellProperties, ExcelApi 1.9: one array per run of rows down a column, not a
   * proxy per cell), about 4 MB of response per sync. No sync is added when no such cell is
   * blank. A cell PlanCheck highlighted takes the fill recorded before highlighting, never the
   * highlight's colour (which would read as a RAG).
   */
  private async readBlankFills(
    context: RequestContext,
    grid: WorkbookGrid,
    fillsOf: (grid: WorkbookGrid) => CellPlace[],
    sheets: Map<string, Worksheet>,
    record: { ws: Worksheet; rows: number } | null,
  ): Promise<void> {
    // Sheet -> column -> the rows of its blank RAG/Status cells.
    const wanted = new Map<string, Map<number, Set<number>>>();
    for (const p of fillsOf(grid)) {
      if (!sheets.has(p.sheet)) continue;
      const cols = wanted.get(p.sheet) ?? new Map<number, Set<number>>();
      wanted.set(p.sheet, cols);
      const rows = cols.get(p.col) ?? new Set<number>();
      cols.set(p.col, rows);
      rows.add(p.row);
    }
    if (wanted.size === 0) return;
    type Run = { sheet: string; col: number; row0: number; rows: number; props: ClientResult<CellProperties[][]> | null };
    const runs: Run[] = [];
    for (const [sheet, cols] of wanted) {
      for (const [col, set] of cols) {
        const rows = [...set].sort((a, b) => a - b);
        let start = 0;
        for (let i = 1; i <= rows.length; i++) {
          // A run takes in short gaps (a heading row, a filled cell) rather than starting a new range.
          if (i < rows.length && rows[i] - rows[i - 1] <= FILL_RUN_GAP && rows[i] - rows[start] < FILL_RUN_ROWS) continue;
          runs.push({ sheet, col, row0: rows[start], rows: rows[i - 1] - rows[start] + 1, props: null });
          start = i;
        }
      }
    }
    const recordRows: Range[] = [];
    type Item = { run: Run } | { recordRow: number };
    const items: Item[] = [...Array.from({ length: record?.rows ?? 0 }, (_, i) => ({ recordRow: i })), ...runs.map((run) => ({ run }))];
    await this.paged(
      context,
      items,
      (item) => ('run' in item ? item.run.rows * FILL_BYTES_PER_CELL + 64 : RECORD_CHUNK * 1.5 + 64),
      (item) => {
        if ('run' in item) {
          const r = item.run;
          r.props = sheets
            .get(r.sheet)!
            .getRangeByIndexes(r.row0, r.col, r.rows, 1)
            .getCellProperties({ format: { fill: { color: true } } });
        } else {
          const cell = record!.ws.getRangeByIndexes(item.recordRow, 0, 1, 1);
          cell.load('values');
          recordRows.push(cell);
        }
      },
    );
    const recorded = new Map(parseRecord(recordRows.map((r) => r.values[0])).map((f) => [`${f.sheet}!${f.address}`, f]));
    const bySheet = new Map(grid.sheets.map((g) => [g.name, g]));
    for (const r of runs) {
      const g = bySheet.get(r.sheet)!;
      const rows = wanted.get(r.sheet)!.get(r.col)!;
      const values = r.props!.value;
      for (let i = 0; i < r.rows; i++) {
        const row = r.row0 + i;
        if (!rows.has(row)) continue;
        const saved = recorded.get(`${r.sheet}!${a1(row, r.col)}`);
        const colour = saved ? (saved.none ? null : saved.color) : values[i]?.[0]?.format?.fill?.color;
        const hex = typeof colour === 'string' ? colour.replace(/^#/, '').toUpperCase() : '';
        if (!/^[0-9A-F]{6}$/.test(hex) || hex === 'FFFFFF') continue;
        const line = (g.rows[row] ??= []);
        const cell = line[r.col];
        if (!cell) line[r.col] = { value: '', fill: hex };
        else if (cell.value === '') cell.fill = hex;
      }
    }
  }

  async writeSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return this.write(() =>
      this.run(async (context) => {
        const wb = context.workbook;
        wb.protection.load('protected');
        const sheets = wb.worksheets;
        sheets.load('items/name');
        const dateSystem = loadDateSystem(context);
        await context.sync();
        if (wb.protection.protected) {
          throw new WorkbookError(
            'protected',
            'The workbook structure is protected, so the summary sheet cannot be added. Unprotect it (Review > Protect Workbook) and try again.',
          );
        }
        const names = sheets.items.map((s) => s.name);
        const marks = sheets.items.map((s) => {
          const m = s.names.getItemOrNullObject(GENERATED_MARK);
          m.load('name');
          return m;
        });
        await context.sync();
        const generated = new Set(sheets.items.filter((_, i) => !marks[i].isNullObject).map((s) => s.name.toLowerCase()));
        const { name, replaces: replaced } = freeSheetName(spec.name, names, (n) => generated.has(n.toLowerCase()));
        if (replaced) sheets.getItemOrNullObject(name).delete();
        const ws = sheets.add(name);
        // Its id first: every change event from this sheet is then known to be ours.
        ws.load('id');
        await context.sync();
        this.ownSheets.add(ws.id);
        try {
          // Values and formats go in bands of rows, each request under Excel on the web's 5 MB;
          // the styles, merges, widths, chart and mark with the last band.
          const { values, formats } = specGrid(spec, dateSystem.value === 0);
          const cols = values[0].length;
          const bands: { row: number; values: (string | number)[][]; formats: string[][]; bytes: number }[] = [];
          const rowsPerBand = 200;
          for (let r = 0; r < values.length; r += rowsPerBand) {
            const v = values.slice(r, r + rowsPerBand);
            const f = formats.slice(r, r + rowsPerBand);
            // Two format arrays go with the values: the text guard before them, the looks' formats after.
            bands.push({ row: r, values: v, formats: f, bytes: JSON.stringify(v).length + 2 * JSON.stringify(f).length + 64 });
          }
          let queued = 0;
          await this.paged(
            context,
            bands,
            (b) => b.bytes,
            (b) => {
              const range = ws.getRangeByIndexes(b.row, 0, b.values.length, cols);
              // Text format ("@") on text cells first, so plan text starting with = + - @ is stored as
              // text (numbers get their own format, or Excel would store them as text); then the
              // looks' number formats: a format change leaves a stored value as it is.
              range.numberFormat = b.formats.map((row, i) => row.map((f, j) => (typeof b.values[i][j] === 'string' ? '@' : f)));
              range.values = b.values;
              range.numberFormat = b.formats;
              if (++queued === bands.length) {
                writeSpecFormats(ws, spec, this.options.maxAddressChars);
                ws.names.add(GENERATED_MARK, ws.getRange('A1'), 'Generated by PlanCheck: replaced when the summary is rebuilt');
                ws.activate();
              }
            },
          );
        } catch (e) {
          // A sheet left half-written is removed: it is ours, and rebuilding makes it again.
          ws.delete();
          await context.sync().catch(() => undefined);
          throw e;
        }
        return { name, replaced };
      }, this.runOptions()),
    );
  }

  /**
   * Queues items one by one and syncs whenever the estimated payload would pass the limit,
   * then syncs the rest: big highlight runs stay under Excel on the web's 5 MB per batch.
   */
  private async paged<T>(
    context: RequestContext,
    items: Iterable<T>,
    bytesOf: (item: T) => number,
    queue: (item: T) => void,
  ): Promise<void> {
    let pending = 0;
    for (const item of items) {
      const bytes = bytesOf(item);
      if (pending > 0 && pending + bytes > this.options.maxSyncBytes) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        pending = 0;
      }
      queue(item);
      pending += bytes;
    }
    await context.sync();
  }

  /** Reads the highlight record (JSON over column A), a page of rows at a time. */
  private async readRecord(context: RequestContext, record: Worksheet, rowCount: number): Promise<SavedFill[]> {
    const rows: Range[] = [];
    const indexes = Array.from({ length: rowCount }, (_, i) => i);
    await this.paged(
      context,
      indexes,
      // JSON text comes back escaped: quotes double in size.
      () => RECORD_CHUNK * 1.5 + 64,
      (i) => {
        const r = record.getRangeByIndexes(i, 0, 1, 1);
        r.load('values');
        rows.push(r);
      },
    );
    return parseRecord(rows.map((r) => r.values[0]));
  }

  /**
   * Highlights the marked cells. The outcome names the highlighted cells under a conditional
   * format: Excel shows that format over a cell's own fill, so their highlight may not show.
   */
  async applyHighlights(marks: HighlightMark[]): Promise<HighlightOutcome> {
    if (marks.length === 0) return { underConditionalFormat: [] };
    // Marks point at cells as they were when the grid was read: after an edit they may be wrong.
    if (this.edits !== this.editsAtRead) {
      throw new WorkbookError(
        'changed',
        'The workbook changed while it was being checked, so nothing was highlighted. Press Highlight problems again.',
      );
    }
    return this.write(() =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        // The record sheet is added (and an old one deleted): a protected structure refuses
        // that, so it is checked before any fill is queued, or the fills could not be cleared.
        context.workbook.protection.load('protected');
        const involved = [...new Set(marks.map((m) => m.sheet))];
        const wsBy = new Map(involved.map((n) => [n, sheets.getItemOrNullObject(n)]));
        for (const ws of wsBy.values()) {
          ws.protection.load('protected');
          ws.load('id');
        }
        const record = sheets.getItemOrNullObject(HIGHLIGHT_RECORD_SHEET);
        const recordUsed = record.getUsedRangeOrNullObject(true);
        recordUsed.load('rowCount');
        await context.sync();
        if (context.workbook.protection.protected) {
          throw new WorkbookError(
            'protected',
            'The workbook structure is protected, so PlanCheck cannot keep the record it needs to clear highlights, and nothing was highlighted. Unprotect it (Review > Protect Workbook) and try again.',
          );
        }
        for (const [n, ws] of wsBy) {
          if (ws.isNullObject) throw new WorkbookError('changed', `Sheet "${n}" is no longer in the workbook: run Check again.`);
          if (ws.protection.protected) {
            throw new WorkbookError(
              'protected',
              `Sheet "${n}" is protected, so its cells cannot be highlighted. Unprotect it (Review > Unprotect Sheet) and try again.`,
            );
          }
        }
        // Keep the earliest saved fill of each cell: highlighting twice must still restore the user's own.
        const saved = new Map<string, SavedFill>();
        const hasRecord = !record.isNullObject && !recordUsed.isNullObject;
        if (hasRecord) for (const f of await this.readRecord(context, record, recordUsed.rowCount)) saved.set(`${f.sheet}!${f.address}`, f);
        const fresh = marks.filter((m) => !saved.has(`${m.sheet}!${a1(m.row, m.col)}`));
        // The conditional formats over the marked cells: their collections come back with the
        // first sync that reads fills, their ranges with the first write's, so no sync is added.
        const formats = [...wsBy].map(([sheet, ws]) => {
          const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
          for (const m of marks) {
            if (m.sheet !== sheet) continue;
            box.top = Math.min(box.top, m.row);
            box.left = Math.min(box.left, m.col);
            box.bottom = Math.max(box.bottom, m.row);
            box.right = Math.max(box.right, m.col);
          }
          const cfs = ws.getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1).conditionalFormats;
          cfs.load('items/type');
          return { sheet, cfs };
        });
        const fills: RangeFill[] = [];
        await this.paged(
          context,
          fresh,
          () => 80,
          (m) => {
            const fill = wsBy.get(m.sheet)!.getRangeByIndexes(m.row, m.col, 1, 1).format.fill;
            fill.load('color,pattern,patternColor');
            fills.push(fill);
          },
        );
        fresh.forEach((m, i) => {
          const fill = fills[i];
          const none = fill.pattern === 'None' || fill.color === null;
          const hatch = !none && fill.pattern && fill.pattern !== 'Solid';
          saved.set(`${m.sheet}!${a1(m.row, m.col)}`, {
            sheet: m.sheet,
            address: a1(m.row, m.col),
            color: fill.color,
            none,
            ...(hatch ? { pattern: fill.pattern, patternColor: fill.patternColor } : {}),
          });
        });
        const formatRanges = queueFormatRanges(formats);
        const groups = new Map<string, string[]>();
        for (const m of marks) {
          const key = `${m.sheet}\u0000${m.kind}`;
          const list = groups.get(key);
          if (list) list.push(a1(m.row, m.col));
          else groups.set(key, [a1(m.row, m.col)]);
        }
        const writes: { sheet: string; kind: string; list: string }[] = [];
        for (const [key, addresses] of groups) {
          const [sheet, kind] = key.split('\u0000');
          for (const list of chunkAddresses(addresses, this.options.maxAddressChars)) writes.push({ sheet, kind, list });
        }
        await this.paged(
          context,
          writes,
          (w) => w.list.length + 64,
          (w) => {
            const ws = wsBy.get(w.sheet)!;
            ws.getRanges(w.list).format.fill.color = `#${highlightFill(w.kind as HighlightKind)}`;
            this.expectEcho(ws.id, w.list);
          },
        );
        const underConditionalFormat = marksUnder(marks, formatRanges);
        await this.writeRecord(context, hasRecord ? record : null, [...saved.values()]);
        return { underConditionalFormat };
      }, this.runOptions(true)),
    );
  }

  async clearHighlights(): Promise<void> {
    await this.write(() =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const record = sheets.getItemOrNullObject(HIGHLIGHT_RECORD_SHEET);
        const used = record.getUsedRangeOrNullObject(true);
        used.load('rowCount');
        context.workbook.protection.load('protected');
        await context.sync();
        if (record.isNullObject || used.isNullObject) return;
        // The record sheet is deleted at the end: with the structure protected that fails, so
        // nothing is restored rather than restoring fills and keeping a stale record.
        if (context.workbook.protection.protected) {
          throw new WorkbookError(
            'protected',
            'The workbook structure is protected, so highlights cannot be cleared. Unprotect it (Review > Protect Workbook) and try again.',
          );
        }
        const saved = await this.readRecord(context, record, used.rowCount);
        const bySheet = new Map<string, SavedFill[]>();
        for (const f of saved) {
          const list = bySheet.get(f.sheet);
          if (list) list.push(f);
          else bySheet.set(f.sheet, [f]);
        }
        const wsBy = new Map([...bySheet.keys()].map((n) => [n, sheets.getItemOrNullObject(n)]));
        for (const ws of wsBy.values()) {
          ws.protection.load('protected');
          ws.load('id');
        }
        await context.sync();
        for (const [n, ws] of wsBy) {
          if (!ws.isNullObject && ws.protection.protected) {
            throw new WorkbookError(
              'protected',
              `Sheet "${n}" is protected, so its highlights cannot be cleared. Unprotect it and try again.`,
            );
          }
        }
        const restores: { ws: Worksheet; fill: SavedFill; list: string }[] = [];
        for (const [n, list] of bySheet) {
          const ws = wsBy.get(n)!;
          if (ws.isNullObject) continue;
          // One write per fill: no fill, a colour, or a colour with a hatch pattern over it.
          const groups = new Map<string, { fill: SavedFill; addresses: string[] }>();
          for (const f of list) {
            const key = f.none ? '' : `${f.color}\u0000${f.pattern ?? ''}\u0000${f.patternColor ?? ''}`;
            const g = groups.get(key);
            if (g) g.addresses.push(f.address);
            else groups.set(key, { fill: f, addresses: [f.address] });
          }
          for (const { fill, addresses } of groups.values()) {
            for (const chunk of chunkAddresses(addresses, this.options.maxAddressChars)) restores.push({ ws, fill, list: chunk });
          }
        }
        await this.paged(
          context,
          restores,
          (r) => r.list.length + 96,
          (r) => {
            const fill = r.ws.getRanges(r.list).format.fill;
            if (r.fill.none) fill.clear();
            else {
              fill.color = r.fill.color;
              if (r.fill.pattern) {
                fill.pattern = r.fill.pattern;
                if (r.fill.patternColor) fill.patternColor = r.fill.patternColor;
              }
            }
            // Each property written is a change Excel reports.
            const writes = r.fill.none ? 1 : r.fill.pattern ? (r.fill.patternColor ? 3 : 2) : 1;
            for (let i = 0; i < writes; i++) this.expectEcho(r.ws.id, r.list);
          },
        );
        record.delete();
        await context.sync();
      }, this.runOptions(true)),
    );
  }

  /** Replaces the record sheet: JSON split over column A, written a page at a time. */
  private async writeRecord(context: RequestContext, existing: Worksheet | null, saved: SavedFill[]): Promise<void> {
    if (existing) existing.delete();
    const ws = context.workbook.worksheets.add(HIGHLIGHT_RECORD_SHEET);
    ws.visibility = 'VeryHidden';
    ws.names.add(GENERATED_MARK, ws.getRange('A1'), 'PlanCheck: fills to restore when highlights are cleared');
    ws.load('id');
    await context.sync();
    this.ownSheets.add(ws.id);
    const json = JSON.stringify(saved);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += RECORD_CHUNK) chunks.push(json.slice(i, i + RECORD_CHUNK));
    await this.paged(
      context,
      chunks.map((c, i) => ({ c, i })),
      ({ c }) => c.length * 1.5 + 64,
      ({ c, i }) => {
        const cell = ws.getRangeByIndexes(i, 0, 1, 1);
        cell.numberFormat = [['@']];
        cell.values = [[c]];
      },
    );
  }

  /**
   * Writes each edit's value into its cell (the merge of returned update forms), keeping the
   * cell's formats: text goes in as text (never a formula, never read as a number or a date),
   * and a date or percentage gets the edit's number format only where the cell does not
   * already show that kind of value. A note is added to its cell, or appended to the note
   * already there (notes need ExcelApi 1.18: on an older Excel an edit with a note is refused,
   * so no target date moves without the old one kept). Before anything is written, an unknown
   * sheet ('unknown-sheet'), a protected one ('protected') or a cell holding a formula
   * ('changed': a merge never overwrites one) refuses the whole write. One Undo step where
   * ExcelApi 1.20 allows.
   */
  async editCells(edits: CellEdit[]): Promise<EditOutcome> {
    const oneUndoStep = this.isSetSupported('ExcelApi', '1.20');
    if (edits.length === 0) return { oneUndoStep };
    // One edit per cell, the last winning, as the .xlsx adapter does.
    const byCell = new Map<string, CellEdit>();
    for (const e of edits) {
      if (!Number.isInteger(e.row) || !Number.isInteger(e.col) || e.row < 1 || e.col < 0 || e.row - 1 > LAST_ROW || e.col > LAST_COL)
        throw new WorkbookError(
          'invalid-spec',
          `PlanCheck tried to write a cell outside the sheet (row ${e.row}, column ${e.col}). Please report this.`,
        );
      byCell.set(`${e.sheet}\u0000${e.row}\u0000${e.col}`, e);
    }
    const cells = [...byCell.values()].map((edit) => ({ edit, address: a1(edit.row - 1, edit.col) }));
    const noted = cells.filter((c) => c.edit.note);
    if (noted.length && !this.isSetSupported('ExcelApi', '1.18')) {
      const list = noted.map((c) => `${c.edit.sheet}!${c.address}`).join(', ');
      throw new WorkbookError(
        'unsupported',
        `This version of Excel cannot add notes, and the change to ${list} keeps the old target date in one, so nothing was changed. Untick ${noted.length === 1 ? 'that change' : 'those changes'} and apply the others, or merge the returns in the web page or with plancheck.`,
      );
    }
    await this.write(() =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const wsBy = new Map([...new Set(cells.map((c) => c.edit.sheet))].map((n) => [n, sheets.getItemOrNullObject(n)]));
        for (const ws of wsBy.values()) ws.load('id');
        await context.sync();
        for (const [n, ws] of wsBy) {
          if (ws.isNullObject)
            throw new WorkbookError(
              'unknown-sheet',
              `Sheet "${n}" is no longer in the workbook, so nothing was changed. Check the plan and preview the returns again.`,
            );
          ws.protection.load('protected');
        }
        await context.sync();
        for (const [n, ws] of wsBy) {
          if (ws.protection.protected)
            throw new WorkbookError(
              'protected',
              `Cannot write cells on protected sheet "${n}", so nothing was changed. Unprotect it in Excel (Review > Unprotect Sheet) and try again.`,
            );
        }
        // Each cell's number format (kept, or told apart from the edit's), the formulas among the
        // cells (a few addresses back), and the notes already on the noted cells.
        type Read =
          { range: Range; cell: (typeof cells)[number] } | { formulas: RangeAreas } | { note: Note; cell: (typeof cells)[number] };
        const reads: Read[] = [];
        const queued: (() => void)[] = [];
        for (const [n, ws] of wsBy) {
          const addresses = cells.filter((c) => c.edit.sheet === n).map((c) => c.address);
          for (const list of chunkAddresses(addresses, this.options.maxAddressChars)) {
            queued.push(() => {
              const formulas = ws.getRanges(list).getSpecialCellsOrNullObject('Formulas');
              formulas.load('address');
              reads.push({ formulas });
            });
          }
        }
        for (const cell of cells) {
          const ws = wsBy.get(cell.edit.sheet)!;
          queued.push(() => {
            const range = ws.getRangeByIndexes(cell.edit.row - 1, cell.edit.col, 1, 1);
            range.load('numberFormat');
            reads.push({ range, cell });
          });
          if (cell.edit.note)
            queued.push(() => {
              const note = ws.notes.getItemOrNullObject(cell.address);
              note.load('content');
              reads.push({ note, cell });
            });
        }
        // A formula list comes back as addresses; a note may be long (Excel keeps up to 32,767 characters).
        await this.paged(
          context,
          queued,
          () => NOTE_READ_BYTES,
          (q) => q(),
        );
        const formulaCells = reads.flatMap((r) => ('formulas' in r && !r.formulas.isNullObject ? areaNames(r.formulas.address) : []));
        if (formulaCells.length)
          throw new WorkbookError(
            'changed',
            `${formulaCells.join(', ')} ${formulaCells.length === 1 ? 'holds a formula' : 'hold formulas'} now, and PlanCheck never overwrites one, so nothing was changed. Preview the returns again.`,
          );
        const formatOf = new Map<(typeof cells)[number], string>();
        const noteOf = new Map<(typeof cells)[number], string | null>();
        for (const r of reads) {
          if ('range' in r) formatOf.set(r.cell, String(r.range.numberFormat[0]?.[0] ?? 'General'));
          else if ('note' in r) noteOf.set(r.cell, r.note.isNullObject ? null : r.note.content);
        }
        await this.paged(
          context,
          cells,
          (c) =>
            (typeof c.edit.value === 'string' ? c.edit.value.length * 1.5 : 16) +
            (c.edit.note ? c.edit.note.length * 1.5 + (noteOf.get(c)?.length ?? 0) * 1.5 : 0) +
            256,
          (c) => {
            const ws = wsBy.get(c.edit.sheet)!;
            const target = ws.getRangeByIndexes(c.edit.row - 1, c.edit.col, 1, 1);
            const own = formatOf.get(c) ?? 'General';
            const { value, format } = c.edit;
            if (typeof value === 'string') {
              // Text format while the text goes in, so "=…", "40%" or "31/03/21" is stored as
              // written; then the cell's own format back (a format change leaves a stored value as it is).
              target.numberFormat = [['@']];
              target.values = [[value]];
              target.numberFormat = [[own]];
            } else {
              if (value !== null && format && formatKind(own) !== formatKind(format)) target.numberFormat = [[format]];
              target.values = [[value ?? '']];
            }
            this.expectEcho(ws.id, c.address);
            if (c.edit.note) {
              const before = noteOf.get(c);
              if (before === null || before === undefined) ws.notes.add(c.address, c.edit.note);
              else ws.notes.getItemOrNullObject(c.address).content = before ? `${before}\n${c.edit.note}` : c.edit.note;
            }
          },
        );
      }, this.runOptions(true)),
    );
    return { oneUndoStep };
  }

  /** Selects a cell for the user (a finding's link). */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) throw new WorkbookError('changed', `Sheet "${sheet}" is no longer in the workbook: run Check again.`);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    }, this.runOptions());
  }
}

/**
 * Queues the workbook's date system: DATE(1904,1,1) is 0 in the 1904 system and 1462 in the
 * 1900 one (workbook.functions, ExcelApi 1.2). Production Office.js has no property for it
 * (Workbook.use1904DateSystem is only in the preview typings).
 */
function loadDateSystem(context: RequestContext): FunctionResult<number> {
  const result = context.workbook.functions.date(1904, 1, 1);
  result.load('value');
  return result;
}

/** Bands of rows asked for in one sync when merged areas are read in bands. */
const MERGE_BANDS_PER_SYNC = 16;
/** Merged areas to aim for in one band: under getMergedAreasOrNullObject's limit of 512, with room. */
const MERGES_PER_BAND = 400;

/**
 * The merged areas of a block of rows, in bands of rows each with at most 512 areas
 * (getMergedAreasOrNullObject's documented limit). A refused sync halves the band; once a
 * sync succeeds, the band size is set from the densest band seen, and up to 16 bands go in one
 * sync, so a sheet of 30,000 merges takes about a dozen syncs, not one per band. An area that
 * crosses a band's edge comes back from both bands; it is kept once. A single row Excel still
 * refuses has no merges read.
 */
async function mergesInBands(
  context: RequestContext,
  ws: Worksheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
): Promise<CellRange[]> {
  const out = new Map<string, CellRange>();
  const end = row + rows;
  let size = rows;
  let r = row;
  while (r < end) {
    const bands: { start: number; n: number; areas: RangeAreas }[] = [];
    for (let start = r; start < end && bands.length < MERGE_BANDS_PER_SYNC; start += size) {
      const n = Math.min(size, end - start);
      const areas = ws.getRangeByIndexes(start, col, n, cols).getMergedAreasOrNullObject();
      areas.load('address');
      bands.push({ start, n, areas });
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch {
      if (size > 1) size = Math.floor(size / 2);
      else r += 1;
      continue;
    }
    let densest = 0;
    for (const band of bands) {
      if (band.areas.isNullObject || !band.areas.address) continue;
      const list = mergedRanges(band.areas.address);
      densest = Math.max(densest, list.length / band.n);
      for (const m of list) out.set(rangeA1(m), m);
    }
    const last = bands[bands.length - 1];
    r = last.start + last.n;
    size = densest > 0 ? Math.max(1, Math.min(rows, Math.floor(MERGES_PER_BAND / densest))) : Math.min(rows, size * 2);
  }
  return [...out.values()];
}

/**
 * Asks for the ranges of each conditional format found (loaded with the next sync). Icon sets
 * draw beside the value, not over the fill, so they are left out.
 */
function queueFormatRanges(formats: { sheet: string; cfs: ConditionalFormatCollection }[]): { sheet: string; ranges: RangeAreas }[] {
  const out: { sheet: string; ranges: RangeAreas }[] = [];
  for (const { sheet, cfs } of formats) {
    for (const cf of cfs.items) {
      if (cf.type === 'IconSet') continue;
      const ranges = cf.getRanges();
      ranges.load('address');
      out.push({ sheet, ranges });
    }
  }
  return out;
}

/** The marked cells ("Sheet!A1", each once) inside one of the loaded conditional-format ranges. */
function marksUnder(marks: HighlightMark[], formatRanges: { sheet: string; ranges: RangeAreas }[]): string[] {
  const boxes = new Map<string, CellRange[]>();
  for (const { sheet, ranges } of formatRanges) {
    const list = boxes.get(sheet) ?? [];
    list.push(...areaBoxes(ranges.address));
    boxes.set(sheet, list);
  }
  const out = new Set<string>();
  for (const m of marks) {
    const list = boxes.get(m.sheet);
    if (list?.some((b) => m.row >= b.top && m.row <= b.bottom && m.col >= b.left && m.col <= b.right))
      out.add(`${m.sheet}!${a1(m.row, m.col)}`);
  }
  return [...out];
}

/** An address as a comparable key: areas without sheet names or $, upper case, sorted. */
function addressKey(address: string): string {
  return address
    .split(',')
    .map((a) =>
      a
        .slice(a.lastIndexOf('!') + 1)
        .replace(/\$/g, '')
        .trim()
        .toUpperCase(),
    )
    .sort()
    .join(',');
}

/** Copies a loaded block into the grid as raw cells. */
function fillGrid(grid: SheetGrid, range: Range, row0: number, col0: number): void {
  const { values, numberFormat, valueTypes } = range;
  for (let r = 0; r < values.length; r++) {
    const vrow = values[r];
    for (let c = 0; c < vrow.length; c++) {
      const v = vrow[c];
      if (v === '' || v === null || v === undefined) continue;
      const type = valueTypes?.[r]?.[c];
      const fmt = numberFormat?.[r]?.[c];
      const cell: RawCell = { value: typeof v === 'number' || typeof v === 'boolean' ? v : String(v) };
      if (type === 'Error') cell.error = true;
      if (typeof fmt === 'string' && fmt !== 'General') cell.format = fmt;
      (grid.rows[row0 + r] ??= [])[col0 + c] = cell;
    }
  }
}

/** The sheet's values and their looks' number formats, as full rows. */
function specGrid(spec: SheetSpec, date1904: boolean): { values: (string | number)[][]; formats: string[][] } {
  let rows = 1;
  let cols = Math.max(1, spec.columnWidths.length);
  for (const c of spec.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of spec.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const c of spec.cells) {
    if (c.style === 'date' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
      values[c.row][c.col] = isoToSerial(c.value, date1904);
    } else values[c.row][c.col] = c.value;
  }
  for (const c of styledCells(spec)) formats[c.row][c.col] = LOOKS[c.style].numberFormat;
  return { values, formats };
}

/** Queues the sheet's looks grouped by style, merges, sizes and chart. */
function writeSpecFormats(ws: Worksheet, spec: SheetSpec, maxAddressChars: number): void {
  const byStyle = new Map<CellStyleKey, string[]>();
  for (const c of styledCells(spec)) {
    const list = byStyle.get(c.style);
    if (list) list.push(a1(c.row, c.col));
    else byStyle.set(c.style, [a1(c.row, c.col)]);
  }
  for (const [style, addresses] of byStyle) {
    for (const list of chunkAddresses(addresses, maxAddressChars)) applyLook(ws.getRanges(list).format, LOOKS[style]);
  }
  for (const m of spec.merges) ws.getRange(rangeA1(m)).merge(false);
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
  spec.columnWidths.forEach((w, i) => {
    // Excel measures widths in points; a character of Calibri 11 is about 7 points.
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 7);
  });
  if (spec.chart) addChart(ws, spec);
}

/**
 * A look (src/core/look.ts) on cells of a new sheet: only what differs from a new cell is
 * written. Each area is one cell, so its four edges are that cell's border.
 */
function applyLook(format: RangeFormat, look: Look): void {
  if (look.font.bold) format.font.bold = true;
  if (look.font.italic) format.font.italic = true;
  if (look.font.size) format.font.size = look.font.size;
  if (look.font.colour) format.font.color = `#${look.font.colour}`;
  if (look.fill) format.fill.color = `#${look.fill}`;
  if (look.horizontal === 'center') format.horizontalAlignment = 'Center';
  format.verticalAlignment = look.vertical === 'center' ? 'Center' : 'Top';
  if (look.wrap) format.wrapText = true;
  if (look.border) {
    for (const side of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      const line = format.borders.getItem(side);
      line.style = 'Continuous';
      line.weight = 'Thin';
      line.color = `#${look.border.colour}`;
    }
  }
}

function addChart(ws: Worksheet, spec: SheetSpec): void {
  const ch = spec.chart!;
  const source = ws.getRange(
    `${rangeA1({ ...ch.categories })}:${rangeA1({ ...ch.values })
      .split(':')
      .pop()}`,
  );
  const chart = ws.charts.add('BarClustered', source, 'Columns');
  chart.title.text = ch.title;
  chart.legend.visible = false;
  chart.setPosition(a1(ch.anchor.top, ch.anchor.left), a1(ch.anchor.bottom, ch.anchor.right));
  (ch.colours ?? []).forEach((colour, i) => chart.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(`#${colour}`));
}

const RECORD_CHUNK = 30000;
/** Response bytes allowed for one read before editing: a note's text (Excel keeps up to 32,767 characters), escaped. */
const NOTE_READ_BYTES = 50000;

/** What kind of value a number format shows: a date, a percentage, or anything else. */
function formatKind(code: string): 'date' | 'percent' | '' {
  return isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : '';
}

/** A RangeAreas address to one "Sheet!A1" per cell it covers (formula cells come back as areas). */
function areaNames(address: string): string[] {
  const out: string[] = [];
  for (const part of address.split(',')) {
    const bang = part.lastIndexOf('!');
    const sheet =
      bang < 0
        ? ''
        : part
            .slice(0, bang)
            .trim()
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'");
    for (const box of areaBoxes(part))
      for (let r = box.top; r <= Math.min(box.bottom, box.top + 99); r++)
        for (let c = box.left; c <= Math.min(box.right, box.left + 99); c++) out.push(`${sheet ? `${sheet}!` : ''}${a1(r, c)}`);
  }
  return out;
}
/** Response bytes of one cell's fill colour from getCellProperties ({"format":{"fill":{"color":"#FFFFFF"}}}). */
const FILL_BYTES_PER_CELL = 48;
/** Rows a run of fill reads may skip rather than start another range. */
const FILL_RUN_GAP = 8;
/** Longest run of rows in one getCellProperties call. */
const FILL_RUN_ROWS = 20000;

/** The record is JSON split over column A (a cell holds at most 32,767 characters). */
function parseRecord(rows: unknown[][]): SavedFill[] {
  const text = rows.map((r) => (typeof r[0] === 'string' ? r[0] : '')).join('');
  try {
    const parsed = JSON.parse(text) as SavedFill[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

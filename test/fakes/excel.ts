/**
 * A strict in-repo fake of the Excel API subset the adapter uses (src/workbook/office/
 * excel-api.ts). Unlike office-addin-mock it behaves like Excel where it counts:
 *  - reading a property that was not loaded and synced throws PropertyNotLoaded;
 *  - writes are queued and take effect at sync(), in order;
 *  - sync() calls are counted and each batch's request and response payload is measured;
 *    a batch over 5 MB throws, as Excel on the web does;
 *  - a string written to values that begins with "=" becomes a formula unless the cell's
 *    number format is text ("@");
 *  - writes to a protected sheet (or adding sheets to a protected workbook) throw at sync;
 *    operations queued before the failing one stay applied, as in Excel;
 *  - conditional formats show over a cell's own fill (`FakeSheet.shownFill`), and a cell's
 *    fill may be patterned (a hatch in `patternColor` over `color`);
 *  - a cell holds at most one note (ExcelApi 1.18's NoteCollection.add refuses a second).
 */
import { a1, parseRange } from '../../src/core/cell';
import type { BorderIndex, FillPattern, RangeBorder, RangeFormat } from '../../src/workbook/office/excel-api';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeFill {
  color: string | null;
  pattern: FillPattern;
  /** The hatch's colour, for patterns other than None and Solid. */
  patternColor?: string;
}

/**
 * A conditional format on a sheet. Its rule is taken to hold on every cell it covers, so
 * `fill` (when it has one: an icon set has none) is what Excel shows there instead of the
 * cell's own fill.
 */
export interface FakeConditionalFormat {
  type: 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue';
  /** A1 ranges it applies to: "C2:C40", whole columns "C:C" or rows "3:5". */
  ranges: string[];
  fill?: string;
}

/** Excel's last row and column (0-based). */
const LAST_ROW = 1048575;
const LAST_COL = 16383;

/** "C2:C40", "C:C" or "3:5" as a box. */
export function fakeBox(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const r = ref.replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(r);
  if (cols) {
    const a = parseRange(`${cols[1]}1`)!.left;
    const b = parseRange(`${cols[2]}1`)!.left;
    return { top: 0, left: Math.min(a, b), bottom: LAST_ROW, right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(r);
  if (rows) return { top: Math.min(+rows[1], +rows[2]) - 1, left: 0, bottom: Math.max(+rows[1], +rows[2]) - 1, right: LAST_COL };
  return parseRange(r);
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One side of a cell's border, as Excel's RangeBorder describes it. */
export interface FakeBorder {
  style: RangeBorder['style'];
  weight: RangeBorder['weight'];
  color: string;
}

/** A cell's side: where EdgeTop, InsideHorizontal… land on each cell of a range. */
export type FakeSide = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';

/**
 * A cell. Format properties left undefined are Excel's defaults for a new sheet: not bold or
 * italic, the default font's size and colour, horizontal "General", vertical "Bottom", no
 * wrapping, no borders.
 */
export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fill: FakeFill;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB", upper case. */
  fontColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: RangeFormat['horizontalAlignment'];
  verticalAlignment?: RangeFormat['verticalAlignment'];
  borders?: Partial<Record<FakeSide, FakeBorder>>;
  error?: boolean;
}

let sheetIds = 0;

export class FakeSheet {
  /** Excel's worksheet id, as change events report it. */
  readonly id = `{00000000-0001-0000-${String(++sheetIds).padStart(4, '0')}-000000000000}`;
  visibility = 'Visible';
  protected = false;
  cells = new Map<string, FakeCell>();
  merges: string[] = [];
  names = new Set<string>();
  charts: { type: string; title?: string }[] = [];
  columnWidths = new Map<number, number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Notes (ExcelApi 1.18), by cell address ("D14"). */
  notes = new Map<string, string>();
  constructor(public name: string) {}

  /** The conditional formats covering a cell, first (highest priority) first. */
  formatsAt(r: number, c: number): FakeConditionalFormat[] {
    return this.conditionalFormats.filter((f) => f.ranges.some((ref) => {
      const b = fakeBox(ref);
      return !!b && r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
    }));
  }

  /** The fill a person sees: a conditional format's over the cell's own. */
  shownFill(r: number, c: number): FakeFill {
    const cf = this.formatsAt(r, c).find((f) => f.fill);
    if (cf) return { color: cf.fill!, pattern: 'Solid' };
    return this.peek(r, c)?.fill ?? { color: null, pattern: 'None' };
  }

  cell(r: number, c: number): FakeCell {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', fill: { color: null, pattern: 'None' } };
      this.cells.set(k, cell);
    }
    return cell;
  }

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** Sets values from a 2D array (test setup, applied immediately). */
  setValues(rows: (string | number | boolean | null)[][], formats?: Record<string, string>): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        this.cell(r, c).value = v;
      }),
    );
    for (const [addr, fmt] of Object.entries(formats ?? {})) {
      const p = parseRange(addr)!;
      this.cell(p.top, p.left).numberFormat = fmt;
    }
    return this;
  }

  usedBox(): { top: number; left: number; bottom: number; right: number } | null {
    let box: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number);
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
    }
    return box;
  }
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  /** Handlers registered with worksheets.onChanged; Excel fires them for every change, the add-in's own included. */
  changeHandlers: ((event: FakeChangeEvent) => Promise<unknown> | void)[] = [];
  /**
   * When true, change events wait in `pendingEvents` until `deliverEvents()`: Excel delivers
   * them asynchronously, possibly well after the write that caused them has finished.
   */
  holdEvents = false;
  pendingEvents: FakeChangeEvent[] = [];
  /** Fires a change event as Excel does after a user's edit (triggerSource "Unknown" from ExcelApi 1.14). */
  emitChange(sheet = 'Sheet1', address = 'A1'): void {
    this.fire(this.changeEvent(sheet, address, 'Unknown'));
  }
  /** The change event of one of the add-in's own writes (triggerSource "ThisLocalAddin" from 1.14). */
  addinChange(sheet: string, address: string): void {
    this.fire(this.changeEvent(sheet, address, 'ThisLocalAddin'));
  }
  private changeEvent(sheet: string, address: string, source: string): FakeChangeEvent {
    const event: FakeChangeEvent = { type: 'WorksheetChanged', worksheetId: this.sheet(sheet)?.id ?? sheet, address, changeType: 'RangeEdited', source: 'Local' };
    if (apiMinor(this.apiVersion) >= 14) event.triggerSource = source;
    return event;
  }
  private fire(event: FakeChangeEvent): void {
    if (this.holdEvents) this.pendingEvents.push(event);
    else for (const h of this.changeHandlers) void h(event);
  }
  /** Delivers the held change events, late. */
  deliverEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) for (const h of this.changeHandlers) void h(e);
  }
  /** The user is typing in a cell: batches fail, unless run with delayForCellEdit, which waits. */
  cellEditing = false;
  private editDone: (() => void)[] = [];
  /** Resolves when the user leaves cell-edit mode. */
  cellEditFinished(): Promise<void> {
    return this.cellEditing ? new Promise((r) => this.editDone.push(r)) : Promise.resolve();
  }
  /** The user presses Enter. */
  exitCellEdit(): void {
    this.cellEditing = false;
    for (const r of this.editDone.splice(0)) r();
  }
  selected?: { sheet: string; box: { top: number; left: number; bottom: number; right: number } };
  protected = false;
  use1904 = false;
  /**
   * The ExcelApi requirement set the host supports. Members above it are refused: loading
   * such a property or calling such a method makes the next sync fail, as on an older host.
   */
  apiVersion = '1.13';
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** Excel.WorksheetChangedEventArgs as the fake raises them. */
export interface FakeChangeEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  /** ExcelApi 1.14; absent on older hosts. */
  triggerSource?: string;
}

/** A queued operation; `change` names the cells it changes, for Excel's change event. */
type Op = { run: () => void; bytes: number; writes: boolean; change?: () => { sheet: string; address: string } };

/** "1.13" -> 13 (every ExcelApi set is 1.x). */
export function apiMinor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

/** Base of every proxy: loads become readable only after a sync. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected pendingLoad = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string): this {
    for (const p of props.split(',').map((s) => s.trim())) if (p) this.pendingLoad.add(p);
    this.ctx.register(this);
    return this;
  }
  /** Called at sync: fills loaded values. Returns the response bytes. */
  resolve(): number {
    let bytes = 0;
    for (const p of this.pendingLoad) {
      const v = this.read(p);
      this.loaded.set(p, v);
      bytes += JSON.stringify(v ?? null).length;
    }
    this.pendingLoad.clear();
    return bytes;
  }
  protected read(_p: string): unknown {
    return undefined;
  }
  /** Drops loaded values (after a refused sync, nothing arrived). */
  forget(): void {
    this.loaded.clear();
  }
  protected get<T>(p: string): T {
    if (!this.loaded.has(p)) throw new PropertyNotLoaded(`${this.constructor.name}.${p}`);
    return this.loaded.get(p) as T;
  }
}

export class FakeContext {
  syncs = 0;
  /** Syncs refused for their size (they count as syncs too). */
  refusals = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Bytes of every request and response that went through, together. */
  bytesMoved = 0;
  private ops: Op[] = [];
  private loads = new Set<Proxy>();
  /** Why the next sync must fail (a member the host lacks was used), if it must. */
  private refused: string | null = null;
  readonly workbook: WorkbookProxy;
  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }
  register(p: Proxy): void {
    this.loads.add(p);
  }
  /** A member of ExcelApi `version`: on an older host the batch fails at sync. */
  requires(version: string, member: string): void {
    if (apiMinor(version) > apiMinor(this.model.apiVersion)) this.refuse(`ApiNotFound: ${member} needs ExcelApi ${version}; this host has ${this.model.apiVersion}`);
  }
  /** Makes the next sync fail with this message. */
  refuse(message: string): void {
    this.refused ??= message;
  }
  queue(run: () => void, payload: unknown = null, writes = true, change?: Op['change']): void {
    this.ops.push({ run, bytes: JSON.stringify(payload ?? null).length + 16, writes, change });
  }
  /** Set by Excel.run: whether this batch waits for cell-edit mode to end. */
  delayForCellEdit = false;
  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.ops;
    const loads = [...this.loads];
    this.ops = [];
    this.loads.clear();
    if (this.model.cellEditing) {
      // Only reached without delayForCellEdit: Excel refuses the batch while the user types.
      throw new Error('InvalidOperationInCellEditMode: Excel is in cell-editing mode');
    }
    if (this.refused) {
      const message = this.refused;
      this.refused = null;
      throw new Error(message);
    }
    const request = ops.reduce((s, o) => s + o.bytes, 0);
    if (request > PAYLOAD_LIMIT) {
      this.refusals++;
      throw new Error(`RequestPayloadSizeLimitExceeded: ${request} bytes`);
    }
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    for (const op of ops) op.run();
    // Excel raises onChanged for cells written by add-ins as well as by people.
    for (const op of ops) {
      const change = op.change?.();
      if (change) this.model.addinChange(change.sheet, change.address);
    }
    let response = 0;
    for (const p of loads) response += p.resolve();
    if (response > PAYLOAD_LIMIT) {
      // Excel on the web refuses the whole response; the loads are lost, as there.
      this.refusals++;
      for (const p of loads) p.forget();
      throw new Error(`ResponsePayloadSizeLimitExceeded: ${response} bytes`);
    }
    this.maxResponseBytes = Math.max(this.maxResponseBytes, response);
    this.bytesMoved += request + response;
  }
}

function sheetOrThrow(ctx: FakeContext, name: () => string): FakeSheet {
  const s = ctx.model.sheet(name());
  if (!s) throw new Error(`ItemNotFound: sheet ${name()}`);
  return s;
}

function writable(ctx: FakeContext, name: () => string): FakeSheet {
  const s = sheetOrThrow(ctx, name);
  if (s.protected) throw new Error(`AccessDenied: sheet "${s.name}" is protected`);
  return s;
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: ProtectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new ProtectionProxy(ctx, () => ctx.model.protected);
  }
  override load(props: string): this {
    // Only the preview typings list Workbook.use1904DateSystem; production Excel has no such property.
    if (props.includes('use1904DateSystem')) this.ctx.refuse('InvalidArgument: Workbook has no property use1904DateSystem');
    return super.load(props);
  }
  /** workbook.functions (ExcelApi 1.2): worksheet functions evaluated by Excel. */
  get functions() {
    const ctx = this.ctx;
    ctx.requires('1.2', 'Workbook.functions');
    return {
      date: (year: number, month: number, day: number) => new FunctionResultProxy(ctx, () => excelDate(year, month, day, ctx.model.use1904)),
    };
  }
}

/** DATE(year, month, day) as Excel computes it in the workbook's date system. */
function excelDate(year: number, month: number, day: number, date1904: boolean): number {
  const ms = Date.UTC(year, month - 1, day);
  if (date1904) return Math.round((ms - Date.UTC(1904, 0, 1)) / 86400000);
  const s = Math.round((ms - Date.UTC(1899, 11, 31)) / 86400000);
  // Excel's 1900 system counts a 29 February 1900 that never was.
  return s >= 60 ? s + 1 : s;
}

class FunctionResultProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  protected override read(p: string): unknown {
    if (p === 'value') return this.compute();
    if (p === 'error') return null;
    return undefined;
  }
  get value(): number {
    return this.get('value');
  }
  get error(): string {
    return this.get('error');
  }
}

class ProtectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly value: () => boolean,
  ) {
    super(ctx);
  }
  protected override read(): unknown {
    return this.value();
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

class WorksheetCollectionProxy extends Proxy {
  protected override read(p: string): unknown {
    if (p.startsWith('items')) return this.ctx.model.sheets.map((s) => s.name);
    return undefined;
  }
  get items(): WorksheetProxy[] {
    const names = [...this.loaded.entries()].find(([k]) => k.startsWith('items'));
    if (!names) throw new PropertyNotLoaded('WorksheetCollection.items');
    return (names[1] as string[]).map((n) => {
      const ws = new WorksheetProxy(this.ctx, n, false);
      ws.pendingIds = [...this.loaded.keys()].some((k) => k.includes('items/id'));
      // items/name and items/visibility (and items/id when asked) arrive with the collection.
      ws.preload(this.ctx.model.sheet(n)!);
      return ws;
    });
  }
  /** worksheets.onChanged (ExcelApi 1.9). */
  readonly onChanged = {
    add: (handler: (event: FakeChangeEvent) => Promise<unknown>) => {
      this.ctx.requires('1.9', 'WorksheetCollection.onChanged');
      this.ctx.queue(() => this.ctx.model.changeHandlers.push(handler), null, false);
      return { remove: () => this.ctx.queue(() => (this.ctx.model.changeHandlers = this.ctx.model.changeHandlers.filter((h) => h !== handler)), null, false) };
    },
  };
  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      if (this.ctx.model.protected) throw new Error('AccessDenied: the workbook structure is protected');
      if (this.ctx.model.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.model.addSheet(name);
    }, name);
    return new WorksheetProxy(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true);
  }
}

class WorksheetProxy extends Proxy {
  readonly protection: ProtectionProxy;
  readonly names: NamesProxy;
  readonly charts: ChartsProxy;
  private nullResolved: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private sheetName: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, () => sheetOrThrow(ctx, () => this.sheetName).protected);
    this.names = new NamesProxy(ctx, () => this.sheetName);
    this.charts = new ChartsProxy(ctx, () => this.sheetName);
    if (nullable) ctx.register(this);
  }
  /** items/id was loaded with the collection. */
  pendingIds = false;
  preload(s: FakeSheet): void {
    this.loaded.set('name', s.name);
    this.loaded.set('visibility', s.visibility);
    if (this.pendingIds) this.loaded.set('id', s.id);
  }
  override resolve(): number {
    this.nullResolved = !this.ctx.model.sheet(this.sheetName);
    return super.resolve() + 8;
  }
  protected override read(p: string): unknown {
    const s = this.ctx.model.sheet(this.sheetName);
    if (p === 'name') return s?.name;
    if (p === 'visibility') return s?.visibility;
    if (p === 'id') return s?.id;
    return undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get isNullObject(): boolean {
    if (this.nullResolved === undefined) throw new PropertyNotLoaded('Worksheet.isNullObject');
    return this.nullResolved;
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.queue(() => {
      if (this.ctx.model.protected) throw new Error('AccessDenied: the workbook structure is protected');
      sheetOrThrow(this.ctx, () => this.sheetName).visibility = v;
    }, v);
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    void valuesOnly;
    // On a null-object sheet this is a null object too, as in Excel.
    return new RangeProxy(this.ctx, () => this.sheetName, () => this.ctx.model.sheet(this.sheetName)?.usedBox() ?? null, true);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => this.sheetName, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), false);
  }
  getRange(address: string): RangeProxy {
    const r = parseRange(address.replace(/\$/g, ''));
    if (!r) throw new Error(`InvalidArgument: ${address}`);
    return new RangeProxy(this.ctx, () => this.sheetName, () => r, false);
  }
  getRanges(addresses: string): RangeAreasProxy {
    this.ctx.requires('1.9', 'Worksheet.getRanges');
    if (addresses.length > 8192) throw new Error('InvalidArgument: address list over 8,192 characters');
    const boxes = addresses.split(',').map((a) => {
      const r = parseRange(a.trim().replace(/\$/g, ''));
      if (!r) throw new Error(`InvalidArgument: ${a}`);
      return r;
    });
    return new RangeAreasProxy(this.ctx, () => this.sheetName, boxes);
  }
  /** worksheet.notes (ExcelApi 1.18). */
  get notes(): NoteCollectionProxy {
    this.ctx.requires('1.18', 'Worksheet.notes');
    return new NoteCollectionProxy(this.ctx, () => this.sheetName);
  }
  activate(): void {
    this.ctx.queue(() => sheetOrThrow(this.ctx, () => this.sheetName), null, false);
  }
  delete(): void {
    this.ctx.queue(() => {
      if (this.ctx.model.protected) throw new Error('AccessDenied: the workbook structure is protected');
      const s = sheetOrThrow(this.ctx, () => this.sheetName);
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
    });
  }
}

/** A cell address for the notes map: "A1", without $ or a sheet name, upper case. */
function noteKey(address: string): string {
  const r = parseRange(address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
  if (!r || r.top !== r.bottom || r.left !== r.right) throw new Error(`InvalidCellAddress: ${address}`);
  return a1(r.top, r.left);
}

class NoteCollectionProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => string,
  ) {}
  add(cellAddress: string, content: string): NoteProxy {
    const key = noteKey(cellAddress);
    this.ctx.queue(() => {
      const s = writable(this.ctx, this.sheet);
      if (s.notes.has(key)) throw new Error(`InvalidArgument: cell ${key} already has a note`);
      s.notes.set(key, content);
    }, [cellAddress, content]);
    return new NoteProxy(this.ctx, this.sheet, key, false);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(this.ctx, this.sheet, noteKey(key), true);
  }
}

class NoteProxy extends Proxy {
  private nullResolved: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
    private readonly key: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    if (nullable) ctx.register(this);
  }
  override resolve(): number {
    this.nullResolved = !sheetOrThrow(this.ctx, this.sheet).notes.has(this.key);
    return super.resolve() + 8;
  }
  protected override read(p: string): unknown {
    return p === 'content' ? sheetOrThrow(this.ctx, this.sheet).notes.get(this.key) : undefined;
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullResolved === undefined) throw new PropertyNotLoaded('Note.isNullObject');
    return this.nullResolved;
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.ctx.queue(() => {
      const s = writable(this.ctx, this.sheet);
      if (!s.notes.has(this.key)) throw new Error(`ItemNotFound: no note on ${this.key}`);
      s.notes.set(this.key, v);
    }, v);
  }
}

class NamesProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => string,
  ) {}
  add(name: string, _ref: unknown, comment?: string): void {
    this.ctx.queue(() => {
      sheetOrThrow(this.ctx, this.sheet).names.add(name);
    }, [name, comment]);
  }
  getItemOrNullObject(name: string) {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const proxy = new (class extends Proxy {
      isNull: boolean | undefined;
      override resolve(): number {
        this.isNull = !ctx.model.sheet(sheet())?.names.has(name);
        return super.resolve() + 8;
      }
      protected override read(): unknown {
        return name;
      }
      get isNullObject(): boolean {
        if (this.isNull === undefined) throw new PropertyNotLoaded('NamedItem.isNullObject');
        return this.isNull;
      }
    })(ctx);
    ctx.register(proxy);
    return proxy;
  }
}

class ChartsProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => string,
  ) {}
  add(type: string) {
    const record: { type: string; title?: string } = { type };
    this.ctx.queue(() => writable(this.ctx, this.sheet).charts.push(record), type);
    const ctx = this.ctx;
    return {
      title: {
        set text(t: string) {
          ctx.queue(() => {
            record.title = t;
          }, t);
        },
      },
      legend: { visible: true },
      setPosition: () => ctx.queue(() => undefined),
      series: { getItemAt: () => ({ points: { getItemAt: () => ({ format: { fill: { setSolidColor: (c: string) => ctx.queue(() => undefined, c) } } }) } }) },
    };
  }
}

type Box = { top: number; left: number; bottom: number; right: number };

/** "A1" or "A1:B2" per box, comma-joined, as Excel's change event gives the address. */
function boxesAddress(boxes: Box[]): string {
  return boxes.map((b) => (b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`)).join(',');
}

function boxCells(b: Box): [number, number][] {
  const out: [number, number][] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push([r, c]);
  return out;
}

class FillProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
    private readonly boxes: () => Box[],
  ) {
    super(ctx);
  }
  protected override read(p: string): unknown {
    const s = sheetOrThrow(this.ctx, this.sheet);
    const b = this.boxes()[0];
    const cell = s.peek(b.top, b.left);
    if (p === 'color') return cell?.fill.color ?? '#FFFFFF';
    if (p === 'pattern') return cell?.fill.pattern ?? 'None';
    // Excel's default pattern colour is automatic (black).
    if (p === 'patternColor') return cell?.fill.patternColor ?? '#000000';
    return undefined;
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.ctx.queue(
      () => {
        const s = writable(this.ctx, this.sheet);
        for (const b of this.boxes()) for (const [r, c] of boxCells(b)) s.cell(r, c).fill = { color: v.toUpperCase(), pattern: 'Solid' };
      },
      v,
      true,
      this.change,
    );
  }
  private readonly change = () => ({ sheet: this.sheet(), address: boxesAddress(this.boxes()) });
  get pattern(): FillPattern {
    return this.get('pattern');
  }
  /** Keeps the colour; "None" removes the fill, "Solid" drops a hatch. */
  set pattern(v: FillPattern) {
    this.ctx.requires('1.9', 'RangeFill.pattern');
    this.ctx.queue(
      () => {
        const s = writable(this.ctx, this.sheet);
        for (const b of this.boxes()) {
          for (const [r, c] of boxCells(b)) {
            const cell = s.cell(r, c);
            if (v === 'None') cell.fill = { color: null, pattern: 'None' };
            else if (v === 'Solid') cell.fill = { color: cell.fill.color ?? '#FFFFFF', pattern: 'Solid' };
            else cell.fill = { color: cell.fill.color ?? '#FFFFFF', pattern: v, patternColor: cell.fill.patternColor ?? '#000000' };
          }
        }
      },
      v,
      true,
      this.change,
    );
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  /** The hatch's colour (kept only while the cell has a hatch pattern). */
  set patternColor(v: string) {
    this.ctx.requires('1.9', 'RangeFill.patternColor');
    this.ctx.queue(
      () => {
        const s = writable(this.ctx, this.sheet);
        for (const b of this.boxes()) {
          for (const [r, c] of boxCells(b)) {
            const f = s.cell(r, c).fill;
            if (f.pattern !== 'None' && f.pattern !== 'Solid') f.patternColor = v.toUpperCase();
          }
        }
      },
      v,
      true,
      this.change,
    );
  }
  override load(props: string): this {
    if (props.includes('pattern')) this.ctx.requires('1.9', 'RangeFill.pattern');
    return super.load(props);
  }
  clear(): void {
    this.ctx.queue(
      () => {
        const s = writable(this.ctx, this.sheet);
        for (const b of this.boxes()) for (const [r, c] of boxCells(b)) s.cell(r, c).fill = { color: null, pattern: 'None' };
      },
      null,
      true,
      this.change,
    );
  }
}

/**
 * The sides of each cell of a box that a RangeBorder index names: Edge* the box's outer
 * sides, Inside* the lines between its cells (nothing on a single cell).
 */
function bordersOf(index: BorderIndex, b: Box, r: number, c: number): FakeSide[] {
  switch (index) {
    case 'EdgeTop':
      return r === b.top ? ['top'] : [];
    case 'EdgeBottom':
      return r === b.bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === b.left ? ['left'] : [];
    case 'EdgeRight':
      return c === b.right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(r > b.top ? ['top' as const] : []), ...(r < b.bottom ? ['bottom' as const] : [])];
    case 'InsideVertical':
      return [...(c > b.left ? ['left' as const] : []), ...(c < b.right ? ['right' as const] : [])];
    case 'DiagonalDown':
      return ['diagonalDown'];
    case 'DiagonalUp':
      return ['diagonalUp'];
  }
}

/**
 * Format writes, applied to every cell of the range's boxes at sync (a RangeAreas' format
 * applies to each area, as Excel's does; refused on protected sheets).
 */
function formatProxy(ctx: FakeContext, sheet: () => string, boxes: () => Box[]) {
  const touch = (payload: unknown, apply?: (cell: FakeCell) => void) =>
    ctx.queue(() => {
      const s = writable(ctx, sheet);
      if (apply) for (const b of boxes()) for (const [r, c] of boxCells(b)) apply(s.cell(r, c));
    }, payload);
  /** A RangeBorder: a line is drawn (thin, automatic black) on first write; style "None" removes it. */
  const border = (index: BorderIndex) => {
    const set = (payload: unknown, apply: (line: FakeBorder) => FakeBorder | undefined) =>
      ctx.queue(() => {
        const s = writable(ctx, sheet);
        for (const b of boxes()) {
          for (const [r, c] of boxCells(b)) {
            const cell = s.cell(r, c);
            for (const side of bordersOf(index, b, r, c)) {
              const line = apply(cell.borders?.[side] ?? { style: 'Continuous', weight: 'Thin', color: '#000000' });
              cell.borders = { ...cell.borders };
              if (line) cell.borders[side] = line;
              else delete cell.borders[side];
            }
          }
        }
      }, payload);
    return {
      set style(v: RangeBorder['style']) {
        set(v, (line) => (v === 'None' ? undefined : { ...line, style: v }));
      },
      set weight(v: RangeBorder['weight']) {
        set(v, (line) => ({ ...line, weight: v }));
      },
      set color(v: string) {
        set(v, (line) => ({ ...line, color: v.toUpperCase() }));
      },
    };
  };
  return {
    fill: new FillProxy(ctx, sheet, boxes),
    font: {
      set bold(v: boolean) {
        touch(v, (c) => (c.bold = v));
      },
      set italic(v: boolean) {
        touch(v, (c) => (c.italic = v));
      },
      set color(v: string) {
        touch(v, (c) => (c.fontColor = v.toUpperCase()));
      },
      set size(v: number) {
        touch(v, (c) => (c.fontSize = v));
      },
    },
    borders: { getItem: border },
    set wrapText(v: boolean) {
      touch(v, (c) => (c.wrapText = v));
    },
    set horizontalAlignment(v: RangeFormat['horizontalAlignment']) {
      touch(v, (c) => (c.horizontalAlignment = v));
    },
    set verticalAlignment(v: RangeFormat['verticalAlignment']) {
      touch(v, (c) => (c.verticalAlignment = v));
    },
    set rowHeight(v: number) {
      touch(v);
    },
    set columnWidth(v: number) {
      ctx.queue(() => writable(ctx, sheet).columnWidths.set(boxes()[0].left, v), v);
    },
  };
}

/** Excel's documented limit: getMergedAreasOrNullObject fails above 512 merged areas. */
export const MERGED_AREAS_LIMIT = 512;

class RangeAreasProxy extends Proxy {
  readonly format: ReturnType<typeof formatProxy>;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
    private readonly boxes: Box[],
    private readonly nullable = false,
    /** For merged areas: the range they were asked for (areas that intersect it are returned whole). */
    private readonly mergedIn?: Box,
    /** The address as Excel gives it, when it is not the boxes' (a conditional format's "Sheet1!C:C"). */
    private readonly givenAddress?: string,
  ) {
    super(ctx);
    this.format = formatProxy(ctx, sheet, () => boxes);
  }
  protected override read(p: string): unknown {
    if (p === 'address' && this.mergedIn) {
      const b = this.mergedIn;
      const hit = sheetOrThrow(this.ctx, this.sheet).merges.filter((m) => {
        const r = parseRange(m)!;
        return r.top <= b.bottom && r.bottom >= b.top && r.left <= b.right && r.right >= b.left;
      });
      if (hit.length > MERGED_AREAS_LIMIT) throw new Error(`GeneralException: ${hit.length} merged areas, more than getMergedAreasOrNullObject returns`);
      return hit.map((m) => `${this.sheet()}!${m}`).join(',');
    }
    if (p === 'address') return this.givenAddress ?? boxesAddress(this.boxes);
    return undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get<string>('address') === '';
  }
  /** RangeAreas.getSpecialCellsOrNullObject (ExcelApi 1.9): only 'Formulas' here, the areas' formula cells. */
  getSpecialCellsOrNullObject(cellType: 'Formulas'): FormulaCellsProxy {
    this.ctx.requires('1.9', 'RangeAreas.getSpecialCellsOrNullObject');
    if (cellType !== 'Formulas') throw new Error(`the fake knows only 'Formulas', not ${String(cellType)}`);
    return new FormulaCellsProxy(this.ctx, this.sheet, this.boxes);
  }
}

/** The formula cells of some areas, found at sync; a null object when there are none. */
class FormulaCellsProxy extends RangeAreasProxy {
  constructor(
    ctx: FakeContext,
    private readonly within: () => string,
    private readonly areas: Box[],
  ) {
    super(ctx, within, [], true);
  }
  protected override read(p: string): unknown {
    if (p !== 'address') return undefined;
    const s = sheetOrThrow(this.ctx, this.within);
    const cells = this.areas.flatMap((b) => boxCells(b).filter(([r, c]) => s.peek(r, c)?.formula));
    return cells.map(([r, c]) => `${sheetRef(this.within())}!${a1(r, c)}`).join(',');
  }
}

class RangeProxy extends Proxy {
  readonly format: ReturnType<typeof formatProxy>;
  private nullResolved: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
    private readonly box: () => Box | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.format = formatProxy(ctx, sheet, () => [this.box()!]);
  }
  override resolve(): number {
    this.nullResolved = this.box() === null;
    if (this.nullResolved) {
      this.pendingLoad.clear();
      return 8;
    }
    return super.resolve();
  }
  protected override read(p: string): unknown {
    const s = sheetOrThrow(this.ctx, this.sheet);
    const b = this.box()!;
    const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: b.bottom - b.top + 1 }, (_, i) => Array.from({ length: b.right - b.left + 1 }, (_, j) => f(s.peek(b.top + i, b.left + j))));
    switch (p) {
      case 'values':
        return grid((c) => (c ? (c.error ? c.value : c.value) : ''));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        return grid((c) => (!c || c.value === '' ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String'));
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'address':
        return `${this.sheet()}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
    }
    return undefined;
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullResolved === undefined) throw new PropertyNotLoaded('Range.isNullObject');
    return this.nullResolved;
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.ctx.queue(
      () => {
      const s = writable(this.ctx, this.sheet);
      const b = this.box()!;
      v.forEach((row, i) =>
        row.forEach((val, j) => {
          const cell = s.cell(b.top + i, b.left + j);
          if (typeof val === 'string' && val.startsWith('=') && cell.numberFormat !== '@') {
            cell.formula = val;
            cell.value = '';
          } else {
            cell.formula = undefined;
            cell.value = val as string | number | boolean;
          }
        }),
      );
      },
      v,
      true,
      () => ({ sheet: this.sheet(), address: boxesAddress([this.box()!]) }),
    );
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.queue(() => {
      const s = writable(this.ctx, this.sheet);
      const b = this.box()!;
      v.forEach((row, i) => row.forEach((f, j) => (s.cell(b.top + i, b.left + j).numberFormat = String(f))));
    }, v);
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get address(): string {
    return this.get('address');
  }
  merge(): void {
    this.ctx.queue(() => {
      const b = this.box()!;
      writable(this.ctx, this.sheet).merges.push(`${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
    });
  }
  select(): void {
    this.ctx.queue(
      () => {
        this.ctx.model.selected = { sheet: this.sheet(), box: this.box()! };
      },
      null,
      false,
    );
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.requires('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, this.sheet, [], true, this.box() ?? undefined);
  }
  /**
   * Range.getCellProperties (ExcelApi 1.9): the cells' own formats (not a conditional format's),
   * only the properties asked for; `value` arrives with the next sync and counts in its response.
   */
  getCellProperties(options: { format?: { fill?: { color?: boolean } } }): CellPropertiesProxy {
    this.ctx.requires('1.9', 'Range.getCellProperties');
    const box = this.box()!;
    return new CellPropertiesProxy(this.ctx, () => {
      const s = sheetOrThrow(this.ctx, this.sheet);
      return Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
        Array.from({ length: box.right - box.left + 1 }, (_, j) => {
          const cell = s.peek(box.top + i, box.left + j);
          // Excel gives white for a cell with no fill.
          return options.format?.fill?.color ? { format: { fill: { color: cell?.fill.color ?? '#FFFFFF' } } } : {};
        }),
      );
    });
  }
  /** Range.conditionalFormats (ExcelApi 1.6): the conditional formats that intersect the range. */
  get conditionalFormats(): ConditionalFormatsProxy {
    this.ctx.requires('1.6', 'Range.conditionalFormats');
    return new ConditionalFormatsProxy(this.ctx, this.sheet, () => this.box());
  }
}

/** OfficeExtension.ClientResult of getCellProperties: set at sync, with no load() call. */
class CellPropertiesProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly compute: () => unknown,
  ) {
    super(ctx);
    this.pendingLoad.add('value');
    ctx.register(this);
  }
  protected override read(p: string): unknown {
    return p === 'value' ? this.compute() : undefined;
  }
  get value(): { format?: { fill?: { color?: string } } }[][] {
    return this.get('value');
  }
}

class ConditionalFormatsProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => string,
    private readonly box: () => Box | null,
  ) {
    super(ctx);
  }
  private hits(): FakeConditionalFormat[] {
    const b = this.box();
    if (!b) return [];
    return sheetOrThrow(this.ctx, this.sheet).conditionalFormats.filter((f) =>
      f.ranges.some((ref) => {
        const r = fakeBox(ref);
        return !!r && r.top <= b.bottom && r.bottom >= b.top && r.left <= b.right && r.right >= b.left;
      }),
    );
  }
  protected override read(p: string): unknown {
    if (p.startsWith('items')) return this.hits().map((f) => ({ type: f.type }));
    return undefined;
  }
  get items(): { type: FakeConditionalFormat['type']; getRanges(): RangeAreasProxy }[] {
    const key = [...this.loaded.keys()].find((k) => k.startsWith('items'));
    if (!key) throw new PropertyNotLoaded('ConditionalFormatCollection.items');
    const formats = this.hits();
    const loadedType = key.includes('type');
    return formats.map((f) => ({
      get type() {
        if (!loadedType) throw new PropertyNotLoaded('ConditionalFormat.type');
        return f.type;
      },
      getRanges: () => {
        this.ctx.requires('1.9', 'ConditionalFormat.getRanges');
        const address = f.ranges.map((r) => `${sheetRef(this.sheet())}!${r}`).join(', ');
        return new RangeAreasProxy(this.ctx, this.sheet, f.ranges.map((r) => fakeBox(r)!), false, undefined, address);
      },
    }));
  }
}

/** An Excel host for tests: `run` gives each batch a fresh context; counters add up. */
export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  syncs = 0;
  refusals = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Bytes of every request and response that went through, together. */
  bytesMoved = 0;
  /** The ExcelApi version of this host (see FakeWorkbookModel.apiVersion). */
  get apiVersion(): string {
    return this.model.apiVersion;
  }
  set apiVersion(v: string) {
    this.model.apiVersion = v;
  }
  /** The options of every Excel.run, in order. */
  runOptions: ({ mergeUndoGroup?: boolean; delayForCellEdit?: boolean } | undefined)[] = [];
  readonly run = async <T>(batch: (context: never) => Promise<T>, options?: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean }): Promise<T> => {
    this.runOptions.push(options);
    if (options?.mergeUndoGroup && apiMinor(this.model.apiVersion) < 20) throw new Error(`ApiNotFound: RunOptions.mergeUndoGroup needs ExcelApi 1.20; this host has ${this.model.apiVersion}`);
    // delayForCellEdit: the batch waits until the user leaves the cell; otherwise it fails.
    if (options?.delayForCellEdit) await this.model.cellEditFinished();
    const ctx = new FakeContext(this.model);
    try {
      return await batch(ctx as never);
    } finally {
      this.syncs += ctx.syncs;
      this.refusals += ctx.refusals;
      this.maxRequestBytes = Math.max(this.maxRequestBytes, ctx.maxRequestBytes);
      this.maxResponseBytes = Math.max(this.maxResponseBytes, ctx.maxResponseBytes);
      this.bytesMoved += ctx.bytesMoved;
    }
  };
  readonly isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && apiMinor(version) <= apiMinor(this.model.apiVersion) && version.startsWith('1.');
  resetCounters(): void {
    this.syncs = 0;
    this.refusals = 0;
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
    this.bytesMoved = 0;
  }
}

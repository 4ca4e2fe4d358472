/**
 * The update cycle (issue #15): one form per lead officer, sent out before a committee cycle,
 * and the returned forms merged back into the plan's own cells with every change listed.
 *
 * Pure data in, data out: `buildRequests` describes each form (a {@link FormSpec} an adapter
 * writes), `readReturn` reads a returned form from its grid, and `planMerge` decides, for the
 * plan as it is now, which cells to write ({@link CellEdit}s an adapter applies) and which
 * answers are conflicts. Nothing is guessed: a row that moved, two leads who disagree, a value
 * nobody can read or a form from another plan is listed and not applied. Rules: docs/UPDATES.md.
 */
import { type CellRange, type RawCell, type WorkbookGrid, a1 } from './cell';
import type { CheckResult } from './check';
import { similarity } from './compare';
import type { ActionReport } from './model';
import { type IsoDate, formatUkDate, isoToSerial, parseDateText, serialToIso } from './parse/dates';
import { foldLookalikes } from './parse/lookalike';
import { isDateFormat, isPercentFormat } from './parse/numfmt';
import { parsePercent } from './parse/percent';
import { type ActionStatus, parseStatus } from './parse/status';
import type { FieldCell, RawAction } from './read';
import { SheetView } from './sheet';
import { personKey } from './text';

// ---------------------------------------------------------------------------------------
// The form's layout: names the reader and the writer share.

/** The name of the form's sheet. */
export const FORM_SHEET = 'Update';
/** The first key cell's text (hidden column H, row 1): how a returned workbook is known as a form. */
export const FORM_MARKER = 'PlanCheck update form';
/** The layout version; a form of a later version is refused rather than misread. */
export const FORM_VERSION = 1;

/** The status words a lead picks from: each one the reader understands (src/core/parse/status.ts). */
export const FORM_STATUS_WORDS = ['Not Started', 'In Progress', 'Complete', 'Deferred', 'Cancelled'] as const;
/** One of {@link FORM_STATUS_WORDS}. */
export type FormStatusWord = (typeof FORM_STATUS_WORDS)[number];

/** The visible columns, named exactly so (the issue fixes these names). */
export const FORM_COLUMNS = [
  'Workstream',
  'Action',
  'Target Date',
  '% Complete',
  'Status',
  'Revised Target Date',
  'Status Update',
] as const;

/**
 * The key columns, hidden and locked: where the row is in the plan, and the values the form
 * was sent with (so an answer the lead left alone is told apart from one they typed).
 */
export const KEY_COLUMNS = [
  'Key: Sheet',
  'Key: Row',
  'Key: No.',
  'Key: Description',
  'Sent: % Complete',
  'Sent: Status',
  'Sent: Target Date',
  'Sent: Status Update',
] as const;

/** Column index (0-based) of each visible and key column. */
const COL = {
  workstream: 0,
  action: 1,
  target: 2,
  percent: 3,
  status: 4,
  revised: 5,
  update: 6,
  keySheet: 7,
  keyRow: 8,
  keyNumber: 9,
  keyDescription: 10,
  sentPercent: 11,
  sentStatus: 12,
  sentTarget: 13,
  sentUpdate: 14,
} as const;
/** The first key column (H): the form-level keys sit in it and the next, above the header. */
const KEY_COL = COL.keySheet;
/** 0-based row of the header. */
const HEADER_ROW = 8;
/** Form-level keys, label in column H and value in column I, rows 1-5. */
const FORM_KEYS = ['Plan file', 'Plan fingerprint', 'Lead', 'Reply by'] as const;

/** A field a lead answers on the form. */
export type FormField = 'percent' | 'status' | 'revised-target' | 'status-update';

/** The form's column name for each field, for messages. */
export const FIELD_LABELS: Record<FormField, string> = {
  percent: '% Complete',
  status: 'Status',
  'revised-target': 'Revised Target Date',
  'status-update': 'Status Update',
};

/** How a form cell looks and whether the lead may edit it (`input-*` cells are unlocked). */
export type FormStyle =
  | 'title'
  | 'label'
  | 'text'
  | 'wrap'
  | 'header'
  | 'date'
  | 'key'
  /** A cell the lead cannot change because the plan has no column for it (greyed). */
  | 'unavailable'
  | 'input-number'
  | 'input-list'
  | 'input-date'
  | 'input-text';

/** One cell of a form. Text is always text (never a formula); dates are ISO with a date style. */
export interface FormCell {
  /** 0-based row and column. */
  row: number;
  col: number;
  value: string | number;
  style: FormStyle;
}

/** A data validation over a range of input cells. */
export interface FormValidation {
  type: 'whole' | 'list' | 'date';
  range: CellRange;
  /** whole: 0-100; date: ISO bounds. */
  min?: number | IsoDate;
  max?: number | IsoDate;
  /** list: the choices. */
  list?: readonly string[];
  /** Shown when the cell is selected. */
  prompt: string;
  /** Shown when a value is refused. */
  error: string;
}

/** The "Update" sheet of a form, as data an adapter writes. */
export interface FormSpec {
  sheetName: string;
  cells: FormCell[];
  merges: CellRange[];
  /** Width (Excel character units) and visibility of each column, by index. */
  columns: { width: number; hidden?: boolean }[];
  /** Row heights in points, by 0-based row. */
  rowHeights: Record<number, number>;
  validations: FormValidation[];
  /** Rows frozen at the top (the header stays in view). */
  freezeRows: number;
  /** The sheet is protected without a password: only `input-*` cells can be edited. */
  protect: true;
}

/** Where an action is in the plan, and what it says. */
export interface ActionRef {
  sheet: string;
  /** Excel row (1-based). */
  row: number;
  number: number | string | null;
  workstream: string;
  description: string;
}

/** An action on a form, with the values it was sent with. */
export interface FormAction extends ActionRef {
  targetDate: IsoDate | null;
  /** The target cell as written, for a target that is not one date ("Start now / ongoing"). */
  timescale: string;
  percent: number | null;
  status: FormStatusWord | null;
  statusUpdate: string;
}

/** One lead's form. */
export interface RequestForm {
  /** The lead as first written in the plan. */
  lead: string;
  /** A file name safe on any file system, unique (ignoring case) among the forms. */
  file: string;
  actions: FormAction[];
  spec: FormSpec;
}

/** Options for {@link buildRequests}. */
export interface RequestOptions {
  /** The date replies are wanted by, shown at the top of each form. */
  replyBy?: IsoDate;
  /** Only this lead's form (matched as owner lists match leads: case, dots and spacing ignored). */
  lead?: string;
  /** The plan's file name, recorded in each form so a return names the plan it belongs to. */
  planFile: string;
}

/** What {@link buildRequests} makes. */
export interface RequestSet {
  forms: RequestForm[];
  /** Actions nobody can be asked about: no lead officer named. */
  unowned: ActionRef[];
}

// ---------------------------------------------------------------------------------------
// Requests.

/**
 * One form per lead officer (leads as `ownerLists` names them: "D Robertson / J Craig" is two
 * people, "J. Craig" and "j craig" one). A shared action is on each sharer's form; dropped
 * actions (cancelled, superseded…) are left out; actions with no lead are listed as unowned.
 */
export function buildRequests(result: CheckResult, opts: RequestOptions): RequestSet {
  const { report, raw } = result;
  const fingerprint = planFingerprint(result);
  const byLead = new Map<string, { lead: string; actions: FormAction[] }>();
  const unowned: ActionRef[] = [];
  const only = opts.lead !== undefined ? personKey(opts.lead) : undefined;
  report.actions.forEach((a, i) => {
    if (a.status === 'dropped') return;
    const ref = actionRef(a);
    if (a.leads.length === 0) {
      unowned.push(ref);
      return;
    }
    const item = formAction(a, raw.actions[i]);
    for (const lead of a.leads) {
      const key = personKey(lead);
      if (only !== undefined && key !== only) continue;
      let entry = byLead.get(key);
      if (!entry) byLead.set(key, (entry = { lead, actions: [] }));
      entry.actions.push(item);
    }
  });
  const taken = new Set<string>();
  const lacks = missingColumns(result);
  const forms = [...byLead.values()]
    .sort((x, y) => x.lead.localeCompare(y.lead))
    .map(({ lead, actions }) => {
      const file = uniqueFileName(`update-${lead}`, 'xlsx', taken);
      return {
        lead,
        file,
        actions,
        spec: formSpec({ lead, actions, planFile: opts.planFile, fingerprint, replyBy: opts.replyBy ?? null, lacks }),
      };
    });
  return { forms, unowned };
}

function actionRef(a: ActionReport): ActionRef {
  return { sheet: a.sheet, row: a.row, number: a.number, workstream: a.workstream, description: a.description };
}

function formAction(a: ActionReport, r: RawAction): FormAction {
  const status = planStatus(a, r);
  return {
    ...actionRef(a),
    targetDate: a.targetDate,
    timescale: a.timescale,
    percent: a.percent,
    status: status ? STATUS_WORD[status] : null,
    statusUpdate: cellText(r.fields.statusUpdate?.cell),
  };
}

const STATUS_WORD: Record<ActionStatus, FormStatusWord> = {
  complete: 'Complete',
  started: 'In Progress',
  'not-started': 'Not Started',
  dropped: 'Cancelled',
};

/**
 * Where the action stands as the plan's Status cell says it (the cell a merge writes), or as
 * the report says it when the plan has no Status column (the form shows it, locked).
 */
function planStatus(a: ActionReport, r: RawAction): ActionStatus | null {
  if (r.fields.status) return parseStatus(cellText(r.fields.status.cell)).status;
  return a.status;
}

/** The form fields the plan has no column for (on any action's table). */
function missingColumns(result: CheckResult): Set<FormField> {
  const lacks = new Set<FormField>();
  const any = (f: (r: RawAction) => boolean) => result.raw.actions.some(f);
  if (!any((r) => r.fields.percent !== undefined)) lacks.add('percent');
  if (!any((r) => r.fields.status !== undefined)) lacks.add('status');
  if (!any((r) => r.fields.statusUpdate !== undefined)) lacks.add('status-update');
  if (!any((r) => r.fields.timescale !== undefined || r.fields.revisedTarget !== undefined)) lacks.add('revised-target');
  return lacks;
}

const NO_COLUMN: Record<FormField, string> = {
  percent: 'the plan has no % Complete column',
  status: 'the plan has no Status column',
  'revised-target': 'the plan has no Target Date column',
  'status-update': 'the plan has no Status Update column',
};

interface SpecInput {
  lead: string;
  actions: FormAction[];
  planFile: string;
  fingerprint: string;
  replyBy: IsoDate | null;
  lacks: Set<FormField>;
}

/** The "Update" sheet for one lead. */
function formSpec(input: SpecInput): FormSpec {
  const { lead, actions, lacks } = input;
  const cells: FormCell[] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, value: string | number | null, style: FormStyle) => {
    if (value === null || value === '') return;
    cells.push({ row, col, value, style });
  };
  const wide = (row: number, text: string, height: number) => {
    put(row, 0, text, 'wrap');
    merges.push({ top: row, left: 0, bottom: row, right: COL.update });
    rowHeights[row] = height;
  };
  put(0, 0, `Progress update for ${lead}`, 'title');
  put(1, 0, `Plan: ${input.planFile}`, 'text');
  if (input.replyBy) {
    put(2, 0, 'Please reply by', 'label');
    put(2, 1, input.replyBy, 'date');
  } else put(2, 0, 'Please reply before the next progress report.', 'label');
  const editable = (['percent', 'status', 'revised-target', 'status-update'] as FormField[]).filter((f) => !lacks.has(f));
  wide(
    3,
    `For each of your actions below, fill in the yellow cells: ${editable.map((f) => FIELD_HELP[f]).join('; ')}. A cell left as it is changes nothing in the plan.`,
    45,
  );
  wide(
    4,
    'Leave every other cell as it is, and do not add, delete or move rows: PlanCheck uses them to put your answers back in the right place in the plan.',
    30,
  );
  if (lacks.size) {
    const names = [...lacks].map((f) => FIELD_LABELS[f]);
    wide(
      5,
      `The plan has no ${names.join(' or ')} column, so the grey cells cannot be changed: say it in words in the Status Update instead.`,
      30,
    );
  }
  wide(6, 'Then save this workbook (keep it as an Excel .xlsx file) and send it back.', 15);
  // Form-level keys, in the hidden columns.
  put(0, KEY_COL, FORM_MARKER, 'key');
  put(0, KEY_COL + 1, FORM_VERSION, 'key');
  const keyValues = [input.planFile, input.fingerprint, lead, input.replyBy ?? ''];
  FORM_KEYS.forEach((k, i) => {
    put(i + 1, KEY_COL, k, 'key');
    put(i + 1, KEY_COL + 1, keyValues[i], 'key');
  });
  FORM_COLUMNS.forEach((h, c) => put(HEADER_ROW, c, h, 'header'));
  KEY_COLUMNS.forEach((h, i) => put(HEADER_ROW, KEY_COL + i, h, 'key'));
  const input_ = (f: FormField, style: FormStyle): FormStyle => (lacks.has(f) ? 'unavailable' : style);
  actions.forEach((a, i) => {
    const r = HEADER_ROW + 1 + i;
    put(r, COL.workstream, a.workstream, 'wrap');
    put(r, COL.action, actionLabel(a), 'wrap');
    if (a.targetDate) put(r, COL.target, a.targetDate, 'date');
    else put(r, COL.target, a.timescale, 'wrap');
    // Input cells are written even when empty: their unlocked style is what lets the lead type.
    cells.push({ row: r, col: COL.percent, value: a.percent ?? '', style: input_('percent', 'input-number') });
    cells.push({ row: r, col: COL.status, value: a.status ?? '', style: input_('status', 'input-list') });
    cells.push({ row: r, col: COL.revised, value: '', style: input_('revised-target', 'input-date') });
    cells.push({ row: r, col: COL.update, value: a.statusUpdate, style: input_('status-update', 'input-text') });
    put(r, COL.keySheet, a.sheet, 'key');
    put(r, COL.keyRow, a.row, 'key');
    put(r, COL.keyNumber, a.number, 'key');
    put(r, COL.keyDescription, a.description, 'key');
    put(r, COL.sentPercent, a.percent, 'key');
    put(r, COL.sentStatus, a.status, 'key');
    put(r, COL.sentTarget, a.targetDate, 'key');
    put(r, COL.sentUpdate, a.statusUpdate, 'key');
  });
  const validations: FormValidation[] = [];
  if (actions.length) {
    const range = (col: number): CellRange => ({ top: HEADER_ROW + 1, left: col, bottom: HEADER_ROW + actions.length, right: col });
    if (!lacks.has('percent'))
      validations.push({
        type: 'whole',
        range: range(COL.percent),
        min: 0,
        max: 100,
        prompt: 'How far along the action is: a whole number from 0 to 100.',
        error: '% Complete is a whole number from 0 to 100.',
      });
    if (!lacks.has('status'))
      validations.push({
        type: 'list',
        range: range(COL.status),
        list: FORM_STATUS_WORDS,
        prompt: 'Pick where the action stands.',
        error: `Status is one of: ${FORM_STATUS_WORDS.join(', ')}.`,
      });
    if (!lacks.has('revised-target'))
      validations.push({
        type: 'date',
        range: range(COL.revised),
        min: '2000-01-01',
        max: '2099-12-31',
        prompt: 'Only if the target date has moved: the new date (for example 31/03/2025).',
        error: 'Revised Target Date is a date, for example 31/03/2025.',
      });
  }
  const widths = [24, 60, 14, 11, 14, 14, 50];
  return {
    sheetName: FORM_SHEET,
    cells,
    merges,
    columns: [...widths.map((width) => ({ width })), ...KEY_COLUMNS.map(() => ({ width: 14, hidden: true }))],
    rowHeights,
    validations,
    freezeRows: HEADER_ROW + 1,
    protect: true,
  };
}

const FIELD_HELP: Record<FormField, string> = {
  percent: '% Complete (a whole number from 0 to 100)',
  status: 'Status (pick from the list)',
  'revised-target': 'Revised Target Date (only if the target date has moved)',
  'status-update': 'Status Update (a sentence or two on progress)',
};

/** "3. Adopt PSIF…", "R1 Adopt PSIF…", or the description alone. */
function actionLabel(a: ActionRef): string {
  if (a.number === null) return a.description;
  return typeof a.number === 'number' ? `${a.number}. ${a.description}` : `${a.number} ${a.description}`;
}

/**
 * A short hash of the plan's sheet names and action descriptions: a form records it, so a
 * form returned against a different plan is recognised. (Reworded rows change it; a merge
 * then falls back to how many of the form's actions the plan still has.)
 */
export function planFingerprint(result: CheckResult): string {
  const parts = [...result.raw.sheets, '\u0001', ...result.report.actions.map((a) => normal(a.description))];
  return hash53(parts.join('\u0000'));
}

/** cyrb53: a fast 53-bit string hash (not cryptographic: it tells plans apart, nothing more). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

// ---------------------------------------------------------------------------------------
// Safe file names.

/** Windows refuses these names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Longest name part (before the extension): far inside every file system's limit. */
const MAX_NAME = 60;

const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  ð: 'd',
};

/**
 * A file name safe on any file system: letters folded to ASCII ("Ó Súilleabháin" ->
 * "o-suilleabhain", Cyrillic lookalikes to Latin), lower case, words joined by "-", no reserved
 * characters, not a Windows device name (CON, PRN, AUX, NUL, COM1…, LPT1…), at most 60
 * characters before the extension, and unique ignoring case among `taken` (to which it is added).
 */
export function uniqueFileName(base: string, ext: string, taken: Set<string>): string {
  let name = foldLookalikes(base)
    .text.replace(/[ßæÆøØœŒłŁđĐþð]/g, (c) => LETTERS[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!name) name = 'file';
  name = name.slice(0, MAX_NAME).replace(/-+$/, '');
  if (RESERVED.test(name)) name = `${name}-file`;
  let candidate = `${name}.${ext}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, MAX_NAME - 4)}-${n}.${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

// ---------------------------------------------------------------------------------------
// Reading a returned form.

/** A percentage as the lead gave it. */
export interface GivenPercent {
  text: string;
  /** 0-100, or null when empty or unreadable. */
  value: number | null;
  problem: null | 'not-a-number' | 'out-of-range';
  /** The number typed, when it is out of range (120). */
  raw?: number;
}

/** A date as the lead gave it. */
export interface GivenDate {
  text: string;
  iso: IsoDate | null;
  problem: null | 'unreadable-date';
}

/** One row of a returned form: its keys, what it was sent with, and what the lead gave. */
export interface ReturnedRow {
  /** Excel row of the form (1-based), for messages. */
  formRow: number;
  sheet: string;
  /** The plan's Excel row (1-based) when the form was made. */
  row: number;
  number: number | string | null;
  description: string;
  workstream: string;
  sent: { percent: number | null; status: string; target: IsoDate | null; update: string };
  given: { percent: GivenPercent; status: string; revised: GivenDate; update: string };
}

/** A returned form as read. */
export interface ReturnedForm {
  ok: true;
  version: number;
  planFile: string;
  fingerprint: string;
  lead: string;
  replyBy: IsoDate | null;
  rows: ReturnedRow[];
}

/** Why a workbook could not be read as a form. */
export interface ReturnProblem {
  ok: false;
  code: 'not-a-form' | 'newer-form';
  message: string;
}

/** What {@link readReturn} gives. */
export type ReadReturn = ReturnedForm | ReturnProblem;

/**
 * Reads a returned form: the keys of each row and the lead's answers. A workbook that is not
 * a PlanCheck update form (or a form of a later layout) is a typed problem, never an exception.
 */
export function readReturn(grid: WorkbookGrid): ReadReturn {
  const marked = (s: WorkbookGrid['sheets'][number]) => cellText(s.rows[0]?.[KEY_COL]) === FORM_MARKER;
  const sheet = grid.sheets.find((s) => s.name === FORM_SHEET && marked(s)) ?? grid.sheets.find(marked);
  if (!sheet) {
    return {
      ok: false,
      code: 'not-a-form',
      message: `not a PlanCheck update form: it has no "${FORM_SHEET}" sheet made by PlanCheck (plancheck requests makes one for each lead officer)`,
    };
  }
  const view = new SheetView(sheet);
  const version = Number(view.own(0, KEY_COL + 1)?.value);
  if (!Number.isInteger(version) || version > FORM_VERSION) {
    return {
      ok: false,
      code: 'newer-form',
      message: `an update form from a newer PlanCheck (layout ${String(view.own(0, KEY_COL + 1)?.value ?? '?')}): update PlanCheck to merge it`,
    };
  }
  const key = (label: (typeof FORM_KEYS)[number]) => cellText(view.own(FORM_KEYS.indexOf(label) + 1, KEY_COL + 1));
  // The header is found by its key cell rather than assumed, so a layout that moved it still reads.
  let header = -1;
  for (let r = 0; r <= Math.min(view.lastRow, 200) && header < 0; r++) if (cellText(view.own(r, KEY_COL)) === KEY_COLUMNS[0]) header = r;
  const columns = new Map<string, number>();
  if (header >= 0) for (const c of view.filledColumns(header)) columns.set(cellText(view.own(header, c)), c);
  const col = (name: string, fallback: number) => columns.get(name) ?? fallback;
  const at = {
    workstream: col('Workstream', COL.workstream),
    percent: col('% Complete', COL.percent),
    status: col('Status', COL.status),
    revised: col('Revised Target Date', COL.revised),
    update: col('Status Update', COL.update),
    keySheet: col(KEY_COLUMNS[0], COL.keySheet),
    keyRow: col(KEY_COLUMNS[1], COL.keyRow),
    keyNumber: col(KEY_COLUMNS[2], COL.keyNumber),
    keyDescription: col(KEY_COLUMNS[3], COL.keyDescription),
    sentPercent: col(KEY_COLUMNS[4], COL.sentPercent),
    sentStatus: col(KEY_COLUMNS[5], COL.sentStatus),
    sentTarget: col(KEY_COLUMNS[6], COL.sentTarget),
    sentUpdate: col(KEY_COLUMNS[7], COL.sentUpdate),
  };
  const rows: ReturnedRow[] = [];
  for (let r = (header < 0 ? HEADER_ROW : header) + 1; r <= view.lastRow; r++) {
    const sheetKey = cellText(view.own(r, at.keySheet));
    const rowKey = Number(view.own(r, at.keyRow)?.value);
    if (!sheetKey || !Number.isInteger(rowKey) || rowKey < 1) continue;
    const numberCell = view.own(r, at.keyNumber);
    const sentPercent = view.own(r, at.sentPercent);
    const sentTarget = cellText(view.own(r, at.sentTarget));
    rows.push({
      formRow: r + 1,
      sheet: sheetKey,
      row: rowKey,
      number:
        numberCell === undefined || numberCell.value === ''
          ? null
          : typeof numberCell.value === 'number'
            ? numberCell.value
            : String(numberCell.value),
      description: cellText(view.own(r, at.keyDescription)),
      workstream: cellText(view.own(r, at.workstream)),
      sent: {
        percent: typeof sentPercent?.value === 'number' ? sentPercent.value : null,
        status: cellText(view.own(r, at.sentStatus)),
        target: /^\d{4}-\d{2}-\d{2}$/.test(sentTarget) ? sentTarget : null,
        update: cellText(view.own(r, at.sentUpdate)),
      },
      given: {
        percent: givenPercent(view.own(r, at.percent)),
        status: cellText(view.own(r, at.status)),
        revised: givenDate(view.own(r, at.revised), grid.date1904),
        update: cellText(view.own(r, at.update)),
      },
    });
  }
  const replyBy = key('Reply by');
  return {
    ok: true,
    version,
    planFile: key('Plan file'),
    fingerprint: key('Plan fingerprint'),
    lead: key('Lead'),
    replyBy: /^\d{4}-\d{2}-\d{2}$/.test(replyBy) ? replyBy : null,
    rows,
  };
}

function givenPercent(cell: RawCell | undefined): GivenPercent {
  const text = cellText(cell);
  const p = parsePercent(cell);
  if (p.problem === 'out-of-range') return { text, value: null, problem: 'out-of-range', raw: p.raw };
  if (p.problem) return { text, value: null, problem: 'not-a-number' };
  return { text, value: p.value, problem: null };
}

function givenDate(cell: RawCell | undefined, date1904: boolean): GivenDate {
  const text = cellText(cell);
  if (!cell || text === '') return { text, iso: null, problem: null };
  if (typeof cell.value === 'number' && !cell.error) {
    const iso = serialToIso(cell.value, date1904);
    return iso ? { text, iso, problem: null } : { text, iso: null, problem: 'unreadable-date' };
  }
  const d = typeof cell.value === 'string' && !cell.error ? parseDateText(foldLookalikes(text).text) : null;
  return d ? { text, iso: d.iso, problem: null } : { text, iso: null, problem: 'unreadable-date' };
}

// ---------------------------------------------------------------------------------------
// Merging returns into the plan.

/** A cell to write, as pure data an adapter applies. */
export interface CellEdit {
  sheet: string;
  /** Excel row (1-based), as in the report. */
  row: number;
  /** 0-based column (A = 0), as elsewhere in the core. */
  col: number;
  /** Text is written as text (never a formula); null clears the value. Dates are serials. */
  value: string | number | null;
  /**
   * The number format the value needs (a date or percent format), for a cell that does not
   * already show that kind of value; the adapter then gives the cell a copy of its own style
   * with this format, keeping font, fill, borders and alignment.
   */
  format?: string;
  /** A note (comment) to add to the cell. */
  note?: string;
}

/** One change a merge makes. */
export interface MergeChange {
  lead: string;
  sheet: string;
  /** Excel row (1-based). */
  row: number;
  field: FormField;
  /** The plan cell written ("G12"). */
  cell: string;
  from: string | null;
  to: string;
}

/** Why an answer was not applied. Codes are stable. */
export type ConflictCode =
  | 'not-a-form'
  | 'another-plan'
  | 'row-moved'
  | 'leads-disagree'
  | 'bad-percent'
  | 'unreadable-date'
  | 'unknown-status'
  | 'no-column'
  | 'formula-cell'
  | 'merged-cell'
  | 'plan-changed';

/** An answer that was listed and not applied. */
export interface MergeConflict {
  code: ConflictCode;
  lead: string;
  /** The returned workbook's file name. */
  file: string;
  /** The plan's sheet and Excel row the answer is for ("" and 0 for a whole form). */
  sheet: string;
  row: number;
  /** The field, or 'row' (the whole row) or 'form' (the whole form). */
  field: FormField | 'row' | 'form';
  reason: string;
}

/** What {@link planMerge} decides. */
export interface MergePlan {
  changes: MergeChange[];
  conflicts: MergeConflict[];
  /** The cells to write for the changes, in plan order. */
  edits: CellEdit[];
}

/** Options for {@link planMerge}. */
export interface MergeOptions {
  /**
   * The grid the plan was checked from: with it, a cell inside a merged range (writing it
   * would show on several rows, or nowhere) is a conflict rather than a write.
   */
  grid?: WorkbookGrid;
}

interface Proposal {
  lead: string;
  file: string;
  index: number;
  field: FormField;
  /** The answer, normalised for comparing two leads' answers. */
  key: string;
  value: number | string;
  /** What the form was sent with, as the plan's value then. */
  sent: number | string | null;
}

/**
 * Decides how returned forms change the plan as it is now: the lead's progress, status,
 * status update and revised target date, each into the plan's own cell. Only answers the lead
 * changed from what the form was sent with count; an answer equal to the plan's value changes
 * nothing (so merging the same returns again is a no-op). Everything that cannot be applied
 * with certainty is a conflict: see {@link ConflictCode} and docs/UPDATES.md.
 */
export function planMerge(result: CheckResult, returns: { fileName: string; form: ReadReturn }[], opts: MergeOptions = {}): MergePlan {
  const { report, raw } = result;
  const conflicts: MergeConflict[] = [];
  const place = new Map<string, number>();
  report.actions.forEach((a, i) => place.set(`${a.sheet}\u0000${a.row}`, i));
  const fingerprint = planFingerprint(result);
  const proposals: Proposal[] = [];

  for (const { fileName, form } of returns) {
    if (!form.ok) {
      conflicts.push({
        code: 'not-a-form',
        lead: '',
        file: fileName,
        sheet: '',
        row: 0,
        field: 'form',
        reason: `${fileName} is ${form.message}.`,
      });
      continue;
    }
    const lead = form.lead;
    const conflict = (code: ConflictCode, row: ReturnedRow, field: MergeConflict['field'], reason: string) =>
      conflicts.push({ code, lead, file: fileName, sheet: row.sheet, row: row.row, field, reason });
    if (form.fingerprint !== fingerprint && !samePlan(form, report.actions)) {
      conflicts.push({
        code: 'another-plan',
        lead,
        file: fileName,
        sheet: '',
        row: 0,
        field: 'form',
        reason: `${fileName} was made from another plan ("${form.planFile}"): most of its actions are not in this one, so none of it was applied.`,
      });
      continue;
    }
    for (const row of form.rows) {
      const answers = answered(row);
      if (answers.length === 0) continue;
      const i = place.get(`${row.sheet}\u0000${row.row}`);
      const now = i === undefined ? undefined : report.actions[i];
      if (!now || normal(now.description) !== normal(row.description) || String(now.number ?? '') !== String(row.number ?? '')) {
        conflict('row-moved', row, 'row', `${rowName(row)} ${whereNow(row, report.actions, now)}; its answers were not applied.`);
        continue;
      }
      for (const field of answers) {
        const g = row.given;
        if (field === 'percent') {
          if (g.percent.problem === 'out-of-range')
            conflict('bad-percent', row, field, `% Complete ${g.percent.raw ?? g.percent.text} is outside 0-100.`);
          else if (g.percent.problem) conflict('bad-percent', row, field, `% Complete "${g.percent.text}" is not a number.`);
          else propose(lead, fileName, i!, field, g.percent.value as number, row.sent.percent);
        } else if (field === 'revised-target') {
          if (g.revised.problem)
            conflict('unreadable-date', row, field, `Revised Target Date "${g.revised.text}" is not a date PlanCheck can read.`);
          else propose(lead, fileName, i!, field, g.revised.iso as IsoDate, row.sent.target);
        } else if (field === 'status') {
          const st = parseStatus(g.status);
          if (!st.status)
            conflict('unknown-status', row, field, `Status "${g.status}" is not a status word (${FORM_STATUS_WORDS.join(', ')}).`);
          else propose(lead, fileName, i!, field, g.status, row.sent.status);
        } else propose(lead, fileName, i!, field, g.update, row.sent.update);
      }
    }
  }

  function propose(lead: string, file: string, index: number, field: FormField, value: number | string, sent: number | string | null) {
    const key =
      field === 'status' ? (parseStatus(String(value)).status as string) : field === 'status-update' ? tidy(String(value)) : String(value);
    proposals.push({ lead, file, index, field, key, value, sent });
  }

  // Answers for one cell from several forms: one value, or a conflict naming each.
  const byCell = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const k = `${p.index}\u0000${p.field}`;
    const list = byCell.get(k);
    if (list) list.push(p);
    else byCell.set(k, [p]);
  }
  const changes: MergeChange[] = [];
  const edits: CellEdit[] = [];
  const views = new Map<string, SheetView>();
  const viewOf = (sheet: string) => {
    if (!opts.grid) return undefined;
    if (!views.has(sheet)) {
      const s = opts.grid.sheets.find((x) => x.name === sheet);
      if (s) views.set(sheet, new SheetView(s));
    }
    return views.get(sheet);
  };
  for (const list of byCell.values()) {
    const first = list[0];
    const a = report.actions[first.index];
    const r = raw.actions[first.index];
    const rowConflict = (code: ConflictCode, reason: string, who: Proposal[] = list) => {
      for (const p of who) conflicts.push({ code, lead: p.lead, file: p.file, sheet: a.sheet, row: a.row, field: p.field, reason });
    };
    if (new Set(list.map((p) => p.key)).size > 1) {
      const said = list.map((p) => `${p.lead} gave ${show(p.field, p.value)}`).join(', ');
      rowConflict('leads-disagree', `${FIELD_LABELS[first.field]} of ${rowName(a)}: ${said}; not applied until they agree.`);
      continue;
    }
    const lead = [...new Set(list.map((p) => p.lead))].join(' / ');
    const target = writeTarget(first.field, r);
    if (!target) {
      rowConflict('no-column', `${NO_COLUMN[first.field]}, so ${FIELD_LABELS[first.field]} of ${rowName(a)} was not applied.`);
      continue;
    }
    const ref = a1(target.row, target.col);
    const current = currentValue(first.field, a, r);
    if (current.key === first.key) continue; // already so: merging again changes nothing
    if (target.cell?.formula) {
      rowConflict(
        'formula-cell',
        `the plan's cell ${ref} holds a formula, which PlanCheck does not overwrite (${FIELD_LABELS[first.field]} of ${rowName(a)}).`,
      );
      continue;
    }
    const merge = viewOf(a.sheet)?.mergeAt(target.row, target.col);
    if (merge && (merge.top !== target.row || merge.left !== target.col || merge.bottom > merge.top)) {
      rowConflict(
        'merged-cell',
        `the plan's cell ${ref} is merged with other cells, so writing it would change more than this action (${FIELD_LABELS[first.field]} of ${rowName(a)}).`,
      );
      continue;
    }
    if (sentKey(first.field, first.sent) !== current.key) {
      rowConflict(
        'plan-changed',
        `${FIELD_LABELS[first.field]} of ${rowName(a)} changed in the plan since the form was made (from ${show(first.field, first.sent)} to ${show(first.field, current.value)}); the answer ${show(first.field, first.value)} was not applied.`,
      );
      continue;
    }
    const written = cellValue(first.field, first.value, target, r, result);
    const edit: CellEdit = { sheet: a.sheet, row: target.row + 1, col: target.col, value: written.value };
    if (written.format) edit.format = written.format;
    if (first.field === 'revised-target' && !r.fields.revisedTarget) {
      const was = a.timescale || (a.targetDate ? formatUkDate(a.targetDate) : 'none');
      edit.note = `Target date was ${was}; moved to ${formatUkDate(String(first.value))} in ${lead}'s update.`;
    }
    edits.push(edit);
    changes.push({
      lead,
      sheet: a.sheet,
      row: a.row,
      field: first.field,
      cell: ref,
      from: current.value === null ? null : String(current.value),
      to: String(first.value),
    });
  }
  const sheetOrder = (s: string) => raw.sheets.indexOf(s);
  const fieldOrder = (f: string) => ['form', 'row', 'percent', 'status', 'revised-target', 'status-update'].indexOf(f);
  const byPlace = <T extends { sheet: string; row: number; field: string }>(x: T, y: T) =>
    sheetOrder(x.sheet) - sheetOrder(y.sheet) || x.row - y.row || fieldOrder(x.field) - fieldOrder(y.field);
  changes.sort(byPlace);
  conflicts.sort(byPlace);
  edits.sort((x, y) => sheetOrder(x.sheet) - sheetOrder(y.sheet) || x.row - y.row || x.col - y.col);
  return { changes, conflicts, edits };
}

/** The fields a lead changed from what the form was sent with (an emptied cell is no answer). */
function answered(row: ReturnedRow): FormField[] {
  const out: FormField[] = [];
  const g = row.given;
  if (g.percent.text !== '' && (g.percent.problem || g.percent.value !== row.sent.percent)) out.push('percent');
  if (g.status !== '' && tidy(g.status).toLowerCase() !== tidy(row.sent.status).toLowerCase()) out.push('status');
  if (g.revised.text !== '' && (g.revised.problem || g.revised.iso !== row.sent.target)) out.push('revised-target');
  if (g.update !== '' && tidy(g.update) !== tidy(row.sent.update)) out.push('status-update');
  return out;
}

/** The same plan changed since (reworded, renumbered): at least half the form's actions still in it. */
function samePlan(form: ReturnedForm, actions: ActionReport[]): boolean {
  const rows = form.rows.filter((r) => r.description);
  if (rows.length === 0) return false;
  const exact = new Set(actions.map((a) => normal(a.description)));
  let found = 0;
  for (const r of rows)
    if (exact.has(normal(r.description)) || actions.some((a) => similarity(a.description, r.description) >= SAME_TEXT)) found++;
  return found * 2 >= rows.length;
}

/** A description this similar (0..1) or more is the same action reworded, as compare decides. */
const SAME_TEXT = 0.5;

/** Where a form's row went, matched as compare matches (same words, then number, then closest words). */
function whereNow(row: ReturnedRow, actions: ActionReport[], atRow: ActionReport | undefined): string {
  const same = actions.filter((a) => normal(a.description) === normal(row.description));
  if (same.length === 1) {
    const a = same[0];
    if (a.sheet === row.sheet && a.row === row.row) return `was renumbered from ${row.number ?? 'none'} to ${a.number ?? 'none'}`;
    const renumbered =
      String(a.number ?? '') !== String(row.number ?? '') ? `, renumbered from ${row.number ?? 'none'} to ${a.number ?? 'none'}` : '';
    return `has moved to row ${a.row}${a.sheet !== row.sheet ? ` of "${a.sheet}"` : ''}${renumbered}`;
  }
  if (same.length > 1) return `is now in the plan ${same.length} times (rows ${same.map((a) => a.row).join(', ')})`;
  if (atRow && similarity(atRow.description, row.description) >= 0.3)
    return `was reworded since the form was made (now "${clip(atRow.description)}")`;
  const scored = actions.map((a) => ({ a, s: similarity(a.description, row.description) })).sort((x, y) => y.s - x.s);
  if (scored.length && scored[0].s >= SAME_TEXT && (scored.length < 2 || scored[0].s - scored[1].s >= 0.08))
    return `was reworded and moved to row ${scored[0].a.row} (now "${clip(scored[0].a.description)}")`;
  return 'is no longer in the plan';
}

function rowName(r: { number: number | string | null; row: number; sheet: string; description: string }): string {
  const n = r.number !== null && r.number !== '' ? `Action ${r.number}` : 'The action';
  return `${n} ("${clip(r.description)}", row ${r.row} of "${r.sheet}")`;
}

function clip(s: string): string {
  const one = tidy(s);
  return one.length > 50 ? `${one.slice(0, 47).trimEnd()}...` : one;
}

function show(field: FormField, v: number | string | null): string {
  if (v === null || v === '') return 'nothing';
  if (field === 'percent') return `${v}%`;
  if (field === 'revised-target') return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatUkDate(String(v)) : String(v);
  return `"${clip(String(v))}"`;
}

/** The plan cell a field is written to. */
function writeTarget(field: FormField, r: RawAction): FieldCell | undefined {
  const f = r.fields;
  if (field === 'percent') return f.percent;
  if (field === 'status') return f.status;
  if (field === 'status-update') return f.statusUpdate;
  return f.revisedTarget ?? f.timescale;
}

/** The plan's value now, with the key an answer is compared with. */
function currentValue(field: FormField, a: ActionReport, r: RawAction): { value: number | string | null; key: string } {
  if (field === 'percent') return { value: a.percent, key: a.percent === null ? '' : String(a.percent) };
  if (field === 'revised-target') return { value: a.targetDate, key: a.targetDate ?? '' };
  const text = cellText((field === 'status' ? r.fields.status : r.fields.statusUpdate)?.cell);
  if (field === 'status') return { value: text || null, key: text ? (parseStatus(text).status ?? `?${tidy(text).toLowerCase()}`) : '' };
  return { value: text || null, key: tidy(text) };
}

/** The key of the value the form was sent with, comparable with {@link currentValue}'s. */
function sentKey(field: FormField, sent: number | string | null): string {
  if (sent === null || sent === '') return '';
  if (field === 'status') return parseStatus(String(sent)).status ?? '';
  if (field === 'status-update') return tidy(String(sent));
  return String(sent);
}

/**
 * The value to write, stored as the plan stores that column: a percentage as a fraction in a
 * percent-formatted cell (0.4 for 40%) and as 40 in a plain number cell, "40%" where the plan
 * types text; a date as a serial in a date cell and as text like the plan's in a text cell.
 * An empty cell follows the other cells of its column.
 */
function cellValue(
  field: FormField,
  value: number | string,
  target: FieldCell,
  r: RawAction,
  result: CheckResult,
): { value: string | number; format?: string } {
  if (field === 'status' || field === 'status-update') return { value: String(value) };
  const like = target.cell && (target.cell.value !== '' || target.cell.error) ? target.cell : columnSample(result, r, target.col, field);
  if (field === 'percent') {
    const n = value as number;
    if (like && typeof like.value === 'number' && like.format && isPercentFormat(like.format)) {
      return target.cell && typeof target.cell.value === 'number' ? { value: n / 100 } : { value: n / 100, format: like.format };
    }
    if (like && typeof like.value === 'string' && !like.error) return { value: /%/.test(like.value) ? `${n}%` : String(n) };
    return { value: n };
  }
  const iso = String(value);
  if (like && typeof like.value === 'string' && !like.error) return { value: ukDateLike(iso, like.value) };
  const serial = isoToSerial(iso, result.raw.date1904);
  const own = target.cell && typeof target.cell.value === 'number' && target.cell.format && isDateFormat(target.cell.format);
  if (own) return { value: serial };
  const format = like && typeof like.value === 'number' && like.format && isDateFormat(like.format) ? like.format : 'd mmm yyyy';
  return { value: serial, format };
}

/**
 * The most common kind of filled cell in the same column on the sheet's other actions, for an
 * empty cell (a Revised Target Date column with none filled in follows the target column).
 */
function columnSample(result: CheckResult, r: RawAction, col: number, field: FormField): RawCell | undefined {
  const sample = (at: number, pick: (x: RawAction) => FieldCell | undefined) => {
    const counts = new Map<string, { n: number; cell: RawCell }>();
    for (const x of result.raw.actions) {
      if (x.sheet !== r.sheet) continue;
      const fc = pick(x);
      if (!fc || fc.col !== at || !fc.cell || fc.cell.error || fc.cell.value === '') continue;
      const c = fc.cell;
      const shown = c.format && (isPercentFormat(c.format) || isDateFormat(c.format)) ? c.format : '';
      const kind = typeof c.value === 'number' ? `n:${shown}` : `s:${/%/.test(String(c.value))}`;
      const had = counts.get(kind);
      if (had) had.n++;
      else counts.set(kind, { n: 1, cell: c });
    }
    let best: { n: number; cell: RawCell } | undefined;
    for (const v of counts.values()) if (!best || v.n > best.n) best = v;
    return best?.cell;
  };
  if (field === 'percent') return sample(col, (x) => x.fields.percent);
  const dates = (x: RawAction) => (x.fields.revisedTarget?.col === col ? x.fields.revisedTarget : x.fields.timescale);
  const own = sample(col, dates);
  const t = r.fields.timescale;
  return own ?? (t && t.col !== col ? sample(t.col, (x) => x.fields.timescale) : undefined);
}

/** A date written as the plan writes its dates in text: "31/03/2021", "31/03/21", "31 March 2021", else "31 Mar 21". */
function ukDateLike(iso: IsoDate, like: string): string {
  const [y, m, d] = iso.split('-');
  const t = like.trim();
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) return `${d}/${m}/${y}`;
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(t)) return `${d}/${m}/${y.slice(2)}`;
  const short = formatUkDate(iso);
  if (/^\d{1,2}\s+[A-Za-z]{3,}\s+\d{4}$/.test(t)) return `${short.slice(0, short.lastIndexOf(' '))} ${y}`;
  return short;
}

// ---------------------------------------------------------------------------------------

/** A cell's text, trimmed ("" when empty or an error). */
function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.error) return '';
  return typeof cell.value === 'string' ? cell.value.trim() : String(cell.value);
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function normal(s: string): string {
  return foldLookalikes(s)
    .text.toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

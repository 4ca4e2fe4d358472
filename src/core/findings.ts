/**
 * Findings are data keyed by a stable `code`; every problem in a plan is collected, not
 * just the first. A finding keeps its place, the item it is about and the facts the rule
 * found; its message is written from those facts when it is shown (FINDING_MESSAGES, one
 * function per code, kept apart from the rules that raise findings).
 */
import { a1, columnLetters } from './cell';
import { type IsoDate, formatUkDate } from './parse/dates';
import { shortText } from './text';

/** Severity of a finding: errors make `plancheck validate` exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/** Every finding code with its severity. Codes are stable: scripts may rely on them. */
export const FINDING_SEVERITY = {
  'missing-owner': 'error',
  overdue: 'error',
  'unrecognised-date': 'error',
  'invalid-percent': 'error',
  'cell-error': 'error',
  'no-target-date': 'warning',
  'lookalike-characters': 'warning',
  'rag-mismatch': 'warning',
  'unknown-rag': 'warning',
  'duplicate-number': 'warning',
  'missing-status-update': 'warning',
  'missing-description': 'warning',
  'due-soon': 'info',
  'open-ended': 'info',
  'several-target-dates': 'info',
  'date-without-year': 'warning',
} as const satisfies Record<string, Severity>;

/** A finding code. */
export type FindingCode = keyof typeof FINDING_SEVERITY;

/** All codes, in documentation order. */
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

/**
 * What a finding is about: an action (by its index in `report.actions`, with its number as
 * written and its workstream), a workstream (by its index in `report.workstreams`), or a
 * piece of report metadata above the plan ("Report Date").
 */
export type FindingItem =
  | { kind: 'action'; index: number; number: string; workstream: string; row: number }
  | { kind: 'workstream'; index: number; title: string }
  | { kind: 'meta'; label: string };

/** The facts a finding's message is written from. Dates are ISO; text is as the cell holds it. */
export interface FindingFacts {
  /** The field the cell holds, where the finding is about one cell of the item ("lead officer"). */
  field?: string;
  /** The text read from the cell. */
  text?: string;
  /** The target date (for an unreadable date, what the readable part gave). */
  target?: IsoDate;
  percent?: number | null;
  days?: number;
  lead?: string;
  /** RAG: as stated (a word or "a red fill") and as computed, with the computed reason. */
  stated?: string;
  computed?: string;
  reason?: string;
  /** Lookalike characters: the text as read, and which characters were folded ("2 Cyrillic characters"). */
  read?: string;
  detail?: string;
  /** Duplicate numbers: the number and the rows it appears in. */
  number?: string;
  rows?: string;
  count?: number;
}

/** Where a finding is: the sheet, the Excel row (1-based) and the column (0-based). */
export interface FindingPlace {
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  /** 0-based column. */
  col: number;
}

/**
 * One problem found in a plan, located to its cell. `message` is written from the facts each
 * time it is read; `JSON.stringify` gives the report's shape (code, severity, sheet, row,
 * cell, message). Being a getter, `message` is not copied by object spread.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** Excel row number (1-based). */
  readonly row: number;
  /** 0-based column of the cell. */
  readonly col: number;
  /** A1 address of the cell to look at. */
  readonly cell: string;
  readonly item: FindingItem;
  readonly facts: FindingFacts;
  readonly message: string;
}

/**
 * How a message writes the text it takes from the plan and the facts: as it is, or already
 * escaped for the inside of a JSON string. The report's JSON then writes each of its 100,000
 * messages in one pass, instead of building it and then searching it for what to escape.
 * The words of the messages themselves are plain ASCII with no quote or backslash in them.
 */
export interface MessageForm {
  /** Text from the plan or from the facts (names, dates as typed, reasons). */
  text(s: string): string;
  /** The double quote put around quoted text. */
  readonly quote: string;
}

/** Messages as people read them. */
export const PLAIN_TEXT: MessageForm = { text: (s) => s, quote: '"' };

// Any fact as a template literal writes it (undefined as "undefined"), in the form's text.
const str = (m: MessageForm, v: unknown) => m.text(String(v));
const pct = (m: MessageForm, p: number | null | undefined) =>
  p === null || p === undefined ? 'has no progress recorded' : `is ${str(m, p)}% complete`;
const q = (m: MessageForm, s: string | undefined) => `${m.quote}${m.text(s ?? '')}${m.quote}`;
const ago = (m: MessageForm, days: number) => (days === 1 ? '1 day' : `${str(m, days)} days`);

// Reports repeat a few hundred dates across thousands of messages: each is written once.
const ukDates = new Map<string, string>();
function uk(m: MessageForm, iso: IsoDate | undefined): string {
  if (!iso) return '';
  let d = ukDates.get(iso);
  if (d === undefined) {
    if (ukDates.size >= 10_000) ukDates.clear();
    d = formatUkDate(iso);
    ukDates.set(iso, d);
  }
  return m.text(d);
}

// Findings of one workstream's items are shown together: its shortened title is kept.
let titleIn = '';
let titleOut = '';
function title50(title: string): string {
  if (title !== titleIn) {
    titleIn = title;
    titleOut = shortText(title, 50);
  }
  return titleOut;
}

/**
 * "Action 3 of "Financial Planning"": an action by its number and workstream; without a
 * number, "The action in row 12 of …" (or "Action of …" where the row is not shown). The one
 * way findings and owner lists name an action.
 */
export function actionName(number: string | number | null, workstream: string, row?: number, m: MessageForm = PLAIN_TEXT): string {
  const n = number === null ? '' : String(number).trim();
  const of = `of ${q(m, title50(workstream))}`;
  if (n) return `Action ${m.text(n)} ${of}`;
  return row === undefined ? `Action ${of}` : `The action in row ${m.text(String(row))} ${of}`;
}

/** The item as a message names it: "Action 3 of "…"", "Workstream "…"", "Report Date". */
export function itemName(item: FindingItem, m: MessageForm = PLAIN_TEXT): string {
  if (item.kind === 'action') return actionName(item.number, item.workstream, item.row, m);
  if (item.kind === 'workstream') return `Workstream ${q(m, shortText(item.title))}`;
  return m.text(item.label);
}

// An item's findings are written one after another: its name is kept for the next one.
let subjectItem: FindingItem | undefined;
let subjectForm: MessageForm | undefined;
let subjectName = '';

/** The item, and the field when the finding is about one of its cells: "Action 3 of "…" (lead officer)". */
function subject(f: Finding, m: MessageForm): string {
  if (f.item !== subjectItem || m !== subjectForm) {
    subjectItem = f.item;
    subjectForm = m;
    subjectName = itemName(f.item, m);
  }
  return f.facts.field ? `${subjectName} (${m.text(f.facts.field)})` : subjectName;
}

/**
 * Message writers, one per code: each says what is wrong and what to do. `m` (plain text
 * unless given) writes what comes from the plan and the facts; see {@link MessageForm}.
 */
export const FINDING_MESSAGES: Record<FindingCode, (f: Finding, m?: MessageForm) => string> = {
  'missing-owner': (f, m = PLAIN_TEXT) => `${subject(f, m)} has no lead officer: name who owns it.`,
  overdue: (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} was due ${uk(m, f.facts.target)} (${ago(m, f.facts.days ?? 0)} ago) and ${pct(m, f.facts.percent)}: record completion or agree a revised date${f.facts.lead ? ` with ${str(m, f.facts.lead)}` : ''}.`,
  'unrecognised-date': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: cannot read ${q(m, f.facts.text)} as a date${f.facts.detail ? ` (${str(m, f.facts.detail)})` : f.facts.target ? ` (the rest is read as ${uk(m, f.facts.target)})` : ''}: write it like ${m.quote}31 Mar 21${m.quote} or ${m.quote}31/03/2021${m.quote}.`,
  'invalid-percent': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: ${q(m, f.facts.text)} is not a percentage from 0 to 100: correct the progress figure.`,
  'cell-error': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: the cell shows the formula error ${str(m, f.facts.text)}: fix the formula or type the value.`,
  'no-target-date': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} has no target date${f.facts.text ? ` (${q(m, f.facts.text)})` : ''}: agree one so progress can be judged.`,
  'lookalike-characters': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: ${q(m, f.facts.text)} contains ${str(m, f.facts.detail)}; read as ${q(m, f.facts.read)}: retype it so searches and sorting work.`,
  'rag-mismatch': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} is stated ${str(m, f.facts.stated)} but the dates and progress say ${str(m, f.facts.computed)} (${str(m, f.facts.reason)}): update the stated status or the plan.`,
  'unknown-rag': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: status ${q(m, shortText(f.facts.text ?? '', 60))} is not a RAG or status word PlanCheck knows: use Red, Amber, Green or Blue, or a status such as Complete, In Progress, Not Started or Cancelled.`,
  'duplicate-number': (f, m = PLAIN_TEXT) =>
    `Action number ${str(m, f.facts.number)} appears more than once in ${q(m, title50(f.item.kind === 'action' ? f.item.workstream : itemName(f.item)))} (rows ${str(m, f.facts.rows)}): renumber so each action can be referred to.`,
  'missing-status-update': (f, m = PLAIN_TEXT) => `${subject(f, m)} has no status update: add a line on progress for members.`,
  'missing-description': (f, m = PLAIN_TEXT) => `${subject(f, m)} has no description: say what the action is.`,
  'due-soon': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} is due ${uk(m, f.facts.target)} (in ${ago(m, f.facts.days ?? 0)}) and ${pct(m, f.facts.percent)}.`,
  'open-ended': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} is open-ended (${q(m, f.facts.text)}): consider a review date so it can be tracked.`,
  'date-without-year': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)}: ${q(m, f.facts.text)} has no year; read as ${uk(m, f.facts.target)}, in the year of the report: write the year.`,
  'several-target-dates': (f, m = PLAIN_TEXT) =>
    `${subject(f, m)} has ${str(m, f.facts.count)} dates (${q(m, f.facts.text)}): the latest, ${uk(m, f.facts.target)}, is used as the target.`,
};

/** A finding's message, written from its facts (in `m`'s form: plain text unless given). */
export function renderFinding(f: Finding, m: MessageForm = PLAIN_TEXT): string {
  return FINDING_MESSAGES[f.code](f, m);
}

/** The stored form: place, item and facts; severity, cell address and message are worked out when read. */
class StoredFinding implements Finding {
  constructor(
    readonly code: FindingCode,
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    readonly item: FindingItem,
    readonly facts: FindingFacts,
  ) {}

  get severity(): Severity {
    return FINDING_SEVERITY[this.code];
  }

  get cell(): string {
    return a1(this.row - 1, this.col);
  }

  get message(): string {
    return renderFinding(this);
  }

  /** The report's JSON shape (ReportSchema's finding), in its key order. */
  toJSON(): { code: FindingCode; severity: Severity; sheet: string; row: number; cell: string; message: string } {
    return { code: this.code, severity: this.severity, sheet: this.sheet, row: this.row, cell: this.cell, message: this.message };
  }
}

/**
 * True for a finding as {@link makeFinding} builds it (not a subclass or a plain object, no
 * toJSON of its own): its JSON is what StoredFinding's toJSON gives (code, severity, sheet,
 * row, cell, message, read as its getters give them), so a writer may write that directly.
 */
export function isStoredFinding(value: unknown): value is Finding {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === StoredFinding.prototype &&
    (value as StoredFinding).toJSON === StoredFinding.prototype.toJSON
  );
}

/** Builds a finding from its code, place, item and facts; its severity comes from the code. */
export function makeFinding(code: FindingCode, where: FindingPlace, item: FindingItem, facts: FindingFacts = NO_FACTS): Finding {
  return new StoredFinding(code, where.sheet, where.row, where.col, item, facts);
}

/** {@link makeFinding} with its place given as sheet, Excel row (1-based) and 0-based column. */
export function findingAt(
  code: FindingCode,
  sheet: string,
  row: number,
  col: number,
  item: FindingItem,
  facts: FindingFacts = NO_FACTS,
): Finding {
  return new StoredFinding(code, sheet, row, col, item, facts);
}

// The facts of a finding that needs none: one object for all of them, frozen, as findings are read-only.
const NO_FACTS: FindingFacts = Object.freeze({});

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A cell's column in the order its letters sort ("A" < "AA" < "AB" < "B"): the letters read
 * as base-27 digits, padded on the right (0 for no letter), below 27^3.
 */
function letterRank(col: number): number {
  if (col < 26) return (col + 1) * 729;
  const letters = columnLetters(col);
  let rank = 0;
  for (let i = 0; i < 3; i++) rank = rank * 27 + (i < letters.length ? letters.charCodeAt(i) - 64 : 0);
  return rank;
}

/** Orders findings by sheet, row, severity, cell, then code, so reports are stable. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const idx = new Map(sheetOrder.map((s, i) => [s, i]));
  // Codes are [a-z-]: plain order of those is the order localeCompare gives them, without its cost.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Row, severity and column packed into one number per finding (2^21 rows, 4 ranks, 2^15
  // column ranks: under 2^38), so most comparisons are two subtractions.
  const n = findings.length;
  const sheets = new Int32Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    sheets[i] = idx.get(f.sheet) ?? 0;
    keys[i] = (f.row * 4 + SEVERITY_RANK[f.severity]) * 32_768 + letterRank(f.col);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => sheets[a] - sheets[b] || keys[a] - keys[b] || cmp(findings[a].code, findings[b].code) || a - b);
  return order.map((i) => findings[i]);
}

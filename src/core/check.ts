/**
 * The checker: interprets what the reader found (dates, percentages, leads, stated RAG),
 * computes RAG with reasons, and collects every finding. Bad data in cells becomes a
 * finding; nothing here throws on cell content.
 */
import { type RawCell, type WorkbookGrid, columnLetters } from './cell';
import { type Finding, type FindingCode, type FindingFacts, type FindingItem, findingAt, sortFindings } from './findings';
import type { Field } from './headers';
import type { ActionReport, Meta, Report, WorkstreamReport } from './model';
import { type IsoDate, daysBetween, formatUkDate, parseDateText, serialToIso } from './parse/dates';
import { foldLookalikes, hasLookalikes } from './parse/lookalike';
import { parseLeads } from './parse/leads';
import { isDateFormat } from './parse/numfmt';
import { parsePercent } from './parse/percent';
import { ragFromFill } from './parse/fill';
import { type ActionStatus, parseStatus, parseStatusCell } from './parse/status';
import { type Timescale, parseTimescale } from './parse/timescale';
import { compactText, shortText } from './text';
import { type RagInput, type RagResult, computeRag, isOverdue, ragCounts, rollUpRag } from './rag';
import { type FieldCell, type RawPlan, type ReadOptions, FieldReader, LOOKED_FOR, checkedFields, readPlan } from './read';
import type { Settings } from './settings';
import type { RagLabel } from './sheetspec';

/** Options for one check. */
export interface CheckOptions extends ReadOptions {
  /** File name shown in the report. */
  file: string;
  /** The as-of date; defaults to the plan's Report Date, else `today`. */
  asOf?: IsoDate;
  /** Today's date, given by the caller so the core stays pure and testable. */
  today: IsoDate;
  settings: Settings;
  /**
   * The plan as {@link planReadOptions} read it from this same grid, when the caller read it
   * already (the Excel adapter needs the plan's columns to know which fills to fetch).
   */
  raw?: RawPlan;
}

/** How a check reads the plan: the sheet asked for, and the column map in the settings. */
export function planReadOptions(options: CheckOptions): ReadOptions {
  return {
    sheet: options.sheet,
    columns: options.columns ?? options.settings.columns,
    headerRow: options.headerRow ?? options.settings.headerRow,
  };
}

/** The result of a check: the report, plus what was read (for summary and highlights). */
export interface CheckResult {
  report: Report;
  raw: RawPlan;
  /** True when no workstream or action was found anywhere. */
  noPlan: boolean;
}

/**
 * Explains, for a workbook without a plan, what was looked for and where, lists the rows
 * that looked most like a header, and says how to name the columns (the CLI's `--columns`,
 * or the pane's "Set columns…"), so "No plan found" is never a dead end.
 */
export function describeNoPlan(raw: RawPlan, how: 'cli' | 'pane' = 'cli'): string {
  const where = raw.sheetsWithoutPlan.length ? raw.sheetsWithoutPlan : raw.sheets;
  const lines = [
    `No plan found: looked on ${where.length === 1 ? 'sheet' : 'sheets'} ${where.map((s) => `"${s}"`).join(', ')} for ${LOOKED_FOR}.`,
  ];
  if (raw.headerCandidates.length) {
    lines.push('Rows that look like headers:');
    for (const c of raw.headerCandidates) {
      lines.push(`  "${c.sheet}" row ${c.row + 1}: ${c.cells.map((x) => `${columnLetters(x.col)} "${shortText(x.text, 30)}"`).join(', ')}`);
    }
  }
  const example = exampleMap(raw);
  lines.push(
    how === 'cli'
      ? `Name the columns yourself: --columns ${example} (a column letter or the header's exact text; add --header-row N if needed).`
      : `Name the columns yourself with "Set columns…" (for example ${example.replace(/,/g, ', ')}).`,
  );
  return lines.join('\n');
}

/** An example column map from the best header-like row, for the "no plan" message. */
function exampleMap(raw: RawPlan): string {
  const c = raw.headerCandidates[0];
  if (!c || c.cells.length < 2) return 'action=B,lead=C,target=D';
  const names = ['action', 'lead', 'target', 'status'];
  return c.cells
    .slice(0, 4)
    .map((x, i) => `${names[i]}=${columnLetters(x.col)}`)
    .join(',');
}

/** Reads, interprets and judges a whole workbook. */
export function checkWorkbook(grid: WorkbookGrid, options: CheckOptions): CheckResult {
  // The column map lives in the settings, so every front end (and the ribbon) reads a plan alike.
  const raw = options.raw ?? readPlan(grid, planReadOptions(options));
  const findings: Finding[] = [];
  const ctx = new Context(raw, findings);
  const meta = readMeta(raw, ctx);
  const asOfSource: Report['asOfSource'] = options.asOf ? 'option' : meta.reportDate ? 'report-date' : 'today';
  const asOf = options.asOf ?? meta.reportDate ?? options.today;
  ctx.asOfYear = Number(asOf.slice(0, 4));
  const { settings } = options;

  // One record and set of field cells for every action, refilled each time: nothing the checker
  // keeps (findings, the report) holds a FieldCell, only places copied from one.
  const fieldReader = new FieldReader();
  const ragInput: RagInput = { percent: null, target: null, start: null, asOf, status: null, statusWord: null };
  const judged: Judged = {
    kind: 'action',
    sheet: '',
    row: 0,
    f: {},
    lacks: undefined,
    description: '',
    statusUpdate: null,
    leads: [],
    percent: null,
    target: null,
    targetField: undefined,
    said: { rag: null, field: undefined, text: '', status: null, word: null },
    result: { rag: 'Not Started', reason: '' },
    asOf,
    dueSoonDays: settings.dueSoonDays,
  };
  // Actions grouped by workstream, and their numbers noted, as they are judged: one pass over
  // a council-wide plan's thousands of each.
  const byWorkstream: ActionReport[][] = raw.workstreams.map(() => []);
  const hasActions: boolean[] = raw.workstreams.map(() => false);
  const numbering = new Numbering();
  const actions: ActionReport[] = raw.actions.map((a, index) => {
    const ws = raw.workstreams[a.workstream];
    const f = fieldReader.read(a.fields);
    ctx.aboutAction(index, f.number?.cell, ws.title, a.row);
    const number = readNumber(f.number?.cell);
    // A bullet typed in Word ("§ Deliver…", "• Deliver…") is not part of what the action says.
    const description = stripBullet(ctx.text(f.action, 'description'));
    const scheduled = ctx.schedule(f);
    const { timescale } = scheduled;
    let { target, history } = scheduled;
    let targetField = scheduled.field;
    // "B/Fwd Oct 2010" in the status column: the item was carried forward to a later date.
    const forward = ctx.carriedForward(f.status ?? f.rag);
    if (forward && (!target || forward > target)) {
      if (target) history = [...new Set([...history, target])].sort();
      target = forward;
      targetField = f.status ?? f.rag;
    }
    const leads = ctx.leads(ctx.text(f.lead, 'lead officer', true));
    const percent = ctx.percent(f.percent);
    const start = ctx.date(f.start);
    const said = ctx.stated(f, timescale);
    ragInput.percent = percent;
    ragInput.target = target;
    ragInput.start = start;
    ragInput.status = said.status;
    ragInput.statusWord = said.word;
    const result = ctx.rag(ragInput, settings);
    // One record judged at a time, refilled: the rules read it and keep nothing of it.
    judged.sheet = a.sheet;
    judged.row = a.row;
    judged.f = f;
    judged.lacks = a.lacks;
    judged.description = description;
    judged.leads = leads;
    judged.percent = percent;
    judged.target = target;
    judged.targetField = targetField;
    judged.said = said;
    judged.result = result;
    ctx.judge(judged);
    const judgedAction: ActionReport = {
      sheet: a.sheet,
      row: a.row + 1,
      workstream: ws.title,
      number,
      description,
      timescale: timescale.text,
      targetDate: target,
      milestones: ctx.reportMilestones(timescale.milestones),
      targetHistory: history,
      leads,
      reportRefs: ctx.plainText(f.reportRef?.cell),
      percent,
      statedRag: said.rag,
      previousStatedRag: ctx.quietRag(f.previousRag),
      status: said.status,
      rag: result.rag,
      ragReason: result.reason,
    };
    hasActions[a.workstream] = true;
    // Dropped actions (cancelled, superseded…) are left out of every roll-up and count.
    if (said.status !== 'dropped') byWorkstream[a.workstream].push(judgedAction);
    if (number !== null) numbering.note(a.workstream, number, index);
    return judgedAction;
  });
  numbering.raise(raw, actions, ctx);

  const workstreams: WorkstreamReport[] = raw.workstreams.map((w, index) => {
    const mine = byWorkstream[index];
    if (w.kind !== 'row') {
      const rolled =
        mine.length === 0 && hasActions[index]
          ? { rag: 'Not Started' as const, reason: 'every action dropped (cancelled, superseded or withdrawn)' }
          : rollUpRag(mine.map((a) => a.rag));
      // One pass: the latest target, the mean percentage, every lead once.
      let latest: IsoDate | null = null;
      let sum = 0;
      let counted = 0;
      const leads = new Set<string>();
      for (let i = 0; i < mine.length; i++) {
        const a = mine[i];
        if (a.targetDate !== null && (latest === null || a.targetDate > latest)) latest = a.targetDate;
        if (a.percent !== null) {
          sum += a.percent;
          counted++;
        }
        for (let k = 0; k < a.leads.length; k++) leads.add(a.leads[k]);
      }
      return {
        sheet: w.sheet,
        row: w.row + 1,
        title: w.title,
        leads: [...leads],
        targetDate: latest,
        targetHistory: [],
        percent: counted ? Math.round(sum / counted) : null,
        priority: null,
        statedRag: null,
        status: null,
        rag: rolled.rag,
        ragReason: rolled.reason,
        statusUpdate: null,
        decisions: null,
        actionCount: mine.length,
      };
    }
    const f = checkedFields(w.fields);
    ctx.aboutWorkstream(index, w.title);
    const { timescale, field: targetField, target, history } = ctx.schedule(f);
    const leads = ctx.leads(ctx.text(f.lead, 'lead', true));
    const percent = ctx.percent(f.percent);
    const said = ctx.stated(f, timescale);
    const start = ctx.date(f.start);
    const statusUpdate = ctx.text(f.statusUpdate, 'status update') || null;
    const decisions = ctx.text(f.decisions, 'decisions') || null;
    const result =
      percent !== null || target !== null || said.status !== null || mine.length === 0
        ? ctx.rag({ percent, target: target, start, asOf, status: said.status, statusWord: said.word }, settings)
        : rollUpRag(mine.map((a) => a.rag));
    ctx.judge({
      kind: 'workstream',
      sheet: w.sheet,
      row: w.row,
      f,
      lacks: undefined,
      description: '',
      statusUpdate,
      leads,
      percent,
      target: target,
      targetField,
      said,
      result,
      asOf,
      dueSoonDays: settings.dueSoonDays,
    });
    return {
      sheet: w.sheet,
      row: w.row + 1,
      title: w.title,
      leads,
      targetDate: target,
      targetHistory: history,
      percent,
      priority: readPriority(f.priority?.cell),
      statedRag: said.rag,
      status: said.status,
      rag: result.rag,
      ragReason: result.reason,
      statusUpdate,
      decisions,
      actionCount: mine.length,
    };
  });

  const sorted = sortFindings(findings, raw.sheets);
  // Counted by index: these loops run once per check, mostly before the compiler has seen them,
  // and an iterator there costs an object per step.
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < sorted.length; i++) bySeverity[sorted[i].severity]++;
  let dropped = 0;
  const liveRags: RagLabel[] = [];
  for (let i = 0; i < actions.length; i++) {
    if (actions[i].status === 'dropped') dropped++;
    else liveRags.push(actions[i].rag);
  }
  const report: Report = {
    file: options.file,
    asOf,
    asOfSource,
    meta,
    workstreams,
    actions,
    findings: sorted,
    counts: {
      errors: bySeverity.error,
      warnings: bySeverity.warning,
      infos: bySeverity.info,
      workstreamRag: ragCounts(workstreams.map((w) => w.rag)),
      actionRag: ragCounts(liveRags),
      dropped,
    },
  };
  return { report, raw, noPlan: workstreams.length === 0 && actions.length === 0 };
}

/** A record's fields as the checker holds them: read once, all together (checkedFields). */
type Fields = Partial<Record<Field, FieldCell>>;

/** An action or workstream as interpreted: what the judging rules look at. */
interface Judged {
  kind: 'action' | 'workstream';
  sheet: string;
  /** 0-based row of the record. */
  row: number;
  f: Fields;
  /** Fields the table has no column for (actions only). */
  lacks: readonly Field[] | undefined;
  description: string;
  statusUpdate: string | null;
  leads: string[];
  percent: number | null;
  target: IsoDate | null;
  /** The cell the target was read from. */
  targetField: FieldCell | undefined;
  said: Stated;
  result: RagResult;
  asOf: IsoDate;
  dueSoonDays: number;
}

/**
 * Raises a rule's finding about the record being judged: at a field's cell (or, with none, at
 * the record's first column), with its facts.
 */
type Raise = (at: FieldCell | undefined, facts?: FindingFacts) => void;

/** Dropped (cancelled, superseded…) or complete: nothing left to chase. */
const closed = (r: Judged) => r.said.status === 'dropped' || r.result.rag === 'Complete';
const dropped = (r: Judged) => r.said.status === 'dropped';
/** The record's own cell, for what its table has no column for. */
const self = (r: Judged) => r.f.action ?? r.f.number;

/**
 * The judging rules, keyed by the code they raise: each a function of an interpreted record.
 * Codes raised while a cell is read (formula errors, lookalikes, unreadable dates and
 * percentages, unknown status words, TBC and open-ended targets) are raised by the reading
 * in Context; numbering is judged across a workstream (Numbering).
 */
const RULES: Partial<Record<FindingCode, (r: Judged, raise: Raise) => void>> = {
  'missing-owner': (r, raise) => {
    const lead = r.f.lead;
    // A dropped action needs no owner; a workstream row keeps its own.
    if (lead && r.leads.length === 0 && !lead.cell?.error && (r.kind === 'workstream' || !dropped(r))) raise(lead);
    if (r.lacks?.includes('lead') && !closed(r)) raise(self(r));
  },
  'missing-description': (r, raise) => {
    if (r.kind === 'action' && r.f.action && !r.description && !r.f.action.cell?.error) raise(r.f.action);
  },
  'missing-status-update': (r, raise) => {
    if (r.kind === 'workstream' && r.f.statusUpdate && !r.statusUpdate && !r.f.statusUpdate.cell?.error) raise(r.f.statusUpdate);
  },
  'no-target-date': (r, raise) => {
    if (r.lacks?.includes('timescale') && !closed(r)) raise(self(r));
  },
  overdue: (r, raise) => {
    if (isOverdue({ targetDate: r.target, rag: r.result.rag, status: r.said.status }, r.asOf)) {
      raise(r.targetField, { target: r.target!, days: daysBetween(r.target!, r.asOf), percent: r.percent, lead: r.leads.join(' / ') });
    }
  },
  'due-soon': (r, raise) => {
    if (!r.target || closed(r) || (r.percent !== null && r.percent >= 100)) return;
    const left = daysBetween(r.asOf, r.target);
    if (left >= 0 && left <= r.dueSoonDays) raise(r.targetField, { target: r.target, days: left, percent: r.percent });
  },
  'rag-mismatch': (r, raise) => {
    if (r.said.rag && r.said.rag !== r.result.rag && !dropped(r)) {
      raise(r.said.field, { stated: r.said.text, computed: r.result.rag, reason: r.result.reason });
    }
  },
};
const JUDGED_CODES = Object.keys(RULES) as FindingCode[];
const JUDGING = JUDGED_CODES.map((code) => RULES[code]!);

/** The text without a leading bullet mark (Word's "§", "•", "·", "▪", "o", "-", "*"). */
function stripBullet(text: string): string {
  // Most descriptions start with a capital letter: no bullet to look for.
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return text;
  return /^[§•·▪◦‣∙*o-]\s/.test(text) ? text.replace(/^[§•·▪◦‣∙*o-]\s+/, '') : text;
}

/** Cell text this short repeats across a plan (dates, leads, keywords): worth remembering. */
const MEMO_MAX = 64;

function readNumber(cell: RawCell | undefined): number | string | null {
  if (!cell || cell.error) return null;
  if (typeof cell.value === 'number') return cell.value;
  const t = String(cell.value).trim().replace(/[.)]$/, '');
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}

function readPriority(cell: RawCell | undefined): number | string | null {
  return readNumber(cell);
}

function isFilled(cell: RawCell): boolean {
  return !(typeof cell.value === 'string' && !cell.value.trim());
}

/** A target cell as read: its dates, its text, and any status typed there instead of a date. */
type ReadTimescale = Timescale & { text: string; status?: ActionStatus | null; statusWord?: string | null };

/** A day and month, or a month alone, with no year: "14 Aug", "30 Sept", "June", "end of March". */
const YEARLESS =
  /^(?:(?:end of|by( the end of)?|by end)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/** "B/Fwd Oct 2010", "Carried forward to March 2021", "Deferred until June 2021 meeting". */
const CARRIED_FORWARD =
  /^(?:b\/?\s?fwd|brought forward|carried forward|c\/f|deferred|postponed|moved|rescheduled)(?:\s+(?:to|until|till))?\s+(?:the\s+)?(.{3,40}?)(?:\s+meeting)?\.?$/i;

/** One RAG or Status cell as read: its words (or fill), and the cell. */
type StatusRead = ReturnType<typeof parseStatusCell> & { field: FieldCell | undefined; text: string };

/** Refills a cell's reading (one per column, reused record by record). */
function fillStatus(
  into: StatusRead,
  rag: RagLabel | null,
  status: ActionStatus | null,
  known: boolean,
  word: string | null,
  field: FieldCell,
  text: string,
): StatusRead {
  into.rag = rag;
  into.status = status;
  into.known = known;
  into.word = word;
  into.field = field;
  into.text = text;
  return into;
}

/** What a plan states about a record: its RAG (where and as written) and its status. */
interface Stated {
  rag: RagLabel | null;
  field: FieldCell | undefined;
  text: string;
  status: ActionStatus | null;
  word: string | null;
}

const NOT_A_DATE = 'a number, not a date';

// Shared by every record with no history or no milestones (most of them); frozen, so a reader
// that tried to add to one would fail at once rather than change every record.
const NO_DATES = Object.freeze([]) as unknown as IsoDate[];
const NO_MILESTONES = Object.freeze([]) as unknown as ActionReport['milestones'];
const NONE_READ = Object.freeze([]) as never[];

/** A target cell that gives no date. */
function noTimescale(text: string): ReadTimescale {
  return {
    milestones: NONE_READ,
    target: null,
    keywords: NONE_READ,
    unparsed: NONE_READ,
    history: NO_DATES,
    text,
  };
}

// No target cell, or an empty or broken one: the same (read-only) reading for all of them.
const NO_TIMESCALE: ReadTimescale = Object.freeze(noTimescale(''));

/** Runs of spaces, tabs and line breaks as one space, and none at either end. */
function tidySpaces(t: string): string {
  return t.replace(/\s+/g, ' ').trim();
}

/** Needs its spaces tidied: whitespace other than a space, two spaces, or a space at either end. */
function untidy(t: string): boolean {
  return t.charCodeAt(0) === 32 || t.charCodeAt(t.length - 1) === 32 || /[^\S ]| {2}/.test(t);
}

// Outside printable ASCII, or two spaces: one search in native code.
const NOT_PLAIN_ASCII = /[^\x20-\x7e]| {2}/;

/**
 * Printable ASCII with single spaces inside, and none at either end: already tidy, and no
 * lookalike can hide in it. One pass that most descriptions pass, instead of two searches
 * (the ends are looked at apart: as alternatives of the search they were tried at every
 * character, a fifth of its time).
 */
function plainAscii(t: string): boolean {
  return t.length > 0 && t.charCodeAt(0) !== 32 && t.charCodeAt(t.length - 1) !== 32 && !NOT_PLAIN_ASCII.test(t);
}

/** A colour for messages: "a red fill". */
function fillName(rag: RagLabel): string {
  return { Concern: 'red', Caution: 'amber', 'On Target': 'green', Complete: 'blue', 'Not Started': 'grey' }[rag];
}

/** Serial numbers this far apart are dates that lost their format (1950 to 2100). */
const PLAUSIBLE_SERIAL = [18264, 73051];

/** Collects findings with their cells, and interprets field cells. */
class Context {
  // Plans repeat short values thousands of times ("30 Jun 20", "J Craig"): parse each once.
  private readonly folds = new Map<string, ReturnType<typeof foldLookalikes> & { tidy: string }>();
  private readonly timescales = new Map<string, Timescale>();
  private readonly leadLists = new Map<string, string[]>();
  private readonly readTimescales = new WeakMap<Timescale, ReadTimescale>();
  private readonly byDate = new Map<IsoDate, ReadTimescale>();
  private readonly milestoneLists = new WeakMap<Timescale['milestones'], ActionReport['milestones']>();
  private readonly reasons = new Map<string, string>();
  private readonly simpleRags = new Map<IsoDate | null, Map<number | null, RagResult>>();
  private readonly statusMemo = new Map<string, ReturnType<typeof parseStatusCell> & { commentary: boolean }>();
  /** The as-of date's year, for dates written without one ("14 Aug"). */
  asOfYear: number | null = null;

  // The item findings are about now, made only when one is raised (most records raise none).
  private item: FindingItem | null = null;
  private itemKind: 'action' | 'workstream' | 'meta' = 'meta';
  private itemIndex = 0;
  private itemNumber: RawCell | undefined;
  private itemTitle = '';
  private itemRow = 0;

  constructor(
    private readonly raw: RawPlan,
    private readonly findings: Finding[],
  ) {}

  /** Findings from here on are about this action (0-based row). */
  aboutAction(index: number, numberCell: RawCell | undefined, workstream: string, row: number): void {
    this.item = null;
    this.itemKind = 'action';
    this.itemIndex = index;
    this.itemNumber = numberCell;
    this.itemTitle = workstream;
    this.itemRow = row;
  }

  /** Findings from here on are about this workstream. */
  aboutWorkstream(index: number, title: string): void {
    this.item = null;
    this.itemKind = 'workstream';
    this.itemIndex = index;
    this.itemTitle = title;
  }

  /** Findings from here on are about report metadata ("Report Date"). */
  aboutMeta(label: string): void {
    this.item = null;
    this.itemKind = 'meta';
    this.itemTitle = label;
  }

  private current(): FindingItem {
    if (this.item) return this.item;
    if (this.itemKind === 'action') {
      const n = this.itemNumber;
      const number = n && !n.error ? String(n.value).trim() : '';
      this.item = { kind: 'action', index: this.itemIndex, number, workstream: this.itemTitle, row: this.itemRow + 1 };
    } else if (this.itemKind === 'workstream') this.item = { kind: 'workstream', index: this.itemIndex, title: this.itemTitle };
    else this.item = { kind: 'meta', label: this.itemTitle };
    return this.item;
  }

  /** Runs the judging rules on an interpreted record. */
  judge(r: Judged): void {
    this.judging = r;
    for (let i = 0; i < JUDGING.length; i++) JUDGING[i](r, this.raisers[i]);
  }

  // The record the rules are judging, and each rule's way of raising its code about it.
  private judging: Judged | null = null;
  private readonly raisers: Raise[] = JUDGED_CODES.map((code) => (fc, facts) => {
    if (fc) this.add(code, fc, facts);
    else this.addAt(code, this.judging!.sheet, this.judging!.row, facts);
  });

  /**
   * The RAG with its reason kept once. Most records have only a target and a percentage, and
   * plans repeat those pairs: each pair's RAG is worked out once (the settings and as-of date
   * are the check's own).
   */
  rag(input: RagInput, settings: Settings): RagResult {
    const simple = !input.start && !input.status && !input.statusWord;
    let byPercent = simple ? this.simpleRags.get(input.target) : undefined;
    const hit = byPercent?.get(input.percent);
    if (hit) return hit;
    const computed = computeRag(input, settings);
    const result = { rag: computed.rag, reason: this.reason(computed.reason) };
    if (simple) {
      if (!byPercent) this.simpleRags.set(input.target, (byPercent = new Map()));
      byPercent.set(input.percent, result);
    }
    return result;
  }

  /** One stored copy of each RAG reason: 100,000 actions have a few thousand different ones. */
  reason(text: string): string {
    let kept = this.reasons.get(text);
    if (kept === undefined) {
      kept = compactText(text);
      this.reasons.set(kept, kept);
    }
    return kept;
  }

  /** Lookalikes folded, and the folded text with its spaces tidied. */
  private fold(text: string): ReturnType<typeof foldLookalikes> & { tidy: string } {
    const hit = this.folds.get(text);
    if (hit) return hit;
    const folded = foldLookalikes(text);
    // Most cells are already tidy: only rebuild the string when a space needs tidying.
    const t = folded.text;
    const out = { text: t, found: folded.found, tidy: untidy(t) ? tidySpaces(t) : t };
    if (text.length <= MEMO_MAX) this.folds.set(text, out);
    return out;
  }

  private parseTimescale(text: string): Timescale {
    let t = this.timescales.get(text);
    if (!t) {
      t = parseTimescale(text);
      if (text.length <= MEMO_MAX) this.timescales.set(text, t);
    }
    return t;
  }

  /**
   * The leads named in a lead cell's text. Plans name the same leads on thousands of rows: the
   * list is shared by every record with that text (a report's lists are read-only; nothing in
   * PlanCheck changes one, and a copy per action cost a 100,000-action plan 100,000 arrays).
   */
  leads(text: string): string[] {
    let list = this.leadLists.get(text);
    if (!list) {
      list = parseLeads(text);
      if (text.length <= MEMO_MAX) this.leadLists.set(text, list);
    }
    return list;
  }

  /** A date typed as a date, read: one object per date (read-only, as {@link asRead}). */
  private serialRead(iso: IsoDate): ReadTimescale {
    let read = this.byDate.get(iso);
    if (!read) {
      read = {
        milestones: [{ iso, label: null, text: iso }],
        target: iso,
        keywords: NONE_READ,
        unparsed: NONE_READ,
        history: NO_DATES,
        text: formatUkDate(iso),
      };
      this.byDate.set(iso, read);
    }
    return read;
  }

  /**
   * A timescale's milestones as the report lists them. A parsed timescale is shared by every
   * cell with its text, and so is this list (read-only, like the leads); a plan of 100,000 actions
   * mostly repeats a few hundred dates.
   */
  reportMilestones(milestones: Timescale['milestones']): ActionReport['milestones'] {
    if (milestones.length === 0) return NO_MILESTONES;
    let list = this.milestoneLists.get(milestones);
    if (!list) {
      list = milestones.map((m) => ({ date: m.iso, label: m.label }));
      this.milestoneLists.set(milestones, list);
    }
    return list;
  }

  /** Raises a finding about the current item. */
  add(code: FindingCode, fc: FieldCell, facts?: FindingFacts): void {
    this.findings.push(findingAt(code, fc.sheet, fc.row + 1, fc.col, this.current(), facts));
  }

  /** Raises a finding about the current item at a row's first column (0-based row). */
  addAt(code: FindingCode, sheet: string, row: number, facts?: FindingFacts): void {
    this.findings.push(findingAt(code, sheet, row + 1, 0, this.current(), facts));
  }

  plainText(cell: RawCell | undefined): string {
    if (!cell || cell.error) return '';
    return typeof cell.value === 'string' ? cell.value.trim() : String(cell.value);
  }

  textOf(fc: FieldCell | undefined): string {
    return this.plainText(fc?.cell);
  }

  /** A cell's text with lookalikes folded; reports lookalikes and formula errors. */
  text(fc: FieldCell | undefined, label: string, keepLines = false): string {
    if (!fc?.cell) return '';
    if (this.cellError(fc, label)) return '';
    const text = this.plainText(fc.cell);
    if (typeof fc.cell.value !== 'string') return text;
    // Long text (a description) is rarely repeated and rarely holds lookalikes: no memo, no copies.
    if (text.length > MEMO_MAX) {
      if (plainAscii(text)) return text;
      if (!hasLookalikes(text)) return untidy(text) && !(keepLines && text.includes('\n')) ? tidySpaces(text) : text;
    }
    const folded = this.fold(text);
    if (folded.found.length > 0) this.lookalikes(fc, label, text, folded);
    // A stacked lead cell keeps its lines: each line is a lead, and "ditto" repeats the one above.
    return keepLines && folded.text.includes('\n') ? folded.text : folded.tidy;
  }

  private lookalikes(fc: FieldCell, label: string, text: string, folded: ReturnType<typeof foldLookalikes>) {
    const scripts = [...new Set(folded.found.map((f) => f.script))];
    const kind = scripts.length === 1 && scripts[0] === 'Invisible' ? 'invisible characters' : `${scripts.join(' and ')} characters`;
    const detail = `${folded.found.length} ${kind}`;
    this.add('lookalike-characters', fc, { field: label, text, detail, read: folded.text });
  }

  private cellError(fc: FieldCell, label: string): boolean {
    if (!fc.cell?.error) return false;
    this.add('cell-error', fc, { field: label, text: String(fc.cell.value) });
    return true;
  }

  timescale(fc: FieldCell | undefined): ReadTimescale {
    if (!fc) return NO_TIMESCALE;
    const cell = fc.cell;
    if (!cell || (typeof cell.value === 'string' && !cell.value.trim())) {
      this.add('no-target-date', fc);
      return NO_TIMESCALE;
    }
    if (this.cellError(fc, 'target date')) return NO_TIMESCALE;
    if (typeof cell.value === 'number') {
      const iso = this.serial(cell);
      if (iso) return this.serialRead(iso);
      this.add('unrecognised-date', fc, { text: String(cell.value), detail: NOT_A_DATE });
      return noTimescale(String(cell.value));
    }
    if (typeof cell.value === 'boolean') {
      this.add('unrecognised-date', fc, { text: String(cell.value) });
      return noTimescale(String(cell.value));
    }
    const text = cell.value.trim();
    const folded = this.fold(text);
    // "Completed" or "Achieved" typed where the date goes is status, not a bad date.
    if (!/\d/.test(folded.text) && this.parseTimescale(folded.text).keywords.length === 0) {
      const st = parseStatus(folded.text);
      if (st.status === 'complete' || st.status === 'dropped' || (st.status && folded.text.length <= 30))
        return { ...noTimescale(text), status: st.status, statusWord: st.word };
    }
    if (folded.found.length > 0) this.lookalikes(fc, 'target date', text, folded);
    let t = this.parseTimescale(text);
    // "14 Aug", "June": a day and month, or a month, with no year anywhere in the cell. Read in
    // the year of the as-of date, and say so: the plan should write the year.
    if (t.milestones.length === 0 && this.asOfYear && YEARLESS.test(folded.text)) {
      const guessed = this.parseTimescale(`${folded.text} ${this.asOfYear}`);
      if (guessed.target && guessed.unparsed.length === 0) {
        this.add('date-without-year', fc, { text, target: guessed.target });
        t = guessed;
      }
    }
    if (t.unparsed.length > 0 || (t.milestones.length === 0 && t.keywords.length === 0)) {
      // Part of the cell read as a date: the facts keep the date the rest gave.
      this.add('unrecognised-date', fc, t.milestones.length ? { text, target: t.target! } : { text });
    }
    if (t.target === null && t.keywords.includes('tbc')) this.add('no-target-date', fc, { text });
    else if (t.target === null && t.keywords.length > 0) this.add('open-ended', fc, { text });
    if (t.milestones.length > 1) {
      this.add('several-target-dates', fc, { text, count: t.milestones.length, target: t.target! });
    }
    return this.asRead(t, text);
  }

  /**
   * A parsed timescale with the cell text it was read from: one object for every cell with the
   * same text (read-only; the record's target and history are worked out beside it).
   */
  private asRead(t: Timescale, text: string): ReadTimescale {
    const kept = this.readTimescales.get(t);
    if (kept && kept.text === text) return kept;
    // Written out rather than spread: the parsed timescale comes in two shapes.
    const read: ReadTimescale = {
      milestones: t.milestones,
      target: t.target,
      keywords: t.keywords,
      unparsed: t.unparsed,
      history: t.history,
      status: t.status,
      statusWord: t.statusWord,
      text,
    };
    this.readTimescales.set(t, read);
    return read;
  }

  /**
   * The target of a record: the Revised Target Date where the plan has one filled in, else
   * the Timescale; every earlier date the plan records (the replaced timescale, an Original
   * Target Date column, "revised from" in the cell) becomes the history, oldest first.
   */
  schedule(f: Fields): { timescale: ReadTimescale; field: FieldCell | undefined; target: IsoDate | null; history: IsoDate[] } {
    const revised = f.revisedTarget?.cell;
    const useRevised = (revised !== undefined && isFilled(revised)) || (f.revisedTarget !== undefined && !f.timescale);
    const field = useRevised ? f.revisedTarget : f.timescale;
    // The cell as read is shared by every cell with its text: the target and history are worked out beside it.
    const timescale = this.timescale(field);
    const target = timescale.target;
    const replaced = useRevised && f.timescale?.cell ? this.quietTarget(f.timescale.cell) : null;
    const original = f.originalTarget?.cell ? this.quietTarget(f.originalTarget.cell) : null;
    // Most records keep no history: skip building sets for them.
    if (timescale.history.length === 0 && !replaced && !original) return { timescale, field, target, history: NO_DATES };
    const earlier = [...timescale.history];
    if (replaced) earlier.push(replaced);
    if (original) earlier.push(original);
    return { timescale, field, target, history: [...new Set(earlier)].filter((d) => d !== target).sort() };
  }

  /** A date from a cell that is only history: read without findings. */
  private quietTarget(cell: RawCell): IsoDate | null {
    if (cell.error) return null;
    if (typeof cell.value === 'number') return this.serial(cell);
    if (typeof cell.value !== 'string') return null;
    return this.parseTimescale(this.fold(cell.value).text).target;
  }

  private serial(cell: RawCell): IsoDate | null {
    const v = cell.value as number;
    const dated = cell.format ? isDateFormat(cell.format) : false;
    if (dated || (v >= PLAUSIBLE_SERIAL[0] && v <= PLAUSIBLE_SERIAL[1] && Number.isInteger(v))) {
      return serialToIso(v, this.raw.date1904);
    }
    return null;
  }

  /** A single date (a start date, or report metadata). */
  date(fc: FieldCell | undefined): IsoDate | null {
    if (!fc?.cell) return null;
    if (this.cellError(fc, 'date')) return null;
    const v = fc.cell.value;
    if (typeof v === 'number') {
      const iso = this.serial(fc.cell);
      if (!iso) this.add('unrecognised-date', fc, { text: String(v), detail: NOT_A_DATE });
      return iso;
    }
    const text = String(v).trim();
    if (!text) return null;
    const d = parseDateText(this.fold(text).text);
    if (!d) this.add('unrecognised-date', fc, { text });
    return d ? d.iso : null;
  }

  percent(fc: FieldCell | undefined): number | null {
    if (!fc?.cell) return null;
    const p = parsePercent(fc.cell);
    if (p.problem === 'error') this.cellError(fc, '% complete');
    else if (p.problem) this.add('invalid-percent', fc, { text: this.plainText(fc.cell) });
    return p.value;
  }

  /**
   * What the plan states about a record: the RAG (a RAG column's word or its cell's fill
   * colour, else a status column's colour word) and the status (a status column's words,
   * else the RAG column's, else status text typed in the date cell: "Completed").
   */
  stated(f: Fields, timescale: ReadTimescale): Stated {
    const rag = this.statusCell(f.rag, this.ragRead);
    const status = f.status ? this.statusCell(f.status, this.statusRead) : null;
    const ragSaid = rag?.rag ? rag : status?.rag ? status : null;
    const statusSaid = status?.status ? status : rag?.status ? rag : null;
    const said = this.said;
    said.rag = ragSaid?.rag ?? null;
    said.field = ragSaid?.field;
    said.text = ragSaid?.text ?? '';
    said.status = statusSaid?.status ?? timescale.status ?? null;
    said.word = statusSaid?.word ?? timescale.statusWord ?? null;
    return said;
  }

  // What a record's RAG and Status cells say, refilled for each record: read in the record's
  // own turn (its RAG, its rules, its report entry copy what they need), never kept.
  private readonly said: Stated = { rag: null, field: undefined, text: '', status: null, word: null };
  private readonly ragRead: StatusRead = { rag: null, status: null, known: true, word: null, field: undefined, text: '' };
  private readonly statusRead: StatusRead = { rag: null, status: null, known: true, word: null, field: undefined, text: '' };

  /** One Status or RAG cell: its words, else its fill colour. Unknown words are a finding. */
  private statusCell(fc: FieldCell | undefined, into: StatusRead): StatusRead | null {
    if (!fc?.cell) return null;
    if (this.cellError(fc, 'status')) return null;
    const text = this.plainText(fc.cell);
    let r = this.statusMemo.get(text);
    if (!r) {
      const parsed = parseStatusCell(this.fold(text).text);
      // Quote the status as the plan writes it ("In Progress"), not as matched.
      const w = parsed.word;
      r = {
        ...parsed,
        word: w && text.toLowerCase().startsWith(w.toLowerCase()) ? text.slice(0, w.length) : w,
        // A long note or a "B/Fwd Oct 2010" line in a Status column is commentary, not an unknown word.
        commentary: text.length > 40 || text.split('\n').some((l) => CARRIED_FORWARD.test(l.trim())),
      };
      if (text.length <= MEMO_MAX) this.statusMemo.set(text, r);
    }
    if (!r.known && !r.commentary) this.add('unknown-rag', fc, { text });
    if (!text && fc.cell.fill) {
      const byFill = ragFromFill(fc.cell.fill);
      if (byFill) return fillStatus(into, byFill, byFill === 'Complete' ? 'complete' : null, true, null, fc, `a ${fillName(byFill)} fill`);
    }
    return fillStatus(into, r.rag, r.status, r.known, r.word, fc, text);
  }

  /**
   * The date a status cell says the item was carried forward to ("B/Fwd Oct 2010", "Deferred
   * to March 2021", "Brought forward to July meeting 2012"): the latest such line, or null.
   */
  carriedForward(fc: FieldCell | undefined): IsoDate | null {
    if (!fc?.cell || typeof fc.cell.value !== 'string' || !/fwd|forward|c\/f|defer|postpone|moved|reschedul/i.test(fc.cell.value))
      return null;
    let latest: IsoDate | null = null;
    for (const line of fc.cell.value.split('\n')) {
      const m = CARRIED_FORWARD.exec(line.trim());
      if (!m) continue;
      const t = this.parseTimescale(this.fold(m[1]).text).target;
      if (t && (!latest || t > latest)) latest = t;
    }
    return latest;
  }

  /** An earlier period's stated RAG, read without findings. */
  quietRag(fc: FieldCell | undefined): RagLabel | null {
    if (!fc?.cell || fc.cell.error) return null;
    const text = this.plainText(fc.cell);
    if (!text && fc.cell.fill) return ragFromFill(fc.cell.fill);
    return parseStatusCell(this.fold(text).text).rag;
  }
}

function readMeta(raw: RawPlan, ctx: Context): Meta {
  const m = raw.meta;
  const dateOf = (fc: FieldCell | undefined, label: string) => {
    if (!fc) return null;
    ctx.aboutMeta(label);
    return ctx.date(fc);
  };
  return {
    title: m.title ? ctx.plainText(m.title.cell) || null : null,
    committeeReportRef: m.committeeReportRef ? ctx.plainText(m.committeeReportRef.cell) || null : null,
    reportDate: dateOf(m.reportDate, 'Report Date'),
    committeeDate: dateOf(m.committeeDate, 'Committee Date'),
  };
}

/**
 * Action numbers that repeat within a workstream ("1, 2, 2, 3"): each repeat is a finding,
 * listing every row the number appears in.
 */
class Numbering {
  // Per workstream, each number's first action, or every action once it repeats. Whole numbers
  // are their own keys; others are compared as written (1.5 and "1.5" are one number).
  private readonly byWorkstream = new Map<number, Map<number | string, number | number[]>>();
  private readonly repeated: number[][] = [];

  /** Notes the number of action `i` (its index in the report) of workstream `w`. */
  note(w: number, number: number | string, i: number): void {
    let seen = this.byWorkstream.get(w);
    if (!seen) this.byWorkstream.set(w, (seen = new Map()));
    const key = typeof number === 'number' && Number.isInteger(number) ? number : String(number);
    const had = seen.get(key);
    if (had === undefined) seen.set(key, i);
    else if (typeof had === 'number') {
      const list = [had, i];
      seen.set(key, list);
      this.repeated.push(list);
    } else had.push(i);
  }

  /** Raises a finding for every repeat noted. */
  raise(raw: RawPlan, actions: ActionReport[], ctx: Context): void {
    for (const list of this.repeated) {
      const rows = list.map((i) => actions[i].row).join(', ');
      for (const i of list.slice(1)) {
        const a = raw.actions[i];
        const fc = a.fields.number;
        ctx.aboutAction(i, fc?.cell, actions[i].workstream, a.row);
        const facts = { number: String(actions[i].number), rows };
        if (fc) ctx.add('duplicate-number', fc, facts);
        else ctx.addAt('duplicate-number', a.sheet, a.row, facts);
      }
    }
  }
}

export type { Field };

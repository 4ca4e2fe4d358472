/**
 * The checker: interprets what the reader found (dates, percentages, leads, stated RAG),
 * computes RAG with reasons, and collects every finding. Bad data in cells becomes a
 * finding; nothing here throws on cell content.
 */
import { type RawCell, type WorkbookGrid, a1, columnLetters } from './cell';
import { type Finding, type FindingCode, type FindingParams, makeFinding, sortFindings } from './findings';
import type { Field } from './headers';
import type { ActionReport, Meta, Report, WorkstreamReport } from './model';
import { type IsoDate, daysBetween, formatUkDate, parseDateText, serialToIso } from './parse/dates';
import { foldLookalikes } from './parse/lookalike';
import { parseLeads } from './parse/leads';
import { isDateFormat } from './parse/numfmt';
import { parsePercent } from './parse/percent';
import { ragFromFill } from './parse/fill';
import { type ActionStatus, parseStatus, parseStatusCell } from './parse/status';
import { type Timescale, parseTimescale } from './parse/timescale';
import { compactText, shortText } from './text';
import { computeRag, ragCounts, rollUpRag } from './rag';
import { type FieldCell, type RawPlan, type ReadOptions, LOOKED_FOR, readPlan } from './read';
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
  const raw = readPlan(grid, {
    sheet: options.sheet,
    columns: options.columns ?? options.settings.columns,
    headerRow: options.headerRow ?? options.settings.headerRow,
  });
  const findings: Finding[] = [];
  const ctx = new Context(raw, findings);
  const meta = readMeta(raw, ctx);
  const asOfSource: Report['asOfSource'] = options.asOf ? 'option' : meta.reportDate ? 'report-date' : 'today';
  const asOf = options.asOf ?? meta.reportDate ?? options.today;
  ctx.asOfYear = Number(asOf.slice(0, 4));
  const { settings } = options;

  // Each workstream's short title once, not once per action.
  const shortTitles = raw.workstreams.map((w) => shortText(w.title, 50));
  const actions: ActionReport[] = raw.actions.map((a) => {
    const ws = raw.workstreams[a.workstream];
    const what = actionName(a.fields.number?.cell, shortTitles[a.workstream], a.row);
    const f = a.fields;
    const number = readNumber(f.number?.cell);
    // A bullet typed in Word ("§ Deliver…", "• Deliver…") is not part of what the action says.
    const description = stripBullet(ctx.text(f.action, what, 'description'));
    const scheduled = ctx.schedule(f, what);
    const { timescale } = scheduled;
    let targetField = scheduled.field;
    // "B/Fwd Oct 2010" in the status column: the item was carried forward to a later date.
    const forward = ctx.carriedForward(f.status ?? f.rag);
    if (forward && (!timescale.target || forward > timescale.target)) {
      if (timescale.target) timescale.history = [...new Set([...timescale.history, timescale.target])].sort();
      timescale.target = forward;
      targetField = f.status ?? f.rag;
    }
    const leadsText = ctx.text(f.lead, what, 'lead officer', true);
    const leads = ctx.leads(leadsText);
    const percent = ctx.percent(f.percent, what);
    const start = ctx.date(f.start, what);
    const said = ctx.stated(f, what, timescale);
    const result = computeRag({ percent, target: timescale.target, start, asOf, status: said.status, statusWord: said.word }, settings);
    const where = (fc: FieldCell | undefined) => ctx.where(a.sheet, a.row, fc);
    const closed = said.status === 'dropped' || result.rag === 'Complete';

    if (f.lead && leads.length === 0 && !f.lead.cell?.error && said.status !== 'dropped') ctx.add('missing-owner', where(f.lead), { what });
    if (f.action && !description && !f.action.cell?.error) ctx.add('missing-description', where(f.action), { what });
    if (a.lacks && !closed) {
      // The table has no column for it: say so at the action itself.
      const self = where(f.action ?? f.number);
      if (a.lacks.includes('lead')) ctx.add('missing-owner', self, { what });
      if (a.lacks.includes('timescale')) ctx.add('no-target-date', self, { what });
    }
    if (said.status !== 'dropped')
      ctx.judgeDates(timescale.target, closed ? 100 : percent, asOf, settings.dueSoonDays, where(targetField), what, leads.join(' / '));
    if (said.rag && said.rag !== result.rag && said.status !== 'dropped') {
      ctx.add('rag-mismatch', where(said.field), { what, stated: said.text, computed: result.rag, reason: result.reason });
    }
    return {
      sheet: a.sheet,
      row: a.row + 1,
      workstream: ws.title,
      number,
      description,
      timescale: timescale.text,
      targetDate: timescale.target,
      milestones: timescale.milestones.map((m) => ({ date: m.iso, label: m.label })),
      targetHistory: timescale.history,
      leads,
      reportRefs: ctx.plainText(f.reportRef?.cell),
      percent,
      statedRag: said.rag,
      previousStatedRag: ctx.quietRag(f.previousRag),
      status: said.status,
      rag: result.rag,
      ragReason: ctx.reason(result.reason),
    };
  });

  duplicateNumbers(raw, actions, ctx);

  // Actions grouped by workstream once: a council-wide plan has thousands of each.
  const byWorkstream: ActionReport[][] = raw.workstreams.map(() => []);
  // Dropped actions (cancelled, superseded…) are left out of every roll-up and count.
  actions.forEach((a, i) => {
    if (a.status !== 'dropped') byWorkstream[raw.actions[i].workstream].push(a);
  });
  const workstreams: WorkstreamReport[] = raw.workstreams.map((w, index) => {
    const mine = byWorkstream[index];
    const what = `Workstream "${shortText(w.title)}"`;
    if (w.kind !== 'row') {
      const rolled =
        mine.length === 0 && raw.actions.some((a) => raw.workstreams[a.workstream] === w)
          ? { rag: 'Not Started' as const, reason: 'every action dropped (cancelled, superseded or withdrawn)' }
          : rollUpRag(mine.map((a) => a.rag));
      const pcts = mine.map((a) => a.percent).filter((p): p is number => p !== null);
      const targets = mine
        .map((a) => a.targetDate)
        .filter((t): t is string => t !== null)
        .sort();
      return {
        sheet: w.sheet,
        row: w.row + 1,
        title: w.title,
        leads: [...new Set(mine.flatMap((a) => a.leads))],
        targetDate: targets.length ? targets[targets.length - 1] : null,
        targetHistory: [],
        percent: pcts.length ? Math.round(pcts.reduce((s, p) => s + p, 0) / pcts.length) : null,
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
    const f = w.fields;
    const where = (fc: FieldCell | undefined) => ctx.where(w.sheet, w.row, fc);
    const { timescale, field: targetField } = ctx.schedule(f, what);
    const leadsText = ctx.text(f.lead, what, 'lead', true);
    const leads = ctx.leads(leadsText);
    const percent = ctx.percent(f.percent, what);
    const said = ctx.stated(f, what, timescale);
    const start = ctx.date(f.start, what);
    const statusUpdate = ctx.text(f.statusUpdate, what, 'status update') || null;
    const decisions = ctx.text(f.decisions, what, 'decisions') || null;
    if (f.lead && leads.length === 0 && !f.lead.cell?.error) ctx.add('missing-owner', where(f.lead), { what });
    if (f.statusUpdate && !statusUpdate && !f.statusUpdate.cell?.error) ctx.add('missing-status-update', where(f.statusUpdate), { what });
    const result =
      percent !== null || timescale.target !== null || said.status !== null || mine.length === 0
        ? computeRag({ percent, target: timescale.target, start, asOf, status: said.status, statusWord: said.word }, settings)
        : rollUpRag(mine.map((a) => a.rag));
    if (said.status !== 'dropped') {
      ctx.judgeDates(
        timescale.target,
        result.rag === 'Complete' ? 100 : percent,
        asOf,
        settings.dueSoonDays,
        where(targetField),
        what,
        leads.join(' / '),
      );
    }
    if (said.rag && said.rag !== result.rag && said.status !== 'dropped') {
      ctx.add('rag-mismatch', where(said.field), { what, stated: said.text, computed: result.rag, reason: result.reason });
    }
    return {
      sheet: w.sheet,
      row: w.row + 1,
      title: w.title,
      leads,
      targetDate: timescale.target,
      targetHistory: timescale.history,
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
  const count = (s: string) => sorted.filter((f) => f.severity === s).length;
  const report: Report = {
    file: options.file,
    asOf,
    asOfSource,
    meta,
    workstreams,
    actions,
    findings: sorted,
    counts: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      workstreamRag: ragCounts(workstreams.map((w) => w.rag)),
      actionRag: ragCounts(actions.filter((a) => a.status !== 'dropped').map((a) => a.rag)),
      dropped: actions.filter((a) => a.status === 'dropped').length,
    },
  };
  return { report, raw, noPlan: workstreams.length === 0 && actions.length === 0 };
}

/** Where a field cell is, for a finding. */
function at(fc: FieldCell): { sheet: string; row: number; cell: string } {
  return { sheet: fc.sheet, row: fc.row + 1, cell: a1(fc.row, fc.col) };
}

/** "Action 3 of "Financial Planning"", given the workstream's title already shortened. */
function actionName(numberCell: RawCell | undefined, shortTitle: string, row: number): string {
  const n = numberCell && !numberCell.error ? String(numberCell.value).trim() : '';
  return n ? `Action ${n} of "${shortTitle}"` : `The action in row ${row + 1} of "${shortTitle}"`;
}

/** The text without a leading bullet mark (Word's "§", "•", "·", "▪", "o", "-", "*"). */
function stripBullet(text: string): string {
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

/** What a plan states about a record: its RAG (where and as written) and its status. */
interface Stated {
  rag: RagLabel | null;
  field: FieldCell | undefined;
  text: string;
  status: ActionStatus | null;
  word: string | null;
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
  private readonly reasons = new Map<string, string>();
  private readonly statusMemo = new Map<string, ReturnType<typeof parseStatusCell>>();
  /** The as-of date's year, for dates written without one ("14 Aug"). */
  asOfYear: number | null = null;

  constructor(
    private readonly raw: RawPlan,
    private readonly findings: Finding[],
  ) {}

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
    const out = { text: t, found: folded.found, tidy: /[^\S ]| {2}|^ | $/.test(t) ? t.replace(/\s+/g, ' ').trim() : t };
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

  /** The leads named in a lead cell's text (a fresh array: reports own their lists). */
  leads(text: string): string[] {
    let list = this.leadLists.get(text);
    if (!list) {
      list = parseLeads(text);
      if (text.length <= MEMO_MAX) this.leadLists.set(text, list);
    }
    return list.slice();
  }

  add(code: FindingCode, where: { sheet: string; row: number; cell: string }, params: FindingParams): void {
    this.findings.push(makeFinding(code, where, params));
  }

  where(sheet: string, row: number, fc: FieldCell | undefined): { sheet: string; row: number; cell: string } {
    const r = fc?.row ?? row;
    return { sheet, row: r + 1, cell: a1(r, fc?.col ?? 0) };
  }

  plainText(cell: RawCell | undefined): string {
    if (!cell || cell.error) return '';
    return typeof cell.value === 'string' ? cell.value.trim() : String(cell.value);
  }

  textOf(fc: FieldCell | undefined): string {
    return this.plainText(fc?.cell);
  }

  /** A cell's text with lookalikes folded; reports lookalikes and formula errors. */
  text(fc: FieldCell | undefined, what: string, label: string, keepLines = false): string {
    if (!fc?.cell) return '';
    if (this.cellError(fc, what, label)) return '';
    const text = this.plainText(fc.cell);
    if (typeof fc.cell.value !== 'string') return text;
    const folded = this.fold(text);
    if (folded.found.length > 0) this.lookalikes(fc, what, label, text, folded);
    // A stacked lead cell keeps its lines: each line is a lead, and "ditto" repeats the one above.
    return keepLines && folded.text.includes('\n') ? folded.text : folded.tidy;
  }

  private lookalikes(fc: FieldCell, what: string, label: string, text: string, folded: ReturnType<typeof foldLookalikes>) {
    const scripts = [...new Set(folded.found.map((f) => f.script))];
    const kind = scripts.length === 1 && scripts[0] === 'Invisible' ? 'invisible characters' : `${scripts.join(' and ')} characters`;
    const detail = `${folded.found.length} ${kind}`;
    this.add('lookalike-characters', at(fc), { what: `${what} (${label})`, text, detail, reason: folded.text });
  }

  private cellError(fc: FieldCell, what: string, label: string): boolean {
    if (!fc.cell?.error) return false;
    this.add('cell-error', at(fc), { what: `${what} (${label})`, text: String(fc.cell.value) });
    return true;
  }

  timescale(fc: FieldCell | undefined, what: string): ReadTimescale {
    const empty = { milestones: [], target: null, keywords: [], unparsed: [], history: [], text: '' };
    if (!fc) return empty;
    const where = at(fc);
    const cell = fc.cell;
    if (!cell || (typeof cell.value === 'string' && !cell.value.trim())) {
      this.add('no-target-date', where, { what });
      return empty;
    }
    if (this.cellError(fc, what, 'target date')) return empty;
    if (typeof cell.value === 'number') {
      const iso = this.serial(cell);
      if (iso)
        return {
          milestones: [{ iso, label: null, text: iso }],
          target: iso,
          keywords: [],
          unparsed: [],
          history: [],
          text: formatUkDate(iso),
        };
      this.add('unrecognised-date', where, { what, text: String(cell.value), detail: 'a number, not a date' });
      return { ...empty, text: String(cell.value) };
    }
    if (typeof cell.value === 'boolean') {
      this.add('unrecognised-date', where, { what, text: String(cell.value) });
      return { ...empty, text: String(cell.value) };
    }
    const text = cell.value.trim();
    const folded = this.fold(text);
    // "Completed" or "Achieved" typed where the date goes is status, not a bad date.
    if (!/\d/.test(folded.text) && this.parseTimescale(folded.text).keywords.length === 0) {
      const st = parseStatus(folded.text);
      if (st.status === 'complete' || st.status === 'dropped' || (st.status && folded.text.length <= 30))
        return { ...empty, text, status: st.status, statusWord: st.word };
    }
    if (folded.found.length > 0) this.lookalikes(fc, what, 'target date', text, folded);
    let t = this.parseTimescale(text);
    // "14 Aug", "June": a day and month, or a month, with no year anywhere in the cell. Read in
    // the year of the as-of date, and say so: the plan should write the year.
    if (t.milestones.length === 0 && this.asOfYear && YEARLESS.test(folded.text)) {
      const guessed = this.parseTimescale(`${folded.text} ${this.asOfYear}`);
      if (guessed.target && guessed.unparsed.length === 0) {
        this.add('date-without-year', where, { what, text, target: formatUkDate(guessed.target) });
        t = guessed;
      }
    }
    if (t.unparsed.length > 0 || (t.milestones.length === 0 && t.keywords.length === 0)) {
      this.add('unrecognised-date', where, {
        what,
        text,
        detail: t.milestones.length ? `the rest is read as ${formatUkDate(t.target!)}` : undefined,
      });
    }
    if (t.target === null && t.keywords.includes('tbc')) this.add('no-target-date', where, { what, text });
    else if (t.target === null && t.keywords.length > 0) this.add('open-ended', where, { what, text });
    if (t.milestones.length > 1) {
      this.add('several-target-dates', where, { what, text, count: t.milestones.length, target: formatUkDate(t.target!) });
    }
    return { ...t, text };
  }

  /**
   * The target of a record: the Revised Target Date where the plan has one filled in, else
   * the Timescale; every earlier date the plan records (the replaced timescale, an Original
   * Target Date column, "revised from" in the cell) becomes the history, oldest first.
   */
  schedule(f: Partial<Record<Field, FieldCell>>, what: string): { timescale: ReadTimescale; field: FieldCell | undefined } {
    const revised = f.revisedTarget?.cell;
    const useRevised = (revised !== undefined && isFilled(revised)) || (f.revisedTarget !== undefined && !f.timescale);
    const field = useRevised ? f.revisedTarget : f.timescale;
    const timescale = this.timescale(field, what);
    const earlier = [...timescale.history];
    for (const other of [useRevised ? f.timescale : undefined, f.originalTarget]) {
      const d = other?.cell ? this.quietTarget(other.cell) : null;
      if (d) earlier.push(d);
    }
    timescale.history = [...new Set(earlier)].filter((d) => d !== timescale.target).sort();
    return { timescale, field };
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
  date(fc: FieldCell | undefined, what: string): IsoDate | null {
    if (!fc?.cell) return null;
    const where = at(fc);
    if (this.cellError(fc, what, 'date')) return null;
    const v = fc.cell.value;
    if (typeof v === 'number') {
      const iso = this.serial(fc.cell);
      if (!iso) this.add('unrecognised-date', where, { what, text: String(v), detail: 'a number, not a date' });
      return iso;
    }
    const text = String(v).trim();
    if (!text) return null;
    const d = parseDateText(this.fold(text).text);
    if (!d) this.add('unrecognised-date', where, { what, text });
    return d ? d.iso : null;
  }

  percent(fc: FieldCell | undefined, what: string): number | null {
    if (!fc?.cell) return null;
    const where = at(fc);
    const p = parsePercent(fc.cell);
    if (p.problem === 'error') this.cellError(fc, what, '% complete');
    else if (p.problem) this.add('invalid-percent', where, { what, text: this.plainText(fc.cell) });
    return p.value;
  }

  /**
   * What the plan states about a record: the RAG (a RAG column's word or its cell's fill
   * colour, else a status column's colour word) and the status (a status column's words,
   * else the RAG column's, else status text typed in the date cell: "Completed").
   */
  stated(f: Partial<Record<Field, FieldCell>>, what: string, timescale: ReadTimescale): Stated {
    const rag = this.statusCell(f.rag, what);
    const status = f.status ? this.statusCell(f.status, what) : null;
    const ragSaid = rag?.rag ? rag : status?.rag ? status : null;
    const statusSaid = status?.status ? status : rag?.status ? rag : null;
    return {
      rag: ragSaid?.rag ?? null,
      field: ragSaid?.field,
      text: ragSaid?.text ?? '',
      status: statusSaid?.status ?? timescale.status ?? null,
      word: statusSaid?.word ?? timescale.statusWord ?? null,
    };
  }

  /** One Status or RAG cell: its words, else its fill colour. Unknown words are a finding. */
  private statusCell(
    fc: FieldCell | undefined,
    what: string,
  ): (ReturnType<typeof parseStatusCell> & { field: FieldCell; text: string }) | null {
    if (!fc?.cell) return null;
    if (this.cellError(fc, what, 'status')) return null;
    const text = this.plainText(fc.cell);
    let r = this.statusMemo.get(text);
    if (!r) {
      r = parseStatusCell(this.fold(text).text);
      if (text.length <= MEMO_MAX) this.statusMemo.set(text, r);
    }
    // A long note or a "B/Fwd Oct 2010" line in a Status column is commentary, not an unknown word.
    const commentary = text.length > 40 || text.split('\n').some((l) => CARRIED_FORWARD.test(l.trim()));
    if (!r.known && !commentary) this.add('unknown-rag', at(fc), { what, text: shortText(text, 60) });
    if (!text && fc.cell.fill) {
      const byFill = ragFromFill(fc.cell.fill);
      if (byFill)
        return {
          rag: byFill,
          status: byFill === 'Complete' ? 'complete' : null,
          known: true,
          word: null,
          field: fc,
          text: `a ${fillName(byFill)} fill`,
        };
    }
    // Quote the status as the plan writes it ("In Progress"), not as matched.
    const word = r.word && text.toLowerCase().startsWith(r.word.toLowerCase()) ? text.slice(0, r.word.length) : r.word;
    return { rag: r.rag, status: r.status, known: r.known, word, field: fc, text };
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

  judgeDates(
    target: IsoDate | null,
    percent: number | null,
    asOf: IsoDate,
    dueSoonDays: number,
    where: { sheet: string; row: number; cell: string },
    what: string,
    lead: string,
  ): void {
    if (!target || (percent !== null && percent >= 100)) return;
    const left = daysBetween(asOf, target);
    if (left < 0) this.add('overdue', where, { what, target: formatUkDate(target), days: -left, percent, lead });
    else if (left <= dueSoonDays) this.add('due-soon', where, { what, target: formatUkDate(target), days: left, percent });
  }
}

function readMeta(raw: RawPlan, ctx: Context): Meta {
  const m = raw.meta;
  const dateOf = (fc: FieldCell | undefined, label: string) => (fc ? ctx.date(fc, label) : null);
  return {
    title: m.title ? ctx.plainText(m.title.cell) || null : null,
    committeeReportRef: m.committeeReportRef ? ctx.plainText(m.committeeReportRef.cell) || null : null,
    reportDate: dateOf(m.reportDate, 'Report Date'),
    committeeDate: dateOf(m.committeeDate, 'Committee Date'),
  };
}

function duplicateNumbers(raw: RawPlan, actions: ActionReport[], ctx: Context): void {
  const seen = new Map<string, number[]>();
  actions.forEach((a, i) => {
    if (a.number === null) return;
    const key = `${raw.actions[i].workstream}\u0000${String(a.number)}`;
    const list = seen.get(key) ?? [];
    list.push(i);
    seen.set(key, list);
  });
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    const rows = list.map((i) => actions[i].row).join(', ');
    for (const i of list.slice(1)) {
      const a = raw.actions[i];
      ctx.add('duplicate-number', ctx.where(a.sheet, a.row, a.fields.number), {
        number: String(actions[i].number),
        what: `"${shortText(actions[i].workstream, 50)}"`,
        rows,
      });
    }
  }
}

export type { Field };

/**
 * The strategic summary: a one-page sheet for members, laid out like the councils' own
 * (seed 002): title; Committee Report Ref, Report Date, Committee Date; the RAG key; one
 * row per workstream; Issues / Major Risks / Change Requests and Targets for Next Period
 * where the plan has them; a RAG count with a chart; a Programme Summary written from the
 * figures. Pure data: adapters write it.
 */
import type { CellRange } from './cell';
import type { CheckResult } from './check';
import { type Comparison, changeRequests, comparisonHeadline } from './changes';
import { formatUkDate } from './parse/dates';
import type { Report } from './model';
import { isOverdue, ragCounts } from './rag';
import type { Settings } from './settings';
import { type CellSpec, RAG_COLOURS, RAG_LABELS, type RagLabel, type SheetSpec, ragStyle } from './sheetspec';

/** The summary's table columns, in the seed's order plus a plain-words reason. */
export const SUMMARY_COLUMNS = [
  'RAG',
  '% Completed',
  'Target Date',
  'Lead',
  'Priority',
  'Workstreams (Recommendations)',
  'Status Update',
  'Decisions Required/Made',
  'Why this RAG',
] as const;

const WIDTHS = [13, 12, 13, 18, 9, 40, 60, 30, 40];

/** What else the summary can show. */
export interface SummaryOptions {
  /** The comparison with the previous version: adds "Changes since last report" and Change Requests. */
  comparison?: Comparison | null;
}

/** Rows of "Changes since last report", most telling first, as the committee asks. */
const CHANGE_ROWS: { code: Comparison['changes'][number]['code']; label: string }[] = [
  { code: 'target-moved', label: 'Target date moved' },
  { code: 'newly-overdue', label: 'Newly overdue' },
  { code: 'rag-worsened', label: 'RAG worsened' },
  { code: 'green-while-slipping', label: 'Stated green while slipping' },
  { code: 'progress-backwards', label: 'Progress went backwards' },
  { code: 'owner-changed', label: 'Lead changed' },
  { code: 'completed', label: 'Completed' },
  { code: 'rag-improved', label: 'RAG improved' },
  { code: 'new', label: 'New' },
  { code: 'removed', label: 'Removed' },
];

/** Builds the summary sheet for a checked plan. */
export function buildSummary(result: CheckResult, settings: Settings, options: SummaryOptions = {}): SheetSpec {
  const comparison = options.comparison ?? null;
  const { report, raw } = result;
  const cells: CellSpec[] = [];
  const merges: CellRange[] = [];
  const put = (row: number, col: number, value: string | number | null | undefined, style?: CellSpec['style']) => {
    if (value === null || value === undefined || value === '') return;
    cells.push(style ? { row, col, value, style } : { row, col, value });
  };
  const last = SUMMARY_COLUMNS.length - 1;
  let r = 0;
  put(r, 0, report.meta.title ?? 'Strategic Action Plan', 'title');
  merges.push({ top: r, left: 0, bottom: r, right: last });
  r++;
  put(r, 0, `Strategic Summary Progress Update as at ${formatUkDate(report.asOf)} (built by PlanCheck)`, 'subtitle');
  merges.push({ top: r, left: 0, bottom: r, right: last });
  r += 2;
  // Labels span two columns so they are never cut off; values sit in the third.
  const meta: [string, string | null, CellSpec['style']][] = [
    ['Committee Report Ref:', report.meta.committeeReportRef, 'text'],
    ['Report Date:', report.meta.reportDate ?? report.asOf, 'date'],
    ['Committee Date:', report.meta.committeeDate, 'date'],
  ];
  for (const [label, value, style] of meta) {
    put(r, 0, label, 'label');
    merges.push({ top: r, left: 0, bottom: r, right: 1 });
    put(r, 2, value, style);
    r++;
  }
  r++;

  put(r, 0, 'Key', 'label');
  RAG_LABELS.forEach((label, i) => put(r, i + 1, label, ragStyle(label)));
  r += 2;

  SUMMARY_COLUMNS.forEach((h, i) => put(r, i, h, 'header'));
  r++;
  // Actions by sheet, then workstream title: no key string per action.
  const actionsOf = new Map<string, Map<string, Report['actions']>>();
  for (const a of report.actions) {
    let sheet = actionsOf.get(a.sheet);
    if (!sheet) actionsOf.set(a.sheet, (sheet = new Map()));
    const list = sheet.get(a.workstream);
    if (list) list.push(a);
    else sheet.set(a.workstream, [a]);
  }
  for (const w of report.workstreams) {
    put(r, 0, w.rag, ragStyle(w.rag));
    if (w.percent !== null) put(r, 1, w.percent, 'integer');
    if (w.targetDate) put(r, 2, w.targetDate, 'date');
    else put(r, 2, 'No target date', 'text');
    put(r, 3, w.leads.join(' / '), 'wrap');
    if (w.priority !== null) put(r, 4, w.priority, typeof w.priority === 'number' ? 'integer' : 'text');
    put(r, 5, w.title, 'wrap');
    put(r, 6, w.statusUpdate ?? generatedUpdate(actionsOf.get(w.sheet)?.get(w.title) ?? [], report.asOf), 'wrap');
    put(r, 7, w.decisions ?? '', 'wrap');
    put(r, 8, w.ragReason, 'wrap');
    r++;
  }
  r++;

  if (comparison) {
    put(r, 0, `Changes since last report (${formatUkDate(comparison.previous.asOf)}): ${comparisonHeadline(comparison)}`, 'label');
    merges.push({ top: r, left: 0, bottom: r, right: last });
    r++;
    const shown = CHANGE_ROWS.flatMap(({ code, label }) => comparison.changes.filter((c) => c.code === code).map((c) => ({ c, label })));
    if (shown.length) {
      // Columns chosen to fit the table's widths above: short values where columns are narrow.
      const heads: [number, string][] = [
        [0, 'Change'],
        [2, 'Was'],
        [3, 'Now'],
        [4, 'No.'],
        [5, 'Item'],
        [6, 'Detail'],
        [7, 'Workstream'],
      ];
      for (const [col, h] of heads) put(r, col, h, 'header');
      merges.push({ top: r, left: 0, bottom: r, right: 1 });
      r++;
      for (const { c, label } of shown) {
        put(r, 0, label, 'text');
        merges.push({ top: r, left: 0, bottom: r, right: 1 });
        const value = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatUkDate(v) : v);
        put(r, 2, value(c.from), 'wrap');
        put(r, 3, value(c.to), 'wrap');
        const place = c.current ?? c.previous;
        if (c.kind === 'action' && place?.number !== null && place?.number !== undefined) put(r, 4, String(place.number), 'text');
        put(r, 5, c.kind === 'workstream' ? c.workstream : c.item, 'wrap');
        put(r, 6, c.message, 'wrap');
        put(r, 7, c.kind === 'workstream' ? '(the workstream)' : c.workstream, 'wrap');
        r++;
      }
    }
    r++;
  }

  const requests = comparison ? changeRequests(comparison) : [];
  const issues = [...raw.issues.map((i) => i.text), ...requests];
  if (issues.length > 0 || raw.targets.length > 0) {
    put(r, 0, 'No.', 'header');
    put(r, 1, 'Issues (I) / Major Risks (R) / Change Requests (C)', 'header');
    merges.push({ top: r, left: 1, bottom: r, right: 5 });
    put(r, 6, 'Targets for Next Period', 'header');
    merges.push({ top: r, left: 6, bottom: r, right: 8 });
    r++;
    const n = Math.max(issues.length, raw.targets.length);
    for (let i = 0; i < n; i++) {
      const issue = issues[i];
      const target = raw.targets[i];
      put(r, 0, String(i + 1), 'text');
      if (issue) {
        put(r, 1, issue, 'wrap');
        merges.push({ top: r, left: 1, bottom: r, right: 5 });
      }
      if (target) {
        put(r, 6, target.text, 'wrap');
        merges.push({ top: r, left: 6, bottom: r, right: 8 });
      }
      r++;
    }
    r++;
  }

  // The RAG count and its chart: people would rather look than count.
  put(r, 0, 'RAG', 'header');
  put(r, 1, 'Workstreams', 'header');
  put(r, 2, 'Actions', 'header');
  const countTop = r + 1;
  r++;
  for (const label of RAG_LABELS) {
    put(r, 0, label, ragStyle(label));
    cells.push({ row: r, col: 1, value: report.counts.workstreamRag[label] ?? 0, style: 'integer' });
    cells.push({ row: r, col: 2, value: report.counts.actionRag[label] ?? 0, style: 'integer' });
    r++;
  }
  const chart = {
    title: 'Workstreams by RAG',
    categories: { top: countTop, left: 0, bottom: countTop + RAG_LABELS.length - 1, right: 0 },
    values: { top: countTop, left: 1, bottom: countTop + RAG_LABELS.length - 1, right: 1 },
    anchor: { top: countTop - 1, left: 4, bottom: countTop + 12, right: 6 },
    colours: RAG_LABELS.map((l) => RAG_COLOURS[l].fill),
  };
  r = Math.max(r, chart.anchor.bottom) + 2;

  put(r, 0, 'Programme Summary', 'label');
  r++;
  put(r, 0, programmeSummary(report, raw.programmeSummary, comparison), 'wrap');
  merges.push({ top: r, left: 0, bottom: r, right: last });

  return { name: settings.summarySheetName, cells, merges, columnWidths: WIDTHS, rowHeights: rowHeights(cells, merges), chart };
}

/** Heights for rows of wrapped text: lines needed in the narrowest fit, 15 points a line. */
function rowHeights(cells: CellSpec[], merges: CellRange[]): Record<number, number> {
  const out: Record<number, number> = {};
  // The first merge starting at each cell, looked up by place rather than searched per cell.
  const mergeAt = new Map<number, CellRange>();
  for (const g of merges) {
    const key = g.top * 16_384 + g.left;
    if (!mergeAt.has(key)) mergeAt.set(key, g);
  }
  for (const c of cells) {
    if (c.style !== 'wrap' || typeof c.value !== 'string') continue;
    const m = mergeAt.get(c.row * 16_384 + c.col);
    let width = 0;
    for (let col = c.col; col <= (m ? m.right : c.col); col++) width += WIDTHS[col] ?? 10;
    // About 1.1 characters of Calibri 11 per width unit; each paragraph starts a line.
    const lines = c.value.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / (width * 1.1))), 0);
    out[c.row] = Math.max(out[c.row] ?? 15, Math.min(409, lines * 15));
  }
  return out;
}

/** For plans without status updates: what the actions say, in a line. */
function generatedUpdate(all: Report['actions'], asOf: string): string {
  const mine = all.filter((a) => a.status !== 'dropped');
  if (mine.length === 0) return '';
  const counts = countWords(mine);
  let overdue = 0;
  for (const a of mine) if (isOverdue(a, asOf)) overdue++;
  return `${mine.length} action${mine.length === 1 ? '' : 's'}: ${counts}${overdue ? `; ${overdue} overdue` : ''}.`;
}

/** "3 Concern, 2 On Target": each RAG with its count, in the key's order. */
function countWords(items: { rag: RagLabel }[]): string {
  const n = ragCounts(items.map((i) => i.rag));
  return RAG_LABELS.filter((l) => n[l] > 0)
    .map((l) => `${n[l]} ${l}`)
    .join(', ');
}

/** The Programme Summary paragraph, written from the figures (and the plan's own, if any). */
export function programmeSummary(report: Report, existing: string | null, comparison: Comparison | null = null): string {
  const ws = report.workstreams;
  const parts: string[] = [];
  parts.push(
    `As at ${formatUkDate(report.asOf)}, ${ws.length} workstream${ws.length === 1 ? '' : 's'}: ${countWords(ws) || 'none rated'}.`,
  );
  // Dropped actions (cancelled, superseded…) are not counted, but members are told how many.
  const live = report.actions.filter((a) => a.status !== 'dropped');
  if (live.length > 0) {
    parts.push(`${live.length} actions: ${countWords(live)}.`);
  }
  const dropped = report.actions.length - live.length;
  if (dropped > 0)
    parts.push(
      `${dropped} ${dropped === 1 ? 'action was' : 'actions were'} cancelled, superseded or withdrawn and ${dropped === 1 ? 'is' : 'are'} not counted.`,
    );
  let overdue = 0;
  let unowned = 0;
  let noDate = 0;
  for (const f of report.findings) {
    if (f.code === 'overdue') overdue++;
    else if (f.code === 'missing-owner') unowned++;
    else if (f.code === 'no-target-date') noDate++;
  }
  const issues: string[] = [];
  if (overdue) issues.push(`${overdue} ${overdue === 1 ? 'is' : 'are'} past ${overdue === 1 ? 'its' : 'their'} target date`);
  if (unowned) issues.push(`${unowned} ${unowned === 1 ? 'has' : 'have'} no lead officer`);
  if (noDate) issues.push(`${noDate} ${noDate === 1 ? 'has' : 'have'} no target date`);
  if (issues.length) parts.push(`Of the items checked, ${issues.join(', ')}.`);
  const worst = ws.filter((w) => w.rag === 'Concern');
  if (worst.length) {
    parts.push(`At Concern: ${worst.map((w) => `${shortTitle(w.title)} (${w.ragReason})`).join('; ')}.`);
  }
  if (comparison) {
    const moved = comparison.counts['target-moved'] ?? 0;
    parts.push(
      `Since the last report (${formatUkDate(comparison.previous.asOf)}): ${comparisonHeadline(comparison)}${moved ? `; ${moved} change request${moved === 1 ? ' is' : 's are'} listed for the moved target dates` : ''}.`,
    );
  }
  if (existing) parts.push(`Officers' summary: ${existing}`);
  return parts.join(' ');
}

function shortTitle(s: string): string {
  return s.length > 70 ? `${s.slice(0, 69)}…` : s;
}

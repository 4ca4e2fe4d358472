/**
 * Owner lists: after a check, a governance officer chases the people who own the problems.
 * For each lead officer: their overdue, due-soon and unclear items with cells, ready to
 * paste into an email; items nobody owns are listed under "No lead officer".
 */
import { type Finding, type FindingCode, actionName } from './findings';
import type { Report } from './model';
import { formatUkDate } from './parse/dates';
import type { CellSpec, SheetSpec } from './sheetspec';
import { personKey, shortText } from './text';

/** Why an item is on someone's list. */
export type OwnerBucket = 'overdue' | 'due-soon' | 'unclear';

/** Findings that make an item unclear: its owner cannot tell from the sheet what is asked or when. */
const UNCLEAR: FindingCode[] = [
  'unrecognised-date',
  'no-target-date',
  'invalid-percent',
  'cell-error',
  'unknown-rag',
  'missing-description',
  'rag-mismatch',
  'lookalike-characters',
];

/** One item on a lead's list. */
export interface OwnerItem {
  bucket: OwnerBucket;
  kind: 'action' | 'workstream';
  workstream: string;
  number: number | string | null;
  description: string;
  sheet: string;
  /** The cell to look at (the finding's). */
  cell: string;
  targetDate: string | null;
  percent: number | null;
  /** What is wrong, in words. */
  detail: string;
}

/** One lead officer and their items. */
export interface OwnerList {
  /** The lead as first written in the plan; null for items with no lead officer. */
  lead: string | null;
  overdue: OwnerItem[];
  dueSoon: OwnerItem[];
  unclear: OwnerItem[];
}

/** The lists, leads with the most overdue first, then by name; "no lead officer" last. */
export function ownerLists(report: Report): OwnerList[] {
  const lists = new Map<string, OwnerList>();
  const listFor = (lead: string | null): OwnerList => {
    const key = lead === null ? '\u0000none' : personKey(lead);
    let list = lists.get(key);
    if (!list) {
      list = { lead, overdue: [], dueSoon: [], unclear: [] };
      lists.set(key, list);
    }
    return list;
  };
  // One line per item and bucket: an item with two unclear cells is listed once, at the first.
  const seen: Record<OwnerBucket, Set<object>> = { overdue: new Set(), 'due-soon': new Set(), unclear: new Set() };
  for (const f of report.findings) {
    const bucket = bucketOf(f);
    if (!bucket) continue;
    // The finding names its item; report metadata ("Report Date") belongs to nobody's list.
    const { item } = f;
    const action = item.kind === 'action' ? report.actions[item.index] : undefined;
    const workstream = item.kind === 'workstream' ? report.workstreams[item.index] : undefined;
    const record = action ?? workstream;
    if (!record || seen[bucket].has(record)) continue;
    seen[bucket].add(record);
    const entry: OwnerItem = {
      bucket,
      kind: action ? 'action' : 'workstream',
      workstream: action ? action.workstream : workstream!.title,
      number: action ? action.number : null,
      description: action ? action.description : workstream!.title,
      sheet: f.sheet,
      cell: f.cell,
      targetDate: record.targetDate,
      percent: record.percent,
      detail: f.message,
    };
    const leads = record.leads.length ? record.leads : [null];
    for (const lead of leads) {
      const list = listFor(lead);
      (bucket === 'overdue' ? list.overdue : bucket === 'due-soon' ? list.dueSoon : list.unclear).push(entry);
    }
  }
  return [...lists.values()].sort((x, y) => {
    if ((x.lead === null) !== (y.lead === null)) return x.lead === null ? 1 : -1;
    return y.overdue.length - x.overdue.length || (x.lead ?? '').localeCompare(y.lead ?? '');
  });
}

function bucketOf(f: Finding): OwnerBucket | null {
  if (f.code === 'overdue') return 'overdue';
  if (f.code === 'due-soon') return 'due-soon';
  if (UNCLEAR.includes(f.code) || f.code === 'missing-owner') return 'unclear';
  return null;
}

function itemName(i: OwnerItem): string {
  const short = shortText(i.description, 90);
  if (i.kind === 'workstream') return `Workstream "${short}"`;
  return `${actionName(i.number, i.workstream)}: ${short}`;
}

function itemLine(i: OwnerItem): string {
  // The finding's message already names the item and says what to do.
  if (i.bucket === 'unclear') return `- ${i.detail} [${i.sheet}!${i.cell}]`;
  const facts: string[] = [];
  if (i.targetDate) facts.push(`target ${formatUkDate(i.targetDate)}`);
  if (i.percent !== null) facts.push(`${i.percent}% done`);
  return `- ${itemName(i)}${facts.length ? ` (${facts.join(', ')})` : ''} [${i.sheet}!${i.cell}]`;
}

/** One lead's list as plain text, ready to paste into an email. */
export function ownerListText(list: OwnerList, asOf: string): string {
  const out: string[] = [];
  const who = list.lead ?? 'Items with no lead officer';
  out.push(`${who}: ${ownerCounts(list)} (as of ${formatUkDate(asOf)})`);
  const section = (title: string, items: OwnerItem[]) => {
    if (!items.length) return;
    out.push('');
    out.push(`${title}:`);
    for (const i of items) out.push(itemLine(i));
  };
  section('Overdue', list.overdue);
  section('Due soon', list.dueSoon);
  section('Unclear (please correct the plan)', list.unclear);
  return out.join('\n');
}

/** "2 overdue, 1 due soon, 1 unclear". */
export function ownerCounts(list: OwnerList): string {
  const parts: string[] = [];
  if (list.overdue.length) parts.push(`${list.overdue.length} overdue`);
  if (list.dueSoon.length) parts.push(`${list.dueSoon.length} due soon`);
  if (list.unclear.length) parts.push(`${list.unclear.length} unclear`);
  return parts.join(', ') || 'nothing to chase';
}

/** The "Owners" sheet: one row per item, grouped by lead, for the committee pack. */
export function buildOwnersSheet(lists: OwnerList[], asOf: string, name: string): SheetSpec {
  const cells: CellSpec[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: CellSpec['style']) => {
    if (value === null || value === '') return;
    cells.push(style ? { row, col, value, style } : { row, col, value });
  };
  put(0, 0, `Actions to chase, by lead officer, as at ${formatUkDate(asOf)} (built by PlanCheck)`, 'title');
  const headers = ['Lead', 'Why', 'Workstream', 'No.', 'Action', 'Target Date', '% Completed', 'Cell', 'Detail'];
  headers.forEach((h, i) => put(2, i, h, 'header'));
  let r = 3;
  const label: Record<OwnerBucket, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', unclear: 'Unclear' };
  for (const list of lists) {
    for (const i of [...list.overdue, ...list.dueSoon, ...list.unclear]) {
      put(r, 0, list.lead ?? 'No lead officer', 'wrap');
      put(r, 1, label[i.bucket], 'text');
      put(r, 2, i.workstream, 'wrap');
      if (i.number !== null) put(r, 3, i.number, typeof i.number === 'number' ? 'integer' : 'text');
      put(r, 4, i.kind === 'workstream' ? '(the workstream)' : i.description, 'wrap');
      if (i.targetDate) put(r, 5, i.targetDate, 'date');
      if (i.percent !== null) put(r, 6, i.percent, 'integer');
      put(r, 7, `${i.sheet}!${i.cell}`, 'text');
      put(r, 8, i.detail, 'wrap');
      r++;
    }
  }
  if (r === 3) put(r, 0, 'Nothing to chase: no overdue, due-soon or unclear items.', 'text');
  return { name, cells, merges: [], columnWidths: [18, 10, 30, 6, 50, 12, 11, 16, 60] };
}

/** The text report of `plancheck validate`: grouped by sheet, with cells and counts. */
import {
  type Comparison,
  type OwnerList,
  type Report,
  CHANGE_CODES,
  CHANGE_TITLES,
  RAG_LABELS,
  comparisonHeadline,
  formatUkDate,
  ownerListText,
  plural,
  shortText,
} from '../app';

/** Colours for a terminal; empty strings when colour is off. */
export interface Palette {
  red: string;
  yellow: string;
  dim: string;
  bold: string;
  reset: string;
}

export const NO_COLOUR: Palette = { red: '', yellow: '', dim: '', bold: '', reset: '' };
export const ANSI: Palette = { red: '\x1b[31m', yellow: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

const AS_OF_SOURCE: Record<Report['asOfSource'], string> = {
  option: 'given with --as-of',
  'report-date': "the plan's Report Date",
  today: 'today; the plan has no Report Date',
};

/** Renders the report for people, a line at a time (a big plan's report need never be one string). */
export function* textLines(report: Report, p: Palette = NO_COLOUR): Generator<string> {
  yield `${p.bold}PlanCheck: ${report.file}${p.reset}`;
  yield `As of ${formatUkDate(report.asOf)} (${AS_OF_SOURCE[report.asOfSource]})`;
  if (report.meta.committeeReportRef) yield `Committee Report Ref: ${report.meta.committeeReportRef}`;
  yield `Read ${plural(report.workstreams.length, 'workstream')} and ${plural(report.actions.length, 'action')}.`;
  const sheets = [...new Set(report.findings.map((f) => f.sheet))];
  for (const sheet of sheets) {
    const mine = report.findings.filter((f) => f.sheet === sheet);
    yield '';
    yield `${p.bold}Sheet "${sheet}"${p.reset}: ${plural(mine.length, 'finding')}`;
    for (const f of mine) {
      const colour = f.severity === 'error' ? p.red : f.severity === 'warning' ? p.yellow : p.dim;
      yield `  ${f.cell.padEnd(6)} ${colour}${f.severity.padEnd(7)}${p.reset} ${f.code.padEnd(22)} ${f.message}`;
    }
  }
  yield '';
  yield `${p.bold}Workstreams${p.reset}`;
  for (const w of report.workstreams) {
    const pct = w.percent === null ? '' : ` ${w.percent}%`;
    yield `  ${w.rag.padEnd(11)} ${shortText(w.title, 70)}${pct} (${w.ragReason})`;
  }
  const rags = (counts: Record<string, number>) =>
    RAG_LABELS.filter((l) => counts[l])
      .map((l) => `${counts[l]} ${l}`)
      .join(', ') || 'none';
  yield '';
  yield `Workstreams: ${rags(report.counts.workstreamRag)}.`;
  if (report.actions.length) yield `Actions: ${rags(report.counts.actionRag)}.`;
  const { errors, warnings, infos } = report.counts;
  const total = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info.`;
  yield errors ? `${p.red}${total}${p.reset}` : total;
}

/** Renders a comparison for people: a headline, then each kind of change with cells. */
export function formatComparison(c: Comparison, p: Palette = NO_COLOUR): string {
  const out: string[] = [];
  out.push(`${p.bold}PlanCheck: ${c.previous.file} → ${c.current.file}${p.reset}`);
  out.push(`Previous as of ${formatUkDate(c.previous.asOf)}; current as of ${formatUkDate(c.current.asOf)}.`);
  out.push(`Matched ${plural(c.matched.workstreams, 'workstream')} and ${plural(c.matched.actions, 'action')}: ${comparisonHeadline(c)}.`);
  for (const code of CHANGE_CODES) {
    const mine = c.changes.filter((x) => x.code === code);
    if (!mine.length) continue;
    out.push('');
    const bad = code === 'newly-overdue' || code === 'rag-worsened' || code === 'green-while-slipping' || code === 'progress-backwards';
    out.push(`${p.bold}${bad ? p.red : ''}${CHANGE_TITLES[code]} (${mine.length})${p.reset}`);
    for (const x of mine) {
      const place = x.current ?? x.previous!;
      const where = `${x.current ? '' : 'was '}${place.sheet}!row ${place.row}`;
      const name =
        x.kind === 'workstream'
          ? `Workstream "${shortText(x.workstream, 60)}"`
          : `${place.number !== null ? `Action ${place.number}` : 'Action'} of "${shortText(x.workstream, 40)}": ${shortText(x.item, 60)}`;
      out.push(`  ${p.dim}${where.padEnd(16)}${p.reset} ${name}`);
      out.push(`  ${''.padEnd(16)} ${x.message}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Renders owner lists: one block per lead, ready to paste into an email. */
export function formatOwners(lists: OwnerList[], asOf: string): string {
  if (lists.length === 0) return `Nothing to chase as of ${formatUkDate(asOf)}: no overdue, due-soon or unclear actions.\n`;
  return lists.map((l) => ownerListText(l, asOf)).join('\n\n') + '\n';
}

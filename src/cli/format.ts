/** The text report of `plancheck validate`: grouped by sheet, with cells and counts. */
import { type Report, RAG_LABELS, formatUkDate } from '../core';

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders the report for people. */
export function formatText(report: Report, p: Palette = NO_COLOUR): string {
  const out: string[] = [];
  out.push(`${p.bold}PlanCheck: ${report.file}${p.reset}`);
  out.push(`As of ${formatUkDate(report.asOf)} (${AS_OF_SOURCE[report.asOfSource]})`);
  if (report.meta.committeeReportRef) out.push(`Committee Report Ref: ${report.meta.committeeReportRef}`);
  out.push(`Read ${plural(report.workstreams.length, 'workstream')} and ${plural(report.actions.length, 'action')}.`);
  const sheets = [...new Set(report.findings.map((f) => f.sheet))];
  for (const sheet of sheets) {
    const mine = report.findings.filter((f) => f.sheet === sheet);
    out.push('');
    out.push(`${p.bold}Sheet "${sheet}"${p.reset}: ${plural(mine.length, 'finding')}`);
    for (const f of mine) {
      const colour = f.severity === 'error' ? p.red : f.severity === 'warning' ? p.yellow : p.dim;
      out.push(`  ${f.cell.padEnd(6)} ${colour}${f.severity.padEnd(7)}${p.reset} ${f.code.padEnd(22)} ${f.message}`);
    }
  }
  out.push('');
  out.push(`${p.bold}Workstreams${p.reset}`);
  for (const w of report.workstreams) {
    const pct = w.percent === null ? '' : ` ${w.percent}%`;
    out.push(`  ${w.rag.padEnd(11)} ${truncate(w.title, 70)}${pct} (${w.ragReason})`);
  }
  const rags = (counts: Record<string, number>) =>
    RAG_LABELS.filter((l) => counts[l])
      .map((l) => `${counts[l]} ${l}`)
      .join(', ') || 'none';
  out.push('');
  out.push(`Workstreams: ${rags(report.counts.workstreamRag)}.`);
  if (report.actions.length) out.push(`Actions: ${rags(report.counts.actionRag)}.`);
  const { errors, warnings, infos } = report.counts;
  const total = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info.`;
  out.push(errors ? `${p.red}${total}${p.reset}` : total);
  return out.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

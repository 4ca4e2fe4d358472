/**
 * Findings are data keyed by a stable `code`; every problem in a plan is collected, not
 * just the first. Message text lives here, apart from the rules that raise findings.
 */
import { compactText } from './text';

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

/** One problem found in a plan, located to its cell. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  /** A1 address of the cell to look at. */
  cell: string;
  message: string;
}

/** The facts a message is written from. */
export interface FindingParams {
  what?: string;
  text?: string;
  target?: string;
  percent?: number | null;
  days?: number;
  lead?: string;
  stated?: string;
  computed?: string;
  reason?: string;
  number?: string;
  rows?: string;
  count?: number;
  detail?: string;
}

const pct = (p: number | null | undefined) => (p === null || p === undefined ? 'has no progress recorded' : `is ${p}% complete`);
const q = (s: string | undefined) => `"${s ?? ''}"`;
const ago = (days: number) => (days === 1 ? '1 day' : `${days} days`);

/** Message templates: each says what is wrong and what to do. */
export const MESSAGES: Record<FindingCode, (p: FindingParams) => string> = {
  'missing-owner': (p) => `${p.what} has no lead officer: name who owns it.`,
  overdue: (p) =>
    `${p.what} was due ${p.target} (${ago(p.days ?? 0)} ago) and ${pct(p.percent)}: record completion or agree a revised date${p.lead ? ` with ${p.lead}` : ''}.`,
  'unrecognised-date': (p) =>
    `${p.what}: cannot read ${q(p.text)} as a date${p.detail ? ` (${p.detail})` : ''}: write it like "31 Mar 21" or "31/03/2021".`,
  'invalid-percent': (p) => `${p.what}: ${q(p.text)} is not a percentage from 0 to 100: correct the progress figure.`,
  'cell-error': (p) => `${p.what}: the cell shows the formula error ${p.text}: fix the formula or type the value.`,
  'no-target-date': (p) => `${p.what} has no target date${p.text ? ` (${q(p.text)})` : ''}: agree one so progress can be judged.`,
  'lookalike-characters': (p) =>
    `${p.what}: ${q(p.text)} contains ${p.detail}; read as ${q(p.reason)}: retype it so searches and sorting work.`,
  'rag-mismatch': (p) =>
    `${p.what} is stated ${p.stated} but the dates and progress say ${p.computed} (${p.reason}): update the stated status or the plan.`,
  'unknown-rag': (p) =>
    `${p.what}: status ${q(p.text)} is not a RAG or status word PlanCheck knows: use Red, Amber, Green or Blue, or a status such as Complete, In Progress, Not Started or Cancelled.`,
  'duplicate-number': (p) =>
    `Action number ${p.number} appears more than once in ${p.what} (rows ${p.rows}): renumber so each action can be referred to.`,
  'missing-status-update': (p) => `${p.what} has no status update: add a line on progress for members.`,
  'missing-description': (p) => `${p.what} has no description: say what the action is.`,
  'due-soon': (p) => `${p.what} is due ${p.target} (in ${ago(p.days ?? 0)}) and ${pct(p.percent)}.`,
  'open-ended': (p) => `${p.what} is open-ended (${q(p.text)}): consider a review date so it can be tracked.`,
  'date-without-year': (p) => `${p.what}: ${q(p.text)} has no year; read as ${p.target}, in the year of the report: write the year.`,
  'several-target-dates': (p) => `${p.what} has ${p.count} dates (${q(p.text)}): the latest, ${p.target}, is used as the target.`,
};

/** Builds a finding with its severity and message from the code and facts. */
export function makeFinding(code: FindingCode, where: { sheet: string; row: number; cell: string }, params: FindingParams): Finding {
  // Kept for the report's lifetime, so stored compactly (a big plan has 100,000s of findings).
  return {
    code,
    severity: FINDING_SEVERITY[code],
    sheet: where.sheet,
    row: where.row,
    cell: where.cell,
    message: compactText(MESSAGES[code](params)),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings by sheet, row, severity, then code, so reports are stable. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const idx = new Map(sheetOrder.map((s, i) => [s, i]));
  return [...findings].sort(
    (a, b) =>
      (idx.get(a.sheet) ?? 0) - (idx.get(b.sheet) ?? 0) ||
      a.row - b.row ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.cell.localeCompare(b.cell) ||
      a.code.localeCompare(b.code),
  );
}

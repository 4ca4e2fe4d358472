/**
 * What every command shares: the common options, parsing them into a check request before
 * any file is opened (so usage errors come first), opening a file with a progress line, and
 * the one-line refusal with its exit code.
 */
import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CheckRequest,
  type CheckResult,
  type IsoDate,
  type Settings,
  type Report,
  AppError,
  PlanReadError,
  SettingsError,
  isoFromYmd,
  parseColumnMap,
  requirePlan,
  resolveSettings,
} from '../app';
import { WorkbookError } from '../workbook/port';
import type { XlsxWorkbook } from '../workbook/xlsx/adapter';
import { readXlsxFile } from '../workbook/xlsx/node';
import { EXIT } from './exit';
import type { Io } from './io';

/** A failure the user must hear about in one line, with the exit code. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
  }
}

/** The options every command takes. */
export interface CommonOptions {
  asOf?: string;
  sheet?: string;
  settings?: string;
  startDate?: string;
  columns?: string;
  headerRow?: string;
  debug?: boolean;
}

/** Adds the common options to a command. */
export function commonOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', "judge dates as of this day (YYYY-MM-DD); default: the plan's Report Date, else today")
    .option('--sheet <name>', 'read only this sheet')
    .option('--start-date <date>', 'plan-wide start date for expected-progress RAG (YYYY-MM-DD)')
    .option('--settings <file.json>', 'settings as JSON (thresholds, dueSoonDays, summarySheetName, columns; see docs/RAG.md)')
    .option(
      '--columns <map>',
      'name the columns when detection cannot: action=C,lead=E,target=F,status=H (a letter or the exact header text; see docs/LAYOUTS.md)',
    )
    .option('--header-row <n>', 'the header row the --columns map applies to (1-based)')
    .option('--debug', 'show internal details of unexpected failures');
}

/** A YYYY-MM-DD option as a real date, or a plain refusal naming the flag. */
export function parseDateOption(value: string | undefined, flag: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const iso = m ? isoFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!iso) throw new UserError(`${flag} must be a real date written YYYY-MM-DD, e.g. 2021-03-01 (got "${value}").`);
  return iso;
}

/** The settings file and the options that override it, merged once over the defaults. */
function loadSettings(opts: CommonOptions): Settings {
  let input: Record<string, unknown> = {};
  if (opts.settings) {
    let text: string;
    try {
      text = fs.readFileSync(opts.settings, 'utf8');
    } catch {
      throw new UserError(`Cannot read the settings file ${opts.settings}.`);
    }
    try {
      input = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new UserError(`The settings file ${opts.settings} is not valid JSON.`);
    }
  }
  const start = parseDateOption(opts.startDate, '--start-date');
  if (start) input = { ...input, planStartDate: start };
  if (opts.columns !== undefined) {
    const { map, problems } = parseColumnMap(opts.columns);
    if (problems.length) throw new UserError(`--columns: ${problems.join('; ')}.`);
    if (Object.keys(map).length === 0) throw new UserError('--columns needs at least one name=column, e.g. --columns action=C,lead=E.');
    input = { ...input, columns: { ...((input.columns as object) ?? {}), ...map } };
  }
  if (opts.headerRow !== undefined) {
    const n = Number(opts.headerRow);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`--header-row must be a row number, 1 or more (got "${opts.headerRow}").`);
    input = { ...input, headerRow: n };
  }
  try {
    return resolveSettings(input);
  } catch (e) {
    if (e instanceof SettingsError) throw new UserError(e.message);
    throw e;
  }
}

/**
 * The check request the options describe, for the file given: checked before any file is
 * opened, so usage errors come first.
 */
export function checkRequest(opts: CommonOptions, io: Io): CheckRequest {
  const asOf = parseDateOption(opts.asOf, '--as-of');
  return { file: '', asOf, today: io.today(), sheet: opts.sheet, settings: loadSettings(opts) };
}

async function withProgress<T>(io: Io, label: string, work: () => Promise<T>): Promise<T> {
  // Only a person at a terminal wants a progress line, and only when it takes a moment.
  let shown = false;
  const timer = io.errIsTTY
    ? setTimeout(() => {
        shown = true;
        io.err(`${label}…`);
      }, 400)
    : undefined;
  try {
    return await work();
  } finally {
    if (timer) clearTimeout(timer);
    if (shown) io.err('\r\x1b[K');
  }
}

/** Opens an .xlsx file, with a progress line at a terminal when it takes a moment. */
export function openFile(file: string, io: Io): Promise<XlsxWorkbook> {
  return withProgress(io, `Reading ${file}`, () => readXlsxFile(file));
}

/**
 * Damage found while reading (large parts are checked as they are read) and refusals of the
 * use cases name the file they are about.
 */
export async function naming<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(e.code, `${file}: ${e.message}`);
    if (e instanceof AppError || e instanceof PlanReadError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Opens and checks a file; a workbook without a plan is refused, naming the file. */
export async function openAndCheck(file: string, request: CheckRequest, io: Io): Promise<{ wb: XlsxWorkbook; result: CheckResult }> {
  const wb = await openFile(file, io);
  const result = await naming(file, () => requirePlan(wb, { ...request, file: path.basename(file) }));
  return { wb, result };
}

/**
 * Opens and checks a file, keeping only its report. The workbook, its grid and the plan as read
 * are let go when this returns: `validate` destructured the report out of {@link openAndCheck}'s
 * result, and its frame still held the result (half the heap of a 100,000-action plan, 119 MB
 * live instead of 65 while the report was written out).
 */
export async function checkedReport(file: string, request: CheckRequest, io: Io): Promise<Report> {
  return (await openAndCheck(file, request, io)).result.report;
}

/** -o must name a new file: PlanCheck never overwrites its input. */
export function refuseSameFile(input: string, output: string): void {
  if (path.resolve(input) === path.resolve(output)) {
    throw new UserError(`-o must name a new file: PlanCheck never overwrites its input (${input}).`);
  }
}

/** "3 Concern, 2 On Target", in RAG order, or "none". */
export function ragLine(counts: Record<string, number>, labels: readonly string[]): string {
  return (
    labels
      .filter((l) => counts[l])
      .map((l) => `${counts[l]} ${l}`)
      .join(', ') || 'none'
  );
}

/**
 * `plancheck`: the command-line front end. A thin adapter: it reads the file through the
 * xlsx adapter, asks the core, and writes the result. Exit codes:
 *   0  no error findings (validate), or the output was written (summary, highlight)
 *   1  validate found error findings
 *   2  the file could not be read, holds no plan, or the command was used wrongly
 */
import { Command, CommanderError, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CheckResult,
  type Settings,
  SettingsError,
  PlanReadError,
  buildOwnersSheet,
  buildSummary,
  checkWorkbook,
  comparePlans,
  type Comparison,
  type Report,
  ownerLists,
  describeNoPlan,
  highlightCellCount,
  highlightMarks,
  isoFromYmd,
  parseColumnMap,
  resolveSettings,
  RAG_LABELS,
} from '../core';
import { WorkbookError } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx/adapter';
import { MAX_HIGHLIGHT_CELLS, tooManyToMark } from '../workbook/xlsx/highlights';
import { readXlsxFile, writeFileAtomic } from '../workbook/xlsx/node';
import { ANSI, NO_COLOUR, formatComparison, formatOwners, textLines } from './format';

export { EXIT } from './exit';
import { EXIT } from './exit';

/** Where the CLI writes, so tests can run it in-process. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** True when stderr is a terminal (progress and colour go there only then). */
  errIsTTY: boolean;
  outIsTTY: boolean;
  /** Today's calendar date where the user is. */
  today(): string;
}

/** The real process streams. */
export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTTY: Boolean(process.stderr.isTTY),
  outIsTTY: Boolean(process.stdout.isTTY),
  today: () => {
    // The user's own calendar day: the one moment where local time is right.
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  },
};

/** A failure the user must hear about in one line, with the exit code. */
class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
  }
}

interface CommonOptions {
  asOf?: string;
  previousAsOf?: string;
  sheet?: string;
  settings?: string;
  startDate?: string;
  columns?: string;
  headerRow?: string;
  debug?: boolean;
}

function parseAsOf(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const iso = m ? isoFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!iso) throw new UserError(`${flag} must be a real date written YYYY-MM-DD, e.g. 2021-03-01 (got "${value}").`);
  return iso;
}

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
  const start = parseAsOf(opts.startDate, '--start-date');
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

async function open(file: string, io: Io): Promise<XlsxWorkbook> {
  return withProgress(io, `Reading ${file}`, () => readXlsxFile(file));
}

/** Options checked before any file is opened, so usage errors come first. */
interface Prepared {
  settings: Settings;
  asOf: string | undefined;
}

function prepare(opts: CommonOptions): Prepared {
  return { asOf: parseAsOf(opts.asOf, '--as-of'), settings: loadSettings(opts) };
}

/** The day a plan is judged at: `asOf` if given, else its Report Date, else `fallback`. */
interface JudgedAt {
  /** Default: --as-of. */
  asOf?: string;
  /** Default: today. */
  fallback?: string;
}

async function check(
  file: string,
  wb: XlsxWorkbook,
  opts: CommonOptions,
  prepared: Prepared,
  io: Io,
  when: JudgedAt = {},
): Promise<CheckResult> {
  const asOf = 'asOf' in when ? when.asOf : prepared.asOf;
  const fallback = when.fallback ?? io.today();
  let grid;
  try {
    grid = await wb.readGrid();
  } catch (e) {
    // Large parts are checked as they are read: damage found then still names the file.
    if (e instanceof WorkbookError) throw new WorkbookError(e.code, `${file}: ${e.message}`);
    throw e;
  }
  const { settings } = prepared;
  let result: CheckResult;
  try {
    result = checkWorkbook(grid, {
      file: path.basename(file),
      asOf,
      today: fallback,
      settings,
      sheet: opts.sheet,
    });
  } catch (e) {
    if (e instanceof PlanReadError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
  if (result.noPlan) throw new UserError(`${file}: ${describeNoPlan(result.raw)}`);
  return result;
}

/**
 * Opens and checks a file and keeps only the report: the workbook, its grid and what was read
 * from it can be let go before the report is written out (most of the memory of a big plan).
 */
async function checkReport(file: string, opts: CommonOptions, prepared: Prepared, io: Io, when: JudgedAt = {}): Promise<Report> {
  return (await check(file, await open(file, io), opts, prepared, io, when)).report;
}

function refuseSameFile(input: string, output: string): void {
  if (path.resolve(input) === path.resolve(output)) {
    throw new UserError(`-o must name a new file: PlanCheck never overwrites its input (${input}).`);
  }
}

function ragLine(counts: Record<string, number>): string {
  return (
    RAG_LABELS.filter((l) => counts[l])
      .map((l) => `${counts[l]} ${l}`)
      .join(', ') || 'none'
  );
}

function commonOptions(cmd: Command): Command {
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

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const colour = io.outIsTTY && !process.env.NO_COLOR ? ANSI : NO_COLOUR;
  const program = new Command();
  program
    .name('plancheck')
    .description('Checks council improvement plans in Excel: findings, RAG with reasons, and a strategic summary.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors found or output written; 1 error findings; 2 unreadable file, no plan, or bad usage.

Examples:
  plancheck validate examples/best-value-action-plan.xlsx
  plancheck validate plan.xlsx --as-of 2021-03-01 --format json > report.json
  plancheck summary plan.xlsx -o plan-with-summary.xlsx
  plancheck highlight plan.xlsx -o plan-highlighted.xlsx`,
    );

  commonOptions(
    program
      .command('validate')
      .description('check a plan: findings by sheet and cell, RAG for every workstream and action')
      .argument('<file>', 'an .xlsx workbook')
      .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
Examples:
  plancheck validate plan.xlsx
  plancheck validate plan.xlsx --as-of 2021-03-01
  plancheck validate plan.xlsx --format json --sheet "Action Plan"`,
    )
    .action(async (file: string, opts: CommonOptions & { format: string }) => {
      const prepared = prepare(opts);
      const report = await checkReport(file, opts, prepared, io);
      if (opts.format === 'json') {
        writeJson(report, io);
      } else {
        const out = chunked(io);
        for (const line of textLines(report, colour)) out.put(`${line}\n`);
        out.flush();
      }
      exitCode = report.counts.errors > 0 ? EXIT.findings : EXIT.ok;
    });

  commonOptions(
    program
      .command('summary')
      .description('write a copy of the workbook with a "Strategic Summary" sheet added')
      .argument('<file>', 'an .xlsx workbook')
      .requiredOption('-o, --output <out.xlsx>', 'the workbook to write (never the input)')
      .option('--previous <previous.xlsx>', 'the version reported last time: adds "Changes since last report" and Change Requests')
      .option('--previous-as-of <date>', 'judge the previous version as of this day (YYYY-MM-DD); default: its Report Date')
      .option('--owners', 'also add an "Owners" sheet: what each lead officer has to chase'),
  )
    .addHelpText(
      'after',
      `
Examples:
  plancheck summary plan.xlsx -o committee-pack.xlsx
  plancheck summary plan.xlsx -o committee-pack.xlsx --as-of 2021-03-01
  plancheck summary mc002.xlsx --previous mc001.xlsx --owners -o committee-pack.xlsx`,
    )
    .action(async (file: string, opts: CommonOptions & { output: string; previous?: string; owners?: boolean }) => {
      refuseSameFile(file, opts.output);
      const prepared = prepare(opts);
      const { settings } = prepared;
      const previousAsOf = parseAsOf(opts.previousAsOf, '--previous-as-of');
      const wb = await open(file, io);
      const result = await check(file, wb, opts, prepared, io);
      // Read now, while the check's survey of the package is cached: after the writes it would
      // mean reading every sheet again.
      const { hasMacros } = wb.info;
      let comparison: Comparison | null = null;
      if (opts.previous) {
        const previous = await checkReport(opts.previous, opts, prepared, io, { asOf: previousAsOf, fallback: result.report.asOf });
        comparison = comparePlans(previous, result.report);
      }
      const written = await wb.writeSheet(buildSummary(result, settings, { comparison }));
      const owners = opts.owners
        ? await wb.writeSheet(buildOwnersSheet(ownerLists(result.report), result.report.asOf, settings.ownersSheetName))
        : null;
      await writeFileAtomic(opts.output, wb.toBytes());
      warnDropped(hasMacros, opts.output, io);
      const r = result.report;
      io.out(
        `Wrote ${opts.output}: sheet "${written.name}"${written.replaced ? ' (replaced the earlier summary)' : ''} with ${r.workstreams.length} workstreams (${ragLine(r.counts.workstreamRag)}), as of ${r.asOf}${comparison ? `, with ${comparison.changes.length} changes since ${comparison.previous.asOf}` : ''}${owners ? `; sheet "${owners.name}" lists what each lead officer has to chase` : ''}.\n`,
      );
      if (written.name !== settings.summarySheetName) {
        io.err(`Note: the workbook already has a sheet of yours named "${settings.summarySheetName}"; it was left alone.\n`);
      }
    });

  commonOptions(
    program
      .command('highlight')
      .description('write a copy of the workbook with problem cells and RAG cells marked, each with a note saying why')
      .argument('<file>', 'an .xlsx workbook')
      .requiredOption('-o, --output <out.xlsx>', 'the workbook to write (never the input)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  plancheck highlight plan.xlsx -o plan-marked.xlsx`,
    )
    .action(async (file: string, opts: CommonOptions & { output: string }) => {
      refuseSameFile(file, opts.output);
      const prepared = prepare(opts);
      const wb = await open(file, io);
      const result = await check(file, wb, opts, prepared, io);
      // Refused before the marks and their notes are built: for a huge plan that alone is too much.
      const cells = highlightCellCount(result);
      if (cells > MAX_HIGHLIGHT_CELLS) throw new UserError(`${file}: ${tooManyToMark(cells)}`);
      const marks = highlightMarks(result);
      await wb.applyHighlights(marks);
      await writeFileAtomic(opts.output, wb.toBytes());
      const errors = marks.filter((m) => m.kind === 'error').length;
      const warnings = marks.filter((m) => m.kind === 'warning').length;
      io.out(
        `Wrote ${opts.output}: ${marks.length} cells marked (${errors} with errors, ${warnings} with warnings, ${marks.length - errors - warnings} RAG cells), as of ${result.report.asOf}.\n`,
      );
    });

  commonOptions(
    program
      .command('compare')
      .description(
        'what changed since the last report: moved target dates, RAG changes, newly overdue, completed, new and removed actions, owners',
      )
      .argument('<previous>', 'the version reported last time (.xlsx)')
      .argument('<current>', 'the version now (.xlsx)')
      .option(
        '--previous-as-of <date>',
        'judge the previous version as of this day (YYYY-MM-DD); default: its Report Date, else the current as-of date',
      )
      .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
Actions are matched by workstream and number, or by the closest description when the
numbering changed; anything that could not be matched is listed as new or removed.

Examples:
  plancheck compare plan-june.xlsx plan-september.xlsx
  plancheck compare mc001.xlsx mc002.xlsx --format json > changes.json`,
    )
    .action(async (previousFile: string, currentFile: string, opts: CommonOptions & { format: string }) => {
      const prepared = prepare(opts);
      const previousAsOf = parseAsOf(opts.previousAsOf, '--previous-as-of');
      const comparison = await compareFiles(previousFile, currentFile, opts, prepared, previousAsOf, io);
      if (opts.format === 'json') writeJson(comparison, io);
      else io.out(formatComparison(comparison, colour));
    });

  commonOptions(
    program
      .command('owners')
      .description("each lead officer's overdue, due-soon and unclear actions with their cells, ready to paste into an email")
      .argument('<file>', 'an .xlsx workbook')
      .option('--lead <name>', 'only this lead officer (as written in the plan, any case)')
      .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
Examples:
  plancheck owners plan.xlsx
  plancheck owners plan.xlsx --lead "J Craig"
  plancheck owners plan.xlsx --format json`,
    )
    .action(async (file: string, opts: CommonOptions & { format: string; lead?: string }) => {
      const prepared = prepare(opts);
      const wb = await open(file, io);
      const result = await check(file, wb, opts, prepared, io);
      let lists = ownerLists(result.report);
      if (opts.lead !== undefined) {
        const want = opts.lead.trim().toLowerCase();
        const known = lists.map((l) => l.lead).filter((l): l is string => l !== null);
        lists = lists.filter((l) => (l.lead ?? '').toLowerCase() === want);
        if (lists.length === 0) {
          throw new UserError(
            `No lead officer "${opts.lead}" has anything to chase in ${file}; leads with items: ${known.map((k) => `"${k}"`).join(', ') || 'none'}.`,
          );
        }
      }
      if (opts.format === 'json')
        io.out(JSON.stringify({ file: result.report.file, asOf: result.report.asOf, owners: lists }, null, 2) + '\n');
      else io.out(formatOwners(lists, result.report.asOf));
    });

  const debug = argv.includes('--debug');
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.unusable;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its message; --help and --version are not failures.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.unusable;
    }
    if (e instanceof UserError) {
      io.err(`plancheck: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof WorkbookError) {
      io.err(`plancheck: ${e.message}\n`);
      return EXIT.unusable;
    }
    const err = e as Error;
    io.err(`plancheck: unexpected failure: ${err?.message ?? String(e)}. Run again with --debug for details, and please report it.\n`);
    if (debug && err?.stack) io.err(`${err.stack}\n`);
    return EXIT.unusable;
  }
}

/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but top-level arrays item by
 * item in chunks: a 100,000-action report is tens of MB of text that need never be one
 * string. (The report is typed where it is built; its schema is checked in the tests.)
 */
export function writeJson(value: object, io: Pick<Io, 'out'>): void {
  const { put, flush } = chunked(io);
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  put('{');
  entries.forEach(([key, v], i) => {
    put(`\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length > 0) {
      put('[');
      // Each item stringified as it sits in its array, so the indentation comes out right
      // without re-indenting every line of every item.
      const head = `{\n  ${JSON.stringify(key)}: [\n    `.length;
      const tail = '\n  ]\n}'.length;
      v.forEach((item, j) => {
        const s = JSON.stringify({ [key]: [item ?? null] }, null, 2);
        put(`${j ? ',' : ''}\n    ${s.slice(head, s.length - tail)}`);
      });
      put('\n  ]');
    } else {
      put(indent(JSON.stringify(v, null, 2), '  '));
    }
    if (i < entries.length - 1) put(',');
  });
  put(entries.length ? '\n}\n' : '}\n');
  flush();
}

/** Output gathered into writes of about 64 KB: one write per line or per item would be slow. */
function chunked(io: Pick<Io, 'out'>): { put(s: string): void; flush(): void } {
  let buffer = '';
  const flush = () => {
    if (buffer) io.out(buffer);
    buffer = '';
  };
  return {
    put: (s) => {
      buffer += s;
      if (buffer.length >= 1 << 16) flush();
    },
    flush,
  };
}

/** Checks both versions, each as of its own date, and compares them. */
async function compareFiles(
  previousFile: string,
  currentFile: string,
  opts: CommonOptions,
  prepared: Prepared,
  previousAsOf: string | undefined,
  io: Io,
): Promise<Comparison> {
  if (path.resolve(previousFile) === path.resolve(currentFile)) {
    throw new UserError(`compare needs two different files (both were ${previousFile}).`);
  }
  // One workbook at a time, keeping only its report: two big plans never hold two grids.
  const current = await checkReport(currentFile, opts, prepared, io);
  // The previous version is judged as it was reported: its own Report Date, else the current as-of.
  const previous = await checkReport(previousFile, opts, prepared, io, { asOf: previousAsOf, fallback: current.asOf });
  return comparePlans(previous, current);
}

function warnDropped(hasMacros: boolean, output: string, io: Io): void {
  if (/\.xlsx$/i.test(output) && hasMacros) {
    io.err(`Warning: the input has macros; a .xlsx file cannot carry them. Name the output .xlsm to keep them.\n`);
  }
}

/**
 * `plancheck`: the command-line front end. It only wires the commands (one file each in
 * commands/, calling the application layer in src/app) and turns refusals into one line on
 * stderr and an exit code:
 *   0  no error findings (validate), or the output was written (summary, highlight)
 *   1  validate found error findings; merge listed conflicts
 *   2  the file could not be read, holds no plan, or the command was used wrongly
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../app';
import { WorkbookError, localToday } from '../workbook/port';
import { compareCommand } from './commands/compare';
import { highlightCommand } from './commands/highlight';
import { mergeCommand } from './commands/merge';
import { ownersCommand } from './commands/owners';
import { requestsCommand } from './commands/requests';
import { summaryCommand } from './commands/summary';
import { validateCommand } from './commands/validate';
import { UserError } from './common';
import { EXIT } from './exit';
import { ANSI, NO_COLOUR } from './format';
import { type Io, writeJson } from './io';

export { EXIT } from './exit';
export { type Io, writeJson };

/** The real process streams. */
export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  drained: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
  err: (s) => process.stderr.write(s),
  errIsTTY: Boolean(process.stderr.isTTY),
  outIsTTY: Boolean(process.stdout.isTTY),
  today: localToday,
};

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
Exit codes: 0 no errors found or output written; 1 error findings (validate) or conflicts
(merge); 2 unreadable file, no plan, or bad usage.

Examples:
  plancheck validate examples/best-value-action-plan.xlsx
  plancheck validate plan.xlsx --as-of 2021-03-01 --format json > report.json
  plancheck summary plan.xlsx -o plan-with-summary.xlsx
  plancheck highlight plan.xlsx -o plan-highlighted.xlsx
  plancheck requests plan.xlsx -o forms --reply-by 2021-02-19
  plancheck merge plan.xlsx forms/*.xlsx -o plan-updated.xlsx`,
    );

  validateCommand(program, io, colour, (code) => (exitCode = code));
  summaryCommand(program, io);
  highlightCommand(program, io);
  compareCommand(program, io, colour);
  ownersCommand(program, io);
  requestsCommand(program, io);
  mergeCommand(program, io, (code) => (exitCode = code));

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
    if (e instanceof WorkbookError || e instanceof AppError) {
      io.err(`plancheck: ${e.message}\n`);
      return EXIT.unusable;
    }
    const err = e as Error;
    io.err(`plancheck: unexpected failure: ${err?.message ?? String(e)}. Run again with --debug for details, and please report it.\n`);
    if (debug && err?.stack) io.err(`${err.stack}\n`);
    return EXIT.unusable;
  }
}

/** `plancheck compare`: what changed since the last report. */
import { type Command, Option } from 'commander';
import * as path from 'node:path';
import { checkPrevious, compareReports } from '../../app';
import { type CommonOptions, UserError, checkRequest, checkedReport, commonOptions, naming, openFile, parseDateOption } from '../common';
import { type Palette, formatComparison } from '../format';
import { type Io, writeJson } from '../io';

/** Adds `compare` to the program. */
export function compareCommand(program: Command, io: Io, colour: Palette): void {
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
    .action(async (previousFile: string, currentFile: string, opts: CommonOptions & { format: string; previousAsOf?: string }) => {
      const request = checkRequest(opts, io);
      const previousAsOf = parseDateOption(opts.previousAsOf, '--previous-as-of');
      if (path.resolve(previousFile) === path.resolve(currentFile)) {
        throw new UserError(`compare needs two different files (both were ${previousFile}).`);
      }
      // One workbook at a time, keeping only its report: two big plans never hold two grids.
      const current = await checkedReport(currentFile, request, io);
      const previous = await naming(previousFile, async () =>
        checkPrevious(await openFile(previousFile, io), request, path.basename(previousFile), current, previousAsOf),
      );
      const comparison = await compareReports(previous, current);
      if (opts.format === 'json') await writeJson(comparison, io);
      else io.out(formatComparison(comparison, colour));
    });
}

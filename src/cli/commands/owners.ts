/** `plancheck owners`: each lead officer's actions to chase, ready to paste into an email. */
import { type Command, Option } from 'commander';
import { ownersOf } from '../../app';
import { type CommonOptions, checkRequest, checkedReport, commonOptions } from '../common';
import { formatOwners } from '../format';
import type { Io } from '../io';

/** Adds `owners` to the program. */
export function ownersCommand(program: Command, io: Io): void {
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
      const request = checkRequest(opts, io);
      const report = await checkedReport(file, request, io);
      const lists = ownersOf(report, opts.lead, file);
      if (opts.format === 'json') io.out(JSON.stringify({ file: report.file, asOf: report.asOf, owners: lists }, null, 2) + '\n');
      else io.out(formatOwners(lists, report.asOf));
    });
}

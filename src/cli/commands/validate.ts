/** `plancheck validate`: findings by sheet and cell, RAG for every workstream and action. */
import { type Command, Option } from 'commander';
import { reportItemJson } from '../../app';
import { EXIT } from '../exit';
import { type Palette, textLines } from '../format';
import { type CommonOptions, checkRequest, checkedReport, commonOptions } from '../common';
import { type Io, chunked, writeJson } from '../io';

/** Adds `validate` to the program; `done` receives the exit code. */
export function validateCommand(program: Command, io: Io, colour: Palette, done: (code: number) => void): void {
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
      const request = checkRequest(opts, io);
      // Only the report is kept: the workbook and its grid can be let go before it is written out.
      const report = await checkedReport(file, request, io);
      if (opts.format === 'json') {
        // The report's own arrays by their templates: the same text, in about half the time.
        await writeJson(report, io, reportItemJson);
      } else {
        const out = chunked(io);
        for (const line of textLines(report, colour)) {
          const wait = out.put(`${line}\n`);
          if (wait) await wait;
        }
        await out.flush();
      }
      done(report.counts.errors > 0 ? EXIT.findings : EXIT.ok);
    });
}

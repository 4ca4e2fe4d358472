/** `plancheck summary`: a copy of the workbook with the strategic summary (and Owners) sheet added. */
import type { Command } from 'commander';
import * as path from 'node:path';
import { RAG_LABELS, checkPrevious, writeSummary } from '../../app';
import { writeFileAtomic } from '../../workbook/xlsx/node';
import {
  type CommonOptions,
  checkRequest,
  commonOptions,
  naming,
  openAndCheck,
  openFile,
  parseDateOption,
  ragLine,
  refuseSameFile,
} from '../common';
import type { Io } from '../io';

interface SummaryOptions extends CommonOptions {
  output: string;
  previous?: string;
  previousAsOf?: string;
  owners?: boolean;
}

/** Adds `summary` to the program. */
export function summaryCommand(program: Command, io: Io): void {
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
    .action(async (file: string, opts: SummaryOptions) => {
      refuseSameFile(file, opts.output);
      const request = checkRequest(opts, io);
      const previousAsOf = parseDateOption(opts.previousAsOf, '--previous-as-of');
      const { wb, result } = await openAndCheck(file, request, io);
      // Read now, while the check's survey of the package is cached: after the writes it would
      // mean reading every sheet again.
      const { hasMacros } = wb.info;
      const previous = opts.previous
        ? await naming(opts.previous, async () =>
            checkPrevious(await openFile(opts.previous!, io), request, path.basename(opts.previous!), result.report, previousAsOf),
          )
        : null;
      const done = await writeSummary(wb, result, { settings: request.settings, previous, owners: opts.owners });
      await writeFileAtomic(opts.output, wb.toBytes());
      if (/\.xlsx$/i.test(opts.output) && hasMacros) {
        io.err(`Warning: the input has macros; a .xlsx file cannot carry them. Name the output .xlsm to keep them.\n`);
      }
      const r = done.report;
      const { summary, owners, comparison } = done;
      io.out(
        `Wrote ${opts.output}: sheet "${summary.name}"${summary.replaced ? ' (replaced the earlier summary)' : ''} with ${r.workstreams.length} workstreams (${ragLine(r.counts.workstreamRag, RAG_LABELS)}), as of ${r.asOf}${comparison ? `, with ${comparison.changes.length} changes since ${comparison.previous.asOf}` : ''}${owners ? `; sheet "${owners.name}" lists what each lead officer has to chase` : ''}.\n`,
      );
      if (done.renamed) {
        io.err(`Note: the workbook already has a sheet of yours named "${request.settings.summarySheetName}"; it was left alone.\n`);
      }
    });
}

/** `plancheck highlight`: a copy of the workbook with problem and RAG cells marked, each with a note. */
import type { Command } from 'commander';
import { highlight } from '../../app';
import { writeFileAtomic } from '../../workbook/xlsx/node';
import { type CommonOptions, checkRequest, commonOptions, naming, openAndCheck, refuseSameFile } from '../common';
import type { Io } from '../io';

/** Adds `highlight` to the program. */
export function highlightCommand(program: Command, io: Io): void {
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
      const request = checkRequest(opts, io);
      const { wb, result } = await openAndCheck(file, request, io);
      const marked = await naming(file, () => highlight(wb, result));
      await writeFileAtomic(opts.output, wb.toBytes());
      io.out(
        `Wrote ${opts.output}: ${marked.cells} cells marked (${marked.errors} with errors, ${marked.warnings} with warnings, ${marked.rag} RAG cells), as of ${result.report.asOf}.\n`,
      );
    });
}

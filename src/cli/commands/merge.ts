/** `plancheck merge`: returned update forms written into a copy of the plan, every change listed. */
import { type Command, Option } from 'commander';
import * as path from 'node:path';
import { type MergePlan, type ReturnSource, applyMerge, planReturns } from '../../app';
import { writeFileAtomic } from '../../workbook/xlsx/node';
import { EXIT } from '../exit';
import { type CommonOptions, checkRequest, commonOptions, naming, openAndCheck, openFile, refuseSameFile } from '../common';
import type { Io } from '../io';

interface MergeOptions extends CommonOptions {
  output: string;
  format: string;
}

/** Adds `merge` to the program; `done` receives the exit code. */
export function mergeCommand(program: Command, io: Io, done: (code: number) => void): void {
  commonOptions(
    program
      .command('merge')
      .description('apply returned update forms to a copy of the plan, listing every change and every conflict')
      .argument('<plan>', 'the plan the forms were made from (.xlsx)')
      .argument('<returns...>', 'the returned forms (.xlsx)')
      .requiredOption('-o, --output <out.xlsx>', 'the merged plan to write (never the input)')
      .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
Progress, status, status updates and revised target dates go into the plan's own cells;
every other cell is left as it was. An answer that cannot be applied with certainty (a row
moved or reworded since, two leads disagreeing, a percentage outside 0-100, a date nobody
can read, a form from another plan) is listed as a conflict and not applied.
Exit codes: 0 merged, no conflicts; 1 merged, with conflicts listed; 2 could not read.

Examples:
  plancheck merge plan.xlsx forms/*.xlsx -o plan-updated.xlsx
  plancheck merge plan.xlsx returned.xlsx -o plan-updated.xlsx --format json`,
    )
    .action(async (file: string, returns: string[], opts: MergeOptions) => {
      refuseSameFile(file, opts.output);
      for (const r of returns) refuseSameFile(r, opts.output);
      const request = checkRequest(opts, io);
      const { wb, result } = await openAndCheck(file, request, io);
      const sources: ReturnSource[] = [];
      for (const r of returns) sources.push({ fileName: path.basename(r), workbook: await openFile(r, io) });
      const merge = await naming(file, () => planReturns(wb, result, sources));
      await naming(file, () => applyMerge(wb, merge));
      await writeFileAtomic(opts.output, wb.toBytes());
      if (opts.format === 'json') io.out(JSON.stringify({ changes: merge.changes, conflicts: merge.conflicts }, null, 2) + '\n');
      else io.out(mergeText(merge, opts.output));
      done(merge.conflicts.length ? EXIT.findings : EXIT.ok);
    });
}

const FIELD: Record<string, string> = {
  percent: '% Complete',
  status: 'Status',
  'revised-target': 'Target date',
  'status-update': 'Status update',
  row: 'row',
  form: 'form',
};

/** The merge as lines: each change, then each conflict. */
function mergeText(merge: MergePlan, output: string): string {
  const lines = [
    `Wrote ${output}: ${merge.changes.length} change${merge.changes.length === 1 ? '' : 's'}, ${merge.conflicts.length} conflict${merge.conflicts.length === 1 ? '' : 's'}.`,
  ];
  if (merge.changes.length) lines.push('Changes:');
  for (const c of merge.changes) lines.push(`  ${c.sheet}!${c.cell}  ${FIELD[c.field]}: ${c.from ?? '(empty)'} -> ${c.to}  (${c.lead})`);
  if (merge.conflicts.length) lines.push('Conflicts (not applied):');
  for (const c of merge.conflicts) {
    const where = c.sheet ? `${c.sheet} row ${c.row}` : c.file;
    lines.push(`  ${where}  ${FIELD[c.field]}  ${c.code}: ${c.reason}${c.lead ? ` (${c.lead}, ${c.file})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

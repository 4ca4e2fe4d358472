/** `plancheck requests`: one update form per lead officer, written into a folder. */
import { type Command, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatUkDate, makeRequests } from '../../app';
import { buildFormWorkbook } from '../../workbook/xlsx/form';
import { writeFileAtomic } from '../../workbook/xlsx/node';
import { type CommonOptions, UserError, checkRequest, commonOptions, naming, openAndCheck, parseDateOption } from '../common';
import type { Io } from '../io';

interface RequestsOptions extends CommonOptions {
  output: string;
  lead?: string;
  replyBy?: string;
  format: string;
}

/** Adds `requests` to the program. */
export function requestsCommand(program: Command, io: Io): void {
  commonOptions(
    program
      .command('requests')
      .description('one update form (.xlsx) per lead officer, with their actions and current progress, to send out before a committee')
      .argument('<plan>', 'the plan (.xlsx)')
      .requiredOption('-o, --output <dir>', 'the folder to write the forms into (made if absent)')
      .option('--lead <name>', "only this lead officer's form (as written in the plan, any case)")
      .option('--reply-by <date>', 'the date replies are wanted by, shown on each form (YYYY-MM-DD)')
      .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
Each form has a sheet "Update": the lead's actions with their Target Date, % Complete and
Status, and cells for a new % Complete, Status, Revised Target Date and Status Update. The
rest is protected (no password). Merge the returned forms with "plancheck merge".

Examples:
  plancheck requests plan.xlsx -o forms --reply-by 2021-02-19
  plancheck requests plan.xlsx -o forms --lead "J Craig" --format json`,
    )
    .action(async (file: string, opts: RequestsOptions) => {
      const request = checkRequest(opts, io);
      const replyBy = parseDateOption(opts.replyBy, '--reply-by');
      const { result } = await openAndCheck(file, request, io);
      const made = await naming(file, async () =>
        makeRequests(result, { planFile: path.basename(file), replyBy, lead: opts.lead }, buildFormWorkbook),
      );
      try {
        fs.mkdirSync(opts.output, { recursive: true });
      } catch {
        throw new UserError(`Cannot make the folder ${opts.output}.`);
      }
      const input = path.resolve(file);
      for (const form of made.forms) {
        const out = path.join(opts.output, form.file);
        if (path.resolve(out) === input) throw new UserError(`-o would overwrite the plan itself (${file}): choose another folder.`);
        await writeFileAtomic(out, form.bytes);
      }
      if (opts.format === 'json') {
        const forms = made.forms.map((f) => ({ lead: f.lead, file: path.join(opts.output, f.file), actions: f.actions }));
        io.out(JSON.stringify({ forms, unowned: made.unowned }, null, 2) + '\n');
        return;
      }
      const n = made.forms.length;
      io.out(`Wrote ${n} update form${n === 1 ? '' : 's'} to ${opts.output}${replyBy ? `, replies by ${formatUkDate(replyBy)}` : ''}:\n`);
      for (const f of made.forms) io.out(`  ${f.file}  ${f.lead}: ${f.actions.length} action${f.actions.length === 1 ? '' : 's'}\n`);
      if (made.unowned.length) {
        io.out(`${made.unowned.length} action${made.unowned.length === 1 ? ' has' : 's have'} no lead officer, so nobody can be asked:\n`);
        for (const a of made.unowned) io.out(`  ${a.sheet} row ${a.row}  ${a.number ?? ''} ${a.description}`.trimEnd() + '\n');
      }
    });
}

/**
 * The update cycle: one form per lead officer, built from the checked plan; the returned
 * forms read, matched back to the plan's rows, and merged into the plan's own cells with
 * every change listed and every doubt a conflict (docs/UPDATES.md).
 */
import {
  type ActionRef,
  type CheckResult,
  type FormAction,
  type MergeChange,
  type MergePlan,
  type RequestOptions,
  a1,
  buildRequests,
  planMerge,
  readReturn,
} from '../core';
import type { FormWriter, WorkbookPort } from '../workbook/port';
import { AppError } from './errors';

/** A lead's form, ready to send. */
export interface FormFile {
  lead: string;
  /** A file name safe on any file system, unique among the forms. */
  file: string;
  actions: FormAction[];
  bytes: Uint8Array;
}

/** What {@link makeRequests} makes. */
export interface Requests {
  forms: FormFile[];
  /** Actions nobody can be asked about: no lead officer named. */
  unowned: ActionRef[];
}

/**
 * Builds one update form per lead officer of a checked plan (or only `lead`'s), as workbooks
 * written by `write`. A lead with no open actions has no form; asking for a lead the plan
 * does not name is refused, naming the leads it does.
 */
export function makeRequests(checked: CheckResult, options: RequestOptions, write: FormWriter): Requests {
  const set = buildRequests(checked, options);
  if (options.lead !== undefined && set.forms.length === 0) {
    const all = buildRequests(checked, { ...options, lead: undefined }).forms.map((f) => `"${f.lead}"`);
    throw new AppError(
      'unknown-lead',
      `No lead officer "${options.lead}" has actions in ${options.planFile}; leads: ${all.join(', ') || 'none'}.`,
    );
  }
  return {
    forms: set.forms.map((f) => ({ lead: f.lead, file: f.file, actions: f.actions, bytes: write(f.spec) })),
    unowned: set.unowned,
  };
}

/** A returned form: its file name and the workbook it is. */
export interface ReturnSource {
  fileName: string;
  workbook: WorkbookPort;
}

/**
 * Reads the returned forms and decides, against the plan as it is now, what each changes and
 * what cannot be applied. Nothing is written: show the plan, then {@link applyMerge}.
 */
export async function planReturns(workbook: WorkbookPort, checked: CheckResult, returns: ReturnSource[]): Promise<MergePlan> {
  const read: { fileName: string; form: ReturnType<typeof readReturn> }[] = [];
  for (const r of returns) read.push({ fileName: r.fileName, form: readReturn(await r.workbook.readGrid()) });
  return planMerge(checked, read, { grid: await workbook.readGrid() });
}

/** What applying a merge wrote. */
export interface MergeOutcome {
  /** The changes written, in plan order. */
  applied: MergeChange[];
  /** True when the host's Undo takes them all back in one step (Excel with ExcelApi 1.20). */
  oneUndoStep: boolean;
}

/**
 * Writes a merge's changes into the plan's cells (only those `accept` keeps, when given).
 * Every other cell, format and part of the workbook is left as it was.
 */
export async function applyMerge(
  workbook: WorkbookPort,
  merge: MergePlan,
  accept: (change: MergeChange) => boolean = () => true,
): Promise<MergeOutcome> {
  if (!workbook.editCells)
    throw new AppError('cannot-edit', 'This workbook cannot be edited here: merge the returns from the command line or in Excel.');
  const applied = merge.changes.filter(accept);
  const cells = new Set(applied.map((c) => `${c.sheet}\u0000${c.cell}`));
  const edits = merge.edits.filter((e) => cells.has(`${e.sheet}\u0000${a1(e.row - 1, e.col)}`));
  const done = await workbook.editCells(edits);
  return { applied, oneUndoStep: done?.oneUndoStep === true };
}

/**
 * The update cycle's steps for the pane (building forms, reading returns, applying a merge),
 * loaded only when first used: with the xlsx writer and reader they would not fit the pane's
 * first load. The xlsx parts come from the same lazily loaded chunk as file mode's.
 */
import {
  type ActionRef,
  type CheckResult,
  type HostWorkbook,
  type MergeChange,
  type MergeOutcome,
  type MergePlan,
  type ReturnSource,
  applyMerge,
  makeRequests,
  planReturns,
} from '../app';

/** One lead's form, as the pane lists it. */
export interface FormSummary {
  lead: string;
  file: string;
  actions: number;
}

/** Every form made, zipped for one download. */
export interface RequestZip {
  forms: FormSummary[];
  unowned: ActionRef[];
  /** The forms as one .zip; null when no lead has open actions. */
  zip: Uint8Array | null;
}

/** Builds one form per lead officer (or only `lead`'s) and zips them. */
export async function buildRequestZip(
  checked: CheckResult,
  options: { planFile: string; replyBy?: string; lead?: string },
): Promise<RequestZip> {
  const [{ buildFormWorkbook }, { zipFiles }] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx/form'),
    import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx/zipFiles'),
  ]);
  const made = makeRequests(checked, options, buildFormWorkbook);
  return {
    forms: made.forms.map((f) => ({ lead: f.lead, file: f.file, actions: f.actions.length })),
    unowned: made.unowned,
    zip: made.forms.length ? zipFiles(made.forms.map((f) => ({ name: f.file, bytes: f.bytes }))) : null,
  };
}

/** A returned form as the user picked it. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads the returned forms and plans the merge against the plan as it is now; nothing is written. */
export async function previewReturns(workbook: HostWorkbook, checked: CheckResult, files: PickedFile[]): Promise<MergePlan> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx/adapter');
  const sources: ReturnSource[] = files.map((f) => {
    try {
      return { fileName: f.name, workbook: XlsxWorkbook.fromBytes(f.bytes) };
    } catch (e) {
      throw new Error(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return planReturns(workbook, checked, sources);
}

/** Writes the accepted changes of a previewed merge into the plan. */
export function applyChanges(workbook: HostWorkbook, plan: MergePlan, accepted: ReadonlySet<MergeChange>): Promise<MergeOutcome> {
  return applyMerge(workbook, plan, (c) => accepted.has(c));
}

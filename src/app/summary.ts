/**
 * Summary: the strategic summary sheet (and, when asked, the Owners sheet) written into the
 * workbook, with "Changes since last report" when the previous version is given.
 */
import { type CheckResult, type Comparison, type Report, type Settings, buildOwnersSheet, ownerLists } from '../core';
import type { WorkbookPort, WriteSheetResult } from '../workbook/port';
import { compareReports } from './compare';

/** What writing the summary did. */
export interface SummaryOutcome {
  report: Report;
  /** The summary sheet as written (its name differs from the setting when a user's sheet has it). */
  summary: WriteSheetResult;
  /** The Owners sheet, when asked for. */
  owners: WriteSheetResult | null;
  /** The comparison with the previous version, when one was given. */
  comparison: Comparison | null;
  /** True when a sheet of the user's already had the summary's name, so another name was used. */
  renamed: boolean;
}

/** Options for {@link writeSummary}. */
export interface SummaryRequest {
  settings: Settings;
  /** The previous version's report: adds "Changes since last report" and Change Requests. */
  previous?: Report | null;
  /** Also write the Owners sheet. */
  owners?: boolean;
}

/** Writes the summary of a checked plan (and the Owners sheet when asked). */
export async function writeSummary(workbook: WorkbookPort, checked: CheckResult, request: SummaryRequest): Promise<SummaryOutcome> {
  const { settings } = request;
  const comparison = request.previous ? await compareReports(request.previous, checked.report) : null;
  // Loaded when a summary is asked for: the pane's first load need not carry it.
  const { buildSummary } = await import(/* webpackChunkName: "summary" */ '../core/summary');
  const summary = await workbook.writeSheet(buildSummary(checked, settings, { comparison }));
  const owners = request.owners ? await writeOwnersSheet(workbook, checked.report, settings) : null;
  return { report: checked.report, summary, owners, comparison, renamed: summary.name !== settings.summarySheetName };
}

/** Writes the Owners sheet: what each lead officer has to chase. */
export function writeOwnersSheet(workbook: WorkbookPort, report: Report, settings: Settings): Promise<WriteSheetResult> {
  return workbook.writeSheet(buildOwnersSheet(ownerLists(report), report.asOf, settings.ownersSheetName));
}

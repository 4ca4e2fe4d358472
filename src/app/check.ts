/**
 * Check: read the workbook through the port and judge it. Every other use case starts here,
 * so the day a plan is judged at and the settings it is read with are decided once.
 */
import { type CheckResult, type IsoDate, type Report, type Settings, checkWorkbook } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { NoPlanError } from './errors';

/** What one check needs besides the workbook. */
export interface CheckRequest {
  /** File name shown in the report. */
  file: string;
  /** Today where the user is: the as-of date when none is given and the plan has no Report Date. */
  today: IsoDate;
  /** Judge as of this day instead of the plan's Report Date. */
  asOf?: IsoDate;
  /** Read only this sheet. */
  sheet?: string;
  settings: Settings;
}

/**
 * Reads and checks the workbook. A workbook without a plan is a result (`noPlan`), so the pane
 * can offer "Set columns…"; use {@link requirePlan} where a plan is needed.
 */
export async function checkPlan(workbook: WorkbookPort, request: CheckRequest): Promise<CheckResult> {
  const grid = await workbook.readGrid();
  return checkWorkbook(grid, {
    file: request.file,
    asOf: request.asOf,
    today: request.today,
    settings: request.settings,
    sheet: request.sheet,
  });
}

/** Checks the workbook; throws {@link NoPlanError} when it holds no plan. */
export async function requirePlan(workbook: WorkbookPort, request: CheckRequest, how: 'cli' | 'pane' = 'cli'): Promise<CheckResult> {
  const result = await checkPlan(workbook, request);
  if (result.noPlan) throw new NoPlanError(result.raw, how);
  return result;
}

/**
 * The request for the version reported last time. It is judged as it was reported: at its own
 * Report Date, else at the day the current version is judged at — never at the current
 * version's `--as-of` unless one is given for it.
 */
export function previousRequest(request: CheckRequest, file: string, current: Report, asOf?: IsoDate): CheckRequest {
  return { ...request, file, asOf, today: current.asOf };
}

/** Checks the previous version (see {@link previousRequest}) and keeps only its report. */
export async function checkPrevious(
  workbook: WorkbookPort,
  request: CheckRequest,
  file: string,
  current: Report,
  asOf?: IsoDate,
  how: 'cli' | 'pane' = 'cli',
): Promise<Report> {
  return (await requirePlan(workbook, previousRequest(request, file, current, asOf), how)).report;
}

/**
 * Check: read the workbook through the port and judge it. Every other use case starts here,
 * so the day a plan is judged at and the settings it is read with are decided once.
 */
import {
  type CellPlace,
  type CheckOptions,
  type CheckResult,
  type IsoDate,
  type RawPlan,
  type Report,
  type Settings,
  anyFilled,
  blankStatedCells,
  checkWorkbook,
  planReadOptions,
  readPlan,
} from '../core';
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
  const options: CheckOptions = {
    file: request.file,
    asOf: request.asOf,
    today: request.today,
    settings: request.settings,
    sheet: request.sheet,
  };
  // The plan is read once: an adapter that fetches fills cell by cell (Excel) asks which blank
  // RAG/Status cells to fetch, and the plan read to answer it is the one checked.
  let raw: RawPlan | undefined;
  let absent: CellPlace[] = [];
  const grid = await workbook.readGrid({
    fillsOf: (values) => {
      try {
        raw = readPlan(values, planReadOptions(options));
      } catch {
        return []; // the check reads it again and reports the misuse (a bad column map)
      }
      const asked = blankStatedCells(raw);
      const bySheet = new Map(values.sheets.map((s) => [s.name, s]));
      absent = asked.filter((p) => bySheet.get(p.sheet)?.rows[p.row]?.[p.col] === undefined);
      return asked;
    },
  });
  // A fill given to a cell that was absent (an empty cell coloured as its RAG) is not in the
  // plan as read: only then is it read again, from the grid with the fills.
  const reuse = raw !== undefined && !anyFilled(grid, absent);
  return checkWorkbook(grid, { ...options, raw: reuse ? raw : undefined });
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

/**
 * Opens the previous version of a plan from an .xlsx file the user picks, in the pane (in
 * Excel and in file mode). Nothing leaves the computer; the xlsx adapter is the same lazily
 * loaded chunk as file mode, so the Excel pane's first load stays small.
 */
import type { WorkbookPort } from '../workbook/port';

/** The previous version as a workbook; throws the adapter's plain-words error. */
export async function readPreviousVersion(data: Uint8Array): Promise<WorkbookPort> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx/adapter');
  return XlsxWorkbook.fromBytes(data);
}

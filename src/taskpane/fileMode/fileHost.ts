/**
 * The pane's host outside Excel: an .xlsx file opened in the browser. Nothing leaves the
 * computer; the xlsx adapter is loaded only when a file is opened, so the Excel pane stays small.
 */
import { type Host, localToday, memorySettingsStore } from '../../app';

/** A workbook opened from a file, with a way to save the result as a new file. */
export interface OpenedFile {
  host: Host;
  /** The workbook as it is now (with any summary or highlights), as .xlsx bytes. */
  bytes(): Uint8Array;
  /** The name to save under: the original is never overwritten. */
  downloadName: string;
}

/** Opens .xlsx bytes; throws the adapter's plain-words WorkbookError for unreadable files. */
export async function openWorkbookBytes(
  name: string,
  data: Uint8Array,
  onSelect: (sheet: string, cell: string) => void,
  // In memory only: the downloaded file does not carry settings, so the pane says "for this session".
  settings = memorySettingsStore({}, 'session'),
): Promise<OpenedFile> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/xlsx/adapter');
  const wb = XlsxWorkbook.fromBytes(data);
  const workbook = Object.assign(wb, {
    select: async (sheet: string, cell: string) => onSelect(sheet, cell),
  });
  const base = name.replace(/\.xlsx$/i, '');
  return {
    host: { workbook, settings, today: localToday, fileName: name },
    bytes: () => wb.toBytes(),
    downloadName: `${base} (PlanCheck).xlsx`,
  };
}

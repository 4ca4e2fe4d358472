/** What the pane needs from wherever it runs (Excel, or a web page on an .xlsx file). */
import type { WorkbookPort } from '../workbook/port';

/** Where settings live: the workbook's own settings in Excel, so everyone who opens the file shares them. */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: unknown): Promise<void>;
}

/** The pane's view of its host. */
export interface PaneHost {
  workbook: WorkbookPort & {
    select?(sheet: string, cell: string): Promise<void>;
    /** Registers a listener for the user's edits (not the add-in's own writes). */
    onUserChange?(listener: () => void): Promise<void>;
  };
  /** Wait after the last edit before re-checking, in milliseconds. */
  recheckDelayMs?: number;
  settings: SettingsStore;
  /** Today's calendar date where the user is (YYYY-MM-DD). */
  today(): string;
  /** Shown in the report. */
  fileName: string;
}

/** Settings kept in memory (file mode, tests). */
export function memorySettingsStore(initial: unknown = {}): SettingsStore {
  let value = initial;
  return {
    load: async () => value,
    save: async (s) => {
      value = s;
    },
  };
}

/** The user's calendar day. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

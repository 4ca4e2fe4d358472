/**
 * What a front end gives the application layer: a workbook (through the port), where
 * settings are kept, today's date and the name to show. The pane, the ribbon and the CLI
 * each build one; the use cases in this folder take it.
 */
import { type SettingsStore, type WorkbookPort, localToday } from '../workbook/port';

export { type SettingsStore, localToday };

/** "in this workbook" or "for this session", as the store keeps them. */
export function savedWhere(store: SettingsStore): string {
  return store.scope === 'session' ? 'for this session (the file itself does not keep them)' : 'in this workbook';
}

/** The workbook a front end works on, with what the pane can do beyond the port. */
export type HostWorkbook = WorkbookPort & {
  select?(sheet: string, cell: string): Promise<void>;
  /** Registers a listener for the user's edits (not the add-in's own writes). */
  onUserChange?(listener: () => void): Promise<void>;
};

/** A front end's view of where it runs (Excel, a web page on an .xlsx file, a test). */
export interface Host {
  workbook: HostWorkbook;
  /** Wait after the last edit before re-checking, in milliseconds. */
  recheckDelayMs?: number;
  settings: SettingsStore;
  /** Today's calendar date where the user is (YYYY-MM-DD). */
  today(): string;
  /** Shown in the report. */
  fileName: string;
}

/** Settings kept in memory (file mode, tests); `scope` says where they count as saved. */
export function memorySettingsStore(initial: unknown = {}, scope: 'workbook' | 'session' = 'workbook'): SettingsStore {
  let value = initial;
  return {
    scope,
    load: async () => value,
    save: async (s) => {
      value = s;
    },
  };
}

/** What the pane needs from wherever it runs (Excel, or a web page on an .xlsx file). */
import type { WorkbookPort } from '../workbook/port';

/** Where settings live: the workbook's own settings in Excel, so everyone who opens the file shares them. */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: unknown): Promise<void>;
  /**
   * Where saved settings go, for saying so honestly: 'workbook' (the default: Excel's document
   * settings, which travel with the file) or 'session' (memory: gone when the page closes).
   */
  readonly scope?: 'workbook' | 'session';
}

/** "Saved in this workbook" or "Saved for this session", as the store keeps them. */
export function savedWhere(store: SettingsStore): string {
  return store.scope === 'session' ? 'for this session (the file itself does not keep them)' : 'in this workbook';
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

/** The user's calendar day. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

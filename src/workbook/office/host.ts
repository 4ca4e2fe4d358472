/** Where the pane and the ribbon run inside Excel: the Office.js adapter and the workbook's own settings. */
import { type SettingsStore, localToday } from '../port';
import { OfficeWorkbook } from './adapter';
import type { ExcelRun } from './excel-api';

/** The key settings are saved under in Office.context.document.settings. */
export const SETTINGS_KEY = 'planCheck.settings';

/** Settings in Office.context.document.settings: saved in the file, shared by everyone who opens it. */
export function officeSettingsStore(): SettingsStore {
  const settings = Office.context.document.settings;
  return {
    load: async () => settings.get(SETTINGS_KEY) ?? {},
    save: (value) =>
      new Promise<void>((resolve, reject) => {
        settings.set(SETTINGS_KEY, value);
        settings.saveAsync((r) =>
          r.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new Error(`Settings could not be saved: ${r.error.message}`)),
        );
      }),
  };
}

/** The host for the pane and the ribbon inside Excel (an app-layer `Host`). */
export function officeHost(): { workbook: OfficeWorkbook; settings: SettingsStore; today: () => string; fileName: string } {
  const run = ((batch: never, options?: Excel.RunOptions) =>
    options ? Excel.run(options, batch) : Excel.run(batch)) as unknown as ExcelRun;
  const supported = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
  return { workbook: new OfficeWorkbook(run, supported), settings: officeSettingsStore(), today: localToday, fileName: 'this workbook' };
}

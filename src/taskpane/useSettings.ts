/** Settings in the pane: loaded once from the workbook, saved merged over those in force. */
import { type MutableRefObject, useCallback, useEffect, useRef } from 'react';
import { type ColumnMap, type Host, type Settings, loadSettings, savedWhere, saveSettings } from '../app';
import type { PaneCore } from './usePaneState';

/** Loads the saved settings when the pane opens; the promise resolves once they are in force. */
export function useSavedSettings(host: Host, { patch }: PaneCore): MutableRefObject<Promise<void>> {
  // A check waits for the saved settings: a saved column map must apply to the very first check.
  const loaded = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let live = true;
    loaded.current = loadSettings(host.settings).then(({ settings, invalid }) => {
      if (!live) return;
      patch({ settings, ...(invalid ? { notice: 'The settings saved in this workbook were not valid; the defaults are used.' } : {}) });
    });
    return () => {
      live = false;
    };
  }, [host, patch]);
  return loaded;
}

/** The settings form and the column map form: save, then check again with what was saved. */
export function useSettingsForms(host: Host, { ref, patch, act }: PaneCore, runCheck: (settings?: Settings) => Promise<unknown>) {
  const store = useCallback(
    async (changes: object) => {
      const settings = await saveSettings(host.settings, ref.current.settings, changes);
      patch({ settings });
      return settings;
    },
    [host, ref, patch],
  );

  const save = useCallback(
    (input: unknown) =>
      act('Saving settings…', async () => {
        const settings = await store(input as object);
        patch({ notice: `Settings saved ${savedWhere(host.settings)}.` });
        if (ref.current.result) await runCheck(settings);
      }),
    [act, host, ref, patch, runCheck, store],
  );

  /** Saves a column map (or, empty, forgets it) and checks the plan with it. */
  const saveColumns = useCallback(
    (columns: ColumnMap, headerRow: number | null) =>
      act('Saving the columns…', async () => {
        const mapped = Object.keys(columns).length > 0;
        const settings = await store({ columns, headerRow: mapped ? headerRow : null });
        patch({ notice: `${mapped ? 'Columns saved' : 'Column map removed'} ${savedWhere(host.settings)}.` });
        await runCheck(settings);
      }),
    [act, host, patch, runCheck, store],
  );

  return { saveSettings: save, saveColumns };
}

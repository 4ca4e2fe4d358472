/** The pane's state and actions: a thin adapter between the UI and the core + workbook port. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type CheckResult,
  type ColumnMap,
  type Comparison,
  type RawPlan,
  type Report,
  type Settings,
  buildOwnersSheet,
  buildSummary,
  checkWorkbook,
  comparePlans,
  describeNoPlan,
  highlightMarks,
  ownerLists,
  resolveSettings,
} from '../core';
import { type PaneHost, savedWhere } from './host';
import { readPreviousVersion } from './previous';

/** The previous version picked for comparison, checked as of its own Report Date. */
export interface PreviousVersion {
  fileName: string;
  report: Report;
}

/** What the pane shows. */
export interface PaneState {
  busy: string | null;
  result: CheckResult | null;
  error: string | null;
  notice: string | null;
  /** The as-of date typed by the user ("" = the plan's Report Date, else today). */
  asOf: string;
  settings: Settings;
  highlighted: boolean;
  /** The previous version, when the user picked one: the comparison and the summary use it. */
  previous: PreviousVersion | null;
  comparison: Comparison | null;
  /** What was read when the last check found no plan: the sheets and their header-like rows. */
  noPlan: RawPlan | null;
}

/** A check of the open workbook, with its comparison when a previous version was picked. */
interface Checked {
  result: CheckResult;
  comparison: Comparison | null;
}

/** A place in the workbook to go to (a finding's or a change's cell). */
export interface CellRef {
  sheet: string;
  cell: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** State and actions for the task pane. */
export function usePlanCheck(host: PaneHost) {
  const [state, setState] = useState<PaneState>({
    busy: null,
    result: null,
    error: null,
    notice: null,
    asOf: '',
    settings: resolveSettings({}),
    highlighted: false,
    previous: null,
    comparison: null,
    noPlan: null,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = (p: Partial<PaneState>) => setState((s) => ({ ...s, ...p }));
  /** Settings in force at once, before the next render (a check right after loading or saving uses them). */
  const applySettings = (settings: Settings) => {
    stateRef.current = { ...stateRef.current, settings };
    patch({ settings });
  };
  // A check waits for the saved settings: a saved column map must apply to the very first check.
  const loaded = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    loaded.current = host.settings
      .load()
      .then((saved) => {
        if (!live) return;
        try {
          applySettings(resolveSettings(saved ?? {}));
        } catch {
          patch({ notice: 'The settings saved in this workbook were not valid; the defaults are used.' });
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  /** Runs one action with a progress label and a plain-words error. */
  const act = useCallback(async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    patch({ busy: label, error: null, notice: null });
    try {
      return await work();
    } catch (e) {
      patch({ error: message(e) });
      return undefined;
    } finally {
      patch({ busy: null });
    }
  }, []);

  // Settings can be passed in: a just-saved value is not in state until the next render.
  const runCheck = useCallback(
    async (given?: Settings): Promise<Checked | null> => {
      await loaded.current;
      const settings = given ?? stateRef.current.settings;
      const { asOf } = stateRef.current;
      const grid = await host.workbook.readGrid();
      const result = checkWorkbook(grid, { file: host.fileName, asOf: asOf || undefined, today: host.today(), settings });
      if (result.noPlan) {
        // Shown with the header-like rows and "Set columns…", not as a dead-end error.
        patch({ result: null, comparison: null, noPlan: result.raw });
        return null;
      }
      const { previous } = stateRef.current;
      const comparison = previous ? comparePlans(previous.report, result.report) : null;
      patch({ result, comparison, noPlan: null });
      return { result, comparison };
    },
    [host],
  );

  const check = useCallback(() => act('Checking the plan…', () => runCheck()), [act, runCheck]);

  // Re-check after the user's edits, once they pause; only when there are results to refresh.
  useEffect(() => {
    if (!host.workbook.onUserChange) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void host.workbook
      .onUserChange(() => {
        if (!live || !stateRef.current.result) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          if (live && stateRef.current.busy === null) void act('Re-checking after your edit…', () => runCheck());
        }, host.recheckDelayMs ?? 1500);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [host, act, runCheck]);

  const highlight = useCallback(
    () =>
      act('Highlighting problem cells…', async () => {
        const result = (await runCheck())?.result;
        if (!result) return;
        const marks = highlightMarks(result);
        const under = (await host.workbook.applyHighlights(marks))?.underConditionalFormat?.length;
        patch({
          highlighted: true,
          notice: `${marks.length} cells highlighted.${under ? ` ${under === 1 ? '1 highlighted cell is' : `${under} highlighted cells are`} under conditional formatting, so their highlight may not show.` : ''} Clear highlights puts every cell back as it was.`,
        });
      }),
    [act, runCheck, host],
  );

  const clear = useCallback(
    () =>
      act('Clearing highlights…', async () => {
        await host.workbook.clearHighlights();
        patch({ highlighted: false, notice: 'Highlights cleared: every cell is back as it was.' });
      }),
    [act, host],
  );

  const summary = useCallback(
    () =>
      act('Building the summary sheet…', async () => {
        const checked = await runCheck();
        if (!checked) return;
        const { result, comparison } = checked;
        const written = await host.workbook.writeSheet(buildSummary(result, stateRef.current.settings, { comparison }));
        const note =
          written.name !== stateRef.current.settings.summarySheetName
            ? ` (a sheet of yours already had the name "${stateRef.current.settings.summarySheetName}", so it was left alone)`
            : '';
        patch({ notice: `Summary written to sheet "${written.name}"${written.replaced ? ', replacing the earlier one' : ''}${note}.` });
      }),
    [act, runCheck, host],
  );

  const select = useCallback(
    (f: CellRef) => {
      if (host.workbook.select) void act('Selecting the cell…', () => host.workbook.select!(f.sheet, f.cell));
    },
    [act, host],
  );

  /** Reads the previous version from a file and compares it with this one. */
  const compareWith = useCallback(
    (fileName: string, data: Uint8Array) =>
      act(`Comparing with ${fileName}…`, async () => {
        const current = (await runCheck())?.result;
        if (!current) return;
        let grid;
        try {
          grid = await readPreviousVersion(data);
        } catch (e) {
          throw new Error(`${fileName}: ${message(e)}`);
        }
        // Judged as it was reported: its own Report Date, else the date this version is judged at.
        const checked = checkWorkbook(grid, { file: fileName, today: current.report.asOf, settings: stateRef.current.settings });
        if (checked.noPlan) throw new Error(`${fileName}: ${describeNoPlan(checked.raw, 'pane')}`);
        const previous = { fileName, report: checked.report };
        const comparison = comparePlans(previous.report, current.report);
        patch({
          previous,
          comparison,
          notice: `Compared with ${fileName} (as of ${checked.report.asOf}): ${comparison.changes.length} changes. Build summary now adds "Changes since last report".`,
        });
      }),
    [act, runCheck],
  );

  const clearComparison = useCallback(() => patch({ previous: null, comparison: null, notice: 'Comparison cleared.' }), []);

  const ownersSheet = useCallback(
    () =>
      act('Writing the Owners sheet…', async () => {
        const result = (await runCheck())?.result;
        if (!result) return;
        const { settings } = stateRef.current;
        const written = await host.workbook.writeSheet(
          buildOwnersSheet(ownerLists(result.report), result.report.asOf, settings.ownersSheetName),
        );
        patch({ notice: `Owners sheet written to "${written.name}"${written.replaced ? ', replacing the earlier one' : ''}.` });
      }),
    [act, runCheck, host],
  );

  /** Puts a lead's list on the clipboard, ready to paste into an email. */
  const copyText = useCallback(async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      patch({ notice: `${what} copied: paste it into an email.`, error: null });
    } catch {
      patch({ error: `Could not use the clipboard here. Select the list's text and copy it with Ctrl+C.` });
    }
  }, []);

  const setAsOf = useCallback((asOf: string) => patch({ asOf }), []);

  // What is given is merged over the settings in force: a form that shows some settings never
  // drops the others (the Owners sheet name, the column map).
  const storeSettings = useCallback(
    async (input: object) => {
      const settings = resolveSettings({ ...stateRef.current.settings, ...input });
      await host.settings.save(settings);
      applySettings(settings);
      return settings;
    },
    [host],
  );

  const saveSettings = useCallback(
    (input: unknown) =>
      act('Saving settings…', async () => {
        const settings = await storeSettings(input as object);
        patch({ notice: `Settings saved ${savedWhere(host.settings)}.` });
        if (stateRef.current.result) await runCheck(settings);
      }),
    [act, host, runCheck, storeSettings],
  );

  /** Saves a column map (or, empty, forgets it) and checks the plan with it. */
  const saveColumns = useCallback(
    (columns: ColumnMap, headerRow: number | null) =>
      act('Saving the columns…', async () => {
        const settings = await storeSettings({ columns, headerRow: Object.keys(columns).length ? headerRow : null });
        const what = Object.keys(columns).length ? 'Columns saved' : 'Column map removed';
        patch({ notice: `${what} ${savedWhere(host.settings)}.` });
        await runCheck(settings);
      }),
    [act, host, runCheck, storeSettings],
  );

  return {
    state,
    check,
    highlight,
    clear,
    summary,
    select,
    setAsOf,
    saveSettings,
    saveColumns,
    compareWith,
    clearComparison,
    ownersSheet,
    copyText,
  };
}

export type PlanCheckApi = ReturnType<typeof usePlanCheck>;

/** Checking in the pane: on request, again after the user's edits, and against a previous version. */
import { type MutableRefObject, useCallback, useEffect } from 'react';
import {
  type CheckRequest,
  type CheckResult,
  type Comparison,
  type Host,
  type Settings,
  checkPlan,
  checkPrevious,
  compareReports,
} from '../app';
import { readPreviousVersion } from './previous';
import { type PaneCore, message } from './usePaneState';

/** A check of the open workbook, with its comparison when a previous version was picked. */
export interface Checked {
  result: CheckResult;
  comparison: Comparison | null;
}

/** The check request for the workbook as the pane stands (typed as-of date, settings in force). */
function request(host: Host, core: PaneCore, settings?: Settings): CheckRequest {
  const { asOf } = core.ref.current;
  return { file: host.fileName, asOf: asOf || undefined, today: host.today(), settings: settings ?? core.ref.current.settings };
}

/** Check, re-check after edits, compare with a previous version. */
export function useChecking(host: Host, core: PaneCore, loaded: MutableRefObject<Promise<void>>) {
  const { ref, patch, act } = core;

  // Settings can be passed in: a just-saved value is not in state until the next render.
  const runCheck = useCallback(
    async (settings?: Settings): Promise<Checked | null> => {
      await loaded.current;
      const result = await checkPlan(host.workbook, request(host, core, settings));
      if (result.noPlan) {
        // Shown with the header-like rows and "Set columns…", not as a dead-end error.
        patch({ result: null, comparison: null, noPlan: result.raw });
        return null;
      }
      const { previous } = ref.current;
      const comparison = previous ? await compareReports(previous.report, result.report) : null;
      patch({ result, comparison, noPlan: null });
      return { result, comparison };
    },
    [host, core, loaded, ref, patch],
  );

  const check = useCallback(() => act('Checking the plan…', () => runCheck()), [act, runCheck]);

  // Re-check after the user's edits, once they pause; only when there are results to refresh.
  useEffect(() => {
    if (!host.workbook.onUserChange) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void host.workbook
      .onUserChange(() => {
        if (!live || !ref.current.result) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          if (live && ref.current.busy === null) void act('Re-checking after your edit…', () => runCheck());
        }, host.recheckDelayMs ?? 1500);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [host, act, runCheck, ref]);

  /** Reads the previous version from a file and compares it with this one. */
  const compareWith = useCallback(
    (fileName: string, data: Uint8Array) =>
      act(`Comparing with ${fileName}…`, async () => {
        const current = (await runCheck())?.result;
        if (!current) return;
        let report;
        try {
          report = await checkPrevious(await readPreviousVersion(data), request(host, core), fileName, current.report, undefined, 'pane');
        } catch (e) {
          throw new Error(`${fileName}: ${message(e)}`);
        }
        const comparison = await compareReports(report, current.report);
        patch({
          previous: { fileName, report },
          comparison,
          notice: `Compared with ${fileName} (as of ${report.asOf}): ${comparison.changes.length} changes. Build summary now adds "Changes since last report".`,
        });
      }),
    [act, runCheck, host, core, patch],
  );

  const clearComparison = useCallback(() => patch({ previous: null, comparison: null, notice: 'Comparison cleared.' }), [patch]);

  return { runCheck, check, compareWith, clearComparison };
}

/** The pane's shared state and the one way every feature runs an action (busy label, plain error). */
import { useCallback, useMemo, useRef, useState } from 'react';
import { type CheckResult, type Comparison, type RawPlan, type Report, type Settings, resolveSettings } from '../app';

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

/** A place in the workbook to go to (a finding's or a change's cell). */
export interface CellRef {
  sheet: string;
  cell: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The state, and a ref current before the next render with the action runner. */
export function usePaneState() {
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
  const ref = useRef(state);
  ref.current = state;
  const patch = useCallback((p: Partial<PaneState>) => {
    // The ref too: an action that reads state right after a patch must see it.
    ref.current = { ...ref.current, ...p };
    setState((s) => ({ ...s, ...p }));
  }, []);

  /** Runs one action with a progress label and a plain-words error. */
  const act = useCallback(
    async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
      patch({ busy: label, error: null, notice: null });
      try {
        return await work();
      } catch (e) {
        patch({ error: message(e) });
        return undefined;
      } finally {
        patch({ busy: null });
      }
    },
    [patch],
  );
  // One object for the life of the pane: feature hooks depend on it without re-running.
  const core = useMemo(() => ({ ref, patch, act }), [patch, act]);
  return { state, core };
}

/** The state machinery every feature hook takes: stable across renders. */
export type PaneCore = ReturnType<typeof usePaneState>['core'];
export { message };

/**
 * The pane's state and actions, composed from one hook per feature (checking, settings,
 * writing into the workbook, the update cycle). Each calls the application layer; none runs the core's steps.
 */
import { useCallback } from 'react';
import type { Host } from '../app';
import { useChecking } from './useChecking';
import { usePaneState } from './usePaneState';
import { useSavedSettings, useSettingsForms } from './useSettings';
import { useUpdates } from './useUpdates';
import { useWorkbookActions } from './useWorkbookActions';

export type { CellRef, PaneState, PreviousVersion } from './usePaneState';

/** State and actions for the task pane. */
export function usePlanCheck(host: Host) {
  const { state, core } = usePaneState();
  const loaded = useSavedSettings(host, core);
  const { runCheck, check, compareWith, clearComparison } = useChecking(host, core, loaded);
  const { saveSettings, saveColumns } = useSettingsForms(host, core, runCheck);
  const actions = useWorkbookActions(host, core, runCheck);
  const updates = useUpdates(host, core, runCheck);
  const { patch } = core;
  const setAsOf = useCallback((asOf: string) => patch({ asOf }), [patch]);
  return { state, check, setAsOf, saveSettings, saveColumns, compareWith, clearComparison, ...actions, updates };
}

export type PlanCheckApi = ReturnType<typeof usePlanCheck>;

/**
 * The update cycle in the pane: "Update requests…" makes one form per lead officer as a .zip
 * to download; "Merge returns…" previews what the returned forms change and applies the
 * changes the user keeps. The heavy steps load on first use (./updates).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ActionRef, type Host, type MergeChange, type MergePlan, plural } from '../app';
import type { Checked } from './useChecking';
import type { PaneCore } from './usePaneState';
import type { FormSummary } from './updates';

const steps = () => import(/* webpackChunkName: "updates" */ './updates');

/** The forms made, ready to download. */
export interface RequestsMade {
  forms: FormSummary[];
  unowned: ActionRef[];
  /** A Blob URL of the .zip of every form; null when there is no form. */
  url: string | null;
  zipName: string;
}

/** A merge previewed and not yet applied. */
export interface MergePreviewState {
  plan: MergePlan;
  files: string[];
  /** The user changed the workbook since the preview: it must be made again before applying. */
  stale: boolean;
}

/** What the user asks of "Update requests…". */
export interface RequestChoice {
  /** The plan's name, shown on each form. */
  planFile: string;
  /** YYYY-MM-DD, or "" for none. */
  replyBy: string;
  /** Only this lead officer's form; "" for every lead. */
  lead: string;
}

/** Update requests and merging returns. */
export function useUpdates(host: Host, { patch, act }: PaneCore, runCheck: () => Promise<Checked | null>) {
  const [requests, setRequests] = useState<RequestsMade | null>(null);
  const [merge, setMerge] = useState<MergePreviewState | null>(null);
  const url = useRef<string | null>(null);
  const dropUrl = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => dropUrl, []);

  // A preview says what the cells held when it was made: after the user's edit it may be wrong.
  useEffect(() => {
    if (!host.workbook.onUserChange) return;
    let live = true;
    void host.workbook
      .onUserChange(() => {
        if (live) setMerge((m) => (m && !m.stale ? { ...m, stale: true } : m));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const makeRequests = useCallback(
    (choice: RequestChoice) =>
      act('Making the update forms…', async () => {
        const checked = await runCheck();
        if (!checked) return;
        const made = await (
          await steps()
        ).buildRequestZip(checked.result, {
          planFile: choice.planFile.trim() || host.fileName,
          replyBy: choice.replyBy || undefined,
          lead: choice.lead.trim() || undefined,
        });
        dropUrl();
        if (made.zip) url.current = URL.createObjectURL(new Blob([made.zip.slice().buffer], { type: 'application/zip' }));
        const base = (choice.planFile.trim() || host.fileName).replace(/\.xls[xm]$/i, '');
        setRequests({ forms: made.forms, unowned: made.unowned, url: url.current, zipName: `${base} update forms.zip` });
        patch({
          notice: made.forms.length
            ? `${plural(made.forms.length, 'update form')} made: download the .zip and send each lead officer their form.`
            : 'No lead officer has open actions, so no form was made.',
        });
      }),
    [act, runCheck, host, patch],
  );

  const closeRequests = useCallback(() => {
    dropUrl();
    setRequests(null);
  }, []);

  const previewReturns = useCallback(
    (files: File[]) =>
      act(`Reading ${plural(files.length, 'returned form')}…`, async () => {
        const checked = await runCheck();
        if (!checked) return;
        const picked = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        const plan = await (await steps()).previewReturns(host.workbook, checked.result, picked);
        setMerge({ plan, files: files.map((f) => f.name), stale: false });
      }),
    [act, runCheck, host],
  );

  const applyReturns = useCallback(
    (accepted: ReadonlySet<MergeChange>) =>
      act(`Applying ${plural(accepted.size, 'change')}…`, async () => {
        const current = merge;
        if (!current || current.stale) return;
        const done = await (await steps()).applyChanges(host.workbook, current.plan, accepted);
        setMerge(null);
        await runCheck();
        const n = plural(done.applied.length, 'change');
        const undo = done.oneUndoStep
          ? ' Undo (Ctrl+Z) in Excel takes them all back in one step.'
          : host.settings.scope === 'session'
            ? ' Download saves the merged plan as a new file; the original is untouched.'
            : ' This version of Excel cannot undo them in one step.';
        patch({ notice: `${n} applied to the plan.${undo}` });
      }),
    [act, merge, runCheck, host, patch],
  );

  const closeMerge = useCallback(() => setMerge(null), []);

  return { requests, makeRequests, closeRequests, merge, previewReturns, applyReturns, closeMerge };
}

/** What the pane writes into the workbook: highlights, the summary, the Owners sheet; and going to a cell. */
import { useCallback } from 'react';
import { type Host, clearHighlights, highlight, writeOwnersSheet, writeSummary } from '../app';
import type { Checked } from './useChecking';
import type { CellRef, PaneCore } from './usePaneState';

/** Highlight, clear, summary, Owners sheet, select a cell, copy a lead's list. */
export function useWorkbookActions(host: Host, { ref, patch, act }: PaneCore, runCheck: () => Promise<Checked | null>) {
  const mark = useCallback(
    () =>
      act('Highlighting problem cells…', async () => {
        const checked = await runCheck();
        if (!checked) return;
        const done = await highlight(host.workbook, checked.result);
        const under = done.underConditionalFormat;
        patch({
          highlighted: true,
          notice: `${done.cells} cells highlighted.${under ? ` ${under === 1 ? '1 highlighted cell is' : `${under} highlighted cells are`} under conditional formatting, so their highlight may not show.` : ''} Clear highlights puts every cell back as it was.`,
        });
      }),
    [act, runCheck, host, patch],
  );

  const clear = useCallback(
    () =>
      act('Clearing highlights…', async () => {
        await clearHighlights(host.workbook);
        patch({ highlighted: false, notice: 'Highlights cleared: every cell is back as it was.' });
      }),
    [act, host, patch],
  );

  const summary = useCallback(
    () =>
      act('Building the summary sheet…', async () => {
        const checked = await runCheck();
        if (!checked) return;
        const { settings, previous } = ref.current;
        const done = await writeSummary(host.workbook, checked.result, { settings, previous: previous?.report ?? null });
        const note = done.renamed ? ` (a sheet of yours already had the name "${settings.summarySheetName}", so it was left alone)` : '';
        patch({
          notice: `Summary written to sheet "${done.summary.name}"${done.summary.replaced ? ', replacing the earlier one' : ''}${note}.`,
        });
      }),
    [act, runCheck, host, ref, patch],
  );

  const ownersSheet = useCallback(
    () =>
      act('Writing the Owners sheet…', async () => {
        const checked = await runCheck();
        if (!checked) return;
        const written = await writeOwnersSheet(host.workbook, checked.result.report, ref.current.settings);
        patch({ notice: `Owners sheet written to "${written.name}"${written.replaced ? ', replacing the earlier one' : ''}.` });
      }),
    [act, runCheck, host, ref, patch],
  );

  const select = useCallback(
    (f: CellRef) => {
      if (host.workbook.select) void act('Selecting the cell…', () => host.workbook.select!(f.sheet, f.cell));
    },
    [act, host],
  );

  /** Puts a lead's list on the clipboard, ready to paste into an email. */
  const copyText = useCallback(
    async (what: string, text: string) => {
      try {
        await navigator.clipboard.writeText(text);
        patch({ notice: `${what} copied: paste it into an email.`, error: null });
      } catch {
        patch({ error: `Could not use the clipboard here. Select the list's text and copy it with Ctrl+C.` });
      }
    },
    [patch],
  );

  return { highlight: mark, clear, summary, ownersSheet, select, copyText };
}

/** Ribbon functions (ExecuteFunction). */
import { officeHost } from '../taskpane/officeHost';
import { runBuildSummary } from './buildSummary';

/** Shows the outcome: Excel has no notification bar for add-in commands, so a small dialog. */
function notify(message: string): void {
  const url = `${window.location.origin}/notice.html?m=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true });
}

async function buildSummary(event: Office.AddinCommands.Event): Promise<void> {
  const outcome = await runBuildSummary(officeHost());
  notify(outcome.message);
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('buildSummary', buildSummary);
});

/** Ribbon functions (ExecuteFunction). */
import type { Host } from '../app';
import { SETTINGS_KEY, officeHost } from '../workbook/office/host';
import { type NoticeUi, buildSummaryCommand, refreshedSettingsStore } from './ribbon';

/** The pane's Excel host, with settings re-read from the document before each command. */
function ribbonHost(): Host {
  const host = officeHost();
  return { ...host, settings: refreshedSettingsStore(Office.context.document.settings, SETTINGS_KEY, host.settings.save) };
}

function noticeUi(): NoticeUi {
  return {
    displayDialogAsync: (url, options, callback) =>
      Office.context.ui.displayDialogAsync(url, options, (r) => callback({ status: r.status, value: r.value })),
    succeeded: Office.AsyncResultStatus.Succeeded,
    messageReceived: Office.EventType.DialogMessageReceived,
    eventReceived: Office.EventType.DialogEventReceived,
  };
}

async function buildSummary(event: Office.AddinCommands.Event): Promise<void> {
  await buildSummaryCommand(event, ribbonHost(), noticeUi(), `${window.location.origin}/notice.html`);
}

Office.onReady(() => {
  Office.actions.associate('buildSummary', buildSummary);
});

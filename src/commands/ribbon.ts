/**
 * The ribbon's "Build summary", host-independent so it can be tested: runs the command, shows
 * the outcome (success or error) in a small dialog, and tells Office the command is complete
 * only once that dialog has closed or could not open. Calling `event.completed()` straight
 * away lets Office end the function's runtime, and the message with it.
 */
import type { Host, SettingsStore } from '../app';
import { runBuildSummary } from './buildSummary';

/** The part of Office.Dialog used here. */
export interface NoticeDialog {
  addEventHandler(type: unknown, handler: (arg: unknown) => void): void;
  close(): void;
}

/** The part of Office.context.ui used here, with Office's enum values (they differ by build). */
export interface NoticeUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; displayInIframe: boolean },
    callback: (result: { status: unknown; value: NoticeDialog }) => void,
  ): void;
  /** Office.AsyncResultStatus.Succeeded */
  succeeded: unknown;
  /** Office.EventType.DialogMessageReceived: the notice's OK button. */
  messageReceived: unknown;
  /** Office.EventType.DialogEventReceived: the user closed the dialog. */
  eventReceived: unknown;
}

/** Shows `message` in the notice dialog; resolves when the dialog has closed or failed to open. */
export function showNotice(ui: NoticeUi, noticeUrl: string, message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${noticeUrl}?m=${encodeURIComponent(message)}`;
    try {
      ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== ui.succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        // The notice's OK button sends a message; the user closing the dialog raises an event.
        dialog.addEventHandler(ui.messageReceived, () => {
          dialog.close();
          resolve();
        });
        dialog.addEventHandler(ui.eventReceived, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}

/** Build summary from the ribbon: the outcome is shown first, then the command completes. */
export async function buildSummaryCommand(event: { completed(): void }, host: Host, ui: NoticeUi, noticeUrl: string): Promise<void> {
  try {
    const outcome = await runBuildSummary(host);
    await showNotice(ui, noticeUrl, outcome.message);
  } finally {
    event.completed();
  }
}

/** The part of Office.Settings used here. */
export interface DocumentSettings {
  get(name: string): unknown;
  refreshAsync(callback?: (result: unknown) => void): void;
}

/**
 * Settings for the ribbon's runtime. It is a separate runtime from the pane's and keeps its
 * own copy of the document's settings, read when it started; refreshAsync reads what the pane
 * has saved since, so "Save settings" in the pane reaches the ribbon's next Build summary.
 */
export function refreshedSettingsStore(settings: DocumentSettings, key: string, save: SettingsStore['save']): SettingsStore {
  return {
    load: () =>
      new Promise((resolve) => {
        try {
          settings.refreshAsync(() => resolve(settings.get(key) ?? {}));
        } catch {
          resolve(settings.get(key) ?? {});
        }
      }),
    save,
  };
}

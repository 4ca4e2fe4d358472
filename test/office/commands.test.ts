/** The ribbon's Build summary against the fake Excel and a fake Office dialog and settings. */
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { type NoticeDialog, type NoticeUi, buildSummaryCommand, refreshedSettingsStore } from '../../src/commands/ribbon';
import type { Host } from '../../src/app';
import { memorySettingsStore } from '../../src/app';
import { officeSettingsStore } from '../../src/workbook/office/host';
import { FakeExcel } from '../fakes/excel';

const plan = [
  ['Best Value Assurance Strategic Action Plan: MC 002'],
  ['Report Date:', 44256],
  [],
  ['RAG', '% Completed', 'Target Date', 'Lead', 'Workstreams (BV Recommendations)'],
  ['', 70, 'May 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change'],
  ['Green', 30, 'Oct 2020', 'J Craig', 'Improving satisfaction levels in Housing'],
];

/** Office's dialog API as the ribbon's runtime sees it: dialogs stay open until the test closes them. */
class FakeUi implements NoticeUi {
  succeeded = 'succeeded';
  messageReceived = 'dialogMessageReceived';
  eventReceived = 'dialogEventReceived';
  fail = false;
  dialogs: { url: string; handlers: Map<unknown, (arg: unknown) => void>; closed: boolean }[] = [];
  displayDialogAsync: NoticeUi['displayDialogAsync'] = (url, _options, callback) => {
    const entry = { url, handlers: new Map<unknown, (arg: unknown) => void>(), closed: false };
    const dialog: NoticeDialog = {
      addEventHandler: (type, handler) => entry.handlers.set(type, handler),
      close: () => {
        entry.closed = true;
      },
    };
    if (this.fail) {
      callback({ status: 'failed', value: dialog });
      return;
    }
    this.dialogs.push(entry);
    callback({ status: this.succeeded, value: dialog });
  };
  message(i = 0): string {
    return new URL(this.dialogs[i].url).searchParams.get('m') ?? '';
  }
}

function host(excel: FakeExcel, settings = memorySettingsStore()): Host {
  return { workbook: new OfficeWorkbook(excel.run, excel.isSetSupported), settings, today: () => '2026-11-22', fileName: 'book' };
}

/** Lets the command's awaited work run (no timers: only pending promises). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
  await new Promise((r) => setImmediate(r));
}

describe('Build summary on the ribbon', () => {
  it('shows the outcome and completes only after the user has read it', async () => {
    const excel = new FakeExcel();
    excel.model.addSheet('MC 002').setValues(plan);
    const ui = new FakeUi();
    const event = { completed: jest.fn() };
    const done = buildSummaryCommand(event, host(excel), ui, 'https://addin.example/notice.html');
    await settle();
    expect(ui.dialogs).toHaveLength(1);
    expect(ui.message()).toMatch(/^Summary written to "Strategic Summary": 2 workstreams/);
    expect(event.completed).not.toHaveBeenCalled();
    // OK in the notice: the dialog closes, then the command completes.
    ui.dialogs[0].handlers.get(ui.messageReceived)!({ message: 'ok' });
    await done;
    expect(ui.dialogs[0].closed).toBe(true);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['no plan', (excel: FakeExcel) => excel.model.addSheet('Notes').setValues([['nothing here']]), /No plan found/],
    [
      'a protected workbook',
      (excel: FakeExcel) => {
        excel.model.addSheet('MC 002').setValues(plan);
        excel.model.protected = true;
      },
      /structure is protected/,
    ],
  ])('shows the error for %s, and completes when the user closes the dialog', async (_name, arrange, message) => {
    const excel = new FakeExcel();
    arrange(excel);
    const ui = new FakeUi();
    const event = { completed: jest.fn() };
    const done = buildSummaryCommand(event, host(excel), ui, 'https://addin.example/notice.html');
    await settle();
    expect(ui.message()).toMatch(message);
    expect(event.completed).not.toHaveBeenCalled();
    ui.dialogs[0].handlers.get(ui.eventReceived)!({ error: 12006 });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when the dialog cannot open', async () => {
    const excel = new FakeExcel();
    excel.model.addSheet('MC 002').setValues(plan);
    const ui = new FakeUi();
    ui.fail = true;
    const event = { completed: jest.fn() };
    await buildSummaryCommand(event, host(excel), ui, 'https://addin.example/notice.html');
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

/**
 * Office.context.document.settings as two runtimes see one document: each keeps its own copy,
 * read when it started; saveAsync writes the document, refreshAsync re-reads it.
 */
class FakeDocument {
  saved: Record<string, unknown> = {};
  runtime() {
    const doc = this;
    let copy = { ...doc.saved };
    return {
      get: (k: string) => copy[k],
      set: (k: string, v: unknown) => {
        copy[k] = v;
      },
      remove: (k: string) => {
        delete copy[k];
      },
      saveAsync: (cb?: (r: { status: string }) => void) => {
        doc.saved = { ...copy };
        cb?.({ status: 'succeeded' });
      },
      refreshAsync: (cb?: (r: unknown) => void) => {
        copy = { ...doc.saved };
        cb?.({ status: 'succeeded' });
      },
    };
  }
}

describe("settings saved in the pane reach the ribbon's runtime", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("the ribbon's next Build summary uses the sheet name saved in the pane", async () => {
    const doc = new FakeDocument();
    const pane = doc.runtime();
    // The ribbon's runtime started (and read the settings) before the pane saved.
    const ribbon = doc.runtime();
    (globalThis as Record<string, unknown>).Office = {
      context: { document: { settings: pane } },
      AsyncResultStatus: { Succeeded: 'succeeded' },
    };
    await officeSettingsStore().save({ summarySheetName: 'Committee Summary' });
    // Without a refresh the ribbon's copy is stale.
    expect(ribbon.get('planCheck.settings')).toBeUndefined();

    const excel = new FakeExcel();
    excel.model.addSheet('MC 002').setValues(plan);
    const settings = refreshedSettingsStore(ribbon, 'planCheck.settings', async () => undefined);
    const ui = new FakeUi();
    const done = buildSummaryCommand({ completed: () => undefined }, host(excel, settings), ui, 'https://addin.example/notice.html');
    await settle();
    ui.dialogs[0].handlers.get(ui.eventReceived)!({});
    await done;
    expect(ui.message()).toMatch(/Summary written to "Committee Summary"/);
    expect(excel.model.sheet('Committee Summary')).toBeDefined();
  });
});

/**
 * A test double of Office.js for the browser tests: the strict fake Excel behind `Excel.run`,
 * plus the bits of `Office` the pane uses. Injected before the app starts, so the pane takes
 * the Excel-hosted path. The plan comes from `window.__PLAN__` (rows of values).
 */
import { parseRange } from '../../src/core/cell';
import { type FakeConditionalFormat, FakeExcel } from '../fakes/excel';

type Plan = {
  sheet: string;
  rows: (string | number | null)[][];
  formats?: Record<string, string>;
  protected?: boolean;
  /** Cells' own fill colours ("E2": "#FF0000"). */
  fills?: Record<string, string>;
  /** Conditional formats, shown over the cells' fills. */
  conditionalFormats?: FakeConditionalFormat[];
};
const w = window as unknown as Record<string, unknown>;
const plan = w.__PLAN__ as Plan;
const excel = new FakeExcel();
const sheet = excel.model.addSheet(plan.sheet).setValues(plan.rows, plan.formats);
sheet.protected = Boolean(plan.protected);
for (const [address, color] of Object.entries(plan.fills ?? {})) {
  const at = parseRange(address)!;
  sheet.cell(at.top, at.left).fill = { color, pattern: 'Solid' };
}
sheet.conditionalFormats = plan.conditionalFormats ?? [];
const store: Record<string, unknown> = {};
// The document settings the workbook was saved with (`window.__SETTINGS__`), as on reopening it.
Object.assign(store, (w.__SETTINGS__ as Record<string, unknown> | undefined) ?? {});
w.__settings = store;

w.__excel = excel;
w.Excel = {
  run: (a: unknown, b?: unknown) =>
    typeof a === 'function' ? excel.run(a as never) : excel.run(b as never, a as { mergeUndoGroup?: boolean }),
};
w.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: excel.isSetSupported },
    document: {
      settings: {
        get: (k: string) => store[k],
        set: (k: string, v: unknown) => {
          store[k] = v;
        },
        saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
      },
    },
  },
};

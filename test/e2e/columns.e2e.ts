/** "Set columns…" in a real browser: on an .xlsx file (file mode) and in Excel (the Office.js double), with axe. */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { animationsDone, axe, launch, openPage, serveDist } from './browser';
import { bundleOfficeDouble } from './double';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let double = '';


/** A scrutiny tracker whose headings PlanCheck does not know. */
const ROWS = [
  ['Scrutiny tracker'],
  [],
  ['Issue', 'Person', 'By', 'Where we are'],
  ['Review the lettings policy', 'J Craig', '31 Mar 2021', 'Complete'],
  ['Publish the housing strategy', 'D Robertson', '30 Jun 2021', 'In Progress'],
  ['Train the panel', 'C Hepburn', '30 Sep 2019', 'Not Started'],
];

async function writeTracker(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  for (const r of ROWS) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  [server, browser, double] = await Promise.all([serveDist(), launch(), bundleOfficeDouble('office-double-columns.js')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Chooses an option of a labelled dropdown by its text ("A — Issue"). */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** From "No plan found" to findings: open Set columns, choose the columns, check the preview, Save. */
async function setColumns(page: Page, saved: RegExp) {
  await page.getByLabel(/As of/).fill('2021-05-01');
  await page.getByRole('button', { name: 'Check plan' }).click();
  const rows = page.getByRole('list', { name: 'Rows that look like headers' });
  await rows.getByText('"Tracker" row 3: A "Issue", B "Person", C "By", D "Where we are"').waitFor();
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Set columns…' }).first().click();
  const form = page.getByRole('form', { name: 'Set columns' });
  await form.waitFor();
  expect(await form.getByLabel(/Header row/).inputValue()).toBe('3');
  await choose(page, 'Action (what will be done)', 'A — Issue');
  await choose(page, 'Lead officer', 'B — Person');
  await choose(page, 'Target date', 'C — By');
  await choose(page, 'Status words', 'D — Where we are');
  const preview = page.getByRole('region', { name: 'Preview', exact: true });
  await preview.getByText('3 actions read on "Tracker"; the first 3 as they would be read:').waitFor();
  const first = preview.getByRole('row').nth(1);
  expect(await first.getByRole('cell').allTextContents()).toEqual([
    '4',
    'Review the lettings policy',
    'J Craig',
    '31 Mar 2021',
    'Complete',
    'Complete',
  ]);
  // The form with a preview, and with "More columns" open.
  expect(await axe(page)).toEqual([]);
  await form.getByRole('button', { name: 'More columns' }).click();
  await animationsDone(page);
  expect(await axe(page)).toEqual([]);
  await form.getByRole('button', { name: 'Save columns' }).click();
  await page.getByText(saved).waitFor();
  await page.getByText('As of 1 May 21 (as you set): 1 workstream, 3 actions; 1 error, 0 warnings.').waitFor();
  await page
    .getByRole('region', { name: /^Errors \(1\)/ })
    .getByRole('button', { name: /^Go to Tracker!C6/ })
    .waitFor();
  expect(await axe(page)).toEqual([]);
}

describe('Set columns… on an .xlsx file', () => {
  it('names the columns of a tracker PlanCheck cannot read, previews it, and checks it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-')), 'tracker.xlsx');
    await writeTracker(file);
    const { page, errors, external } = await openPage(browser, `${server.url}/taskpane.html`);
    await page.setInputFiles('input[aria-label="Workbook file"]', file);
    await page.getByText('Open: tracker.xlsx').waitFor();
    await setColumns(page, /^Columns saved for this session/);
    expect(errors).toEqual([]);
    expect(external.every((u) => u.startsWith('https://appsforoffice.microsoft.com/'))).toBe(true);
  });
});

describe('Set columns… in Excel (Office.js double)', () => {
  async function excelPane(settings?: unknown): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(browser, 'about:blank');
    const plan = { sheet: 'Tracker', rows: ROWS };
    await page.addInitScript({
      content: `window.__PLAN__ = ${JSON.stringify(plan)};\nwindow.__SETTINGS__ = ${JSON.stringify(settings ?? {})};\n${double}`,
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: 'Check plan' }).waitFor();
    return { page, errors };
  }

  it("saves the map in the workbook's document settings, and the next person to open it reads it the same way", async () => {
    const { page, errors } = await excelPane();
    await setColumns(page, /^Columns saved in this workbook\./);
    const stored = await page.evaluate(() => (window as unknown as { __settings: Record<string, unknown> }).__settings);
    expect(stored['planCheck.settings']).toMatchObject({
      columns: { action: 'Issue', lead: 'Person', target: 'C', status: 'Where we are' },
      headerRow: 3,
      ownersSheetName: 'Owners',
    });
    expect(errors).toEqual([]);

    // Reopened with those document settings: Check reads the plan at once.
    const again = await excelPane(stored);
    await again.page.getByLabel(/As of/).fill('2021-05-01');
    await again.page.getByRole('button', { name: 'Check plan' }).click();
    await again.page.getByText(/1 workstream, 3 actions; 1 error/).waitFor();
    await again.page.getByRole('button', { name: 'Set columns…' }).click();
    const form = again.page.getByRole('form', { name: 'Set columns' });
    await form.waitFor();
    expect(await again.page.getByLabel('Lead officer', { exact: true }).inputValue()).toBe('B');
    expect(await axe(again.page)).toEqual([]);
    expect(again.errors).toEqual([]);
  });
});

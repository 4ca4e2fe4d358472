/** The Excel-hosted pane in a real browser, with a test double of Office.js over the strict fake Excel. */
import type { Browser, Page } from 'playwright-core';
import { axe, launch, openPage, screenshot, serveDist } from './browser';
import { bundleOfficeDouble } from './double';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let double = '';


const HEADER = ['RAG', '% Completed', 'Target Date', 'Lead', 'Workstreams (BV Recommendations)', 'Status Update'];
const PROBLEMS = {
  sheet: 'MC 002',
  rows: [
    ['Committee Report Ref:', 'MC 002'],
    ['Report Date:', 44256],
    [],
    HEADER,
    ['', 70, 'May 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change', 'Work has advanced'],
    ['Green', 30, 'Oct 2020', 'H/H&P', 'Improving satisfaction levels in Housing', 'Good progress'],
    ['', 20, 'Mar 2021', '', 'Financial Planning', 'Budget drafted'],
  ],
  formats: { B2: 'dd/mm/yy' },
};
const CLEAN = {
  sheet: 'MC 002',
  rows: [
    ['Report Date:', 44256],
    [],
    HEADER,
    ['', 70, 'May 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change', 'Work has advanced'],
  ],
  formats: { B1: 'dd/mm/yy' },
};

beforeAll(async () => {
  [server, browser, double] = await Promise.all([serveDist(), launch(), bundleOfficeDouble('office-double.js')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function excelPane(plan: object): Promise<Page> {
  const { page, errors } = await openPage(browser, 'about:blank');
  await page.addInitScript({ content: `window.__PLAN__ = ${JSON.stringify(plan)};\n${double}` });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Check plan' }).waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('Excel-hosted pane (Office.js test double)', () => {
  it('empty screen: the Excel pane, not file mode, and WCAG 2.1 AA', async () => {
    const page = await excelPane(PROBLEMS);
    expect(await page.getByRole('button', { name: 'Open a workbook…' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });

  it('findings screen: errors with cell links that select the cell in Excel', async () => {
    const page = await excelPane(PROBLEMS);
    await page.getByRole('button', { name: 'Check plan' }).click();
    const errors = page.getByRole('region', { name: 'Errors (2)' });
    await errors.waitFor();
    await errors.getByRole('button', { name: 'Go to MC 002!D7: missing-owner' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __excel: { model: { selected?: unknown } } }).__excel.model.selected !== undefined,
    );
    const selected = await page.evaluate(
      () => (window as unknown as { __excel: { model: { selected?: unknown } } }).__excel.model.selected,
    );
    expect(selected).toEqual({ sheet: 'MC 002', box: { top: 6, left: 3, bottom: 6, right: 3 } });
    await screenshot(page, 'excel-pane-findings.png');
    expect(await axe(page)).toEqual([]);
  });

  it('all-clear screen', async () => {
    const page = await excelPane(CLEAN);
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByText('All clear: no problems found.').waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('error screen: a protected sheet says what to do', async () => {
    const page = await excelPane({ ...PROBLEMS, protected: true });
    await page.getByRole('button', { name: 'Highlight problems' }).click();
    await page.getByText(/is protected, so its cells cannot be highlighted\. Unprotect it/).waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('Build summary writes the sheet in Excel', async () => {
    const page = await excelPane(PROBLEMS);
    await page.getByRole('button', { name: 'Build summary' }).click();
    await page.getByText(/Summary written to sheet "Strategic Summary"/).waitFor();
    const names = await page.evaluate(() =>
      (window as unknown as { __excel: { model: { sheets: { name: string }[] } } }).__excel.model.sheets.map((s) => s.name),
    );
    expect(names).toEqual(['MC 002', 'Strategic Summary']);
  });

  it('By lead officer screen in Excel: the lead list links to cells, and the Owners sheet is written', async () => {
    const page = await excelPane(PROBLEMS);
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByRole('tab', { name: 'By lead officer' }).click();
    const housing = page.getByRole('region', { name: 'H/H&P' });
    await housing.getByRole('heading', { name: 'H/H&P: 1 overdue, 1 unclear' }).waitFor();
    await page
      .getByRole('region', { name: 'No lead officer' })
      .getByText(/has no lead officer/)
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add Owners sheet' }).click();
    await page.getByText('Owners sheet written to "Owners".').waitFor();
    const names = await page.evaluate(() =>
      (window as unknown as { __excel: { model: { sheets: { name: string }[] } } }).__excel.model.sheets.map((s) => s.name),
    );
    expect(names).toEqual(['MC 002', 'Owners']);
  });
});

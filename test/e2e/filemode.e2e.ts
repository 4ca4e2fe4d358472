/** The task pane as a web page on .xlsx files, in a real browser, offline. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { animationsDone, axe, launch, openPage, screenshot, serveDist } from './browser';

const EX = path.join(__dirname, '..', '..', 'examples');
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openFile(page: Page, file: string) {
  await page.setInputFiles('input[aria-label="Workbook file"]', file);
  await page.getByText(`Open: ${path.basename(file)}`).waitFor();
}

describe('the accessibility check itself', () => {
  it('finds a violation when there is one', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent('<html lang="en"><body><main><img src="x.png"><button></button></main></body></html>');
    expect((await axe(page)).map((v) => v.id).sort()).toEqual(['button-name', 'document-title', 'image-alt']);
  });
});

describe('file mode', () => {
  it('opens with no Office host, makes no network call, and passes WCAG 2.1 AA', async () => {
    const { page, external, errors } = await openPage(browser, `${server.url}/taskpane.html`);
    await page.getByRole('button', { name: 'Open a workbook…' }).waitFor();
    await screenshot(page, 'file-mode-open.png');
    expect(await axe(page)).toEqual([]);
    // Office.js's CDN is the only thing the page asks for from outside, and it is not needed here.
    expect(external.every((u) => u.startsWith('https://appsforoffice.microsoft.com/'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('checks the flat example: findings with cells, counts, and a link that selects its cell', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    await openFile(page, path.join(EX, 'action-plan-flat.xlsx'));
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByText(/As of 1 Jun 20 \(the plan's Report Date\): 8 workstreams, 39 actions/).waitFor();
    await page.getByText("As of 1 Jun 20 (the plan's Report Date): 8 workstreams, 39 actions; 18 errors, 13 warnings.").waitFor();
    const errors = page.getByRole('region', { name: 'Errors (18)' });
    expect(await errors.getByRole('listitem').count()).toBe(18);
    await expect(errors.getByRole('button', { name: 'Go to Actions!G6: invalid-percent' }).count()).resolves.toBe(1);
    await expect(errors.getByRole('button', { name: 'Go to Actions!G7: cell-error' }).count()).resolves.toBe(1);
    await expect(errors.getByRole('button', { name: 'Go to Actions!E9: missing-owner' }).count()).resolves.toBe(1);
    await errors.getByRole('button', { name: 'Go to Actions!E9: missing-owner' }).click();
    await page.getByRole('status').filter({ hasText: 'Selected cell: Actions!E9' }).waitFor();
    await screenshot(page, 'file-mode-findings.png');
    expect(await axe(page)).toEqual([]);
  });

  it('a different as-of date changes the RAG', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    await openFile(page, path.join(EX, 'strategic-summary-mc002.xlsx'));
    await page.getByRole('button', { name: 'Check plan' }).click();
    const rag = page.getByRole('region', { name: 'Workstreams by RAG' });
    await rag.getByText('On Target: 9').waitFor();
    await page.getByLabel(/As of/).fill('2022-01-01');
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByText(/As of 1 Jan 22 \(as you set\)/).waitFor();
    await rag.getByText('Concern: 7').waitFor();
  });

  it('a changed setting changes the RAG', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    await openFile(page, path.join(EX, 'strategic-summary-mc002.xlsx'));
    await page.getByRole('button', { name: 'Check plan' }).click();
    const rag = page.getByRole('region', { name: 'Workstreams by RAG' });
    await rag.getByText('Caution: 0').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await animationsDone(page);
    await page.getByLabel('Due soon within (days)').fill('90');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved for this session (the file itself does not keep them).').waitFor();
    // Two workstreams due by 30 Apr 21, under 75%, are now within the window.
    await rag.getByText('Caution: 2').waitFor();
  });

  it('builds the summary and downloads a new workbook; the source sheet is unchanged', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    const source = path.join(EX, 'strategic-summary-mc002.xlsx');
    await openFile(page, source);
    await page.getByRole('button', { name: 'Build summary' }).click();
    await page.getByText(/Summary written to sheet "Strategic Summary"/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('strategic-summary-mc002 (PlanCheck).xlsx');
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-')), 'out.xlsx');
    await download.saveAs(saved);
    const out = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(saved))).readGrid();
    const original = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(source))).readGrid();
    expect(out.sheets.map((s) => s.name)).toEqual(['MC 002', 'Strategic Summary']);
    expect(out.sheets[0].rows).toEqual(original.sheets[0].rows);
    expect(out.sheets[1].generated).toBe(true);
  });

  it("compares with the previous version, lists each lead officer's work, and the summary carries the changes", async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    await openFile(page, path.join(EX, 'compare', 'action-plan-2020-09.xlsx'));
    await page.setInputFiles('input[aria-label="Previous version file"]', path.join(EX, 'compare', 'action-plan-2020-06.xlsx'));
    const changes = page.getByRole('region', { name: 'Changes since last report' });
    await changes.getByText('2 target dates moved, 3 newly overdue, 4 RAGs worsened, 3 stated green while slipping').waitFor();
    expect(await changes.getByRole('region', { name: 'Renumbered (8)' }).getByRole('listitem').count()).toBe(8);
    await changes.getByRole('region', { name: 'Removed since the last report (1)' }).getByText('Was row 15').waitFor();
    await changes
      .getByRole('button', { name: /^Go to row 24: Action 1 of "Establish a structured programme/ })
      .first()
      .click();
    await page.getByRole('status').filter({ hasText: 'Selected cell: Actions!A24' }).waitFor();
    await screenshot(page, 'file-mode-changes.png');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('tab', { name: 'By lead officer' }).click();
    const craig = page.getByRole('region', { name: 'J Craig' });
    await craig.getByRole('heading', { name: 'J Craig: 3 overdue, 1 due soon, 4 unclear' }).waitFor();
    await craig.getByRole('button', { name: 'Go to Actions!D14 (J Craig, overdue)' }).click();
    await page.getByRole('status').filter({ hasText: 'Selected cell: Actions!D14' }).waitFor();
    await screenshot(page, 'file-mode-owners.png');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Build summary' }).click();
    await page.getByText(/Summary written to sheet "Strategic Summary"/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-')), 'out.xlsx');
    await download.saveAs(saved);
    const out = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(saved))).readGrid();
    const texts = out.sheets[1].rows.flatMap((r) => (r ?? []).map((c) => String(c?.value ?? '')));
    expect(texts.some((t) => t.startsWith('Changes since last report (1 Jun 20): 2 target dates moved'))).toBe(true);
    // Long titles are shortened in the change request; the dates and the count are whole.
    expect(
      texts.filter((t) =>
        t.startsWith(
          '(C) Establish a structured programme of ongoing staff consultation and engagement: extend the target date for "Continue the process of engagement sessions',
        ),
      ),
    ).toEqual([expect.stringMatching(/" from June 2020 to December 2020 \(moved 2 times\)\.$/)]);
  });

  it('a broken file gets a clear message', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-')), 'plan.xlsx');
    fs.writeFileSync(broken, 'Workstream,Action,Owner\nA,Do it,J Craig\n');
    await page.setInputFiles('input[aria-label="Workbook file"]', broken);
    await page.getByText('Could not open the workbook').waitFor();
    await page.getByText(/plan\.xlsx: .*CSV/).waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('works from the keyboard: Check, a finding, Build summary', async () => {
    const { page } = await openPage(browser, `${server.url}/taskpane.html`);
    await openFile(page, path.join(EX, 'action-plan-flat.xlsx'));
    const focusOn = async (name: string | RegExp) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '',
        );
        if (typeof name === 'string' ? label === name : name.test(label)) return;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await focusOn('Check plan');
    await page.keyboard.press('Enter');
    await page.getByText(/39 actions/).waitFor();
    await focusOn(/^Go to Actions!G6/);
    await page.keyboard.press('Enter');
    await page.getByText('Selected cell: Actions!G6').waitFor();
    await focusOn('Build summary');
    await page.keyboard.press('Enter');
    await page.getByText(/Summary written to sheet/).waitFor();
  });
});

/**
 * The update cycle in file mode, in a real browser: the forms come as one .zip download, the
 * returned forms are previewed (every change with a checkbox, every conflict with its reason,
 * WCAG 2.1 AA by axe), the changes left ticked are applied, and the downloaded plan has them.
 */
import { unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { axe, launch, openPage, screenshot, serveDist } from './browser';
import { type Answer, fillForm } from '../helpers/forms';

const PLAN = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-updates-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function saved(page: Page, click: () => Promise<void>, name: string): Promise<{ file: string; suggested: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** A form filled in as a lead would, saved to a file to pick in the page. */
async function answer(bytes: Uint8Array, answers: Answer[], out: string): Promise<string> {
  const file = path.join(dir, out);
  fs.writeFileSync(file, await fillForm(bytes, answers));
  return file;
}

describe('the update cycle in file mode', () => {
  it('forms as one .zip; a preview of the returns that passes axe; the ticked changes applied and downloaded', async () => {
    const { page, errors } = await openPage(browser, `${server.url}/taskpane.html`);
    await page.setInputFiles('input[aria-label="Workbook file"]', PLAN);
    await page.getByText('Open: action-plan-flat.xlsx').waitFor();

    await page.getByRole('button', { name: 'Update requests…' }).click();
    const form = page.getByRole('form', { name: 'Update requests' });
    await form.getByLabel(/Reply by/).fill('2020-06-19');
    await form.getByRole('button', { name: 'Make forms' }).click();
    const link = page.getByRole('link', { name: /^Download 8 forms/ });
    await link.waitFor();
    await page
      .getByRole('list', { name: 'Actions with no lead officer' })
      .getByText(/^Actions row 9: 2 Raise visibility/)
      .waitFor();
    expect(await axe(page)).toEqual([]);
    const zip = await saved(page, () => link.click(), 'forms.zip');
    expect(zip.suggested).toBe('action-plan-flat update forms.zip');
    const forms = unzipSync(new Uint8Array(fs.readFileSync(zip.file)));
    expect(Object.keys(forms)).toHaveLength(8);
    await page.getByRole('button', { name: 'Close' }).click();

    const craig = await answer(
      forms['update-j-craig.xlsx'],
      [
        { row: 0, column: '% Complete', value: 90 },
        { row: 0, column: 'Status Update', value: 'Draft agreed by CMT on 8 June.' },
        { row: 1, column: '% Complete', value: 120 },
      ],
      'update-j-craig.xlsx',
    );
    const graham = await answer(
      forms['update-r-mcculloch-graham.xlsx'],
      [{ row: 0, column: '% Complete', value: 100 }],
      'update-r-mcculloch-graham.xlsx',
    );
    await page.setInputFiles('input[aria-label="Returned update forms"]', [craig, graham]);

    const preview = page.getByRole('region', { name: 'Merge returns' });
    await preview.getByText('2 returned forms read: 3 changes, 1 conflict. Nothing is written until you apply.').waitFor();
    const changes = preview.getByRole('region', { name: 'Changes (3)' });
    expect(await changes.getByRole('checkbox', { checked: true }).count()).toBe(3);
    const conflicts = preview.getByRole('region', { name: 'Conflicts (1)' });
    await conflicts.getByText(/^J Craig \(update-j-craig\.xlsx\): Actions row \d+, % Complete$/).waitFor();
    await conflicts.getByText('Not applied', { exact: true }).waitFor();
    await screenshot(page, 'file-mode-merge-preview.png');
    expect(await axe(page)).toEqual([]);

    const skipped = changes.getByRole('checkbox', { name: /^R McCulloch-Graham: / });
    const skippedCell = /Actions!([A-Z]+\d+)/.exec((await changes.getByText(/^R McCulloch-Graham: /).textContent()) ?? '')![1];
    await skipped.uncheck();
    await preview.getByRole('button', { name: 'Apply 2 changes' }).click();
    await page
      .getByText('2 changes applied to the plan. Download saves the merged plan as a new file; the original is untouched.')
      .waitFor();
    expect(await preview.count()).toBe(0);

    const merged = await saved(page, () => page.getByRole('button', { name: 'Download' }).click(), 'merged.xlsx');
    const after = (await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(merged.file))).readGrid()).sheets[0];
    const original = (await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(PLAN))).readGrid()).sheets[0];
    const texts = after.rows.flatMap((r) => (r ?? []).map((c) => String(c?.value ?? '')));
    expect(texts).toContain('Draft agreed by CMT on 8 June.');
    // The unticked change was not applied: its cell is as it was.
    const ref = /^([A-Z]+)(\d+)$/.exec(skippedCell)!;
    const col = ref[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    expect(after.rows[Number(ref[2]) - 1]?.[col]).toEqual(original.rows[Number(ref[2]) - 1]?.[col]);
    expect(errors).toEqual([]);
  });
});

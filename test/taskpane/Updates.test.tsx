/**
 * @jest-environment jsdom
 */
/**
 * The update cycle in the pane, by role, in Excel mode (the Office adapter over the strict
 * fake): "Update requests…" gives one .zip of forms that read back as forms; "Merge returns…"
 * previews every change and conflict, applies only the changes left ticked, and the plan's
 * cells change in the workbook.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Host, memorySettingsStore } from '../../src/app';
import { readReturn } from '../../src/core/update';
import { App } from '../../src/taskpane/App';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { FakeExcel } from '../fakes/excel';
import { fillForm as answer } from '../helpers/forms';

const PLAN = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');

/** The flat example (seed 000) as an open workbook in Excel. */
async function setup() {
  const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(PLAN))).readGrid();
  const excel = new FakeExcel();
  excel.apiVersion = '1.20';
  for (const s of grid.sheets) {
    const sheet = excel.model.addSheet(s.name);
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => cell && Object.assign(sheet.cell(r, c), { value: cell.value, numberFormat: cell.format ?? 'General' })),
    );
  }
  const workbook = new OfficeWorkbook(excel.run, excel.isSetSupported);
  const host: Host = { workbook, settings: memorySettingsStore(), today: () => '2020-06-10', fileName: 'action-plan-flat.xlsx' };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  return { excel };
}

/** The Blobs the pane offered for download, by URL (jsdom has no createObjectURL). */
const blobs = new Map<string, Blob>();
beforeEach(() => {
  blobs.clear();
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
});

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

/** Makes the forms through the pane and returns the zip's files. */
async function makeForms(): Promise<Record<string, Uint8Array>> {
  fireEvent.click(screen.getByRole('button', { name: 'Update requests…' }));
  const form = await screen.findByRole('form', { name: 'Update requests' });
  fireEvent.change(within(form).getByLabelText(/Reply by/), { target: { value: '2020-06-19' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Make forms' }));
  const link = await screen.findByRole('link', { name: /^Download 8 forms/ });
  expect(link.getAttribute('download')).toBe('action-plan-flat update forms.zip');
  return unzipSync(await bytesOf(blobs.get(link.getAttribute('href')!)!));
}

function fileOf(name: string, bytes: Uint8Array): File {
  const file = new File([bytes.slice().buffer], name);
  // jsdom's File has no arrayBuffer(); browsers do.
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return file;
}

describe('task pane: the update cycle in Excel', () => {
  it('Update requests… makes one .zip of forms, each a PlanCheck form that reads back, and lists the unowned action', async () => {
    await setup();
    const files = await makeForms();
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['update-j-craig.xlsx', 'update-r-mcculloch-graham.xlsx']));
    expect(Object.keys(files)).toHaveLength(8);
    for (const [name, bytes] of Object.entries(files)) {
      const form = readReturn(await XlsxWorkbook.fromBytes(bytes).readGrid());
      expect([name, form.ok]).toEqual([name, true]);
      if (form.ok) {
        expect(form.planFile).toBe('action-plan-flat.xlsx');
        expect(form.replyBy).toBe('2020-06-19');
      }
    }
    const listed = screen.getByRole('list', { name: 'Forms' });
    expect(within(listed).getByText(/^J Craig: \d+ actions \(update-j-craig\.xlsx\)$/)).toBeTruthy();
    const unowned = screen.getByRole('list', { name: 'Actions with no lead officer' });
    expect(within(unowned).getByText(/^Actions row 9: 2 Raise visibility/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Update requests' })).toBeNull());
    // Focus goes back to the button that opened the panel, not to the page.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Update requests…' }));
  });

  it('cancelling a merge preview changes nothing and puts focus back on Merge returns…', async () => {
    const { excel } = await setup();
    const files = await makeForms();
    const craig = await answer(files['update-j-craig.xlsx'], [{ row: 0, column: '% Complete', value: 90 }]);
    const before = JSON.stringify(excel.model.sheet('Actions')!.peek(4, 6));
    fireEvent.change(screen.getByLabelText('Returned update forms'), { target: { files: [fileOf('update-j-craig.xlsx', craig)] } });
    const preview = await screen.findByRole('region', { name: 'Merge returns' });
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Merge returns' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Merge returns…' }));
    expect(JSON.stringify(excel.model.sheet('Actions')!.peek(4, 6))).toBe(before);
  });

  it('Merge returns… previews every change and conflict; unticking one applies the others, in one undo step', async () => {
    const { excel } = await setup();
    const files = await makeForms();
    const craig = await answer(files['update-j-craig.xlsx'], [
      { row: 0, column: '% Complete', value: 90 },
      { row: 0, column: 'Status Update', value: '=Draft agreed by CMT, not a formula' },
      { row: 1, column: '% Complete', value: 120 },
    ]);
    const graham = await answer(files['update-r-mcculloch-graham.xlsx'], [{ row: 0, column: '% Complete', value: 100 }]);
    fireEvent.change(screen.getByLabelText('Returned update forms'), {
      target: { files: [fileOf('update-j-craig.xlsx', craig), fileOf('update-r-mcculloch-graham.xlsx', graham)] },
    });

    const preview = await screen.findByRole('region', { name: 'Merge returns' });
    expect(within(preview).getByText('2 returned forms read: 3 changes, 1 conflict. Nothing is written until you apply.')).toBeTruthy();
    const changes = within(preview).getByRole('region', { name: 'Changes (3)' });
    const boxes = within(changes).getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    const labels = boxes.map((b) => b.closest('li')!.textContent!);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^J Craig: Actions![A-Z]+\d+ % Complete: .+ → 90$/),
        expect.stringMatching(/^J Craig: Actions![A-Z]+\d+ Status Update: .+ → =Draft agreed by CMT, not a formula$/),
        expect.stringMatching(/^R McCulloch-Graham: Actions![A-Z]+\d+ % Complete: .+ → 100$/),
      ]),
    );
    const conflicts = within(preview).getByRole('region', { name: 'Conflicts (1)' });
    expect(within(conflicts).getByText('Not applied')).toBeTruthy();
    expect(within(conflicts).getByText(/^J Craig \(update-j-craig\.xlsx\): Actions row \d+, % Complete$/)).toBeTruthy();
    expect(within(conflicts).queryByRole('checkbox')).toBeNull();

    // The cells each change names, and what they hold before.
    const sheet = excel.model.sheet('Actions')!;
    const at = (label: string) => {
      const ref = /Actions!([A-Z]+\d+)/.exec(label)![1];
      const col =
        ref
          .replace(/\d+/, '')
          .split('')
          .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return { row: Number(ref.replace(/[A-Z]+/, '')) - 1, col };
    };
    const before = labels.map((l) => sheet.peek(at(l).row, at(l).col)?.value);
    const skipped = labels.findIndex((l) => l.startsWith('R McCulloch-Graham'));
    fireEvent.click(boxes[skipped]);
    const apply = within(preview).getByRole('button', { name: 'Apply 2 changes' });
    excel.runOptions = [];
    fireEvent.click(apply);

    expect(await screen.findByText('2 changes applied to the plan. Undo (Ctrl+Z) in Excel takes them all back in one step.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Merge returns' })).toBeNull();
    labels.forEach((l, i) => {
      const cell = sheet.peek(at(l).row, at(l).col);
      if (i === skipped) expect(cell?.value).toBe(before[i]);
      else expect(cell?.value).not.toBe(before[i]);
    });
    const update = labels.findIndex((l) => l.includes('Status Update'));
    expect(sheet.peek(at(labels[update]).row, at(labels[update]).col)).toMatchObject({
      value: '=Draft agreed by CMT, not a formula',
      formula: undefined,
    });
    expect(excel.runOptions).toContainEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    // The pane checked the plan again: the new figure is what it reads now.
    await screen.findByText(/^As of 1 Jun 20/);
  });

  it("a preview the user's edit has overtaken cannot be applied", async () => {
    const { excel } = await setup();
    const files = await makeForms();
    const craig = await answer(files['update-j-craig.xlsx'], [{ row: 0, column: '% Complete', value: 90 }]);
    fireEvent.change(screen.getByLabelText('Returned update forms'), { target: { files: [fileOf('update-j-craig.xlsx', craig)] } });
    const preview = await screen.findByRole('region', { name: 'Merge returns' });
    act(() => excel.model.emitChange('Actions', 'B5'));
    expect(await within(preview).findByText(/The workbook changed since this preview/)).toBeTruthy();
    expect((within(preview).getByRole('button', { name: 'Apply 1 change' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

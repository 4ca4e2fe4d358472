/**
 * @jest-environment jsdom
 */
/** The task pane, by role, on the Office adapter over the strict fake Excel. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { runBuildSummary } from '../../src/commands/buildSummary';
import { App } from '../../src/taskpane/App';
import { type Host, memorySettingsStore } from '../../src/app';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { FakeExcel } from '../fakes/excel';

function plan(excel: FakeExcel) {
  return excel.model
    .addSheet('MC 002')
    .setValues(
      [
        ['Committee Report Ref:', 'MC 002'],
        ['Report Date:', 44256],
        [],
        ['RAG', '% Completed', 'Target Date', 'Lead', 'Workstreams (BV Recommendations)', 'Status Update'],
        ['', 70, 'May 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change', 'Work has advanced'],
        ['Green', 30, 'Oct 2020', 'H/H&P', 'Improving satisfaction levels in Housing', 'Good progress'],
        ['', 20, 'Mar 2021', '', 'Financial Planning', 'Budget drafted'],
      ],
      { B2: 'dd/mm/yy' },
    );
}

function setup(build: (excel: FakeExcel) => void = plan) {
  const excel = new FakeExcel();
  build(excel);
  const settings = memorySettingsStore();
  const workbook = new OfficeWorkbook(excel.run, excel.isSetSupported);
  const reads = { count: 0 };
  const readGrid = workbook.readGrid.bind(workbook);
  workbook.readGrid = () => {
    reads.count++;
    return readGrid();
  };
  const host: Host = { workbook, settings, today: () => '2026-11-22', fileName: 'plan.xlsx', recheckDelayMs: 30 };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  return { excel, settings, host, reads };
}

describe('task pane', () => {
  it('checks the plan and lists findings by severity, each linking to its cell', async () => {
    const { excel } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByText(/As of 1 Mar 21 \(the plan's Report Date\): 3 workstreams/)).toBeTruthy();
    const workstreams = screen.getByRole('region', { name: 'Workstreams by RAG' });
    expect(within(workstreams).getByText('Concern: 1')).toBeTruthy();
    expect(within(workstreams).getByText('Caution: 1')).toBeTruthy();
    const errors = screen.getByRole('region', { name: 'Errors (2)' });
    const links = within(errors).getAllByRole('button', { name: /^Go to MC 002!/ });
    expect(links.map((l) => l.textContent)).toEqual(['C6', 'D7']);
    fireEvent.click(links[1]);
    await waitFor(() => expect(excel.model.selected).toEqual({ sheet: 'MC 002', box: { top: 6, left: 3, bottom: 6, right: 3 } }));
  });

  it('filters by severity with counts', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    const toggle = await screen.findByRole('button', { name: /^Errors \(2\)/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Errors (2)' })).toBeNull());
  });

  it('the as-of date changes the RAG', async () => {
    setup();
    fireEvent.change(screen.getByLabelText(/As of/), { target: { value: '2020-06-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByText(/As of 1 Jun 20 \(as you set\)/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Workstreams by RAG' })).getByText('Concern: 0')).toBeTruthy();
  });

  it('builds the summary and says where', async () => {
    const { excel } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Build summary' }));
    expect(await screen.findByText(/Summary written to sheet "Strategic Summary"/)).toBeTruthy();
    expect(excel.model.sheet('Strategic Summary')).toBeDefined();
  });

  it('highlights and clears, restoring the cells', async () => {
    const { excel } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Highlight problems' }));
    expect(await screen.findByText(/cells highlighted/)).toBeTruthy();
    expect(excel.model.sheet('MC 002')!.peek(6, 3)!.fill.color).toBe('#FFC7CE');
    fireEvent.click(screen.getByRole('button', { name: 'Clear highlights' }));
    expect(await screen.findByText(/Highlights cleared/)).toBeTruthy();
    expect(excel.model.sheet('MC 002')!.peek(6, 3)!.fill.pattern).toBe('None');
  });

  it("re-checks after the user's edit, but not after its own writes", async () => {
    const { excel, reads } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/3 workstreams/);
    expect(within(screen.getByRole('region', { name: 'Workstreams by RAG' })).getByText('Caution: 1')).toBeTruthy();
    // The user completes Financial Planning (row 7) and Excel reports the edit.
    excel.model.sheet('MC 002')!.cell(6, 1).value = 100;
    excel.model.emitChange('MC 002', 'B7');
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Workstreams by RAG' })).getByText('Complete: 1')).toBeTruthy());
    expect(reads.count).toBe(2);
    // Our own writes raise change events too; they must not trigger a re-check.
    fireEvent.click(screen.getByRole('button', { name: 'Highlight problems' }));
    await screen.findByText(/cells highlighted/);
    await new Promise((r) => setTimeout(r, 100));
    expect(reads.count).toBe(3);
  });

  it('a protected sheet shows a message that says what to do', async () => {
    const { excel } = setup();
    excel.model.sheet('MC 002')!.protected = true;
    fireEvent.click(screen.getByRole('button', { name: 'Highlight problems' }));
    expect(await screen.findByText(/is protected, so its cells cannot be highlighted\. Unprotect it/)).toBeTruthy();
  });

  it('a workbook without a plan says what was looked for', async () => {
    setup((excel) => excel.model.addSheet('Notes').setValues([['nothing here']]));
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByText(/No plan found: looked on sheet "Notes"/)).toBeTruthy();
  });

  it('saves settings in the workbook and re-checks with them', async () => {
    const { settings } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/3 workstreams/);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Summary sheet name'), { target: { value: 'Committee Summary' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved in this workbook.')).toBeTruthy();
    expect(await settings.load()).toMatchObject({ summarySheetName: 'Committee Summary', dueSoonDays: 30 });
  });

  it('a saved setting changes the RAG at once', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/3 workstreams/);
    const rag = () => within(screen.getByRole('region', { name: 'Workstreams by RAG' }));
    expect(rag().getByText('Caution: 1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Due soon within (days)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    // Financial Planning (20%, due 31 Mar 21) is no longer "due soon" as of 1 Mar 21.
    await waitFor(() => expect(rag().getByText('Caution: 0')).toBeTruthy());
  });
});

describe('ribbon: Build summary', () => {
  it('writes the summary without the pane and reports the outcome in words', async () => {
    const excel = new FakeExcel();
    plan(excel);
    const host: Host = {
      workbook: new OfficeWorkbook(excel.run, excel.isSetSupported),
      settings: memorySettingsStore({ summarySheetName: 'Members' }),
      today: () => '2026-11-22',
      fileName: 'x',
    };
    const outcome = await runBuildSummary(host);
    expect(outcome).toEqual({ ok: true, message: 'Summary written to "Members": 3 workstreams (1 Concern, 1 Caution, 1 On Target).' });
    expect(excel.model.sheet('Members')).toBeDefined();
  });

  it('reports a protected workbook instead of failing silently', async () => {
    const excel = new FakeExcel();
    plan(excel);
    excel.model.protected = true;
    const host: Host = {
      workbook: new OfficeWorkbook(excel.run, excel.isSetSupported),
      settings: memorySettingsStore(),
      today: () => '2026-11-22',
      fileName: 'x',
    };
    const outcome = await runBuildSummary(host);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/structure is protected/);
  });
});

/** The plan as reported at the previous committee, as an .xlsx file the user picks. */
async function previousVersionFile(): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('MC 001');
  ws.addRow(['Committee Report Ref:', 'MC 001']);
  ws.addRow(['Report Date:', new Date(Date.UTC(2020, 11, 1))]);
  ws.getCell('B2').numFmt = 'dd/mm/yy';
  ws.addRow([]);
  ws.addRow(['RAG', '% Completed', 'Target Date', 'Lead', 'Workstreams (BV Recommendations)', 'Status Update']);
  ws.addRow(['', 60, 'April 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change', 'Started']);
  ws.addRow(['Green', 30, 'Oct 2020', 'H/H&P', 'Improving satisfaction levels in Housing', 'Good progress']);
  ws.addRow(['', 20, 'Mar 2021', 'DCE (EEF)', 'Financial Planning', 'Budget drafted']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const file = new File([bytes], 'mc001.xlsx');
  // jsdom's File has no arrayBuffer(); browsers do.
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer });
  return file;
}

describe('task pane: by lead officer, and compare with the previous version', () => {
  it("lists each lead's problems with links to the cells, and copies a lead's list for an email", async () => {
    const { excel } = setup();
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'By lead officer' }));
    const housing = screen.getByRole('region', { name: 'H/H&P' });
    expect(within(housing).getByRole('heading', { name: 'H/H&P: 1 overdue, 1 unclear' })).toBeTruthy();
    fireEvent.click(within(housing).getByRole('button', { name: 'Go to MC 002!C6 (H/H&P, overdue)' }));
    await waitFor(() => expect(excel.model.selected).toEqual({ sheet: 'MC 002', box: { top: 5, left: 2, bottom: 5, right: 2 } }));
    const nobody = screen.getByRole('region', { name: 'No lead officer' });
    expect(within(nobody).getByText(/has no lead officer/)).toBeTruthy();
    fireEvent.click(within(housing).getByRole('button', { name: "Copy H/H&P's list" }));
    await screen.findByText("H/H&P's list copied: paste it into an email.");
    expect(writeText).toHaveBeenCalledWith(
      expect.stringMatching(
        /^H\/H&P: 1 overdue, 1 unclear \(as of 1 Mar 21\)\n\nOverdue:\n- Workstream "Improving satisfaction levels in Housing" \(target 31 Oct 20, 30% done\) \[MC 002!C6\]/,
      ),
    );
  });

  it('adds an Owners sheet to the workbook', async () => {
    const { excel } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'By lead officer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Owners sheet' }));
    expect(await screen.findByText('Owners sheet written to "Owners".')).toBeTruthy();
    expect(excel.model.sheet('Owners')).toBeDefined();
  });

  it('compares with a previous version picked from a file, and the summary then shows the changes', async () => {
    const { excel } = setup();
    fireEvent.change(screen.getByLabelText('Previous version file'), { target: { files: [await previousVersionFile()] } });
    const changes = await screen.findByRole('region', { name: 'Changes since last report' });
    expect(within(changes).getByText('1 target date moved, 1 RAG worsened, 1 owner changed.')).toBeTruthy();
    const moved = within(changes).getByRole('region', { name: 'Target dates moved (1)' });
    expect(
      within(moved).getByText(
        /Workstream "Increase the pace of Transformational Change"\. Target date moved from 30 Apr 21 to 31 May 21 \(31 days later\)\./,
      ),
    ).toBeTruthy();
    const lead = within(changes).getByRole('region', { name: 'Lead officer changed (1)' });
    expect(within(lead).getByText('Workstream "Financial Planning". Lead changed from DCE (EEF) to nobody.')).toBeTruthy();
    fireEvent.click(within(moved).getByRole('button', { name: /^Go to row 5: Workstream "Increase the pace/ }));
    await waitFor(() => expect(excel.model.selected?.box.top).toBe(4));
    fireEvent.click(screen.getByRole('button', { name: 'Build summary' }));
    await screen.findByText(/Summary written to sheet "Strategic Summary"/);
    const texts = [...excel.model.sheet('Strategic Summary')!.cells.values()].map((c) => String(c.value));
    expect(texts).toContain('(C) Increase the pace of Transformational Change: extend the target date from April 2021 to May 2021.');
    fireEvent.click(within(changes).getByRole('button', { name: 'Stop comparing' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changes since last report' })).toBeNull());
  });

  it('a previous version that is not a workbook gets a clear message', async () => {
    setup();
    const bad = new File(['not a workbook'], 'notes.xlsx');
    Object.defineProperty(bad, 'arrayBuffer', { value: async () => new TextEncoder().encode('not a workbook').buffer });
    fireEvent.change(screen.getByLabelText('Previous version file'), { target: { files: [bad] } });
    expect(await screen.findByText(/^notes\.xlsx: .*not an? .*(xlsx|workbook|zip)/i)).toBeTruthy();
  });
});

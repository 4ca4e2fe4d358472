/**
 * @jest-environment jsdom
 */
/** "Set columns…" in the pane, by role, on the Office adapter over the strict fake Excel. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runBuildSummary } from '../../src/commands/buildSummary';
import { App } from '../../src/taskpane/App';
import { type Host, memorySettingsStore } from '../../src/app';
import { OfficeWorkbook } from '../../src/workbook/office/adapter';
import { FakeExcel } from '../fakes/excel';

/** A tracker whose headings PlanCheck does not know. */
const TRACKER = [
  ['Scrutiny tracker'],
  [],
  ['Issue', 'Person', 'By', 'Where we are'],
  ['Review the lettings policy', 'J Craig', '31 Mar 2021', 'Complete'],
  ['Publish the housing strategy', 'D Robertson', '30 Jun 2021', 'In Progress'],
  ['Train the panel', 'C Hepburn', '30 Sep 2019', 'Not Started'],
];

const PLAN = [
  ['Report Date:', 44256],
  [],
  ['RAG', '% Completed', 'Target Date', 'Lead', 'Workstreams (BV Recommendations)', 'Status Update'],
  ['', 70, 'May 2021', 'DCE (ECOD)', 'Increase the pace of Transformational Change', 'Work has advanced'],
];

function setup(rows: (string | number)[][] = TRACKER, saved: unknown = {}, scope: 'workbook' | 'session' = 'workbook') {
  const excel = new FakeExcel();
  excel.model.addSheet('Tracker').setValues(rows, rows === PLAN ? { B1: 'dd/mm/yy' } : undefined);
  const settings = memorySettingsStore(saved, scope);
  const host: Host = {
    workbook: new OfficeWorkbook(excel.run, excel.isSetSupported),
    settings,
    today: () => '2021-05-01',
    fileName: 'tracker.xlsx',
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  return { excel, settings, host };
}

const choose = (label: string, option: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  const value = [...select.options].find((o) => o.textContent === option)?.value;
  if (value === undefined) throw new Error(`${label} has no option ${option}: ${[...select.options].map((o) => o.textContent).join(', ')}`);
  fireEvent.change(select, { target: { value } });
};

describe('Set columns…', () => {
  it('from "No plan found": choose the columns, see the preview, save, and the plan is checked with the map', async () => {
    const { settings, host } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByText(/No plan found: looked on sheet "Tracker"/)).toBeTruthy();
    const rows = screen.getByRole('list', { name: 'Rows that look like headers' });
    expect(within(rows).getByText('"Tracker" row 3: A "Issue", B "Person", C "By", D "Where we are"')).toBeTruthy();
    expect(screen.getByText(/Name the columns yourself with "Set columns…"/)).toBeTruthy();

    const message = screen.getByText('No plan found').closest('[role="group"], .fui-MessageBar') as HTMLElement;
    fireEvent.click(within(message).getByRole('button', { name: 'Set columns…' }));
    const form = await screen.findByRole('form', { name: 'Set columns' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Set columns' })));
    // One sheet: no sheet picker. The header row is the most header-like row.
    expect(within(form).queryByLabelText('Sheet')).toBeNull();
    expect((within(form).getByLabelText(/Header row/) as HTMLInputElement).value).toBe('3');
    const lead = within(form).getByLabelText('Lead officer') as HTMLSelectElement;
    expect([...lead.options].map((o) => o.textContent)).toEqual([
      '(not in this sheet)',
      'A — Issue',
      'B — Person',
      'C — By',
      'D — Where we are',
    ]);
    expect(within(form).getByRole('status').textContent).toMatch(/Choose the column that holds the actions/);
    expect(within(form).getByRole('button', { name: 'Save columns' }).hasAttribute('disabled')).toBe(true);

    choose('Action (what will be done)', 'A — Issue');
    choose('Lead officer', 'B — Person');
    choose('Target date', 'C — By');
    choose('Status words', 'D — Where we are');
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('status').textContent).toBe('3 actions read on "Tracker"; the first 3 as they would be read:');
    const first = within(preview).getAllByRole('row')[1];
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', 'Review the lettings policy', 'J Craig', '31 Mar 2021', 'Complete', 'Complete']);
    expect(within(preview).getAllByRole('row')[3].textContent).toMatch(/Train the panelC Hepburn30 Sep 2019Not startedConcern/);
    expect(within(form).getByText(/Saved in this workbook: everyone who opens it/)).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Save columns' }));
    expect(await screen.findByText('Columns saved in this workbook.')).toBeTruthy();
    expect(await screen.findByText(/As of 1 May 21 \(today\): 1 workstream, 3 actions; 1 error/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Set columns' })).toBeNull();
    expect(screen.getByRole('region', { name: /^Errors \(1\)/ })).toBeTruthy();
    // Saved by header text where it is unique; "By" could be taken for column BY, so by letter.
    expect(await settings.load()).toMatchObject({
      columns: { action: 'Issue', lead: 'Person', target: 'C', status: 'Where we are' },
      headerRow: 3,
      ownersSheetName: 'Owners',
      summarySheetName: 'Strategic Summary',
    });
    // The ribbon's one-click summary reads the saved map.
    expect(await runBuildSummary(host)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Summary written to "Strategic Summary": 1 workstreams/),
    });
  });

  it('reopens on the saved map, and Remove the column map forgets it', async () => {
    const { settings } = setup(TRACKER, { columns: { action: 'Issue', lead: 'B' }, headerRow: 3, ownersSheetName: 'Leads' });
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/1 workstream, 3 actions/);
    fireEvent.click(screen.getByRole('button', { name: 'Set columns…' }));
    const form = await screen.findByRole('form', { name: 'Set columns' });
    await waitFor(() => expect((within(form).getByLabelText('Action (what will be done)') as HTMLSelectElement).value).toBe('A'));
    expect((within(form).getByLabelText('Lead officer') as HTMLSelectElement).value).toBe('B');
    expect((within(form).getByLabelText('Target date') as HTMLSelectElement).value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Remove the column map' }));
    expect(await screen.findByText('No plan found')).toBeTruthy();
    expect(await settings.load()).toMatchObject({ columns: {}, headerRow: null, ownersSheetName: 'Leads' });
  });

  it('preselects the columns detection found, and Cancel changes nothing', async () => {
    const { settings } = setup(PLAN);
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/1 workstream/);
    fireEvent.click(screen.getByRole('button', { name: 'Set columns…' }));
    const form = await screen.findByRole('form', { name: 'Set columns' });
    await waitFor(() => expect((within(form).getByLabelText('Lead officer') as HTMLSelectElement).value).toBe('D'));
    expect((within(form).getByLabelText(/Header row/) as HTMLInputElement).value).toBe('3');
    expect((within(form).getByLabelText('% complete') as HTMLSelectElement).value).toBe('B');
    expect((within(form).getByLabelText('Target date') as HTMLSelectElement).value).toBe('C');
    expect((within(form).getByLabelText('RAG') as HTMLSelectElement).value).toBe('A');
    // Status Update sits under "More columns", opened because it is set.
    expect((within(form).getByLabelText('Status update') as HTMLSelectElement).value).toBe('F');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Set columns' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Set columns…' }));
    expect(await settings.load()).toEqual({});
  });

  it('an empty header row and a map naming headers the sheet lacks are said in words, not a crash', async () => {
    setup(TRACKER, { columns: { action: 'Recommendation' }, headerRow: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByText(/The column map names header text no sheet has \(action="Recommendation"\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set columns…' }));
    const form = await screen.findByRole('form', { name: 'Set columns' });
    fireEvent.change(within(form).getByLabelText(/Header row/), { target: { value: '2' } });
    expect(within(form).getByRole('status').textContent).toBe('Row 2 of "Tracker" is empty: give the row that holds the column headings.');
    fireEvent.change(within(form).getByLabelText(/Header row/), { target: { value: '3' } });
    choose('Action (what will be done)', 'A — Issue');
    await waitFor(() => expect(within(form).getByRole('status').textContent).toMatch(/^3 actions read/));
  });

  it('in file mode, settings are saved for this session and the pane says so', async () => {
    const { settings } = setup(TRACKER, {}, 'session');
    fireEvent.click(screen.getByRole('button', { name: 'Set columns…' }));
    const form = await screen.findByRole('form', { name: 'Set columns' });
    expect(within(form).getByText(/Saved for this session/)).toBeTruthy();
    choose('Action (what will be done)', 'A — Issue');
    fireEvent.click(within(form).getByRole('button', { name: 'Save columns' }));
    expect(await screen.findByText('Columns saved for this session (the file itself does not keep them).')).toBeTruthy();
    expect(await screen.findByText(/3 actions/)).toBeTruthy();
    expect(await settings.load()).toMatchObject({ columns: { action: 'Issue' }, headerRow: 3 });
  });

  it('the settings form keeps the Owners sheet name and the column map when it saves', async () => {
    const { settings } = setup(TRACKER, { columns: { action: 'Issue' }, headerRow: 3, ownersSheetName: 'Leads' });
    fireEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByText(/3 actions/);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Summary sheet name'), { target: { value: 'Members' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved in this workbook.')).toBeTruthy();
    expect(await settings.load()).toMatchObject({
      summarySheetName: 'Members',
      ownersSheetName: 'Leads',
      columns: { action: 'Issue' },
      headerRow: 3,
    });
  });
});

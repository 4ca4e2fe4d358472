/** The "Set columns…" form's pure logic: where it starts, the choices, the preview, what it saves. */
import { type WorkbookGrid, checkWorkbook, resolveSettings } from '../../src/core';
import { detectedColumns, draftSettings, headerChoices, initialDraft, previewColumnMap } from '../../src/app/columns';

const cells = (rows: (string | number | null)[][]) => rows.map((r) => r.map((v) => (v === null ? undefined : { value: v })));

/** Headers PlanCheck cannot place: "Issue | Person | By | Where we are". */
export function unknownHeaders(): WorkbookGrid {
  return {
    date1904: false,
    sheets: [
      {
        name: 'Tracker',
        merges: [],
        rows: cells([
          ['Scrutiny tracker'],
          [],
          ['Issue', 'Person', 'By', 'Where we are'],
          ['Review the lettings policy', 'J Craig', '31 Mar 2021', 'Complete'],
          ['Publish the housing strategy', 'D Robertson', '30 Jun 2021', 'In Progress'],
          ['Train the panel', 'C Hepburn', '30 Sep 2019', 'Not Started'],
        ]),
      },
    ],
  };
}

const settings = resolveSettings({});
const today = '2021-05-01';

describe('column map form logic', () => {
  it('starts on the most header-like row of a sheet without a plan, with its cells as choices', () => {
    const grid = unknownHeaders();
    const result = checkWorkbook(grid, { file: 'x', today, settings });
    expect(result.noPlan).toBe(true);
    const draft = initialDraft(grid, settings, result.raw);
    expect(draft).toEqual({ sheet: 'Tracker', headerRow: 3, columns: {} });
    expect(headerChoices(grid, 'Tracker', 3).map((c) => c.label)).toEqual(['A — Issue', 'B — Person', 'C — By', 'D — Where we are']);
  });

  it('previews the first actions as they would be read, and saves header text where it is unique', () => {
    const grid = unknownHeaders();
    const draft = { sheet: 'Tracker', headerRow: 3, columns: { action: 'A', lead: 'B', target: 'C', status: 'D' } };
    const preview = previewColumnMap(grid, draft, settings, { today });
    expect(preview.problem).toBeNull();
    expect(preview.actions).toBe(3);
    expect(preview.rows[0]).toMatchObject({
      row: 4,
      description: 'Review the lettings policy',
      leads: 'J Craig',
      target: '31 Mar 2021',
      status: 'Complete',
    });
    expect(preview.rows[1]).toMatchObject({ status: 'Started' });
    // "By" could be read as column BY, so it is kept as a letter.
    expect(draftSettings(draft, headerChoices(grid, 'Tracker', 3))).toEqual({
      columns: { action: 'Issue', lead: 'Person', target: 'C', status: 'Where we are' },
      headerRow: 3,
    });
  });

  it('says why nothing can be read instead of throwing', () => {
    const grid = unknownHeaders();
    expect(previewColumnMap(grid, { sheet: 'Tracker', headerRow: 3, columns: { lead: 'B' } }, settings, { today }).problem).toMatch(
      /Choose the column that holds the actions/,
    );
    expect(previewColumnMap(grid, { sheet: 'Tracker', headerRow: 9, columns: { action: 'A' } }, settings, { today }).problem).toMatch(
      /Row 9 of "Tracker" is empty/,
    );
  });

  it('a detected table preselects its columns under the map names', () => {
    expect(detectedColumns({ action: 1, timescale: 2, percent: 3, statusUpdate: 5, number: 0, member: 7 })).toEqual({
      action: 'B',
      target: 'C',
      progress: 'D',
      update: 'F',
      ref: 'A',
    });
  });

  it('reopens on a saved map, by text or letter', () => {
    const grid = unknownHeaders();
    const saved = resolveSettings({ columns: { action: 'Issue', lead: 'Person', target: 'C' }, headerRow: 3 });
    const result = checkWorkbook(grid, { file: 'x', today, settings: saved });
    expect(result.noPlan).toBe(false);
    expect(initialDraft(grid, saved)).toMatchObject({ sheet: 'Tracker', headerRow: 3, columns: { action: 'A', lead: 'B', target: 'C' } });
  });

  it('a map by header text leaves another sheet to detection', () => {
    const grid = unknownHeaders();
    grid.sheets.push({
      name: 'Plan',
      merges: [],
      rows: cells([[], [], ['No.', 'Actions Proposed', 'Timescales', 'Lead Officer'], [1, 'Adopt PSIF', '31 Mar 20', 'J Craig']]),
    });
    const saved = resolveSettings({ columns: { action: 'Issue', lead: 'Person', target: 'C' }, headerRow: 3 });
    const { report } = checkWorkbook(grid, { file: 'x', today, settings: saved });
    expect(report.actions.map((a) => `${a.sheet}: ${a.description}`)).toEqual([
      'Tracker: Review the lettings policy',
      'Tracker: Publish the housing strategy',
      'Tracker: Train the panel',
      'Plan: Adopt PSIF',
    ]);
  });
});

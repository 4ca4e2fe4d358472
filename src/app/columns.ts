/**
 * The "Set columns…" form's logic, pure (no React, no Office): which sheet and header row to
 * start from, the choices for each field, the preview of the first actions as they would be
 * read with a map, and the map to save. The component only renders what this returns.
 */
import {
  type CheckResult,
  type ColumnMap,
  type Field,
  type MapField,
  type RawPlan,
  type Settings,
  type SheetGrid,
  type WorkbookGrid,
  MAP_FIELDS,
  MAP_FIELD_NAMES,
  PlanReadError,
  SettingsError,
  checkWorkbook,
  readPlan,
  columnLetters,
  isColumnLetter,
} from '../core';

/** One header cell a field can be mapped to. */
export interface HeaderChoice {
  /** The column letter ("C"), the dropdown's value. */
  letter: string;
  /** The header's text, spaces collapsed. */
  text: string;
  /** "C — Who by?" */
  label: string;
}

/** What the form is editing: a sheet, its header row (1-based) and, per field, a column letter. */
export interface ColumnMapDraft {
  sheet: string;
  headerRow: number;
  /** Field to column letter; a field left out is "not in this sheet". */
  columns: ColumnMap;
}

/** One action as it would be read. */
export interface PreviewRow {
  row: number;
  description: string;
  leads: string;
  target: string;
  status: string;
  rag: string;
}

/** The preview: the first actions, how many there are, or why none can be read. */
export interface ColumnMapPreview {
  rows: PreviewRow[];
  actions: number;
  workstreams: number;
  /** Why nothing can be read with this map, in words. */
  problem: string | null;
}

/** How many actions the preview shows. */
export const PREVIEW_ACTIONS = 5;
/** Rows below the header read for the preview: the first actions, never the whole sheet. */
const PREVIEW_BODY_ROWS = 200;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sheets a map can be set for (not PlanCheck's own). */
export function mappableSheets(grid: WorkbookGrid): string[] {
  return grid.sheets.filter((s) => !s.generated).map((s) => s.name);
}

/** The header cells of a row (1-based): every filled cell, as "C — Who by?". */
export function headerChoices(grid: WorkbookGrid, sheet: string, headerRow: number): HeaderChoice[] {
  const row = grid.sheets.find((s) => s.name === sheet)?.rows[headerRow - 1] ?? [];
  const out: HeaderChoice[] = [];
  row.forEach((cell, col) => {
    if (!cell || cell.error) return;
    const text = collapse(String(cell.value));
    if (!text) return;
    const letter = columnLetters(col);
    out.push({ letter, text, label: `${letter} — ${text.length > 40 ? `${text.slice(0, 39)}…` : text}` });
  });
  return out;
}

/** Detection's internal field names to the map's names (timescale = target, percent = progress…). */
const MAP_NAME_OF = new Map<Field, MapField>(MAP_FIELD_NAMES.map((n) => [MAP_FIELDS[n] as Field, n]));

/** The columns detection found in a table, as a map of letters. */
export function detectedColumns(columns: Partial<Record<Field, number>>): ColumnMap {
  const map: ColumnMap = {};
  for (const [field, col] of Object.entries(columns) as [Field, number | undefined][]) {
    const name = MAP_NAME_OF.get(field);
    if (name && col !== undefined && map[name] === undefined) map[name] = columnLetters(col);
  }
  return map;
}

/** A saved map on a header row, as letters (a value may be a letter or the header's text). */
export function savedColumnsAsLetters(map: ColumnMap, choices: HeaderChoice[]): ColumnMap {
  const out: ColumnMap = {};
  for (const name of MAP_FIELD_NAMES) {
    const v = map[name]?.trim();
    if (!v) continue;
    const byText = choices.find((c) => c.text.toLowerCase() === collapse(v).toLowerCase());
    if (byText) out[name] = byText.letter;
    else if (isColumnLetter(v)) out[name] = v.toUpperCase();
  }
  return out;
}

/** The best header-like row on a sheet (most cells), from the no-plan message's candidates. */
function bestCandidate(raw: RawPlan | null, sheet?: string) {
  const list = (raw?.headerCandidates ?? []).filter((c) => sheet === undefined || c.sheet === sheet);
  return list.reduce<(typeof list)[number] | undefined>((best, c) => (!best || c.cells.length > best.cells.length ? c : best), undefined);
}

/**
 * Where the form starts on a sheet: the saved map if it reads this sheet, else the table
 * detection found (its header row and columns), else the most header-like row, else row 1.
 */
export function draftForSheet(grid: WorkbookGrid, sheet: string, raw: RawPlan | null, settings: Settings): ColumnMapDraft {
  const table = raw?.tables.find((t) => t.sheet === sheet);
  const hasSaved = Object.keys(settings.columns).length > 0;
  if (table?.mapped || (hasSaved && !table && settings.headerRow)) {
    const headerRow = settings.headerRow ?? (table ? table.headerRow + 1 : 1);
    const fromTable = table ? detectedColumns(table.columns) : {};
    return {
      sheet,
      headerRow,
      columns: { ...fromTable, ...savedColumnsAsLetters(settings.columns, headerChoices(grid, sheet, headerRow)) },
    };
  }
  if (table) return { sheet, headerRow: table.headerRow + 1, columns: detectedColumns(table.columns) };
  const candidate = bestCandidate(raw, sheet);
  return { sheet, headerRow: candidate ? candidate.row + 1 : 1, columns: {} };
}

/**
 * What the workbook reads as now, for where the form starts: with the saved map, or without
 * it when it names headers no sheet has.
 */
export function readForDraft(grid: WorkbookGrid, settings: Settings): RawPlan {
  try {
    return readPlan(grid, { columns: settings.columns, headerRow: settings.headerRow });
  } catch (e) {
    if (e instanceof PlanReadError) return readPlan(grid);
    throw e;
  }
}

/** Where the form opens: the sheet the saved map reads, else the most header-like row of a sheet without a plan, else the first plan table. */
export function initialDraft(grid: WorkbookGrid, settings: Settings, raw: RawPlan = readForDraft(grid, settings)): ColumnMapDraft {
  const sheets = mappableSheets(grid);
  const mappedSheet = raw?.tables.find((t) => t.mapped)?.sheet;
  const sheet = mappedSheet ?? bestCandidate(raw)?.sheet ?? raw?.tables[0]?.sheet ?? sheets[0] ?? '';
  return draftForSheet(grid, sheet, raw, settings);
}

/** A sheet cut to its header and the rows the preview needs: the preview never reads a whole big sheet. */
function previewGrid(grid: WorkbookGrid, sheet: string, headerRow: number): WorkbookGrid {
  const last = headerRow + PREVIEW_BODY_ROWS;
  const cut = (s: SheetGrid): SheetGrid => ({
    ...s,
    rows: s.rows.slice(0, last),
    merges: s.merges.filter((m) => m.top < last).map((m) => ({ ...m, bottom: Math.min(m.bottom, last - 1) })),
  });
  return { ...grid, sheets: grid.sheets.filter((s) => s.name === sheet).map(cut) };
}

const STATUS_WORDS: Record<string, string> = {
  complete: 'Complete',
  started: 'Started',
  'not-started': 'Not started',
  dropped: 'Dropped',
};

/**
 * The map a draft saves (only the fields it names) and the header row it applies to. With the
 * header cells given, a field is saved by its header's text where that text is unique in the
 * row and cannot be taken for a column letter: the map then reads only sheets that have those
 * headers, and another sheet's plan is still found by detection. Otherwise by letter.
 */
export function draftSettings(draft: ColumnMapDraft, choices?: HeaderChoice[]): { columns: ColumnMap; headerRow: number } {
  const columns: ColumnMap = {};
  const count = new Map<string, number>();
  for (const c of choices ?? []) count.set(c.text.toLowerCase(), (count.get(c.text.toLowerCase()) ?? 0) + 1);
  for (const name of MAP_FIELD_NAMES) {
    const letter = draft.columns[name];
    if (!letter) continue;
    const choice = choices?.find((c) => c.letter === letter);
    const byText = choice && count.get(choice.text.toLowerCase()) === 1 && !isColumnLetter(choice.text) && !choice.text.includes(',');
    columns[name] = byText ? choice.text : letter;
  }
  return { columns, headerRow: draft.headerRow };
}

/**
 * The first actions as they would be read with the draft's map, on its sheet alone, or the
 * reason none can be (a map naming no action column, a header the sheet lacks).
 */
export function previewColumnMap(
  grid: WorkbookGrid,
  draft: ColumnMapDraft,
  settings: Settings,
  options: { today: string; asOf?: string },
): ColumnMapPreview {
  const none = (problem: string): ColumnMapPreview => ({ rows: [], actions: 0, workstreams: 0, problem });
  const choices = headerChoices(grid, draft.sheet, draft.headerRow);
  if (!Number.isInteger(draft.headerRow) || draft.headerRow < 1) return none('The header row is a row number: 1 or more.');
  if (choices.length === 0)
    return none(`Row ${draft.headerRow} of "${draft.sheet}" is empty: give the row that holds the column headings.`);
  // Read exactly as it will be saved.
  const { columns, headerRow } = draftSettings(draft, choices);
  if (!columns.action && !columns.workstream) return none('Choose the column that holds the actions (or the workstreams).');
  let result: CheckResult;
  try {
    result = checkWorkbook(previewGrid(grid, draft.sheet, headerRow), {
      file: 'preview',
      today: options.today,
      asOf: options.asOf || undefined,
      settings: { ...settings, columns, headerRow },
    });
  } catch (e) {
    if (e instanceof PlanReadError || e instanceof SettingsError) return none(e.message);
    throw e;
  }
  const { report } = result;
  if (result.noPlan || (report.actions.length === 0 && report.workstreams.length === 0)) {
    return none(`No actions are read below row ${headerRow} with these columns: check the header row and the action column.`);
  }
  const rows: PreviewRow[] = (report.actions.length ? report.actions : report.workstreams.map(workstreamAsRow))
    .slice(0, PREVIEW_ACTIONS)
    .map((a) => ({
      row: a.row,
      description: a.description,
      leads: a.leads.join(' / '),
      target: a.timescale || a.targetDate || '',
      status: a.status ? STATUS_WORDS[a.status] : '',
      rag: a.rag,
    }));
  return { rows, actions: report.actions.length, workstreams: report.workstreams.length, problem: null };
}

/** A workstream row (a table with one workstream per row) shown like an action. */
function workstreamAsRow(w: CheckResult['report']['workstreams'][number]) {
  return { row: w.row, description: w.title, leads: w.leads, timescale: '', targetDate: w.targetDate, status: w.status, rag: w.rag };
}

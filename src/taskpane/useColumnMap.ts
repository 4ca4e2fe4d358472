/** State for the "Set columns…" form: reads the workbook once, then drafts and previews a column map. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnMap, MapField, RawPlan, Settings, WorkbookGrid } from '../app';
import {
  type ColumnMapDraft,
  type ColumnMapPreview,
  type HeaderChoice,
  draftForSheet,
  draftSettings,
  headerChoices,
  initialDraft,
  readForDraft,
  mappableSheets,
  previewColumnMap,
} from '../app';
import type { Host } from '../app';

export interface ColumnMapFormState {
  /** Null while the workbook is read. */
  draft: ColumnMapDraft | null;
  /** The header row as typed (may be empty or not a number while typing). */
  headerRowText: string;
  sheets: string[];
  choices: HeaderChoice[];
  preview: ColumnMapPreview | null;
  /** The workbook could not be read. */
  error: string | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The form's state. The workbook is read when the form opens: its tables say which column
 * detection found for each field; without a plan, its header-like rows say where the header probably is.
 */
export function useColumnMap(host: Host, settings: Settings, options: { asOf: string }) {
  const [raw, setRaw] = useState<RawPlan | null>(null);
  const [grid, setGrid] = useState<WorkbookGrid | null>(null);
  const [draft, setDraft] = useState<ColumnMapDraft | null>(null);
  const [headerRowText, setHeaderRowText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.workbook
      .readGrid()
      .then((g) => {
        if (!live) return;
        const read = readForDraft(g, settings);
        const d = initialDraft(g, settings, read);
        setRaw(read);
        setGrid(g);
        setDraft(d);
        setHeaderRowText(String(d.headerRow));
      })
      .catch((e) => live && setError(message(e)));
    return () => {
      live = false;
    };
    // Read once, when the form opens.
  }, [host]);

  const choices = useMemo(() => (grid && draft ? headerChoices(grid, draft.sheet, draft.headerRow) : []), [grid, draft]);

  // A letter chosen on another header row counts only where this row has a header cell.
  const current = useMemo<ColumnMapDraft | null>(() => {
    if (!draft) return null;
    const letters = new Set(choices.map((c) => c.letter));
    const columns: ColumnMap = {};
    for (const [k, v] of Object.entries(draft.columns) as [MapField, string][]) if (v && letters.has(v)) columns[k] = v;
    return { ...draft, columns };
  }, [draft, choices]);

  const preview = useMemo<ColumnMapPreview | null>(() => {
    if (!grid || !current) return null;
    try {
      return previewColumnMap(grid, current, settings, { today: host.today(), asOf: options.asOf });
    } catch (e) {
      return { rows: [], actions: 0, workstreams: 0, problem: message(e) };
    }
  }, [grid, current, settings, host, options.asOf]);

  const setSheet = useCallback(
    (sheet: string) => {
      if (!grid) return;
      const d = draftForSheet(grid, sheet, raw, settings);
      setDraft(d);
      setHeaderRowText(String(d.headerRow));
    },
    [grid, raw, settings],
  );

  const setHeaderRow = useCallback((text: string) => {
    setHeaderRowText(text);
    const n = Number(text);
    setDraft((d) => (d ? { ...d, headerRow: text.trim() && Number.isInteger(n) ? n : NaN } : d));
  }, []);

  /** Sets a field's column ('' = not in this sheet). */
  const setField = useCallback((field: MapField, letter: string) => {
    setDraft((d) => {
      if (!d) return d;
      const columns = { ...d.columns };
      if (letter) columns[field] = letter;
      else delete columns[field];
      return { ...d, columns };
    });
  }, []);

  /** The map and header row to save, or null when the preview reads nothing. */
  const toSave = useMemo(
    () => (current && preview && !preview.problem ? draftSettings(current, choices) : null),
    [current, preview, choices],
  );

  const state: ColumnMapFormState = {
    draft: current,
    headerRowText,
    sheets: grid ? mappableSheets(grid) : [],
    choices,
    preview,
    error,
  };
  return { state, setSheet, setHeaderRow, setField, toSave };
}

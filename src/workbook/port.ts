/**
 * The workbook port: what the front ends need from a workbook, whoever holds it
 * (Excel through Office.js, or an .xlsx file in Node or the browser).
 */
import type { CellPlace } from '../core/blankFills';
import type { WorkbookGrid } from '../core/cell';
import type { HighlightMark, SheetSpec } from '../core/sheetspec';
import type { CellEdit, FormSpec } from '../core/update';

/** Result of writing a generated sheet. */
export interface WriteSheetResult {
  /** The name actually used (differs from the asked name when a user's sheet has it). */
  name: string;
  /** True when an earlier generated sheet of that name was replaced. */
  replaced: boolean;
}

/** Misuse or refusal at the workbook boundary, with a stable code. */
export class WorkbookError extends Error {
  constructor(
    /** Stable code, e.g. 'protected', 'not-a-zip', 'encrypted', 'too-large'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** What highlighting found, where the adapter can tell. */
export interface HighlightOutcome {
  /**
   * Highlighted cells ("Sheet!A1") under a conditional format, which Excel shows over a
   * cell's own fill: their highlight may not show.
   */
  underConditionalFormat?: string[];
}

/** What writing cell edits did, where the adapter can tell. */
export interface EditOutcome {
  /** True when the host's Undo takes the whole write back in one step (Excel with ExcelApi 1.20). */
  oneUndoStep?: boolean;
}

/** Options for {@link WorkbookPort.readGrid}. */
export interface ReadGridOptions {
  /**
   * Which blank cells' fills to read, once the values are in (their colour may be a stated
   * RAG). An adapter that reads fills only cell by cell (Excel) asks this instead of reading
   * the plan itself; one that reads every fill anyway (.xlsx) need not call it.
   */
  fillsOf?(grid: WorkbookGrid): CellPlace[];
}

export interface WorkbookPort {
  /** Reads every sheet's used cells, formats and merges (and the fills of blank cells that may state a RAG). */
  readGrid(options?: ReadGridOptions): Promise<WorkbookGrid>;
  /**
   * Writes a generated sheet. A sheet PlanCheck generated earlier under that name is
   * replaced; a user's sheet of that name is left alone and a free name is used.
   */
  writeSheet(spec: SheetSpec): Promise<WriteSheetResult>;
  /**
   * Marks cells with fills and notes; the previous formats are kept so they can be restored.
   * An adapter that can tell which highlights may not show says so in the outcome.
   */
  applyHighlights(marks: HighlightMark[]): Promise<HighlightOutcome | void>;
  /** Restores every cell PlanCheck highlighted to exactly how it was. */
  clearHighlights(): Promise<void>;
  /**
   * Writes values into the plan's own cells (the merge of returned update forms), keeping
   * each cell's format; a note, where given, is added to the cell. Optional: an adapter
   * without it cannot merge returns. An adapter that can tell says whether one Undo reverts it.
   */
  editCells?(edits: CellEdit[]): Promise<EditOutcome | void>;
}

/**
 * The settings port. Where settings live: the workbook's own settings in Excel, so everyone who opens the file shares them.
 */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: unknown): Promise<void>;
  /**
   * Where saved settings go, for saying so honestly: 'workbook' (the default: Excel's document
   * settings, which travel with the file) or 'session' (memory: gone when the page closes).
   */
  readonly scope?: 'workbook' | 'session';
}

/** Today's calendar date where the user is (YYYY-MM-DD): the one place where local time is right. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Writes a new workbook holding one update form (the xlsx adapter's `buildFormWorkbook`). */
export type FormWriter = (spec: FormSpec) => Uint8Array;

/**
 * What the core asks an adapter to write: a sheet described as data with semantic
 * styles. Each style key's concrete format is decided once, in look.ts; each adapter (xlsx,
 * Office.js) only translates it, so the summary looks the same wherever it is built.
 */
import type { CellRange } from './cell';

/** RAG labels, exactly as committees use them. */
export const RAG_LABELS = ['Not Started', 'Concern', 'Caution', 'On Target', 'Complete'] as const;
export type RagLabel = (typeof RAG_LABELS)[number];

/**
 * Fill and font colours for each RAG label (6-digit hex, no '#'). Workbook cells need
 * real colours; the task pane uses Fluent tokens instead.
 */
export const RAG_COLOURS: Record<RagLabel, { fill: string; font: string }> = {
  'Not Started': { fill: 'BFBFBF', font: '000000' },
  Concern: { fill: 'C00000', font: 'FFFFFF' },
  Caution: { fill: 'FFC000', font: '000000' },
  'On Target': { fill: '00B050', font: '000000' },
  Complete: { fill: '0070C0', font: 'FFFFFF' },
};

/** Semantic cell styles. */
export type CellStyleKey =
  | 'title'
  | 'subtitle'
  | 'label'
  | 'header'
  | 'text'
  | 'wrap'
  | 'integer'
  | 'date'
  | 'rag-not-started'
  | 'rag-concern'
  | 'rag-caution'
  | 'rag-on-target'
  | 'rag-complete';

/** The style key that shows a RAG label. */
export function ragStyle(rag: RagLabel): CellStyleKey {
  return `rag-${rag.toLowerCase().replace(' ', '-')}` as CellStyleKey;
}

/** One cell to write. Text is always written as text, never as a formula. */
export interface CellSpec {
  row: number;
  col: number;
  /** Text, a number, or an ISO date "YYYY-MM-DD" when `style` is 'date'. */
  value: string | number;
  style?: CellStyleKey;
}

/** A bar chart of counts, e.g. the RAG distribution. */
export interface ChartSpec {
  title: string;
  /** Range of category labels and of values on the same sheet. */
  categories: CellRange;
  values: CellRange;
  /** Where the chart sits (top-left cell and size in cells). */
  anchor: CellRange;
  /** Bar colours (hex) in category order. */
  colours?: string[];
}

/** A whole sheet to write. */
export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  merges: CellRange[];
  /** Column widths in Excel character units, by column index. */
  columnWidths: number[];
  /** Row heights in points, by row index, for rows of wrapped text (not every viewer auto-fits). */
  rowHeights?: Record<number, number>;
  chart?: ChartSpec;
}

/** The kind of mark highlighting puts on a cell. */
export type HighlightKind = 'error' | 'warning' | RagLabel;

/** One highlighted cell with the note that says why. */
export interface HighlightMark {
  sheet: string;
  row: number;
  col: number;
  kind: HighlightKind;
  note: string;
}

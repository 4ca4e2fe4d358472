/**
 * What PlanCheck's generated sheets and highlights look like, decided once for every
 * adapter: each semantic style key as a concrete {@link Look}, the highlight fills, the mark
 * of a generated sheet, and how a generated sheet is named. The .xlsx and Office.js adapters
 * only translate these into their own terms, so a summary built in Excel and one built from
 * a file are the same cell for cell.
 */
import type { CellStyleKey, HighlightKind, RagLabel, SheetSpec } from './sheetspec';
import { RAG_COLOURS } from './sheetspec';

/** A cell's concrete format. Colours are 6-digit hex without '#'. */
export interface Look {
  font: {
    bold: boolean;
    italic: boolean;
    /** Points; absent: the workbook's default size. */
    size?: number;
    /** Absent: the workbook's default colour. */
    colour?: string;
  };
  /** A solid fill; absent: no fill. */
  fill?: string;
  /** Excel number format code ("General" for none). */
  numberFormat: string;
  horizontal: 'general' | 'center';
  vertical: 'top' | 'center';
  wrap: boolean;
  /** A thin line of this colour on all four sides; absent: no border. */
  border?: { colour: string };
}

const plain: Look = { font: { bold: false, italic: false }, numberFormat: 'General', horizontal: 'general', vertical: 'top', wrap: false };

// Everything reads from the top, so a row of wrapped text lines up; numbers and dates are
// centred under their headers; headers are boxed so the table reads as a table.
const ragLook = (label: RagLabel): Look => ({
  ...plain,
  font: { bold: true, italic: false, colour: RAG_COLOURS[label].font },
  fill: RAG_COLOURS[label].fill,
  horizontal: 'center',
  vertical: 'center',
});

/** The look of each style key. */
export const LOOKS: Readonly<Record<CellStyleKey, Look>> = {
  title: { ...plain, font: { bold: true, italic: false, size: 14 } },
  subtitle: { ...plain, font: { bold: false, italic: true } },
  label: { ...plain, font: { bold: true, italic: false } },
  header: { ...plain, font: { bold: true, italic: false }, fill: 'D9D9D9', wrap: true, border: { colour: '000000' } },
  text: plain,
  wrap: { ...plain, wrap: true },
  integer: { ...plain, numberFormat: '0', horizontal: 'center' },
  date: { ...plain, numberFormat: 'dd mmm yyyy', horizontal: 'center' },
  'rag-not-started': ragLook('Not Started'),
  'rag-concern': ragLook('Concern'),
  'rag-caution': ragLook('Caution'),
  'rag-on-target': ragLook('On Target'),
  'rag-complete': ragLook('Complete'),
};

/** One styled cell position of a sheet. */
export interface StyledCell {
  row: number;
  col: number;
  style: CellStyleKey;
}

/**
 * Every cell position that carries a style: the spec's styled cells, and the other cells of
 * a merged area with the style of its top-left cell. Borders belong to each cell, so a
 * merged header boxed only at its first cell would show a broken box.
 */
export function styledCells(spec: SheetSpec): StyledCell[] {
  const at = new Map<string, StyledCell>();
  for (const c of spec.cells) {
    const key = `${c.row},${c.col}`;
    if (c.style) at.set(key, { row: c.row, col: c.col, style: c.style });
    else at.delete(key); // a later cell at the same place wins
  }
  for (const m of spec.merges) {
    const top = at.get(`${m.top},${m.left}`);
    if (!top) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) at.set(`${r},${c}`, { row: r, col: c, style: top.style });
      }
    }
  }
  return [...at.values()];
}

/** The fill (hex) of each kind of highlight mark: Excel's own "bad" and "neutral" fills, and the RAG colours. */
export const HIGHLIGHT_FILLS: Readonly<Record<HighlightKind, string>> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  'Not Started': RAG_COLOURS['Not Started'].fill,
  Concern: RAG_COLOURS.Concern.fill,
  Caution: RAG_COLOURS.Caution.fill,
  'On Target': RAG_COLOURS['On Target'].fill,
  Complete: RAG_COLOURS.Complete.fill,
};

/** The fill (hex) for a kind of mark; an unknown kind gets the warning fill. */
export function highlightFill(kind: HighlightKind): string {
  return HIGHLIGHT_FILLS[kind] ?? HIGHLIGHT_FILLS.warning;
}

/** The sheet-scoped defined name that marks a sheet PlanCheck generated (and may replace). */
export const GENERATED_SHEET_MARK = 'PlanCheck_Generated';

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** The first `max` UTF-16 units of `s`, never splitting a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let t = s.slice(0, max);
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t;
}

/**
 * A name Excel accepts: no []:*?/\ (replaced with "-"), no control characters, no leading
 * or trailing apostrophe, at most 31 characters, not empty.
 */
export function cleanSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, '-')
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '');
  s = cutText(s, MAX_SHEET_NAME).trim();
  return s || 'PlanCheck';
}

/**
 * The name to write a generated sheet under, given the workbook's sheet names: the cleaned
 * `wanted` name, or "Name (2)", "Name (3)"… past every user's sheet of that name (Excel
 * compares names case-insensitively, and reserves "History"). `replaces` is true when the
 * name is that of an earlier generated sheet (`isGenerated`), which is then replaced.
 */
export function freeSheetName(
  wanted: string,
  existingNames: readonly string[],
  isGenerated: (existingName: string) => boolean,
): { name: string; replaces: boolean } {
  const base = cleanSheetName(wanted);
  const byKey = new Map<string, string>();
  for (const n of existingNames) if (!byKey.has(n.toLowerCase())) byKey.set(n.toLowerCase(), n);
  for (let n = 1; ; n++) {
    const suffix = ` (${n})`;
    const name = n === 1 ? base : cutText(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (name.toLowerCase() === 'history') continue;
    const existing = byKey.get(name.toLowerCase());
    if (existing === undefined) return { name, replaces: false };
    if (isGenerated(existing)) return { name, replaces: true };
  }
}

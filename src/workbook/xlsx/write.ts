/**
 * Writing into an opened package by patching parts as text: a generated sheet (with styles,
 * merges, widths and a chart) and reversible highlights (see highlights.ts). Every part we
 * do not change keeps its exact bytes; styles are only ever appended.
 */
import { type CellRange, a1, rangeA1 } from '../../core/cell';
import { cutText, freeSheetName, type Look, LOOKS, styledCells } from '../../core/look';
import type { CellSpec, CellStyleKey, SheetSpec } from '../../core/sheetspec';
import { WorkbookError, type WriteSheetResult } from '../port';
import { GENERATED_NAME, loadBook, sheetByName, type BookModel, type SheetEntry } from './book';
import { chartXml, drawingXml } from './chart';
import { findHighlightRecord, removeHighlightRecord, writeHighlightRecord } from './record';
import { isoToSerial, MAX_COLS, MAX_ROWS } from './read';
import { StyleEditor, withPrefix } from './styles';
import {
  addRel,
  CONTENT_TYPE,
  freePartName,
  newPartFolder,
  readRels,
  relsPartName,
  REL_NS,
  REL_TYPE,
  relTypeIs,
  removeOverride,
  removeRel,
  setOverride,
} from './opc';
import { applyEdits, child, encodeXString, escapeXml, setAttrs, type Edit } from './xml';
import { findPart, partText, removePart, setPartText, type XlsxPackage } from './zip';

export { applyHighlights, clearHighlights } from './highlights';
/** The result type of {@link writeSheet}, re-exported for its callers. */
export type { WriteSheetResult } from '../port';

/** Excel's limit on the characters in one cell; longer text is cut (Excel would refuse the file). */
export const MAX_CELL_TEXT = 32_767;
/** Sheet naming is the core's (src/core/look.ts), shared with the Office adapter; re-exported for callers of this module. */
export { MAX_SHEET_NAME, cleanSheetName as sanitiseSheetName } from '../../core/look';

/** A look (src/core/look.ts) as a cell format in styles.xml, on the workbook's own default font. */
function lookXf(ed: StyleEditor, look: Look): number {
  const f = ed.baseFont();
  const { bold, italic, size, colour } = look.font;
  const font =
    bold || italic || size || colour
      ? ed.font(
          `<font>${bold ? '<b/>' : ''}${italic ? '<i/>' : ''}<sz val="${size ?? f.size}"/>` +
            `${colour ? `<color rgb="FF${colour}"/>` : f.color}${f.name}${f.family}${f.scheme}</font>`,
        )
      : 0;
  const fill = look.fill
    ? ed.fill(`<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`)
    : 0;
  const side = (s: string) => `<${s} style="thin"><color rgb="FF${look.border?.colour}"/></${s}>`;
  const border = look.border ? ed.border(`<border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border>`) : 0;
  const numFmt = look.numberFormat === 'General' ? 0 : ed.numFmt(look.numberFormat);
  const align = [
    look.horizontal !== 'general' && `horizontal="${look.horizontal}"`,
    `vertical="${look.vertical}"`,
    look.wrap && 'wrapText="1"',
  ]
    .filter(Boolean)
    .join(' ');
  return ed.xf(
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}` +
      ` applyAlignment="1"><alignment ${align}/></xf>`,
  );
}

/** The cell format of each style key. */
function sheetStyles(ed: StyleEditor): Record<CellStyleKey, number> {
  return Object.fromEntries(Object.entries(LOOKS).map(([key, look]) => [key, lookXf(ed, look)])) as Record<CellStyleKey, number>;
}

function inGrid(r: CellRange): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLS && r.top <= r.bottom && r.left <= r.right;
}

function invalidSpec(why: string): WorkbookError {
  return new WorkbookError('invalid-spec', `PlanCheck tried to write an invalid sheet: ${why}. Please report this.`);
}

function checkSpec(spec: SheetSpec): void {
  for (const c of spec.cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || !inGrid({ top: c.row, left: c.col, bottom: c.row, right: c.col })) {
      throw invalidSpec(`cell (${c.row}, ${c.col}) is outside the sheet`);
    }
  }
  const merges = spec.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  for (const m of merges) if (!inGrid(m)) throw invalidSpec(`merge ${JSON.stringify(m)} is outside the sheet`);
  for (let i = 0; i < merges.length; i++) {
    for (let j = i + 1; j < merges.length; j++) {
      const a = merges[i];
      const b = merges[j];
      if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom) {
        throw invalidSpec(`merges ${rangeA1(a)} and ${rangeA1(b)} overlap`);
      }
    }
  }
  if (spec.chart)
    for (const r of [spec.chart.categories, spec.chart.values, spec.chart.anchor])
      if (!inGrid(r)) throw invalidSpec('the chart is outside the sheet');
}

/** The <c> element for one cell. Text is always an inline string: it can never become a formula. */
function cellXml(c: CellSpec, styleId: number | undefined, date1904: boolean): string {
  const s = styleId ? ` s="${styleId}"` : '';
  const r = a1(c.row, c.col);
  let v = c.value;
  if (c.style === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const serial = isoToSerial(v, date1904);
    if (serial !== null) v = serial;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${r}"${s}><v>${String(v).toUpperCase()}</v></c>`;
  const text = cutText(String(v), MAX_CELL_TEXT);
  if (text === '') return s ? `<c r="${r}"${s}/>` : '';
  const space = /^[\s]|[\s]$|[\t\n\r]| {2}/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${encodeXString(text)}</t></is></c>`;
}

function worksheetXml(spec: SheetSpec, ids: Record<CellStyleKey, number>, date1904: boolean, drawingRelId?: string): string {
  const byRow = new Map<number, Map<number, CellSpec>>();
  let maxRow = 0;
  let maxCol = 0;
  const place = (c: CellSpec) => {
    let r = byRow.get(c.row);
    if (!r) byRow.set(c.row, (r = new Map()));
    r.set(c.col, c); // a later cell at the same place wins
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  };
  spec.cells.forEach(place);
  // Every cell of a merged area carries its top-left cell's style (see styledCells).
  const styleAt = new Map<string, CellStyleKey>();
  for (const c of styledCells(spec)) {
    styleAt.set(`${c.row},${c.col}`, c.style);
    if (!byRow.get(c.row)?.has(c.col)) place({ row: c.row, col: c.col, value: '' });
  }
  const merges = spec.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  for (const m of merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  // Heights for rows of wrapped text: not every viewer auto-fits (Excel's maximum is 409 pt).
  const heights = new Map<number, number>();
  for (const [k, h] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(k);
    if (Number.isInteger(r) && r >= 0 && r < MAX_ROWS && Number.isFinite(h) && h > 0) heights.set(r, Math.min(409, h));
  }
  const rows: string[] = [];
  for (const row of [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b)) {
    const cells = byRow.get(row) ?? new Map<number, CellSpec>();
    const xml = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((col) => {
        const c = cells.get(col) as CellSpec;
        const style = styleAt.get(`${row},${col}`);
        return cellXml(c, style ? ids[style] : undefined, date1904);
      })
      .join('');
    const ht = heights.get(row);
    const attrs = `r="${row + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ''}`;
    if (xml) rows.push(`<row ${attrs}>${xml}</row>`);
    else if (ht) rows.push(`<row ${attrs}/>`);
  }
  const cols = spec.columnWidths
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>` : ''))
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="${rangeA1({ top: 0, left: 0, bottom: maxRow, right: maxCol })}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    (rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>') +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`
      : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>` +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : '') +
    `</worksheet>`
  );
}

/**
 * Removes the parts only `part` reaches through its relationships (drawings, charts, notes,
 * their own rels), keeping any part something else still refers to (a shared image).
 */
function dropRelatedParts(pkg: XlsxPackage, part: string): void {
  const doomed = new Set<string>();
  const queue = [part];
  while (queue.length) {
    const p = queue.shift() as string;
    for (const r of readRels(pkg, p)) {
      if (r.external || !r.part) continue;
      const real = findPart(pkg, r.part);
      if (real === undefined || doomed.has(real) || real === part) continue;
      doomed.add(real);
      queue.push(real);
    }
  }
  if (doomed.size === 0) {
    removePart(pkg, relsPartName(part));
    return;
  }
  // What else refers to the doomed parts?
  const keep = new Set<string>();
  for (const name of pkg.entries.keys()) {
    if (!name.endsWith('.rels')) continue;
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m) continue;
    const source = m[1] + m[2];
    if (source === part || doomed.has(source)) continue;
    for (const r of readRels(pkg, source)) if (r.part) keep.add(findPart(pkg, r.part) ?? r.part);
  }
  for (const d of doomed) {
    if (keep.has(d)) continue;
    removePart(pkg, d);
    removePart(pkg, relsPartName(d));
    removeOverride(pkg, d);
  }
  removePart(pkg, relsPartName(part));
}

/** Drops the calculation chain (Excel rebuilds it) when formulas it lists may be gone. */
function dropCalcChain(pkg: XlsxPackage, book: BookModel): void {
  for (const r of book.rels) {
    if (!relTypeIs(r.type, 'calcChain') || !r.part) continue;
    removePart(pkg, r.part);
    removeOverride(pkg, r.part);
    removeRel(pkg, book.part, r.id);
  }
}

/** Forgets recorded highlights on a sheet whose content is being replaced. */
function forgetHighlights(pkg: XlsxPackage, sheet: SheetEntry): void {
  const found = findHighlightRecord(pkg);
  if (!found) return;
  const rest = found.record.sheets.filter((s) => s.sheetId !== sheet.sheetId);
  if (rest.length === found.record.sheets.length) return;
  if (rest.length === 0) removeHighlightRecord(pkg);
  else writeHighlightRecord(pkg, { ...found.record, sheets: rest });
}

function addChart(pkg: XlsxPackage, sheetPart: string, sheetName: string, spec: SheetSpec): string | undefined {
  if (!spec.chart) return undefined;
  const chartPart = freePartName(pkg, newPartFolder(pkg, 'charts'), 'chart', 'xml');
  setPartText(pkg, chartPart, chartXml(sheetName, spec.chart, spec.cells));
  setOverride(pkg, chartPart, CONTENT_TYPE.chart);
  const drawingPart = freePartName(pkg, newPartFolder(pkg, 'drawings'), 'drawing', 'xml');
  setPartText(pkg, drawingPart, ''); // reserve the name before adding rels to it
  const chartRel = addRel(pkg, drawingPart, REL_TYPE.chart, chartPart);
  setPartText(pkg, drawingPart, drawingXml(spec.chart.anchor, chartRel, spec.chart.title));
  setOverride(pkg, drawingPart, CONTENT_TYPE.drawing);
  return addRel(pkg, sheetPart, REL_TYPE.drawing, drawingPart);
}

/**
 * Adds (or replaces) a generated sheet from a spec. A sheet PlanCheck generated earlier
 * under that name is replaced in place (same part and position); a user's sheet of that
 * name is never touched and "Name (2)", "Name (3)"… is used instead. Refuses with
 * 'protected' when the workbook's structure is locked.
 */
export function writeSheet(pkg: XlsxPackage, spec: SheetSpec): WriteSheetResult {
  const book = loadBook(pkg);
  if (book.lockStructure) {
    throw new WorkbookError(
      'protected',
      "This workbook's structure is protected, so no sheet can be added. Unprotect it in Excel (Review > Protect Workbook) and try again.",
    );
  }
  checkSpec(spec);
  const sheetsEl = child(book.root, 'sheets');
  if (!sheetsEl)
    throw new WorkbookError(
      'corrupt',
      'This workbook is damaged: its workbook.xml lists no sheets. Open it in Excel and save a fresh copy.',
    );

  // A generated sheet is replaced only when it is a worksheet part we can rewrite.
  const { name, replaces } = freeSheetName(
    spec.name,
    book.sheets.map((s) => s.name),
    (n) => {
      const e = sheetByName(book, n);
      return !!e && e.generated && e.kind === 'worksheet' && !!e.part;
    },
  );
  const target: SheetEntry | undefined = replaces ? sheetByName(book, name) : undefined;

  const styles = new StyleEditor(pkg);
  const ids = sheetStyles(styles);

  if (target) {
    const part = target.part as string;
    const old = partText(pkg, part, pkg.limits.maxEntryBytes) ?? '';
    dropRelatedParts(pkg, part);
    forgetHighlights(pkg, target);
    if (/<(?:[\w.-]+:)?f[\s>/]/.test(old)) dropCalcChain(pkg, book);
    const drawingRel = addChart(pkg, part, name, spec);
    setPartText(pkg, part, worksheetXml(spec, ids, book.date1904, drawingRel));
    if (target.name !== name) {
      const fresh = loadBook(pkg);
      const el = fresh.sheets[target.index].el;
      const tag = fresh.text.slice(el.start, el.openEnd);
      setPartText(pkg, fresh.part, applyEdits(fresh.text, [{ start: el.start, end: el.openEnd, text: setAttrs(tag, { name }) }]));
    }
    styles.commit();
    return { name, replaced: true };
  }

  const part = freePartName(pkg, newPartFolder(pkg, 'worksheets'), 'sheet', 'xml');
  setPartText(pkg, part, ''); // reserve the name
  // The sheet's content type goes before its chart's, as a rebuild leaves them: building the
  // summary twice gives the same package as building it once.
  setOverride(pkg, part, CONTENT_TYPE.worksheet);
  const drawingRel = addChart(pkg, part, name, spec);
  setPartText(pkg, part, worksheetXml(spec, ids, book.date1904, drawingRel));
  const relId = addRel(pkg, book.part, REL_TYPE.worksheet, part);

  // workbook.xml: the <sheet> entry and the marker name, in one splice of the original text.
  const fresh = loadBook(pkg);
  const sheets = child(fresh.root, 'sheets');
  if (!sheets) throw new WorkbookError('corrupt', 'This workbook is damaged: its workbook.xml lists no sheets.');
  const index = fresh.sheets.length;
  const sheetId = fresh.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  const p = fresh.prefix;
  const rAttr = fresh.relPrefix ? `${fresh.relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const sheetEl = withPrefix(`<sheet name="${escapeXml(name, true)}" sheetId="${sheetId}" ${rAttr}/>`, p);
  const nameXml = `<definedName name="${GENERATED_NAME}" localSheetId="${index}" hidden="1">TRUE</definedName>`;
  const nameEl = withPrefix(nameXml, p);
  const edits: Edit[] = [];
  if (sheets.selfClosing) {
    const tag = fresh.text.slice(sheets.start, sheets.openEnd).replace(/\s*\/>$/, '>');
    edits.push({ start: sheets.start, end: sheets.openEnd, text: `${tag}${sheetEl}</${sheets.name}>` });
  } else {
    edits.push({ start: sheets.closeStart, end: sheets.closeStart, text: sheetEl });
  }
  const names = child(fresh.root, 'definedNames');
  if (names) {
    const at = names.selfClosing ? undefined : names.closeStart;
    if (at === undefined) {
      const tag = fresh.text.slice(names.start, names.openEnd).replace(/\s*\/>$/, '>');
      edits.push({ start: names.start, end: names.openEnd, text: `${tag}${nameEl}</${names.name}>` });
    } else edits.push({ start: at, end: at, text: nameEl });
  } else {
    // CT_Workbook order: definedNames come after sheets/functionGroups/externalReferences.
    const later = [
      'calcPr',
      'oleSize',
      'customWorkbookViews',
      'pivotCaches',
      'smartTagPr',
      'smartTagTypes',
      'webPublishing',
      'fileRecoveryPr',
      'webPublishObjects',
      'extLst',
    ];
    const next = fresh.root.children.find((k) => later.includes(k.local) && k.start > sheets.start);
    const at = next ? next.start : fresh.root.closeStart;
    edits.push({ start: at, end: at, text: withPrefix(`<definedNames>${nameXml}</definedNames>`, p) });
  }
  setPartText(pkg, fresh.part, applyEdits(fresh.text, edits));
  styles.commit();
  return { name, replaced: false };
}

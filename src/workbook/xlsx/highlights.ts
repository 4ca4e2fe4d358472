/**
 * Reversible highlighting: fills on cells (a clone of each cell's own format with a new
 * fill, so fonts, borders, number formats and alignment stay) and notes saying why, with
 * a record of what was there before (record.ts) so {@link clearHighlights} can put every
 * cell back exactly, even after the file has been saved and reopened.
 *
 * The sheet XML is patched in one streaming pass (cells are found by position, including
 * cells written without r= attributes); new cells and rows are inserted in order.
 */
import { MAX_HIGHLIGHT_CELLS, tooManyToMark } from '../../core/limits';
import { a1, parseA1 } from '../../core/cell';
import { highlightFill } from '../../core/look';
import type { HighlightKind, HighlightMark } from '../../core/sheetspec';
import { WorkbookError } from '../port';
import { loadBook, sheetByName, type BookModel, type SheetEntry } from './book';
import {
  addRel,
  CONTENT_TYPE,
  ensureDefault,
  freePartName,
  newPartFolder,
  readRels,
  REL_NS,
  REL_TYPE,
  relTypeIs,
  removeDefault,
  removeOverride,
  removeRel,
  setOverride,
} from './opc';
import { MAX_COLS, MAX_ROWS, sheetProtected } from './read';
import {
  findHighlightRecord,
  removeHighlightRecord,
  writeHighlightRecord,
  type CellRecord,
  type HighlightRecord,
  type NoteRecord,
  type SheetRecord,
} from './record';
import { StyleEditor, withPrefix } from './styles';
import {
  applyEdits,
  child,
  children,
  decodeXString,
  documentElement,
  encodeXString,
  isWellFormed,
  parseXml,
  TOK_CLOSE,
  TOK_EOF,
  TOK_OPEN,
  XmlScanner,
  type Edit,
  type XmlElement,
} from './xml';
import { findPart, partBytes, partText, removePart, setPartText, type XlsxPackage } from './zip';

/** Author name on PlanCheck's notes (also how its notes are told apart from the user's). */
export const NOTE_AUTHOR = 'PlanCheck';

interface Target {
  row: number;
  col: number;
  kind: HighlightKind;
  note: string;
}

/** Where things are in a worksheet's XML, found in one pass. */
export interface SheetScan {
  edits: Edit[];
  cells: CellRecord[];
  sheetDataOpened: boolean;
  /** Top-level children of <worksheet>: local name and offsets. */
  top: { local: string; start: number; end: number; relId?: string }[];
  rootCloseStart: number;
  rootPrefix: string;
  relPrefix?: string;
}

function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

/** The row a <row> is at, as the reader sees it (no r=: the next; bad r=: off the grid). */
function rowIndex(r: string | undefined, prev: number): number {
  if (r === undefined) return prev + 1;
  const n = Number(r);
  return Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : MAX_ROWS;
}

/** The column a <c> is at, as the reader sees it (no r=: the next; bad r=: off the grid). */
function colIndex(r: string | undefined, prev: number): number {
  if (r === undefined) return prev + 1;
  const p = parseA1(r);
  return p && p.col < MAX_COLS ? p.col : MAX_COLS;
}

function parseIntAttr(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * Sets each target cell's s= to `styleFor(its current format)`, creating missing cells and
 * rows in order. A new cell starts from the format Excel would show for it (its row's, else
 * its column's), so marking it does not change its number format.
 */
function patchSheet(xml: string, targets: Target[], styleFor: (base: number, t: Target) => number): SheetScan {
  const rowsWanted: { row: number; cells: Target[] }[] = [];
  for (const t of targets) {
    const last = rowsWanted[rowsWanted.length - 1];
    if (last && last.row === t.row) last.cells.push(t);
    else rowsWanted.push({ row: t.row, cells: [t] });
  }
  const out: SheetScan = { edits: [], cells: [], sheetDataOpened: false, top: [], rootCloseStart: xml.length, rootPrefix: '' };
  const colStyles: { min: number; max: number; style: number }[] = [];
  const sc = new XmlScanner(xml);
  let depth = 0;
  let inSheetData = false;
  let sawSheetData = false;
  let dataPrefix = '';
  let ri = 0;
  let rowIdx = -1;
  let colIdx = -1;
  let active: { row: number; cells: Target[]; ci: number; style: number } | undefined;

  const colStyle = (col: number) => colStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? 0;
  const newCell = (t: Target, rowStyle: number, extra: Partial<CellRecord>) => {
    const base = rowStyle || colStyle(t.col);
    const clone = styleFor(base, t);
    const ref = a1(t.row, t.col);
    out.cells.push({ ref, clone, created: true, ...extra });
    return withPrefix(`<c r="${ref}" s="${clone}"/>`, dataPrefix);
  };
  const newRow = (w: { row: number; cells: Target[] }) =>
    withPrefix(`<row r="${w.row + 1}">`, dataPrefix) +
    w.cells.map((t) => newCell(t, 0, { rowCreated: true })).join('') +
    (dataPrefix ? `</${dataPrefix}:row>` : '</row>');

  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (depth === 0) {
        out.rootPrefix = prefixOf(sc.name());
        for (const [n, v] of sc.attrs())
          if ((v === REL_NS || v === 'http://purl.oclc.org/ooxml/officeDocument/relationships') && n.startsWith('xmlns:'))
            out.relPrefix = n.slice(6);
      } else if (depth === 1) {
        out.top.push({
          local: sc.local(),
          start: sc.start,
          end: sc.end,
          relId: sc.is('legacyDrawing') ? sc.prefixedAttr('id') : undefined,
        });
        if (sc.is('sheetData')) {
          sawSheetData = true;
          dataPrefix = prefixOf(sc.name());
          if (sc.selfClosing) {
            if (rowsWanted.length) {
              const close = dataPrefix ? `</${dataPrefix}:sheetData>` : '</sheetData>';
              out.edits.push({ start: sc.end - 2, end: sc.end, text: '>' + rowsWanted.map(newRow).join('') + close });
              out.sheetDataOpened = true;
              ri = rowsWanted.length;
            }
          } else inSheetData = true;
        }
      } else if (depth === 2 && inSheetData && sc.is('row')) {
        rowIdx = rowIndex(sc.attr('r'), rowIdx);
        colIdx = -1;
        while (ri < rowsWanted.length && rowsWanted[ri].row < rowIdx)
          out.edits.push({ start: sc.start, end: sc.start, text: newRow(rowsWanted[ri++]) });
        const custom = sc.attr('customFormat');
        const rowStyle = custom === '1' || custom === 'true' ? parseIntAttr(sc.attr('s')) : 0;
        if (ri < rowsWanted.length && rowsWanted[ri].row === rowIdx) {
          const w = rowsWanted[ri++];
          if (sc.selfClosing) {
            const close = dataPrefix ? `</${dataPrefix}:row>` : '</row>';
            out.edits.push({
              start: sc.end - 2,
              end: sc.end,
              text: '>' + w.cells.map((t) => newCell(t, rowStyle, { rowOpened: true })).join('') + close,
            });
          } else active = { row: rowIdx, cells: w.cells, ci: 0, style: rowStyle };
        }
      } else if (depth === 2 && sc.is('col')) {
        colStyles.push({ min: parseIntAttr(sc.attr('min')), max: parseIntAttr(sc.attr('max')), style: parseIntAttr(sc.attr('style')) });
      } else if (depth === 3 && active && sc.is('c')) {
        const col = colIndex(sc.attr('r'), colIdx);
        colIdx = col;
        while (active.ci < active.cells.length && active.cells[active.ci].col < col) {
          out.edits.push({ start: sc.start, end: sc.start, text: newCell(active.cells[active.ci++], active.style, {}) });
        }
        if (active.ci < active.cells.length && active.cells[active.ci].col === col) {
          const t = active.cells[active.ci++];
          const span = sc.attrSpan('s');
          const raw = span ? xml.slice(span[0], span[1]) : undefined;
          const clone = styleFor(raw === undefined ? 0 : parseIntAttr(raw), t);
          if (span) out.edits.push({ start: span[0], end: span[1], text: String(clone) });
          else {
            const at = sc.attrEnd('r') >= 0 ? sc.attrEnd('r') : sc.nameEnd;
            out.edits.push({ start: at, end: at, text: ` s="${clone}"` });
          }
          out.cells.push({ ref: a1(t.row, t.col), s: raw, clone });
        }
      }
      if (!sc.selfClosing) depth++;
    } else if (k === TOK_CLOSE) {
      depth--;
      if (depth === 0) out.rootCloseStart = sc.start;
      else if (depth === 1) {
        const last = out.top[out.top.length - 1];
        if (last) last.end = sc.end;
        if (sc.is('sheetData') && inSheetData) {
          while (ri < rowsWanted.length) out.edits.push({ start: sc.start, end: sc.start, text: newRow(rowsWanted[ri++]) });
          inSheetData = false;
        }
      } else if (depth === 2 && active && sc.is('row')) {
        while (active.ci < active.cells.length)
          out.edits.push({ start: sc.start, end: sc.start, text: newCell(active.cells[active.ci++], active.style, {}) });
        active = undefined;
      }
    }
  }
  if (!sawSheetData)
    throw new WorkbookError(
      'corrupt',
      'This workbook is damaged: a worksheet has no cell data section. Open it in Excel and save a fresh copy.',
    );
  return out;
}

/** The runs of a PlanCheck note: a bold "PlanCheck:" line, then the text. */
function noteRuns(note: string, below: boolean, prefix: string): string {
  const rpr = (b: boolean) => `<rPr>${b ? '<b/>' : ''}<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>`;
  const head = `${below ? '\n' : ''}${NOTE_AUTHOR}:`;
  const xml =
    `<r>${rpr(true)}<t${below ? ' xml:space="preserve"' : ''}>${encodeXString(head)}</t></r>` +
    `<r>${rpr(false)}<t xml:space="preserve">${encodeXString('\n' + note)}</t></r>`;
  return withPrefix(xml, prefix);
}

const VML_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(id: string, row: number, col: number, z: number): string {
  return (
    `<v:shape id="${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:86pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 5}, 15, ${Math.max(0, row - 1) + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function newVml(idBlock: number, shapes: string): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${VML_SHAPETYPE}${shapes}</xml>`
  );
}

/** The next free block of VML shape ids across the workbook (Excel gives each drawing its own). */
function nextIdBlock(pkg: XlsxPackage): number {
  let max = 0;
  for (const name of pkg.entries.keys()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    const text = new TextDecoder().decode(partBytes(pkg, name));
    const re = /<o:idmap\b[^>]*\bdata="([\d,\s]*)"/g;
    for (let m = re.exec(text); m; m = re.exec(text)) for (const n of m[1].split(',')) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

function normRef(ref: string): string {
  const p = parseA1(ref);
  return p ? a1(p.row, p.col) : ref.toUpperCase();
}

function commentsMap(root: XmlElement): Map<string, XmlElement> {
  const list = child(root, 'commentList');
  const map = new Map<string, XmlElement>();
  if (list) for (const c of children(list, 'comment')) map.set(normRef(c.attrs.get('ref') ?? ''), c);
  return map;
}

const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

/** Adds the notes for one sheet; returns the sheet XML edit that adds <legacyDrawing>, if one is needed. */
export function addNotes(
  pkg: XlsxPackage,
  sheetPart: string,
  scan: SheetScan,
  targets: Target[],
  rec: SheetRecord,
  record: HighlightRecord,
): Edit | undefined {
  const rels = readRels(pkg, sheetPart);
  let commentsPart = rels.find((r) => relTypeIs(r.type, 'comments') && r.part && findPart(pkg, r.part))?.part;
  if (commentsPart) commentsPart = findPart(pkg, commentsPart);
  if (!commentsPart) {
    commentsPart = freePartName(pkg, newPartFolder(pkg), 'comments', 'xml');
    setPartText(pkg, commentsPart, EMPTY_COMMENTS);
    addRel(pkg, sheetPart, REL_TYPE.comments, commentsPart);
    setOverride(pkg, commentsPart, CONTENT_TYPE.comments);
    rec.commentsCreated = commentsPart;
  }
  const text = partText(pkg, commentsPart) as string;
  const root = documentElement(parseXml(text));
  if (!root)
    throw new WorkbookError('corrupt', 'This workbook is damaged: a notes part is unreadable. Open it in Excel and save a fresh copy.');
  const p = prefixOf(root.name);
  const edits: Edit[] = [];
  // Author.
  const authors = child(root, 'authors');
  const names = authors ? children(authors, 'author').map((a) => a.text) : [];
  let authorId = names.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const el = withPrefix(`<author>${NOTE_AUTHOR}</author>`, p);
    if (!authors)
      edits.push({ start: root.openEnd, end: root.openEnd, text: withPrefix(`<authors><author>${NOTE_AUTHOR}</author></authors>`, p) });
    else if (authors.selfClosing) edits.push({ start: authors.openEnd - 2, end: authors.openEnd, text: `>${el}</${authors.name}>` });
    else edits.push({ start: authors.closeStart, end: authors.closeStart, text: el });
    if (authors && !rec.commentsCreated) rec.authorAdded = true;
  }
  const existing = commentsMap(root);
  const newComments: string[] = [];
  const shapes: { row: number; col: number; ref: string; rec: NoteRecord }[] = [];
  for (const t of targets) {
    const ref = a1(t.row, t.col);
    const had = existing.get(ref);
    if (had) {
      const textEl = child(had, 'text');
      if (!textEl || textEl.selfClosing) continue;
      const ours = noteRuns(t.note, true, p);
      const stop = textEl.children.find((c) => c.local === 'rPh' || c.local === 'phoneticPr');
      const at = stop ? stop.start : textEl.closeStart;
      edits.push({ start: at, end: at, text: ours });
      rec.notes.push({ ref, orig: text.slice(had.start, had.end), ours });
    } else {
      newComments.push(
        withPrefix(`<comment ref="${ref}" authorId="${authorId}"><text>`, p) +
          noteRuns(t.note, false, p) +
          withPrefix('</text></comment>', p),
      );
      const nr: NoteRecord = { ref };
      rec.notes.push(nr);
      shapes.push({ row: t.row, col: t.col, ref, rec: nr });
    }
  }
  if (newComments.length) {
    const list = child(root, 'commentList');
    if (!list)
      edits.push({
        start: root.closeStart,
        end: root.closeStart,
        text: withPrefix('<commentList>', p) + newComments.join('') + withPrefix('</commentList>', p),
      });
    else if (list.selfClosing)
      edits.push({ start: list.openEnd - 2, end: list.openEnd, text: '>' + newComments.join('') + `</${list.name}>` });
    else edits.push({ start: list.closeStart, end: list.closeStart, text: newComments.join('') });
  }
  setPartText(pkg, commentsPart, applyEdits(text, edits));
  if (shapes.length === 0) return undefined;

  // The VML drawing that shows the notes.
  const legacy = scan.top.find((e) => e.local === 'legacyDrawing');
  if (legacy) {
    const vmlRel = rels.find((r) => r.id === legacy.relId);
    const vmlPart = vmlRel?.part && findPart(pkg, vmlRel.part);
    if (!vmlPart)
      throw new WorkbookError(
        'corrupt',
        'This workbook is damaged: a sheet refers to a notes drawing that is missing. Open it in Excel and save a fresh copy.',
      );
    const vml = partText(pkg, vmlPart) as string;
    let next = 1025;
    const re = /_x0000_s(\d+)/g;
    for (let m = re.exec(vml); m; m = re.exec(vml)) next = Math.max(next, Number(m[1]) + 1);
    const xml = shapes
      .map((s, i) => {
        s.rec.shape = `_x0000_s${next + i}`;
        return vmlShape(s.rec.shape, s.row, s.col, next - 1024 + i);
      })
      .join('');
    const needType = !vml.includes('_x0000_t202');
    const close = vml.lastIndexOf('</xml>');
    const at = close < 0 ? vml.length : close;
    setPartText(pkg, vmlPart, vml.slice(0, at) + (needType ? VML_SHAPETYPE : '') + xml + vml.slice(at));
    if (needType) rec.shapetypeAdded = true;
    return undefined;
  }
  const block = nextIdBlock(pkg);
  const xml = shapes
    .map((s, i) => {
      s.rec.shape = `_x0000_s${block * 1024 + 1 + i}`;
      return vmlShape(s.rec.shape, s.row, s.col, i + 1);
    })
    .join('');
  const vmlPart = freePartName(pkg, newPartFolder(pkg, 'drawings'), 'vmlDrawing', 'vml');
  setPartText(pkg, vmlPart, newVml(block, xml));
  if (ensureDefault(pkg, 'vml', CONTENT_TYPE.vmlDrawing)) record.addedVmlDefault = true;
  const relId = addRel(pkg, sheetPart, REL_TYPE.vmlDrawing, vmlPart);
  rec.vmlCreated = vmlPart;
  // CT_Worksheet order: <legacyDrawing> goes after <drawing> and before these.
  const after = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
  const dataAt = scan.top.findIndex((e) => e.local === 'sheetData');
  const next = scan.top.find((e, i) => after.includes(e.local) || (e.local === 'AlternateContent' && i > dataAt));
  const at = next ? next.start : scan.rootCloseStart;
  const rAttr = scan.relPrefix ? `${scan.relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  return { start: at, end: at, text: scan.rootPrefix ? `<${scan.rootPrefix}:legacyDrawing ${rAttr}/>` : `<legacyDrawing ${rAttr}/>` };
}

function checkMarks(pkg: XlsxPackage, book: BookModel, marks: HighlightMark[]): Map<SheetEntry, Target[]> {
  const bySheet = new Map<SheetEntry, Map<number, Target>>();
  for (const m of marks) {
    const sheet = sheetByName(book, m.sheet);
    if (!sheet || sheet.kind !== 'worksheet' || !sheet.part) {
      throw new WorkbookError(
        'unknown-sheet',
        `PlanCheck tried to mark a cell on a sheet named "${m.sheet}", which this workbook does not have.`,
      );
    }
    if (!Number.isInteger(m.row) || !Number.isInteger(m.col) || m.row < 0 || m.col < 0 || m.row >= MAX_ROWS || m.col >= MAX_COLS) {
      throw new WorkbookError(
        'invalid-spec',
        `PlanCheck tried to mark a cell outside the sheet (row ${m.row}, column ${m.col}). Please report this.`,
      );
    }
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    const key = m.row * MAX_COLS + m.col;
    const had = cells.get(key);
    // One mark per cell: the first kind wins (the core sends the worst first), notes join.
    if (had) had.note += `\n${m.note}`;
    else cells.set(key, { row: m.row, col: m.col, kind: m.kind, note: m.note });
  }
  const count = [...bySheet.values()].reduce((n, cells) => n + cells.size, 0);
  if (count > MAX_HIGHLIGHT_CELLS) throw new WorkbookError('too-large', tooManyToMark(count));
  const locked: SheetEntry[] = [];
  for (const s of bySheet.keys()) {
    // One read of each sheet for both checks: a large sheet is inflated on every read.
    const xml = partText(pkg, s.part as string, pkg.limits.maxEntryBytes) ?? '';
    if (!isWellFormed(xml)) {
      throw new WorkbookError(
        'corrupt',
        `This workbook is damaged: sheet "${s.name}" is not well-formed XML, so PlanCheck will not change it. Open the workbook in Excel (which may offer to repair it) and save a fresh copy.`,
      );
    }
    if (sheetProtected(xml)) locked.push(s);
  }
  if (locked.length) {
    throw new WorkbookError(
      'protected',
      `Cannot mark cells on protected sheet${locked.length > 1 ? 's' : ''} ${locked.map((s) => `"${s.name}"`).join(', ')}. Unprotect ${locked.length > 1 ? 'them' : 'it'} in Excel (Review > Unprotect Sheet) and try again.`,
    );
  }
  const out = new Map<SheetEntry, Target[]>();
  for (const [s, cells] of bySheet)
    out.set(
      s,
      [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col),
    );
  return out;
}

/**
 * Marks cells with a fill and a note each. Any earlier PlanCheck highlights are cleared
 * first, so the workbook shows exactly this set. Nothing is changed if a mark names an
 * unknown sheet ('unknown-sheet') or a protected one ('protected'), or when there are more
 * than {@link MAX_HIGHLIGHT_CELLS} cells to mark ('too-large').
 */
export function applyHighlights(pkg: XlsxPackage, marks: HighlightMark[]): void {
  checkMarks(pkg, loadBook(pkg), marks); // refuse before changing anything
  clearHighlights(pkg);
  if (marks.length === 0) return;
  const book = loadBook(pkg);
  const bySheet = checkMarks(pkg, book, marks);
  const styles = new StyleEditor(pkg);
  const fills = new Map<string, number>();
  const clones = new Map<string, number>();
  const styleFor = (base: number, t: Target) => {
    const key = `${base}|${t.kind}`;
    let id = clones.get(key);
    if (id === undefined) {
      const rgb = highlightFill(t.kind);
      let fill = fills.get(rgb);
      if (fill === undefined) {
        fill = styles.fill(`<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
        fills.set(rgb, fill);
      }
      id = styles.cloneXf(base < styles.xfCount() ? base : 0, { fillId: String(fill), applyFill: '1' });
      clones.set(key, id);
    }
    return id;
  };
  const record: HighlightRecord = { sheets: [] };
  for (const [sheet, targets] of bySheet) {
    const part = sheet.part as string;
    const xml = partText(pkg, part, pkg.limits.maxEntryBytes) as string;
    const scan = patchSheet(xml, targets, styleFor);
    const rec: SheetRecord = {
      sheetId: sheet.sheetId,
      name: sheet.name,
      part,
      cells: scan.cells,
      notes: [],
      sheetDataOpened: scan.sheetDataOpened || undefined,
    };
    const legacy = addNotes(pkg, part, scan, targets, rec, record);
    setPartText(pkg, part, applyEdits(xml, legacy ? [...scan.edits, legacy] : scan.edits));
    record.sheets.push(rec);
  }
  styles.commit();
  writeHighlightRecord(pkg, record);
}

/** Puts recorded cells back: original s= (or none), created cells/rows removed, opened elements closed. */
function restoreSheet(xml: string, rec: SheetRecord): Edit[] {
  const byPos = new Map<number, CellRecord>();
  for (const c of rec.cells) {
    const p = parseA1(c.ref);
    if (p) byPos.set(p.row * MAX_COLS + p.col, c);
  }
  const edits: Edit[] = [];
  const sc = new XmlScanner(xml);
  let depth = 0;
  let inData = false;
  let data: { openEnd: number; rows: number; gone: number; edits: Edit[] } | undefined;
  let row:
    | { start: number; openEnd: number; cells: number; gone: number; created: boolean; opened: boolean; edits: Edit[]; onlyR: boolean }
    | undefined;
  let rowIdx = -1;
  let colIdx = -1;
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (depth === 1 && sc.is('sheetData') && !sc.selfClosing) {
        inData = true;
        data = { openEnd: sc.end, rows: 0, gone: 0, edits: [] };
      } else if (depth === 2 && inData && sc.is('row') && data) {
        rowIdx = rowIndex(sc.attr('r'), rowIdx);
        colIdx = -1;
        data.rows++;
        if (sc.selfClosing) row = undefined;
        else
          row = {
            start: sc.start,
            openEnd: sc.end,
            cells: 0,
            gone: 0,
            created: false,
            opened: false,
            edits: [],
            onlyR: sc.attrCount === 1 && sc.attr('r') !== undefined,
          };
      } else if (depth === 3 && row && sc.is('c')) {
        const col = colIndex(sc.attr('r'), colIdx);
        colIdx = col;
        row.cells++;
        const c = byPos.get(rowIdx * MAX_COLS + col);
        const span = sc.attrSpan('s');
        if (c && span && xml.slice(span[0], span[1]) === String(c.clone)) {
          if (c.created && sc.selfClosing && sc.attrCount === 2) {
            row.edits.push({ start: sc.start, end: sc.end, text: '' });
            row.gone++;
            row.created ||= Boolean(c.rowCreated);
            row.opened ||= Boolean(c.rowOpened);
          } else if (c.s === undefined) {
            // Remove ` s="N"` with the whitespace before it: back from the value over
            // the quote, '=' and the name.
            let i = span[0] - 2;
            while (i > sc.start && /\s/.test(xml[i])) i--;
            if (xml[i] === '=') i--;
            while (i > sc.start && /\s/.test(xml[i])) i--;
            let ws = i; // at the 's' of the name
            while (ws > sc.start && /\s/.test(xml[ws - 1])) ws--;
            row.edits.push({ start: ws, end: sc.attrEnd('s'), text: '' });
          } else {
            row.edits.push({ start: span[0], end: span[1], text: c.s });
          }
        }
      }
      if (!sc.selfClosing) depth++;
    } else if (k === TOK_CLOSE) {
      depth--;
      if (depth === 2 && row && sc.is('row') && data) {
        if (row.cells > 0 && row.gone === row.cells && row.created && row.onlyR) {
          data.edits.push({ start: row.start, end: sc.end, text: '' });
          data.gone++;
        } else if (row.cells > 0 && row.gone === row.cells && row.opened) {
          data.edits.push({ start: row.openEnd - 1, end: sc.end, text: '/>' });
        } else data.edits.push(...row.edits);
        row = undefined;
      } else if (depth === 1 && inData && sc.is('sheetData') && data) {
        if (rec.sheetDataOpened && data.rows > 0 && data.gone === data.rows)
          edits.push({ start: data.openEnd - 1, end: sc.end, text: '/>' });
        else edits.push(...data.edits);
        inData = false;
        data = undefined;
      }
    }
  }
  // A sheet damaged since highlighting (unclosed row or sheetData): still restore what we can.
  if (row) data?.edits.push(...row.edits);
  if (data) edits.push(...data.edits);
  return edits;
}

/** Removes PlanCheck's notes from a sheet's comments and VML parts; returns a sheet XML edit removing <legacyDrawing> if PlanCheck added it. */
function removeNotes(pkg: XlsxPackage, sheetPart: string, xml: string, rec: SheetRecord, record: HighlightRecord): Edit | undefined {
  if (rec.notes.length === 0) return undefined;
  const rels = readRels(pkg, sheetPart);
  const cRel = rels.find((r) => relTypeIs(r.type, 'comments') && r.part && findPart(pkg, r.part));
  const cPart = cRel?.part && findPart(pkg, cRel.part);
  const shapesToGo = new Map<string, NoteRecord>();
  if (cPart && cRel) {
    const text = partText(pkg, cPart) as string;
    const root = documentElement(parseXml(text));
    if (root) {
      const authorsEl = child(root, 'authors');
      const authorList = authorsEl ? children(authorsEl, 'author') : [];
      const mine = authorList.findIndex((a) => a.text === NOTE_AUTHOR);
      const map = commentsMap(root);
      const edits: Edit[] = [];
      let removed = 0;
      for (const n of rec.notes) {
        const el = map.get(normRef(n.ref));
        if (!el) continue;
        const slice = text.slice(el.start, el.end);
        if (n.orig !== undefined) {
          const at = n.ours ? slice.indexOf(n.ours) : -1;
          if (at >= 0) edits.push({ start: el.start + at, end: el.start + at + (n.ours as string).length, text: '' });
          else {
            // Excel re-wrote the note: drop the runs from our "PlanCheck:" line onwards.
            const textEl = child(el, 'text');
            const runs = textEl ? children(textEl, 'r') : [];
            const from = runs.findIndex((r) => decodeXString(child(r, 't')?.text ?? '').trim() === `${NOTE_AUTHOR}:`);
            const theirs = from > 0 || (textEl !== undefined && child(textEl, 't') !== undefined);
            if (from >= 0 && theirs) edits.push({ start: runs[from].start, end: runs[runs.length - 1].end, text: '' });
          }
        } else if (mine >= 0 && Number(el.attrs.get('authorId')) === mine) {
          edits.push({ start: el.start, end: el.end, text: '' });
          removed++;
          shapesToGo.set(n.ref, n);
        }
      }
      const remaining = map.size - removed;
      if (remaining === 0 && rec.commentsCreated && findPart(pkg, rec.commentsCreated) === cPart) {
        removePart(pkg, cPart);
        removeOverride(pkg, cPart);
        removeRel(pkg, sheetPart, cRel.id);
      } else {
        // Our author entry goes too when we added it last and nothing uses it any more.
        const stillUsed = [...map.values()].some(
          (c) => Number(c.attrs.get('authorId')) === mine && !shapesToGo.has(normRef(c.attrs.get('ref') ?? '')),
        );
        if (rec.authorAdded && mine >= 0 && mine === authorList.length - 1 && !stillUsed) {
          const a = authorList[mine];
          if (a.attrs.size === 0) edits.push({ start: a.start, end: a.end, text: '' });
        }
        setPartText(pkg, cPart, applyEdits(text, edits));
      }
    }
  }
  // VML shapes of the notes we removed.
  const legacy = (() => {
    const sc = new XmlScanner(xml);
    let depth = 0;
    for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
      if (k === TOK_OPEN) {
        if (depth === 1 && sc.is('legacyDrawing')) return { start: sc.start, end: sc.end, relId: sc.prefixedAttr('id') };
        if (!sc.selfClosing) depth++;
      } else if (k === TOK_CLOSE) depth--;
    }
    return undefined;
  })();
  const vRel = legacy && rels.find((r) => r.id === legacy.relId);
  const vPart = vRel?.part && findPart(pkg, vRel.part);
  if (!legacy || !vRel || !vPart) return undefined;
  const vml = partText(pkg, vPart) as string;
  const wantIds = new Set([...shapesToGo.values()].map((n) => n.shape).filter((s): s is string => Boolean(s)));
  const wantPos = new Set([...shapesToGo.keys()].map(normRef));
  const edits: Edit[] = [];
  let shapes = 0;
  let removed = 0;
  const sc = new XmlScanner(vml);
  let cur: { start: number; id: string; row?: number; col?: number; note: boolean } | undefined;
  let field = '';
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) {
      if (sc.is('shape') && !cur) {
        shapes++;
        cur = { start: sc.start, id: sc.attr('id') ?? '', note: false };
        if (sc.selfClosing) cur = undefined;
      } else if (cur && sc.is('ClientData')) cur.note = sc.attr('ObjectType') === 'Note';
      else if (cur && (sc.is('Row') || sc.is('Column'))) field = sc.local();
    } else if (k === TOK_CLOSE) {
      field = '';
      if (cur && sc.is('shape')) {
        const pos = cur.row !== undefined && cur.col !== undefined ? a1(cur.row, cur.col) : '';
        if (wantIds.has(cur.id) || (cur.note && wantPos.has(pos))) {
          edits.push({ start: cur.start, end: sc.end, text: '' });
          removed++;
        }
        cur = undefined;
      }
    } else if (cur && field) {
      const n = Number(sc.text().trim());
      if (field === 'Row') cur.row = n;
      else cur.col = n;
    }
  }
  if (shapes === removed && rec.vmlCreated && findPart(pkg, rec.vmlCreated) === vPart) {
    removePart(pkg, vPart);
    removeRel(pkg, sheetPart, vRel.id);
    if (record.addedVmlDefault && ![...pkg.entries.keys()].some((n) => n.toLowerCase().endsWith('.vml'))) removeDefault(pkg, 'vml');
    return { start: legacy.start, end: legacy.end, text: '' };
  }
  let out = applyEdits(vml, edits);
  if (rec.shapetypeAdded && shapes === removed) out = out.replace(VML_SHAPETYPE, '');
  setPartText(pkg, vPart, out);
  return undefined;
}

/**
 * Restores every cell PlanCheck highlighted to its recorded format and removes PlanCheck's
 * notes (a user's own notes stay; text PlanCheck appended to them is removed). A cell the
 * user has since re-formatted is left as they made it. Then the record itself is removed.
 */
export function clearHighlights(pkg: XlsxPackage): void {
  const found = findHighlightRecord(pkg);
  if (!found) return;
  const { record } = found;
  const book = loadBook(pkg);
  for (const rec of record.sheets) {
    const sheet = book.sheets.find((s) => s.sheetId === rec.sheetId && s.part) ?? book.sheets.find((s) => s.part === rec.part);
    if (!sheet || !sheet.part) continue; // the sheet was deleted: nothing to restore
    const part = sheet.part;
    const xml = partText(pkg, part, pkg.limits.maxEntryBytes);
    if (xml === undefined) continue;
    const edits = restoreSheet(xml, rec);
    const legacy = removeNotes(pkg, part, xml, rec, record);
    if (legacy) edits.push(legacy);
    setPartText(pkg, part, applyEdits(xml, edits));
  }
  removeHighlightRecord(pkg);
}

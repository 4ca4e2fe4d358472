/**
 * Writing into an .xlsx package by patching its parts. Everything PlanCheck does not
 * touch (other sheets, charts, pivots, macros) is kept byte-for-byte. Text is always
 * written as inline strings, so nothing from a plan can become a formula.
 */
import { type CellRange, a1, parseA1, rangeA1 } from '../../core/cell';
import { isoToSerial } from '../../core/parse/dates';
import type { HighlightMark, SheetSpec } from '../../core/sheetspec';
import { WorkbookError, type WriteSheetResult } from '../port';
import { GENERATED_MARK, type WorkbookParts, readRels, readWorkbookParts, relsPath } from './parts';
import { HIGHLIGHT_FILLS, StyleSheet } from './styles';
import { attrs, escapeText, escapeXml, findStart, findTags, section, tagEnd } from './xml';
import type { ZipPackage } from './zip';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts: at most 31 characters, none of [ ] : * ? / \. */
export function cleanSheetName(name: string): string {
  const n = name.replace(INVALID_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return n || 'Summary';
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absRef(r: CellRange, sheet: string): string {
  const col = (c: number) => rangeA1({ top: 0, left: c, bottom: 0, right: c }).replace(/\d+/, '');
  return `${quoteSheet(sheet)}!$${col(r.left)}$${r.top + 1}:$${col(r.right)}$${r.bottom + 1}`;
}

/** Adds an Override (or Default) to [Content_Types].xml when missing. */
function ensureContentType(pkg: ZipPackage, partName: string, type: string): void {
  let ct = pkg.readText('[Content_Types].xml') ?? '';
  if (ct.includes(`PartName="/${partName}"`)) return;
  ct = ct.replace('</Types>', `<Override PartName="/${partName}" ContentType="${type}"/></Types>`);
  pkg.write('[Content_Types].xml', ct);
}

function ensureDefault(pkg: ZipPackage, ext: string, type: string): void {
  let ct = pkg.readText('[Content_Types].xml') ?? '';
  if (new RegExp(`Extension="${ext}"`, 'i').test(ct)) return;
  ct = ct.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
  pkg.write('[Content_Types].xml', ct);
}

/** Adds a relationship to a part's .rels, returning its id. */
function addRel(pkg: ZipPackage, partPath: string, type: string, target: string): string {
  const path = relsPath(partPath);
  let xml = pkg.readText(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = findTags(xml, 'Relationship').map((r) => Number(/^rId(\d+)$/.exec(r.Id ?? '')?.[1] ?? 0));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  xml = xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`);
  if (!xml.includes('</Relationships>')) xml = xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1><Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`);
  pkg.write(path, xml);
  return id;
}

function freePartName(pkg: ZipPackage, prefix: string, ext: string): { path: string; n: number } {
  for (let n = 1; ; n++) {
    const path = `${prefix}${n}.${ext}`;
    if (!pkg.has(path)) return { path, n };
  }
}

/** The relative target from one folder to a part ("../drawings/drawing1.xml"). */
function relTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** Writes the worksheet XML of a spec. */
function sheetXml(spec: SheetSpec, styles: Record<string, number>, date1904: boolean, drawingRel: string | null): string {
  const rows = new Map<number, typeof spec.cells>();
  for (const c of spec.cells) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`);
  out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  if (spec.columnWidths.length) {
    out.push('<cols>');
    spec.columnWidths.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    out.push('</cols>');
  }
  out.push('<sheetData>');
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const ht = spec.rowHeights?.[r];
    out.push(ht ? `<row r="${r + 1}" ht="${ht}" customHeight="1">` : `<row r="${r + 1}">`);
    for (const c of rows.get(r)!.sort((a, b) => a.col - b.col)) {
      const ref = a1(c.row, c.col);
      const s = c.style !== undefined ? ` s="${styles[c.style]}"` : '';
      if (c.style === 'date' && typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
        out.push(`<c r="${ref}"${s}><v>${isoToSerial(c.value, date1904)}</v></c>`);
      } else if (typeof c.value === 'number' && Number.isFinite(c.value)) {
        out.push(`<c r="${ref}"${s}><v>${c.value}</v></c>`);
      } else {
        // Inline string: never a formula, whatever it starts with (= + - @ tab CR).
        out.push(`<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(String(c.value))}</t></is></c>`);
      }
    }
    out.push('</row>');
  }
  out.push('</sheetData>');
  if (spec.merges.length) {
    out.push(`<mergeCells count="${spec.merges.length}">`);
    for (const m of spec.merges) out.push(`<mergeCell ref="${rangeA1(m)}"/>`);
    out.push('</mergeCells>');
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push('<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>');
  if (drawingRel) out.push(`<drawing r:id="${drawingRel}"/>`);
  out.push('</worksheet>');
  return out.join('');
}

function chartXml(spec: SheetSpec, sheetName: string): string {
  const ch = spec.chart!;
  const n = ch.values.bottom - ch.values.top + 1;
  const points = (ch.colours ?? [])
    .slice(0, n)
    .map((c, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${c}"/></a:solidFill></c:spPr></c:dPt>`)
    .join('');
  const labels = spec.cells.filter((c) => c.col === ch.categories.left && c.row >= ch.categories.top && c.row <= ch.categories.bottom).sort((a, b) => a.row - b.row);
  const values = spec.cells.filter((c) => c.col === ch.values.left && c.row >= ch.values.top && c.row <= ch.values.bottom).sort((a, b) => a.row - b.row);
  const strCache = `<c:strCache><c:ptCount val="${n}"/>${labels.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(c.value))}</c:v></c:pt>`).join('')}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${values.map((c, i) => `<c:pt idx="${i}"><c:v>${Number(c.value)}</c:v></c:pt>`).join('')}</c:numCache>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(ch.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(ch.title)}</c:v></c:tx><c:invertIfNegative val="0"/>${points}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat><c:strRef><c:f>${escapeXml(absRef(ch.categories, sheetName))}</c:f>${strCache}</c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(absRef(ch.values, sheetName))}</c:f>${numCache}</c:numRef></c:val></c:ser><c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart><c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function drawingXml(anchor: CellRange): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>${anchor.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${anchor.right + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.bottom + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="PlanCheck RAG chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

function ensureStylesPart(pkg: ZipPackage, parts: WorkbookParts): string {
  if (parts.stylesPath && pkg.has(parts.stylesPath)) return parts.stylesPath;
  const path = 'xl/styles.xml';
  addRel(pkg, parts.workbookPath, 'styles', relTarget(parts.workbookPath, path));
  ensureContentType(pkg, path, CT_STYLES);
  return path;
}

/**
 * Adds (or replaces) a generated sheet. A sheet PlanCheck generated under that name is
 * replaced in place; a user's sheet of that name is never touched: "Name (2)" is used.
 */
export function writeSheet(pkg: ZipPackage, spec: SheetSpec): WriteSheetResult {
  const parts = readWorkbookParts(pkg);
  if (parts.structureLocked) {
    throw new WorkbookError('protected', 'the workbook structure is protected, so a sheet cannot be added: unprotect it (Review > Protect Workbook) and try again');
  }
  const wanted = cleanSheetName(spec.name);
  const lower = (s: string) => s.toLowerCase();
  let name = wanted;
  let target = parts.sheets.find((s) => lower(s.name) === lower(wanted));
  for (let n = 2; target && !parts.generated.has(target.index); n++) {
    const suffix = ` (${n})`;
    name = wanted.slice(0, 31 - suffix.length) + suffix;
    target = parts.sheets.find((s) => lower(s.name) === lower(name));
  }
  const replaced = !!target && !!target.path;
  const date1904 = parts.date1904;

  const stylesPath = ensureStylesPart(pkg, parts);
  const styles = new StyleSheet(pkg.readText(stylesPath));
  const keys = styles.summaryStyles();
  pkg.write(stylesPath, styles.toString());

  let sheetPath: string;
  if (replaced) {
    sheetPath = target!.path!;
    // Drop the old sheet's drawing and chart: they are regenerated.
    const rels = readRels(pkg, sheetPath);
    for (const r of rels.values()) {
      if (r.type.endsWith('/drawing')) {
        for (const d of readRels(pkg, r.target).values()) if (!d.external) pkg.delete(d.target);
        pkg.delete(relsPath(r.target));
        pkg.delete(r.target);
      }
    }
    pkg.delete(relsPath(sheetPath));
  } else {
    sheetPath = freePartName(pkg, 'xl/worksheets/sheet', 'xml').path;
  }

  let drawingRel: string | null = null;
  if (spec.chart) {
    const chart = freePartName(pkg, 'xl/charts/chart', 'xml').path;
    pkg.write(chart, chartXml(spec, name));
    ensureContentType(pkg, chart, CT_CHART);
    const drawing = freePartName(pkg, 'xl/drawings/drawing', 'xml').path;
    pkg.write(drawing, drawingXml(spec.chart.anchor));
    ensureContentType(pkg, drawing, CT_DRAWING);
    pkg.write(
      relsPath(drawing),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="${relTarget(drawing, chart)}"/></Relationships>`,
    );
    drawingRel = addRel(pkg, sheetPath, 'drawing', relTarget(sheetPath, drawing));
  }
  pkg.write(sheetPath, sheetXml(spec, keys, date1904, drawingRel));

  if (!replaced) {
    ensureContentType(pkg, sheetPath, CT_SHEET);
    const rId = addRel(pkg, parts.workbookPath, 'worksheet', relTarget(parts.workbookPath, sheetPath));
    let wb = pkg.readText(parts.workbookPath)!;
    const sheetId = Math.max(0, ...parts.sheets.map((s) => s.sheetId)) + 1;
    const index = parts.sheets.length;
    const entry = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${rId}"/>`;
    wb = wb.replace('</sheets>', `${entry}</sheets>`);
    if (!/xmlns:r=/.test(wb.slice(0, wb.indexOf('>', wb.indexOf('<workbook'))))) {
      wb = wb.replace(/<workbook\b/, `<workbook xmlns:r="${NS_R}"`);
    }
    const mark = `<definedName name="${GENERATED_MARK}" localSheetId="${index}" hidden="1">${escapeXml(quoteSheet(name))}!$A$1</definedName>`;
    if (wb.includes('</definedNames>')) wb = wb.replace('</definedNames>', `${mark}</definedNames>`);
    else {
      const after = wb.includes('</externalReferences>') ? '</externalReferences>' : wb.includes('</functionGroups>') ? '</functionGroups>' : '</sheets>';
      wb = wb.replace(after, `${after}<definedNames>${mark}</definedNames>`);
    }
    pkg.write(parts.workbookPath, wb);
  }
  return { name, replaced };
}

/**
 * What highlighting changed, so it can be undone exactly: the previous content of every
 * part it touched (undefined for parts it created). Styles it appended stay: unused
 * formats change nothing a user can see.
 */
export interface HighlightRecord {
  parts: Map<string, Uint8Array | undefined>;
}

function snap(pkg: ZipPackage, record: HighlightRecord, path: string): void {
  if (!record.parts.has(path)) record.parts.set(path, pkg.read(path));
}

/** Puts back every part highlighting touched; parts it created are removed. */
export function clearHighlights(pkg: ZipPackage, record: HighlightRecord): void {
  let ct = pkg.readText('[Content_Types].xml') ?? '';
  for (const [path, previous] of record.parts) {
    if (previous === undefined) {
      pkg.delete(path);
      ct = ct.replace(new RegExp(`<Override PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
    } else pkg.write(path, previous);
  }
  pkg.write('[Content_Types].xml', ct);
  record.parts.clear();
}

/** Marks cells with fills and notes. Returns what it changed, for clearHighlights. */
export function applyHighlights(pkg: ZipPackage, marks: HighlightMark[], record: HighlightRecord = { parts: new Map() }): HighlightRecord {
  if (marks.length === 0) return record;
  const parts = readWorkbookParts(pkg);
  const stylesPath = ensureStylesPart(pkg, parts);
  const styles = new StyleSheet(pkg.readText(stylesPath));
  const fillIds = new Map<string, number>();
  const clones = new Map<string, number>();
  const bySheet = new Map<string, HighlightMark[]>();
  for (const m of marks) bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
  for (const [sheetName, list] of bySheet) {
    const sheet = parts.sheets.find((s) => s.name === sheetName);
    if (!sheet?.path) continue;
    let xml = pkg.readText(sheet.path)!;
    if (/<sheetProtection\b[^>]*\bsheet="(1|true)"/.test(xml)) {
      throw new WorkbookError('protected', `sheet "${sheetName}" is protected, so its cells cannot be highlighted: unprotect it (Review > Unprotect Sheet) and try again`);
    }
    snap(pkg, record, sheet.path);
    snap(pkg, record, relsPath(sheet.path));
    const styleFor = (s: string, kind: string) => {
      const key = `${s}|${kind}`;
      let id = clones.get(key);
      if (id === undefined) {
        let fill = fillIds.get(kind);
        if (fill === undefined) {
          fill = styles.addFill(HIGHLIGHT_FILLS[kind as keyof typeof HIGHLIGHT_FILLS]);
          fillIds.set(kind, fill);
        }
        id = styles.withFill(Number(s || 0), fill);
        clones.set(key, id);
      }
      return String(id);
    };
    xml = restyleCells(xml, list, (_ref, s, _created, kind) => styleFor(s, kind));
    pkg.write(sheet.path, xml);
    addNotes(pkg, sheet.path, list, record);
  }
  pkg.write(stylesPath, styles.toString());
  return record;
}

/**
 * Rewrites the s= of the marked cells in one pass over sheetData, creating rows and
 * cells that do not exist (in order).
 */
function restyleCells(
  xml: string,
  marks: HighlightMark[],
  restyle: (ref: string, original: string, created: boolean, kind: string) => string,
): string {
  const byRow = new Map<number, Map<number, HighlightMark>>();
  for (const m of marks) {
    const row = byRow.get(m.row) ?? new Map<number, HighlightMark>();
    row.set(m.col, m);
    byRow.set(m.row, row);
  }
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let sdStart = findStart(xml, 'sheetData', 0);
  if (sdStart < 0) return xml;
  let sdOpenEnd = tagEnd(xml, sdStart);
  if (xml[sdOpenEnd - 1] === '/') {
    xml = `${xml.slice(0, sdOpenEnd - 1)}></sheetData>${xml.slice(sdOpenEnd + 1)}`;
    sdOpenEnd = tagEnd(xml, sdStart);
  }
  const sdClose = xml.indexOf('</sheetData>', sdOpenEnd);
  const body = xml.slice(sdOpenEnd + 1, sdClose);
  const out: string[] = [];
  let i = 0;
  let p = 0;
  const newRow = (r: number) => {
    const cells = [...byRow.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    return `<row r="${r + 1}">${cells.map(([c, m]) => `<c r="${a1(r, c)}" s="${restyle(a1(r, c), '', true, m.kind)}"/>`).join('')}</row>`;
  };
  let rowStart = findStart(body, 'row', 0);
  let implicitRow = -1;
  while (rowStart >= 0) {
    const openEnd = tagEnd(body, rowStart);
    const a = attrs(body.slice(rowStart + 4, openEnd));
    const r = a.r ? Number(a.r) - 1 : implicitRow + 1;
    implicitRow = r;
    const selfClosing = body[openEnd - 1] === '/';
    const rowEnd = selfClosing ? openEnd + 1 : body.indexOf('</row>', openEnd) + 6;
    while (p < pending.length && pending[p] < r) out.push(body.slice(i, rowStart), newRow(pending[p++])), (i = rowStart);
    if (p < pending.length && pending[p] === r) {
      p++;
      out.push(body.slice(i, rowStart));
      out.push(rewriteRow(body.slice(rowStart, rowEnd), r, byRow.get(r)!, restyle));
      i = rowEnd;
    }
    rowStart = findStart(body, 'row', rowEnd);
  }
  out.push(body.slice(i));
  while (p < pending.length) out.push(newRow(pending[p++]));
  return xml.slice(0, sdOpenEnd + 1) + out.join('') + xml.slice(sdClose);
}

function rewriteRow(
  rowXml: string,
  r: number,
  cols: Map<number, HighlightMark>,
  restyle: (ref: string, original: string, created: boolean, kind: string) => string,
): string {
  const openEnd = tagEnd(rowXml, 0);
  if (rowXml[openEnd - 1] === '/') {
    const cells = [...cols.entries()].sort((a, b) => a[0] - b[0]);
    return `${rowXml.slice(0, openEnd - 1)}>${cells.map(([c, m]) => `<c r="${a1(r, c)}" s="${restyle(a1(r, c), '', true, m.kind)}"/>`).join('')}</row>`;
  }
  const remaining = new Map(cols);
  const out: string[] = [rowXml.slice(0, openEnd + 1)];
  let i = openEnd + 1;
  let col = -1;
  let c = findStart(rowXml, 'c', i);
  const flushBefore = (limit: number) => {
    for (const [cc, m] of [...remaining.entries()].sort((a, b) => a[0] - b[0])) {
      if (cc >= limit) break;
      out.push(`<c r="${a1(r, cc)}" s="${restyle(a1(r, cc), '', true, m.kind)}"/>`);
      remaining.delete(cc);
    }
  };
  while (c >= 0) {
    const end = tagEnd(rowXml, c);
    const a = attrs(rowXml.slice(c + 2, end));
    const pos = a.r ? parseA1(a.r) : null;
    col = pos ? pos.col : col + 1;
    const cellEnd = rowXml[end - 1] === '/' ? end + 1 : rowXml.indexOf('</c>', end) + 4;
    out.push(rowXml.slice(i, c));
    flushBefore(col);
    const mark = remaining.get(col);
    if (mark) {
      remaining.delete(col);
      const ref = a1(r, col);
      const s = restyle(ref, a.s ?? '', false, mark.kind);
      let open = rowXml.slice(c, end + 1);
      open = /\ss="[^"]*"/.test(open) ? open.replace(/\ss="[^"]*"/, ` s="${s}"`) : open.replace(/^<c\b/, `<c s="${s}"`);
      if (!a.r) open = open.replace(/^<c\b/, `<c r="${ref}"`);
      out.push(open, rowXml.slice(end + 1, cellEnd));
    } else out.push(rowXml.slice(c, cellEnd));
    i = cellEnd;
    c = findStart(rowXml, 'c', cellEnd);
  }
  const closeAt = rowXml.lastIndexOf('</row>');
  out.push(rowXml.slice(i, closeAt));
  flushBefore(Infinity);
  out.push('</row>');
  return out.join('');
}

const NOTE_AUTHOR = 'PlanCheck';

function vmlShape(id: number, row: number, col: number): string {
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto" o:planCheck="t"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

const VML_HEAD = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/** Adds PlanCheck's notes, merging with the sheet's own comments when it has some. */
function addNotes(pkg: ZipPackage, sheetPath: string, marks: HighlightMark[], record: HighlightRecord): void {
  const rels = readRels(pkg, sheetPath);
  let commentsPath: string | undefined;
  let vmlPath: string | undefined;
  for (const r of rels.values()) {
    if (r.type.endsWith('/comments')) commentsPath = r.target;
    if (r.type.endsWith('/vmlDrawing')) vmlPath = r.target;
  }
  let sheet = pkg.readText(sheetPath)!;
  if (!commentsPath) {
    commentsPath = freePartName(pkg, 'xl/comments', 'xml').path;
    snap(pkg, record, commentsPath);
    pkg.write(commentsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`);
    ensureContentType(pkg, commentsPath, CT_COMMENTS);
    addRel(pkg, sheetPath, 'comments', relTarget(sheetPath, commentsPath));
  } else snap(pkg, record, commentsPath);
  if (!vmlPath) {
    vmlPath = freePartName(pkg, 'xl/drawings/vmlDrawing', 'vml').path;
    snap(pkg, record, vmlPath);
    pkg.write(vmlPath, `${VML_HEAD}</xml>`);
    ensureDefault(pkg, 'vml', CT_VML);
    const rId = addRel(pkg, sheetPath, 'vmlDrawing', relTarget(sheetPath, vmlPath));
    // legacyDrawing goes after drawing and before legacyDrawingHF/picture/oleObjects/...
    const before = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    let at = -1;
    for (const name of before) {
      at = findStart(sheet, name, 0);
      if (at >= 0) break;
    }
    if (at < 0) at = sheet.lastIndexOf('</worksheet>');
    sheet = `${sheet.slice(0, at)}<legacyDrawing r:id="${rId}"/>${sheet.slice(at)}`;
    if (!/xmlns:r=/.test(sheet.slice(0, tagEnd(sheet, findStart(sheet, 'worksheet', 0))))) {
      sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
    }
    pkg.write(sheetPath, sheet);
  } else snap(pkg, record, vmlPath);

  let comments = pkg.readText(commentsPath)!;
  let authorId = -1;
  const authorsXml = section(comments, 'authors') ?? '';
  const names = [...authorsXml.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => m[1]);
  authorId = names.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    comments = comments.includes('</authors>')
      ? comments.replace('</authors>', `<author>${NOTE_AUTHOR}</author></authors>`)
      : comments.replace(/<authors\s*\/>/, `<authors><author>${NOTE_AUTHOR}</author></authors>`);
  }
  let vml = pkg.readText(vmlPath)!;
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  let nextId = Math.max(1024, ...ids) + 1;
  const shapes: string[] = [];
  for (const m of marks) {
    const ref = a1(m.row, m.col);
    const text = `<r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">PlanCheck:\n</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${escapeText(m.note)}</t></r>`;
    const existing = new RegExp(`<comment\\b[^>]*\\bref="${ref}"[^>]*>`).exec(comments);
    if (existing) {
      // The user's note stays; ours is added below it.
      const close = comments.indexOf('</text>', existing.index);
      comments = `${comments.slice(0, close)}<r><t xml:space="preserve">\n</t></r>${text}${comments.slice(close)}`;
    } else {
      const c = `<comment ref="${ref}" authorId="${authorId}"><text>${text}</text></comment>`;
      comments = comments.includes('</commentList>') ? comments.replace('</commentList>', `${c}</commentList>`) : comments.replace(/<commentList\s*\/>/, `<commentList>${c}</commentList>`);
      shapes.push(vmlShape(nextId++, m.row, m.col));
    }
  }
  pkg.write(commentsPath, comments);
  vml = vml.replace(/<\/xml>\s*$/, `${shapes.join('')}</xml>`);
  pkg.write(vmlPath, vml);
}

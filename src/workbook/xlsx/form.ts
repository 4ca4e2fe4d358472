/**
 * Writes an update form (src/core/update.ts's {@link FormSpec}) as a complete new .xlsx:
 * content types, relationships, a workbook of one sheet, a stylesheet with locked and
 * unlocked formats, data validations, hidden key columns and password-less sheet protection.
 * Built as text and zipped with the package writer (zip.ts), so nothing is copied from a template.
 */
import { a1, rangeA1 } from '../../core/cell';
import { isoToSerial } from '../../core/parse/dates';
import type { FormCell, FormSpec, FormStyle, FormValidation } from '../../core/update';
import { CONTENT_TYPE, REL_NS, REL_TYPE } from './opc';
import { encodeXString, escapeXml } from './xml';
import { DEFAULT_PACKAGE_LIMITS, savePackage, type PackageEntry, type XlsxPackage } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;

/** Each form style's cellXfs index in {@link STYLES}. */
const XF: Record<FormStyle, number> = {
  title: 1,
  label: 2,
  text: 3,
  wrap: 4,
  header: 5,
  date: 6,
  key: 7,
  unavailable: 8,
  'input-number': 9,
  'input-list': 10,
  'input-date': 11,
  'input-text': 12,
};

const TOP = '<alignment vertical="top"/>';
const WRAP = '<alignment vertical="top" wrapText="1"/>';
const UNLOCKED = '<protection locked="0"/>';

/**
 * The stylesheet. Every cell is locked unless its format says otherwise (Excel's default), so
 * only the yellow input formats, with `locked="0"`, can be edited once the sheet is protected.
 * The input text format is "@" (Text): what a lead types there, "=..." included, stays text.
 */
const STYLES =
  DECL +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="d mmm yyyy"/></numFmts>' +
  '<fonts count="4">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><sz val="9"/><color rgb="FF808080"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="5">' +
  '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>' +
  '</fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="13">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${TOP}</xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">${TOP}</xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">${WRAP}</xf>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${WRAP}</xf>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
  '<xf numFmtId="49" fontId="3" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  `<xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1">${WRAP}</xf>` +
  `<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">${TOP}${UNLOCKED}</xf>` +
  `<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">${TOP}${UNLOCKED}</xf>` +
  `<xf numFmtId="164" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">${TOP}${UNLOCKED}</xf>` +
  `<xf numFmtId="49" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">${WRAP}${UNLOCKED}</xf>` +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The `<c>` element for a value: a finite number as `<v>`, text always as an inline string (so
 * it can never become a formula), null or "" as a styled empty cell (or nothing, unstyled).
 */
export function cellElement(ref: string, style: number | undefined, value: string | number | null): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${String(value).toUpperCase()}</v></c>`;
  let text = value === null ? '' : String(value);
  if (text.length > MAX_CELL_TEXT) {
    text = text.slice(0, MAX_CELL_TEXT);
    // Never leave half a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  }
  if (text === '') return s ? `<c r="${ref}"${s}/>` : '';
  const space = /^\s|\s$|[\t\n\r]| {2}/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${encodeXString(text)}</t></is></c>`;
}

function formCellXml(c: FormCell): string {
  let v: string | number = c.value;
  if ((c.style === 'date' || c.style === 'input-date') && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) v = isoToSerial(v, false);
  return cellElement(a1(c.row, c.col), XF[c.style], v);
}

function validationXml(v: FormValidation): string {
  const sqref = rangeA1(v.range);
  const msgs =
    ` showInputMessage="1" showErrorMessage="1" errorStyle="stop"` +
    ` promptTitle="${escapeXml(title(v), true)}" prompt="${escapeXml(v.prompt.slice(0, 255), true)}"` +
    ` errorTitle="${escapeXml(title(v), true)}" error="${escapeXml(v.error.slice(0, 225), true)}"`;
  if (v.type === 'list') {
    // An inline list: quoted, comma-separated, at most 255 characters (Excel's limit).
    const list = `"${(v.list ?? []).join(',')}"`;
    return `<dataValidation type="list" allowBlank="1"${msgs} sqref="${sqref}"><formula1>${escapeXml(list)}</formula1></dataValidation>`;
  }
  const bound = (b: number | string | undefined) => (typeof b === 'string' ? isoToSerial(b, false) : (b ?? 0));
  return (
    `<dataValidation type="${v.type}" operator="between" allowBlank="1"${msgs} sqref="${sqref}">` +
    `<formula1>${bound(v.min)}</formula1><formula2>${bound(v.max)}</formula2></dataValidation>`
  );
}

function title(v: FormValidation): string {
  return v.type === 'whole' ? '% Complete' : v.type === 'list' ? 'Status' : 'Revised Target Date';
}

/** The worksheet XML, its children in CT_Worksheet's order. */
function sheetXml(spec: FormSpec): string {
  const byRow = new Map<number, FormCell[]>();
  let lastRow = 0;
  let lastCol = 0;
  for (const c of spec.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
    lastRow = Math.max(lastRow, c.row);
    lastCol = Math.max(lastCol, c.col);
  }
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = (byRow.get(r) as FormCell[]).sort((a, b) => a.col - b.col);
      const h = spec.rowHeights[r];
      return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ''}>${cells.map(formCellXml).join('')}</row>`;
    })
    .join('');
  const cols = spec.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`)
    .join('');
  const f = spec.freezeRows;
  const view = f
    ? `<sheetView workbookViewId="0"><pane ySplit="${f}" topLeftCell="${a1(f, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(f, 3)}" sqref="${a1(f, 3)}"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  // No password: Excel's Unprotect Sheet needs none; protection only guides the lead to the inputs.
  const protection = spec.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1"/>' : '';
  const merges = spec.merges.length
    ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`
    : '';
  const validations = spec.validations.length
    ? `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`
    : '';
  return (
    DECL +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${a1(lastRow, lastCol)}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    protection +
    merges +
    validations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape"/>' +
    '</worksheet>'
  );
}

/** The parts of the form workbook, by name, in the order they are zipped. */
export function formParts(spec: FormSpec): Record<string, string> {
  return {
    '[Content_Types].xml':
      DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>` +
      `<Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
      '</Types>',
    '_rels/.rels':
      DECL +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
    'xl/workbook.xml':
      DECL +
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets><sheet name="${escapeXml(spec.sheetName, true)}" sheetId="1" r:id="rId1"/></sheets>` +
      '<calcPr calcId="191029"/>' +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      DECL +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL_TYPE.worksheet}" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_TYPE.styles}" Target="styles.xml"/>` +
      '</Relationships>',
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': sheetXml(spec),
  };
}

/** A complete, valid .xlsx holding the form: one protected sheet, inputs unlocked and validated. */
export function buildFormWorkbook(spec: FormSpec): Uint8Array {
  const encoder = new TextEncoder();
  const entries = new Map<string, PackageEntry>();
  for (const [name, text] of Object.entries(formParts(spec))) entries.set(name, { data: encoder.encode(text), compression: 8 });
  const pkg: XlsxPackage = { entries, limits: { ...DEFAULT_PACKAGE_LIMITS } };
  return savePackage(pkg);
}

/** Builders for xlsx test files: hand-written XML zipped with fflate, or ExcelJS workbooks. */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import { WorkbookError } from '../../src/workbook/port';
import { partText } from '../../src/workbook/xlsx/zip';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetDef {
  name: string;
  /** The <sheetData> content (rows) or a whole worksheet document when it starts with "<?xml" or "<worksheet". */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

export interface BookDef {
  sheets: SheetDef[];
  sharedStrings?: string[] | string;
  /** styles.xml content, or cellXfs numFmtIds with custom numFmts. */
  styles?: string | { numFmts?: Record<number, string>; xfs: number[] };
  date1904?: boolean;
  /** Extra XML inside <workbook> after <sheets>. */
  workbookExtra?: string;
  /** Extra parts by name. */
  extra?: Record<string, string | Uint8Array>;
}

/** The XML of a shared string table from plain strings (or passes raw XML through). */
function sst(ss: string[] | string): string {
  if (typeof ss === 'string') return ss;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${ss.length}" uniqueCount="${ss.length}">${ss.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
}

function stylesXml(st: BookDef['styles']): string {
  if (typeof st === 'string') return st;
  const fmts = Object.entries(st?.numFmts ?? {});
  const xfs = st?.xfs ?? [0];
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
    (fmts.length
      ? `<numFmts count="${fmts.length}">${fmts.map(([id, c]) => `<numFmt numFmtId="${id}" formatCode="${c.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>`
      : '') +
    `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/** Zips parts in the given order (level 1 is much faster for big test sheets). */
export function zip(parts: Record<string, string | Uint8Array>, level: 1 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files, { level });
}

/** The parts of a minimal, valid .xlsx from hand-written XML. */
export function bookParts(def: BookDef): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
  ];
  const rels: string[] = [`<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/>`];
  const sheets: string[] = [];
  def.sheets.forEach((s, i) => {
    const n = i + 1;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    rels.push(`<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheets.push(
      `<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`,
    );
  });
  if (def.sharedStrings !== undefined) {
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
    rels.push(`<Relationship Id="rIdSS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${def.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<bookViews><workbookView/></bookViews><sheets>${sheets.join('')}</sheets>${def.workbookExtra ?? ''}<calcPr calcId="191029"/></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  parts['xl/styles.xml'] = stylesXml(def.styles);
  if (def.sharedStrings !== undefined) parts['xl/sharedStrings.xml'] = sst(def.sharedStrings);
  def.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      s.xml.startsWith('<?xml') || s.xml.startsWith('<worksheet')
        ? s.xml
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${s.xml}</sheetData></worksheet>`;
  });
  Object.assign(parts, def.extra ?? {});
  return parts;
}

/** A minimal .xlsx from hand-written XML. */
export function book(def: BookDef, level: 1 | 6 = 6): Uint8Array {
  return zip(bookParts(def), level);
}

/** An .xlsx made by ExcelJS. */
export async function excelBook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Loads bytes with ExcelJS (the independent reader used to check what we write). */
export async function excelLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Throws unless `xml` is well-formed, namespace-correct XML (a strict parser, not ours). */
export function assertWellFormed(xml: string, label = 'xml'): void {
  const p = new SaxesParser({ xmlns: true });
  let err: Error | undefined;
  p.on('error', (e) => {
    err ??= e;
  });
  p.write(xml).close();
  if (err) throw new Error(`${label} is not well-formed: ${err.message}`);
}

/** Checks every XML part of a workbook (not VML, which Excel itself writes loosely). */
export function assertAllWellFormed(wb: XlsxWorkbook): void {
  for (const name of wb.pkg.entries.keys()) {
    if (/\.(xml|rels)$/i.test(name)) assertWellFormed(partText(wb.pkg, name) as string, name);
  }
}

/** Text of a part. */
export function text(wb: XlsxWorkbook, part: string): string {
  const t = partText(wb.pkg, part);
  if (t === undefined) throw new Error(`no part ${part}`);
  return t;
}

/** What a call refuses with ("code: message"), or "no error": refusals compared as text. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

/**
 * Packages as other programs write them, built here from hand-written XML and zipped with
 * fflate (no checked-in binaries): a workbook part outside `xl/`, an empty stylesheet, a
 * highly compressible sheet within the limits, and real zip bombs beside it (issue #16).
 */
import { deflateSync, strToU8, zipSync } from 'fflate';
import { crc32, openPackage, savePackage, type PackageEntry } from '../../src/workbook/xlsx/zip';
import { MAIN_NS, REL_NS, book, bookParts, zip } from './helpers';

/** The compressed size of part `name`, from the zip's central directory. */
export function compressedSize(zip: Uint8Array, name: string): number {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const want = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50 || dv.getUint16(i + 28, true) !== want.length) continue;
    if (want.every((c, j) => zip[i + 46 + j] === c)) return dv.getUint32(i + 20, true);
  }
  throw new Error(`no part ${name}`);
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A small flat plan with problems to find (an overdue action, one without a lead, a date nobody can parse). */
export const PLAN_TABLE: (string | number)[][] = [
  ['Workstream', 'Action', 'Lead Officer', 'Target Date', '% Complete'],
  ['Governance', 'Review the scheme of delegation', 'J Craig', '31/03/2020', 40],
  ['Governance', 'Publish the annual governance statement', '', '30/06/2030', 10],
  ['Finance', 'Agree the medium-term financial plan', 'D Robertson', 'TBC', 0],
  ['Finance', 'Close the 2019/20 accounts', 'H Smith', '30/09/2020', 100],
];

/** A user's sheet beside the plan: text, numbers and a boolean that must come through unchanged. */
export const NOTES_TABLE: (string | number | boolean)[][] = [
  ['Note', 'Count', 'Checked'],
  ['Budget lines reviewed', 12, true],
  ['Risks logged', 3.5, false],
  ['=not a formula', -7, true],
];

function rowXml(r: number, values: (string | number | boolean)[], strings: string[]): string {
  const cells = values
    .map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      if (v === '') return '';
      // Shared strings, as most programs write them: the new parts must not disturb them.
      let i = strings.indexOf(v);
      if (i < 0) i = strings.push(v) - 1;
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    })
    .join('');
  return `<row r="${r + 1}">${cells}</row>`;
}

/**
 * A package whose workbook part is `other/workbook.xml` (found through the root
 * officeDocument relationship), with its sheets at `other/worksheets/sheet1.xml` and
 * `sheet2.xml`, shared strings and styles beside it, a SharePoint-style custom XML item,
 * and parts elsewhere whose file names PlanCheck's new parts would otherwise take
 * (`sheet3.xml`, `chart1.xml`, `drawing1.xml`, `comments1.xml`, `item2.xml`).
 */
export function relocatedWorkbook(dir = 'other'): Uint8Array {
  const strings: string[] = [];
  const sheet = (table: (string | number | boolean)[][]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${table
      .map((row, r) => rowXml(r, row, strings))
      .join('')}</sheetData></worksheet>`;
  const plan = sheet(PLAN_TABLE);
  const notes = sheet(NOTES_TABLE);
  const decoy = '<?xml version="1.0" encoding="UTF-8"?><decoy xmlns="urn:example:decoy"/>';
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${dir}/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/${dir}/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/${dir}/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/${dir}/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      `<Override PartName="/${dir}/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
      `</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${dir}/workbook.xml"/></Relationships>`,
    [`${dir}/workbook.xml`]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>`,
    [`${dir}/_rels/workbook.xml.rels`]:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId4" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId5" Type="${REL_NS}/customXml" Target="../customXml/item1.xml"/>` +
      `</Relationships>`,
    [`${dir}/worksheets/sheet1.xml`]: plan,
    [`${dir}/worksheets/sheet2.xml`]: notes,
    [`${dir}/sharedStrings.xml`]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    [`${dir}/styles.xml`]: bookParts({ sheets: [] })['xl/styles.xml'] as string,
    'customXml/item1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"/>',
    'customXml/itemProps1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6E0B5F4C-1E7B-4C43-9D0E-8E3C2C6D0A11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    'customXml/_rels/item1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    // Names PlanCheck's new parts would take next, in folders of their own (some in capitals).
    'extras/sheet3.xml': decoy,
    'extras/Chart1.xml': decoy,
    'extras/drawing1.xml': decoy,
    'extras/COMMENTS1.xml': decoy,
    'extras/item2.xml': decoy,
  };
  // Sheet text sits in the shared strings: the table is built while the sheets are written.
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
}

/** Rows of inline-string cells (how PlanCheck's own tests write sheets). */
function inlineRows(table: (string | number | boolean)[][]): string {
  return table
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
            return v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
}

/** The schema-valid empty stylesheet some programs write: no fonts, fills, borders or formats at all. */
export const EMPTY_STYLESHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"/>`;

/** The plan workbook with an empty stylesheet (`<styleSheet …/>`, no children). */
export function emptyStylesWorkbook(): Uint8Array {
  return book({
    sheets: [
      { name: 'Plan', xml: inlineRows(PLAN_TABLE) },
      { name: 'Notes', xml: inlineRows(NOTES_TABLE) },
    ],
    styles: EMPTY_STYLESHEET,
  });
}

/**
 * A long cell text: a varied paragraph, then one short phrase over and over (as pasted or
 * filled-down notes hold). Over many cells deflate gets about 250:1 from it, as from the
 * issue's real file: far past the old 200:1 ratio refusal, far short of a bomb's ~1000:1.
 */
function longText(i: number): string {
  const words = ['progress', 'review', 'committee', 'officer', 'budget', 'service', 'delivery', 'partnership', 'improvement', 'report'];
  let s = `Update ${i}: `;
  for (let k = 0; s.length < 500; k++) s += `${words[(i * 7 + k * 3) % words.length]} ${k % 97 === 0 ? i : ''} `;
  return s + ' see above'.repeat(400);
}

/**
 * The plan with a second sheet of long strings whose XML inflates to about `sheetMB` MB and
 * compresses far past 200:1 (the issue's file: 870 KB, one sheet inflating to 57 MB).
 * Returns the file and the sheet's sizes.
 */
export function compressibleWorkbook(sheetMB: number): { bytes: Uint8Array; sheetBytes: number; sheetCompressed: number; cells: number } {
  const target = sheetMB * 1024 * 1024;
  const rows: string[] = [];
  let size = 0;
  let cells = 0;
  // A few distinct paragraphs, repeated: long strings, as a notes sheet copied down holds.
  const paragraphs = Array.from({ length: 4 }, (_, i) => esc(longText(i)));
  for (let r = 1; size < target; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 4; c++) {
      row += `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${paragraphs[(r + c) % paragraphs.length]}</t></is></c>`;
      cells++;
    }
    row += '</row>';
    rows.push(row);
    size += row.length;
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const parts = bookParts({
    sheets: [
      { name: 'Plan', xml: inlineRows(PLAN_TABLE) },
      { name: 'Long notes', xml: '' },
    ],
  });
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  files['xl/worksheets/sheet2.xml'] = strToU8(sheet);
  const sheetBytes = files['xl/worksheets/sheet2.xml'].length;
  const bytes = zipSync(files, { level: 9 });
  return { bytes, sheetBytes, sheetCompressed: compressedSize(bytes, 'xl/worksheets/sheet2.xml'), cells };
}

/** A part given as already-deflated data, with its real size and checksum (or a lie about its size). */
export interface DeflatedPart {
  compressed: Uint8Array;
  size: number;
  crc: number;
}

/** `n` spaces, deflated: about 1000:1, as much as deflate allows. Deflated once, reusable. */
export function spaces(n: number): DeflatedPart {
  const data = new Uint8Array(n).fill(32);
  return { compressed: deflateSync(data, { level: 9 }), size: n, crc: crc32(data) };
}

/**
 * A package of `parts` plus `extra` parts written from already-deflated data, so one
 * deflated body can stand for several parts and a bomb costs nothing to build.
 */
export function withDeflated(parts: Record<string, string | Uint8Array>, extra: Record<string, DeflatedPart>): Uint8Array {
  const pkg = openPackage(zip(parts));
  for (const [name, original] of Object.entries(extra)) {
    const entry: PackageEntry = { data: new Uint8Array(0), compression: 8, original };
    pkg.entries.set(name, entry);
  }
  return savePackage(pkg);
}

const MB = 1024 * 1024;
const planParts = () => bookParts({ sheets: [{ name: 'Plan', xml: inlineRows(PLAN_TABLE) }] });

/** The plan with one part that really inflates to `mb` MB (about 1000:1; honest headers). */
export function partBomb(mb: number): Uint8Array {
  return withDeflated(planParts(), { 'xl/media/image1.bin': spaces(mb * MB) });
}

/** The plan with three parts of 80 MB each (within the one-part limit, 240 MB together), one deflated body shared. */
export function totalBomb(): Uint8Array {
  const part = spaces(80 * MB);
  return withDeflated(planParts(), { 'xl/media/a.bin': part, 'xl/media/b.bin': part, 'xl/media/c.bin': part });
}

/** `text` with `n` spaces put in just before `before` (a root element's closing tag), deflated. */
function padded(text: string, before: string, n: number): DeflatedPart {
  const at = text.lastIndexOf(before);
  if (at < 0) throw new Error(`no ${before}`);
  const head = strToU8(text.slice(0, at));
  const tail = strToU8(text.slice(at));
  const data = new Uint8Array(head.length + n + tail.length);
  data.set(head);
  data.fill(32, head.length, head.length + n);
  data.set(tail, head.length + n);
  return { compressed: deflateSync(data, { level: 9 }), size: data.length, crc: crc32(data) };
}

/**
 * The plan with one of its parts read whole padded to `mb` MB of spaces (whitespace between
 * tags: well-formed, and about 1000:1, so a 99 MB part is a ~100 KB file).
 */
export function paddedWholePart(part: 'xl/styles.xml' | 'xl/workbook.xml', mb: number): Uint8Array {
  const parts = planParts();
  const text = parts[part] as string;
  const root = part === 'xl/styles.xml' ? '</styleSheet>' : '</workbook>';
  const pad = padded(text, root, mb * MB - text.length);
  return withDeflated(parts, { [part]: pad }); // replaces the part in place
}

/** The plan beside a second sheet that is `mb` MB of spaces between its tags, with no tag in them. */
export function spacesSheet(mb: number): Uint8Array {
  const parts = bookParts({
    sheets: [
      { name: 'Plan', xml: inlineRows(PLAN_TABLE) },
      { name: 'Padding', xml: '' },
    ],
  });
  const text = parts['xl/worksheets/sheet2.xml'] as string;
  return withDeflated(parts, { 'xl/worksheets/sheet2.xml': padded(text, '</sheetData>', mb * MB - text.length) });
}

/**
 * The plan with the styles part Excel's duplicated-styles bug leaves behind, about `mb` MB:
 * tens of thousands of copied named styles ("Normal 2 3", each with its cell style format)
 * and cell formats, all real-looking entries.
 */
export function bloatedStyles(mb: number): Uint8Array {
  const target = mb * MB;
  const styleXfs: string[] = [];
  const names: string[] = [];
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const sx = `<xf numFmtId="${i % 7 === 0 ? 14 : 0}" fontId="0" fillId="0" borderId="0" applyNumberFormat="0" applyBorder="0" applyAlignment="0" applyProtection="0"/>`;
    const name = `<cellStyle name="Normal ${2 + (i % 9)} ${i}" xfId="${i + 1}"/>`;
    const xf = `<xf numFmtId="${i % 7 === 0 ? 14 : 0}" fontId="0" fillId="0" borderId="0" xfId="${i + 1}" applyNumberFormat="1"><alignment vertical="top" wrapText="1"/></xf>`;
    styleXfs.push(sx);
    names.push(name);
    xfs.push(xf);
    size += sx.length + name.length + xf.length;
  }
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="${styleXfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${styleXfs.join('')}</cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    `<cellStyles count="${names.length + 1}"><cellStyle name="Normal" xfId="0" builtinId="0"/>${names.join('')}</cellStyles></styleSheet>`;
  return book({ sheets: [{ name: 'Plan', xml: inlineRows(PLAN_TABLE) }], styles });
}

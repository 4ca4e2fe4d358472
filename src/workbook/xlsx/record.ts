/**
 * Where PlanCheck remembers what highlighting changed, so it can be undone exactly, even
 * after the file is saved and reopened: a Custom XML Data part, the OOXML mechanism made for
 * an application's own data.
 *
 *   customXml/itemN.xml            <highlights xmlns="urn:plancheck:highlights:1"> … </highlights>
 *   customXml/itemPropsN.xml       its properties (an item id and the schema namespace)
 *   customXml/_rels/itemN.xml.rels item → itemProps
 *   xl/_rels/workbook.xml.rels     workbook → item (type …/customXml)
 *   [Content_Types].xml            Override for itemProps (item uses the "xml" Default)
 *
 * Excel opens such packages without a repair prompt and keeps custom XML parts when it
 * saves; Office.js can read the same record (workbook.customXmlParts.getByNamespace), so the
 * task pane can clear highlights the CLI made. A hidden sheet is not used: users see and
 * break those. Document Inspector lists the part as "Custom XML Data"; removing it there only
 * means PlanCheck can no longer undo the highlights.
 */
import {
  addRel,
  CONTENT_TYPE,
  ensureDefault,
  customXmlFolder,
  freePartName,
  readRels,
  relsPartName,
  REL_TYPE,
  relTypeIs,
  removeDefault,
  removeOverride,
  removeRel,
  setOverride,
} from './opc';
import { child, children, documentElement, escapeXml, parseXml, type XmlElement } from './xml';
import { findPart, partText, removePart, setPartText, workbookPartName, type XlsxPackage } from './zip';

/** Namespace of the record's root element. */
export const HIGHLIGHTS_NS = 'urn:plancheck:highlights:1';
// A fixed item id: the record is one per workbook and this keeps output deterministic.
const ITEM_ID = '{5A6C3E1B-2F4D-4B8A-9C71-50C4EC4B11A1}';

/** How one highlighted cell was before (what clearing puts back). */
export interface CellRecord {
  ref: string;
  /** The cell's original s= attribute value; undefined when it had none. */
  s?: string;
  /** The cell format PlanCheck set; only a cell still showing it is restored. */
  clone: number;
  /** PlanCheck created the <c> element (the cell did not exist). */
  created?: boolean;
  /** PlanCheck created the <row> element. */
  rowCreated?: boolean;
  /** The row was an empty <row …/> that PlanCheck opened to add the cell. */
  rowOpened?: boolean;
}

/** One note PlanCheck added or extended. */
export interface NoteRecord {
  ref: string;
  /** Id of the VML shape PlanCheck added for a new note. */
  shape?: string;
  /** For a note the user already had: their <comment> element as it was. */
  orig?: string;
  /** For a note the user already had: the runs PlanCheck appended. */
  ours?: string;
}

/** What highlighting changed on one sheet. */
export interface SheetRecord {
  sheetId: number;
  name: string;
  part: string;
  cells: CellRecord[];
  notes: NoteRecord[];
  /** <sheetData/> was empty and PlanCheck opened it. */
  sheetDataOpened?: boolean;
  /** The comments part PlanCheck created (removed again when it empties). */
  commentsCreated?: string;
  /** The VML drawing PlanCheck created, with the <legacyDrawing> it added. */
  vmlCreated?: string;
  /** PlanCheck added the note shape type to the user's VML drawing. */
  shapetypeAdded?: boolean;
  /** PlanCheck added its author to the user's comments part. */
  authorAdded?: boolean;
}

/** The whole record. */
export interface HighlightRecord {
  sheets: SheetRecord[];
  /** PlanCheck added the "xml" Default content type for the record itself. */
  addedXmlDefault?: boolean;
  /** PlanCheck added the "vml" Default content type for a notes drawing. */
  addedVmlDefault?: boolean;
}

/** The record part (customXml/itemN.xml) and its content, if the package has one. */
export function findHighlightRecord(pkg: XlsxPackage): { part: string; record: HighlightRecord } | undefined {
  const candidates: string[] = [];
  const wb = workbookPartName(pkg);
  if (wb) for (const r of readRels(pkg, wb)) if (relTypeIs(r.type, 'customXml') && r.part) candidates.push(r.part);
  // Fall back to a scan: a record whose relationship was lost should still be found.
  for (const n of pkg.entries.keys()) if (/(?:^|\/)customXml\/item\d*\.xml$/i.test(n) && !candidates.includes(n)) candidates.push(n);
  for (const c of candidates) {
    const text = partText(pkg, c);
    if (!text || !text.includes(HIGHLIGHTS_NS)) continue;
    const root = documentElement(parseXml(text));
    if (!root || root.local !== 'highlights') continue;
    return { part: findPart(pkg, c) ?? c, record: parseRecord(root) };
  }
  return undefined;
}

function flag(el: XmlElement, name: string): boolean | undefined {
  return el.attrs.get(name) === '1' ? true : undefined;
}

function parseRecord(root: XmlElement): HighlightRecord {
  const sheets = children(root, 'sheet').map((s): SheetRecord => ({
    sheetId: Number(s.attrs.get('sheetId')) || 0,
    name: s.attrs.get('name') ?? '',
    part: s.attrs.get('part') ?? '',
    sheetDataOpened: flag(s, 'sheetDataOpened'),
    commentsCreated: s.attrs.get('commentsCreated'),
    vmlCreated: s.attrs.get('vmlCreated'),
    shapetypeAdded: flag(s, 'shapetypeAdded'),
    authorAdded: flag(s, 'authorAdded'),
    cells: children(s, 'cell').map((c) => ({
      ref: c.attrs.get('r') ?? '',
      s: c.attrs.get('s'),
      clone: Number(c.attrs.get('clone')),
      created: flag(c, 'created'),
      rowCreated: flag(c, 'rowCreated'),
      rowOpened: flag(c, 'rowOpened'),
    })),
    notes: children(s, 'note').map((n) => ({
      ref: n.attrs.get('r') ?? '',
      shape: n.attrs.get('shape'),
      orig: child(n, 'orig')?.text,
      ours: child(n, 'ours')?.text,
    })),
  }));
  return { sheets, addedXmlDefault: flag(root, 'addedXmlDefault'), addedVmlDefault: flag(root, 'addedVmlDefault') };
}

function attr(name: string, v: string | number | boolean | undefined): string {
  if (v === undefined || v === false) return '';
  return ` ${name}="${escapeXml(v === true ? '1' : String(v), true)}"`;
}

function serialise(record: HighlightRecord): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<highlights xmlns="${HIGHLIGHTS_NS}"${attr('addedXmlDefault', record.addedXmlDefault)}${attr('addedVmlDefault', record.addedVmlDefault)}>`,
  ];
  for (const s of record.sheets) {
    parts.push(
      `<sheet${attr('sheetId', s.sheetId)}${attr('name', s.name)}${attr('part', s.part)}${attr('sheetDataOpened', s.sheetDataOpened)}${attr('commentsCreated', s.commentsCreated)}${attr('vmlCreated', s.vmlCreated)}${attr('shapetypeAdded', s.shapetypeAdded)}${attr('authorAdded', s.authorAdded)}>`,
    );
    for (const c of s.cells) {
      parts.push(
        `<cell${attr('r', c.ref)}${attr('s', c.s)}${attr('clone', c.clone)}${attr('created', c.created)}${attr('rowCreated', c.rowCreated)}${attr('rowOpened', c.rowOpened)}/>`,
      );
    }
    for (const n of s.notes) {
      if (n.orig === undefined) parts.push(`<note${attr('r', n.ref)}${attr('shape', n.shape)}/>`);
      // The user's XML is kept as escaped text; escapeXml drops nothing XML can carry.
      else parts.push(`<note${attr('r', n.ref)}><orig>${escapeXml(n.orig)}</orig><ours>${escapeXml(n.ours ?? '')}</ours></note>`);
    }
    parts.push('</sheet>');
  }
  parts.push('</highlights>');
  return parts.join('');
}

/** Writes the record (replacing an existing one in place), creating its parts and relationships. */
export function writeHighlightRecord(pkg: XlsxPackage, record: HighlightRecord): void {
  const found = findHighlightRecord(pkg);
  if (found) {
    setPartText(pkg, found.part, serialise(record));
    return;
  }
  const wb = workbookPartName(pkg) as string;
  const dir = customXmlFolder(pkg);
  const item = freePartName(pkg, dir, 'item', 'xml', ['itemProps']);
  const n = item.slice(`${dir}/item`.length, -'.xml'.length);
  const props = `${dir}/itemProps${n}.xml`;
  record.addedXmlDefault = ensureDefault(pkg, 'xml', CONTENT_TYPE.xml) || undefined;
  setPartText(pkg, item, serialise(record));
  setPartText(
    pkg,
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${HIGHLIGHTS_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  setOverride(pkg, props, CONTENT_TYPE.customXmlProps);
  addRel(pkg, item, REL_TYPE.customXmlProps, props);
  addRel(pkg, wb, REL_TYPE.customXml, item);
}

/** Removes the record and everything that exists only for it. */
export function removeHighlightRecord(pkg: XlsxPackage): void {
  const found = findHighlightRecord(pkg);
  if (!found) return;
  const { part, record } = found;
  const wb = workbookPartName(pkg);
  if (wb) for (const r of readRels(pkg, wb)) if (relTypeIs(r.type, 'customXml') && r.part === part) removeRel(pkg, wb, r.id);
  for (const r of readRels(pkg, part)) {
    if (r.part && relTypeIs(r.type, 'customXmlProps')) {
      removePart(pkg, r.part);
      removeOverride(pkg, r.part);
    }
  }
  removePart(pkg, relsPartName(part));
  removePart(pkg, part);
  // We added the Default only because the package had none: take it away again.
  if (record.addedXmlDefault) removeDefault(pkg, 'xml');
}

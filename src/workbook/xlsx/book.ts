/**
 * The workbook part (workbook.xml and its relationships) as the reader and the writers need
 * it: sheets in order with their parts, the date system, protection, and which sheets
 * PlanCheck generated.
 */
import { GENERATED_SHEET_MARK } from '../../core/look';
import { WorkbookError } from '../port';
import { partDocument, readRels, REL_NS, type Relationship } from './opc';
import { child, children, prefixedAttr, prefixFor, type XmlElement } from './xml';
import { findPart, workbookPartName, type XlsxPackage } from './zip';

/**
 * Name of the sheet-scoped, hidden defined name that marks a sheet PlanCheck generated (the
 * core's, shared with the Office adapter). A defined name travels with the sheet through
 * Excel's own saves, renames and moves (Excel keeps localSheetId pointing at the same sheet),
 * and users never see it.
 */
export const GENERATED_NAME = GENERATED_SHEET_MARK;

/** What kind of sheet a <sheet> entry is, from its relationship type. */
export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'unknown';

/** One <sheet> of workbook.xml. */
export interface SheetEntry {
  /** Position in <sheets> (what localSheetId refers to). */
  index: number;
  name: string;
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  relId: string;
  /** The sheet's part name, when its relationship resolves to a part in the package. */
  part?: string;
  kind: SheetKind;
  /** True when marked with {@link GENERATED_NAME}. */
  generated: boolean;
  el: XmlElement;
}

/** The parsed workbook part. */
export interface BookModel {
  part: string;
  text: string;
  root: XmlElement;
  rels: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
  /** True when the structure is locked (sheets cannot be added). */
  lockStructure: boolean;
  /** True when any workbook protection is on. */
  workbookProtected: boolean;
  /** The prefix bound to the relationships namespace on the root, if declared there. */
  relPrefix?: string;
  /** The root's own prefix ('' when SpreadsheetML is the default namespace). */
  prefix: string;
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

function kindOf(type: string): SheetKind {
  if (type.endsWith('/worksheet')) return 'worksheet';
  if (type.endsWith('/chartsheet')) return 'chartsheet';
  if (type.endsWith('/dialogsheet')) return 'dialogsheet';
  if (/\/xl(Intl)?Macrosheet$/i.test(type)) return 'macrosheet';
  return 'unknown';
}

/** Reads workbook.xml and its relationships. */
export function loadBook(pkg: XlsxPackage): BookModel {
  const part = workbookPartName(pkg);
  const doc = part === undefined ? undefined : partDocument(pkg, part);
  if (part === undefined || doc === undefined)
    throw new WorkbookError('not-xlsx', 'This file is a zip file, but not an Excel workbook (it has no xl/workbook.xml).');
  const { text, root } = doc;
  if (!root || root.local !== 'workbook') {
    throw new WorkbookError(
      'corrupt',
      'This workbook is damaged: its workbook.xml is not a workbook. Open it in Excel and save a fresh copy.',
    );
  }
  const rels = readRels(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const marked = new Set<number>();
  const names = child(root, 'definedNames');
  if (names) {
    for (const dn of children(names, 'definedName')) {
      if ((dn.attrs.get('name') ?? '').toLowerCase() !== GENERATED_NAME.toLowerCase()) continue;
      const at = Number(dn.attrs.get('localSheetId'));
      if (Number.isInteger(at)) marked.add(at);
    }
  }
  const sheetsEl = child(root, 'sheets');
  const sheets: SheetEntry[] = (sheetsEl ? children(sheetsEl, 'sheet') : []).map((el, index) => {
    const relId = prefixedAttr(el, 'id') ?? '';
    const rel = byId.get(relId);
    const state = el.attrs.get('state');
    const part = rel && !rel.external && rel.part ? findPart(pkg, rel.part) : undefined;
    return {
      index,
      name: el.attrs.get('name') ?? `Sheet${index + 1}`,
      sheetId: Number(el.attrs.get('sheetId')) || 0,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      relId,
      part,
      kind: rel ? kindOf(rel.type) : 'unknown',
      generated: marked.has(index),
      el,
    };
  });
  const pr = child(root, 'workbookPr');
  const prot = child(root, 'workbookProtection');
  const lockStructure = truthy(prot?.attrs.get('lockStructure'));
  return {
    part,
    text,
    root,
    rels,
    sheets,
    date1904: truthy(pr?.attrs.get('date1904')),
    lockStructure,
    workbookProtected: lockStructure || truthy(prot?.attrs.get('lockWindows')) || truthy(prot?.attrs.get('lockRevision')),
    relPrefix: prefixFor(root, REL_NS) ?? prefixFor(root, 'http://purl.oclc.org/ooxml/officeDocument/relationships'),
    prefix: root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '',
  };
}

/** Finds a sheet by name the way Excel compares names (case-insensitively). */
export function sheetByName(book: BookModel, name: string): SheetEntry | undefined {
  const want = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === want);
}

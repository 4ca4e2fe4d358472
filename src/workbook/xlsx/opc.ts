/**
 * Open Packaging Conventions plumbing: relationships (.rels) and [Content_Types].xml.
 * Edits are made as text splices so everything we do not change stays byte-identical.
 */
import { WorkbookError } from '../port';
import { escapeXml, parseXml, applyEdits, documentElement, children, type XmlElement } from './xml';
import { type PackageEntry, findPart, partText, removePart, setPartText, workbookPartName, type XlsxPackage } from './zip';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Relationship types we write (transitional namespace, as Excel writes them). */
export const REL_TYPE = {
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  customXml: `${R}/customXml`,
  customXmlProps: `${R}/customXmlProps`,
} as const;

/** The relationships namespace (for r:id attributes). */
export const REL_NS = R;

/** Content types of the parts we write. */
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/**
 * True when relationship type `type` is `kind` ("worksheet", "styles", …) in either the
 * transitional or the strict (ISO) namespace: they differ only before the last slash.
 */
export function relTypeIs(type: string, kind: string): boolean {
  return type.endsWith('/' + kind);
}

/** One relationship from a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The Target attribute as written. */
  target: string;
  external: boolean;
  /** The target's part name (internal targets only; may not exist in the package). */
  part?: string;
}

/** Name of the .rels part for `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part, giving a part name without a leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** A relative target from `sourcePart` to `targetPart`, as Excel writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}

/** A part's text and its document element, as {@link partDocument} gives them. */
export interface PartDocument {
  text: string;
  root: XmlElement | undefined;
}

// Parsed once per version of a part: writing a part replaces its entry, so the next read
// parses the new text. Only small parts (the package's plumbing) are kept: a big part's tree
// would hold many times its size.
const parsedParts = new WeakMap<PackageEntry, PartDocument>();
const KEEP_PARSED_CHARS = 256 * 1024;

/**
 * The text and parsed document element of a part ([Content_Types].xml, a .rels part,
 * workbook.xml), or undefined when there is no such part. One write reads these parts several
 * times (each new part adds a relationship and a content type): each version is parsed once.
 */
export function partDocument(pkg: XlsxPackage, name: string): PartDocument | undefined {
  const found = findPart(pkg, name);
  const entry = found === undefined ? undefined : pkg.entries.get(found);
  if (!entry) return undefined;
  const known = parsedParts.get(entry);
  if (known) return known;
  const text = partText(pkg, found as string);
  if (text === undefined) return undefined;
  const doc = { text, root: documentElement(parseXml(text)) };
  if (text.length <= KEEP_PARSED_CHARS) parsedParts.set(entry, doc);
  return doc;
}

/** The relationships of `part` (none when it has no .rels part). */
export function readRels(pkg: XlsxPackage, part: string): Relationship[] {
  const root = partDocument(pkg, relsPartName(part))?.root;
  if (!root) return [];
  return children(root, 'Relationship').map((el) => {
    const target = el.attrs.get('Target') ?? '';
    const external = (el.attrs.get('TargetMode') ?? '').toLowerCase() === 'external';
    const rel: Relationship = { id: el.attrs.get('Id') ?? '', type: el.attrs.get('Type') ?? '', target, external };
    if (!external && target) {
      const resolved = resolveTarget(part, target);
      rel.part = findPart(pkg, resolved) ?? resolved;
    }
    return rel;
  });
}

function freeRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds a relationship from `part` to `targetPart` (creating the .rels part if needed); returns its id. */
export function addRel(pkg: XlsxPackage, part: string, type: string, targetPart: string): string {
  const relsName = relsPartName(part);
  const rels = readRels(pkg, part);
  const id = freeRelId(rels);
  const el = `<Relationship Id="${id}" Type="${escapeXml(type, true)}" Target="${escapeXml(relativeTarget(part, targetPart), true)}"/>`;
  const doc = partDocument(pkg, relsName);
  const root = doc?.root;
  if (doc === undefined || !root) {
    setPartText(
      pkg,
      relsName,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${el}</Relationships>`,
    );
  } else {
    setPartText(pkg, relsName, appendChild(doc.text, root, el));
  }
  return id;
}

/** Removes the relationship `id` from `part`'s .rels; removes the .rels part when it becomes empty. */
export function removeRel(pkg: XlsxPackage, part: string, id: string): void {
  const relsName = relsPartName(part);
  const doc = partDocument(pkg, relsName);
  const root = doc?.root;
  if (!doc || !root) return;
  const { text } = doc;
  const all = children(root, 'Relationship');
  const hit = all.find((el) => el.attrs.get('Id') === id);
  if (!hit) return;
  if (all.length === 1) {
    removePart(pkg, relsName);
    return;
  }
  setPartText(pkg, relsName, applyEdits(text, [{ start: hit.start, end: hit.end, text: '' }]));
}

/** Inserts `xml` as the last child of `el` in `text`, opening a self-closing element if needed. */
export function appendChild(text: string, el: XmlElement, xml: string): string {
  if (el.selfClosing) {
    const tag = text.slice(el.start, el.openEnd);
    const open = tag.replace(/\s*\/>$/, '>');
    return applyEdits(text, [{ start: el.start, end: el.openEnd, text: `${open}${xml}</${el.name}>` }]);
  }
  return applyEdits(text, [{ start: el.closeStart, end: el.closeStart, text: xml }]);
}

function typesDoc(pkg: XlsxPackage): { text: string; root: XmlElement; name: string } {
  const name = findPart(pkg, '[Content_Types].xml') ?? '[Content_Types].xml';
  const doc = partDocument(pkg, name);
  let text = doc?.text;
  if (text === undefined) {
    text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  }
  const root = doc ? doc.root : documentElement(parseXml(text));
  if (!root || root.selfClosing)
    throw new WorkbookError(
      'corrupt',
      'This workbook is damaged: its [Content_Types].xml is unreadable. Open it in Excel and save a fresh copy.',
    );
  return { text, root, name };
}

/** The content type of `part`, by its Override or its extension's Default. */
export function contentTypeOf(pkg: XlsxPackage, part: string): string | undefined {
  const { root } = typesDoc(pkg);
  const want = '/' + part.toLowerCase();
  for (const o of children(root, 'Override')) {
    if ((o.attrs.get('PartName') ?? '').toLowerCase() === want) return o.attrs.get('ContentType');
  }
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const d of children(root, 'Default')) {
    if ((d.attrs.get('Extension') ?? '').toLowerCase() === ext) return d.attrs.get('ContentType');
  }
  return undefined;
}

/** Every Override's content type, by lower-cased part name (for quick package surveys). */
export function contentTypeOverrides(pkg: XlsxPackage): Map<string, string> {
  const { root } = typesDoc(pkg);
  const out = new Map<string, string>();
  for (const o of children(root, 'Override')) {
    out.set((o.attrs.get('PartName') ?? '').replace(/^\//, '').toLowerCase(), o.attrs.get('ContentType') ?? '');
  }
  return out;
}

/** Adds (or replaces) the Override for `part`. */
export function setOverride(pkg: XlsxPackage, part: string, contentType: string): void {
  removeOverride(pkg, part);
  const { text, root, name } = typesDoc(pkg);
  setPartText(
    pkg,
    name,
    appendChild(text, root, `<Override PartName="/${escapeXml(part, true)}" ContentType="${escapeXml(contentType, true)}"/>`),
  );
}

/** Removes every <tag> of [Content_Types].xml whose attribute matches (case-insensitively). */
function removeTypeEntries(pkg: XlsxPackage, tag: 'Override' | 'Default', attr: string, value: string): void {
  const { text, root, name } = typesDoc(pkg);
  const want = value.toLowerCase();
  const hits = children(root, tag).filter((e) => (e.attrs.get(attr) ?? '').toLowerCase() === want);
  if (hits.length === 0) return;
  setPartText(
    pkg,
    name,
    applyEdits(
      text,
      hits.map((h) => ({ start: h.start, end: h.end, text: '' })),
    ),
  );
}

/** Removes the Override for `part`, if any. */
export function removeOverride(pkg: XlsxPackage, part: string): void {
  removeTypeEntries(pkg, 'Override', 'PartName', '/' + part);
}

/** Ensures a Default for extension `ext`; returns true when one had to be added. */
export function ensureDefault(pkg: XlsxPackage, ext: string, contentType: string): boolean {
  const { text, root, name } = typesDoc(pkg);
  if (children(root, 'Default').some((d) => (d.attrs.get('Extension') ?? '').toLowerCase() === ext.toLowerCase())) return false;
  // Defaults conventionally come first; Excel does not mind either way.
  const first = root.children[0];
  const el = `<Default Extension="${escapeXml(ext, true)}" ContentType="${escapeXml(contentType, true)}"/>`;
  setPartText(pkg, name, first ? applyEdits(text, [{ start: first.start, end: first.start, text: el }]) : appendChild(text, root, el));
  return true;
}

/** Removes the Default for extension `ext`. */
export function removeDefault(pkg: XlsxPackage, ext: string): void {
  removeTypeEntries(pkg, 'Default', 'Extension', ext);
}

/**
 * The folder new parts go in: `sub` inside the workbook part's folder ("xl/worksheets" for
 * xl/workbook.xml, "other/worksheets" for other/workbook.xml). Parts at fixed xl/ paths in a
 * package whose workbook lives elsewhere are legal OPC, but readers that pair parts by folder
 * (SheetJS 0.20) then take a user's sheet for ours.
 */
export function newPartFolder(pkg: XlsxPackage, sub = ''): string {
  const wb = workbookPartName(pkg) ?? 'xl/workbook.xml';
  const dir = wb.slice(0, wb.lastIndexOf('/') + 1);
  return (dir + sub).replace(/\/$/, '');
}

/**
 * Where Custom XML Data goes: `customXml` beside the workbook part's folder, as Excel lays a
 * package out (customXml/ next to xl/), so an ordinary workbook keeps the layout Excel gives it.
 */
export function customXmlFolder(pkg: XlsxPackage): string {
  const wbDir = newPartFolder(pkg);
  const parent = wbDir.includes('/') ? wbDir.slice(0, wbDir.lastIndexOf('/') + 1) : '';
  return `${parent}customXml`;
}

/**
 * A part name "dir/prefixN.ext" with the lowest N ≥ 1 whose file name no part has in any
 * folder (ignoring case, as OPC part names do), nor its .rels part; each of `companions`
 * ("itemProps" for "item") must be free with the same N too. Readers that match parts by
 * file name (SheetJS 0.20) then cannot mistake a new part for one of the user's.
 */
export function freePartName(pkg: XlsxPackage, dir: string, prefix: string, ext: string, companions: string[] = []): string {
  const taken = new Set<string>();
  for (const k of pkg.entries.keys()) {
    const n = k.replace(/\\/g, '/');
    taken.add(n.slice(n.lastIndexOf('/') + 1).toLowerCase());
  }
  const free = (file: string) => !taken.has(file.toLowerCase()) && !taken.has(`${file}.rels`.toLowerCase());
  for (let n = 1; ; n++) {
    const file = `${prefix}${n}.${ext}`;
    const name = dir ? `${dir}/${file}` : file;
    if (free(file) && companions.every((c) => free(`${c}${n}.${ext}`)) && findPart(pkg, name) === undefined) return name;
  }
}

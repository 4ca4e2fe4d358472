/**
 * The notes of highlighting: PlanCheck's comments (a bold "PlanCheck:" line, then why) and the
 * VML drawing shapes Excel shows them with, added to a sheet's comments and drawing parts (or
 * new ones), and removed again leaving the user's own notes untouched.
 */
import { a1, parseA1 } from '../../core/cell';
import { WorkbookError } from '../port';
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
import { type HighlightRecord, type NoteRecord, type SheetRecord } from './record';
import { withPrefix } from './styles';
import {
  applyEdits,
  child,
  children,
  decodeXString,
  documentElement,
  encodeXString,
  parseXml,
  TOK_CLOSE,
  TOK_EOF,
  TOK_OPEN,
  XmlScanner,
  type Edit,
  type XmlElement,
} from './xml';
import { findPart, partBytes, partText, removePart, setPartText, type XlsxPackage } from './zip';
import { prefixOf, type SheetScan, type Target } from './cells';

/** Author name on PlanCheck's notes (also how its notes are told apart from the user's). */
export const NOTE_AUTHOR = 'PlanCheck';

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

/** Removes PlanCheck's notes from a sheet's comments and VML parts; returns a sheet XML edit removing <legacyDrawing> if PlanCheck added it. */
export function removeNotes(pkg: XlsxPackage, sheetPart: string, xml: string, rec: SheetRecord, record: HighlightRecord): Edit | undefined {
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

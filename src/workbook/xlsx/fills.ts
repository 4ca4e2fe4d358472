/**
 * Each cell format's solid fill colour, as RGB hex: many trackers colour a RAG cell instead
 * of typing a word, and the core reads that colour as the stated RAG. Colours may be given
 * as rgb, as an index into Excel's legacy palette, or as a theme colour with a tint: all are
 * resolved here, so the core only ever sees "RRGGBB".
 */
import { child, children, documentElement, parseXml, type XmlElement } from './xml';
import { readRels, relTypeIs } from './opc';
import { stylesPartName } from './styles';
import { findPart, partText, workbookPartName, type XlsxPackage } from './zip';

// Excel's default indexed palette (ECMA-376 Part 1, 18.8.27), entries 0-63.
const INDEXED = (
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333'
).split(' ');

// Theme colour indexes as fills use them: 0 lt1, 1 dk1, 2 lt2, 3 dk2, then accents 1-6, hlink, folHlink.
const THEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];
// Office's default theme, for workbooks without a theme part.
const DEFAULT_THEME = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
  '0563C1',
  '954F72',
];

function themeColours(pkg: XlsxPackage): string[] {
  const wb = workbookPartName(pkg);
  const rel = wb ? readRels(pkg, wb).find((r) => relTypeIs(r.type, 'theme') && !r.external && r.part) : undefined;
  const part = rel?.part && findPart(pkg, rel.part);
  const text = part && partText(pkg, part);
  if (!text) return DEFAULT_THEME;
  const root = documentElement(parseXml(text));
  const scheme = root && findDeep(root, 'clrScheme');
  if (!scheme) return DEFAULT_THEME;
  return THEME_ORDER.map((name, i) => {
    const el = scheme.children.find((c) => c.local === name);
    const inner = el?.children[0];
    const v = inner && (inner.attrs.get('val') ?? inner.attrs.get('lastClr'));
    return v && /^[0-9A-Fa-f]{6}$/.test(v) ? v.toUpperCase() : DEFAULT_THEME[i];
  });
}

function findDeep(el: XmlElement, name: string, depth = 0): XmlElement | undefined {
  if (el.local === name) return el;
  if (depth > 4) return undefined;
  for (const c of el.children) {
    const hit = findDeep(c, name, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Applies an OOXML tint (-1..1) to an RGB colour, as Excel does (in HSL lightness). */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const ch = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  const out = ch.map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
  return out
    .map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function colourOf(el: XmlElement | undefined, theme: string[]): string | undefined {
  if (!el) return undefined;
  const rgb = el.attrs.get('rgb');
  let base: string | undefined;
  if (rgb && /^[0-9A-Fa-f]{6,8}$/.test(rgb)) base = rgb.slice(-6).toUpperCase();
  else if (el.attrs.has('indexed')) base = INDEXED[Number(el.attrs.get('indexed'))];
  else if (el.attrs.has('theme')) base = theme[Number(el.attrs.get('theme'))];
  if (!base) return undefined;
  const tint = Number(el.attrs.get('tint') ?? 0);
  return applyTint(base, Number.isFinite(tint) ? Math.max(-1, Math.min(1, tint)) : 0);
}

/**
 * The solid fill colour of each cell format (cellXfs index) as "RRGGBB", undefined where
 * the format has no solid fill or a white one. An unreadable styles part means no fills.
 */
export function readCellFills(pkg: XlsxPackage): (string | undefined)[] {
  const part = stylesPartName(pkg);
  const text = part && partText(pkg, part);
  if (!text) return [];
  const root = documentElement(parseXml(text));
  const fillsEl = root && child(root, 'fills');
  const xfs = root && child(root, 'cellXfs');
  if (!fillsEl || !xfs) return [];
  const theme = themeColours(pkg);
  const fills = children(fillsEl, 'fill').map((f) => {
    const p = child(f, 'patternFill');
    if (!p || p.attrs.get('patternType') !== 'solid') return undefined;
    const c = colourOf(child(p, 'fgColor'), theme) ?? colourOf(child(p, 'bgColor'), theme);
    return c === 'FFFFFF' ? undefined : c;
  });
  return children(xfs, 'xf').map((xf) => fills[Number(xf.attrs.get('fillId') ?? 0)]);
}

/**
 * A RAG cell's fill colour as the stated RAG: many trackers colour an empty cell instead of
 * typing a word. Colours are classified by hue, saturation and lightness (HSL), so Excel's
 * standard fills, its "Good" / "Neutral" / "Bad" styles and the near shades people pick all
 * count, and PlanCheck's own RAG fills (RAG_COLOURS) read back as their labels.
 *
 * | colour | hue | RAG |
 * |---|---|---|
 * | red, including pale "Bad" pink FFC7CE | under 18° or from 340° | Concern |
 * | orange, amber, yellow, gold, "Neutral" FFEB9C | 18°–68° | Caution |
 * | green, "Good" C6EFCE | 80°–165° | On Target |
 * | blue, light blue | 185°–250° | Complete |
 * | purple ("not yet due" in trackers that use it) | 265°–300° | Not Started |
 * | grey (saturation under 0.25, lightness 0.2–0.9) | – | Not Started |
 *
 * Nothing is stated (null) by: white and near-white (lightness over 0.93, or a grey over
 * 0.9 such as F2F2F2), black and near-black (under 0.15), colours between the hue bands
 * (yellow-green, teal, indigo, pink and magenta), dark browns (orange hues under 0.3
 * lightness), and pale creams and yellows over 0.86 lightness — FFF2CC, FFFFCC (Excel's
 * "Note" style) and the orange/gold 80% tints are highlights, not Amber. The alpha byte of
 * an ARGB value is ignored (writers store FF or 00 alike). Theme and indexed colours are
 * resolved to RGB by the adapters, not here.
 */
import type { RagLabel } from '../sheetspec';

const HEX6 = /^[0-9a-fA-F]{6}$/;
const HEX3 = /^[0-9a-fA-F]{3}$/;

/** RGB hex ("FF0000", "FFFF0000" ARGB, "#ff0000", "#f00") to the RAG its colour states, or null. Never throws. */
export function ragFromFill(rgb: string): RagLabel | null {
  if (typeof rgb !== 'string' || rgb.length > 12) return null;
  let hex = rgb.trim();
  if (hex[0] === '#') hex = hex.slice(1);
  if (hex.length === 8) hex = hex.slice(2);
  else if (hex.length === 3 && HEX3.test(hex)) hex = hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
  if (!HEX6.test(hex)) return null;
  const n = parseInt(hex, 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const l = (max + min) / 510;
  const s = d === 0 ? 0 : d / 255 / (1 - Math.abs(2 * l - 1));

  if (s < 0.25) return l >= 0.2 && l <= 0.9 ? 'Not Started' : null;
  if (l > 0.93 || l < 0.15) return null;

  let h: number;
  if (max === r) h = (g - b) / d;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h = (h * 60 + 360) % 360;

  if (h < 18 || h >= 340) return 'Concern';
  if (h < 68) return l > 0.86 || l < 0.3 ? null : 'Caution';
  if (h >= 80 && h < 165) return 'On Target';
  if (h >= 185 && h < 250) return 'Complete';
  if (h >= 265 && h < 300) return 'Not Started';
  return null;
}

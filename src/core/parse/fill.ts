/**
 * A RAG cell's fill colour as the stated RAG: many trackers colour an empty cell instead of
 * typing a word. Colours are classified by hue, saturation and lightness, so Excel's standard
 * fills and the near shades people pick both count. White, black, near-white tints (a pale
 * cream used as a highlight) and anything between hue bands state nothing.
 */
import type { RagLabel } from '../sheetspec';

/** RGB hex ("FF0000", "FFFF0000" ARGB, "#ff0000") to the RAG its colour states, or null. */
export function ragFromFill(rgb: string): RagLabel | null {
  if (typeof rgb !== 'string') return null;
  let hex = rgb.trim().replace(/^#/, '');
  if (hex.length === 8) hex = hex.slice(2);
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) return null;
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (s < 0.12) {
    // Greys mean not started; white and black mean nothing.
    return l > 0.35 && l < 0.9 ? 'Not Started' : null;
  }
  if (l > 0.93 || l < 0.12) return null;
  let h = 0;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h = (h * 60 + 360) % 360;
  // Pale tints (Excel's "Bad", "Neutral", "Good" styles) are only colours when saturated enough.
  if (l > 0.85 && s < 0.5) return null;
  if (h < 14 || h >= 330) return 'Concern';
  if (h < 65) return 'Caution';
  if (h >= 70 && h < 170) return 'On Target';
  if (h >= 185 && h < 250) return 'Complete';
  if (h >= 250 && h < 300) return 'Not Started';
  return null;
}

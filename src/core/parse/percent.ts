/** "% Completed" cells: 70, "70", "35%", 0.35 in a percent-formatted cell. */
import type { RawCell } from '../cell';
import { isPercentFormat } from './numfmt';

/** A percentage as read. */
export interface PercentRead {
  /** 0-100, or null when nothing usable is recorded. */
  value: number | null;
  problem: null | 'not-a-number' | 'out-of-range' | 'error';
  /** The number as found, when it was out of range. */
  raw?: number;
}

const NOTHING = /^(n\/?a|-+|–|—|none|nil|tbc|\?)?$/i;

function ranged(n: number): PercentRead {
  const v = Math.round(n * 10) / 10;
  if (!Number.isFinite(v) || v < 0 || v > 100) return { value: null, problem: 'out-of-range', raw: n };
  return { value: v, problem: null };
}

/** Reads a progress cell. Never throws. */
export function parsePercent(cell: RawCell | undefined): PercentRead {
  if (!cell) return { value: null, problem: null };
  if (cell.error) return { value: null, problem: 'error' };
  const v = cell.value;
  if (typeof v === 'number') return ranged(cell.format && isPercentFormat(cell.format) ? v * 100 : v);
  if (typeof v === 'boolean') return { value: null, problem: 'not-a-number' };
  const t = v.trim();
  if (NOTHING.test(t)) return { value: null, problem: null };
  const m = /^(-?\d+(?:\.\d+)?)\s*(%|per ?cent)?$/i.exec(t);
  if (!m) return { value: null, problem: 'not-a-number' };
  return ranged(Number(m[1]));
}

/**
 * The "core actions/s" figure: check + summary + highlight on one grid already read, as the
 * pane re-checks a workbook after each edit. Timed as a steady state: the first run (cold:
 * V8 has not optimised the code yet) is reported on its own, then runs repeat for about four
 * seconds (at least nine) and the median of the later half gives the rate. Nine runs, not five:
 * this machine is shared, and a burst of someone else's work lasts a second or two, so the
 * median of two or three runs of a 100,000-action plan (half a second each) was often a
 * disturbed one (2 Dec: the same build measured 106,000 and 192,000 actions/s in two runs).
 */
import type { WorkbookGrid } from '../src/core';
import * as thisCore from '../src/core';

/** The core functions timed: this build's, or another build's (bench/before-after.js). */
export type Core = Pick<typeof thisCore, 'buildSummary' | 'checkWorkbook' | 'highlightMarks' | 'resolveSettings'>;
/** The median; of an even count, the mean of the middle two. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Actions per second once warm, and the first (cold) run's milliseconds. */
export function coreTiming(grid: WorkbookGrid, actions: number, core: Core = thisCore): { rate: number; firstMs: number } {
  const settings = core.resolveSettings({});
  const once = () => {
    const t = process.hrtime.bigint();
    const result = core.checkWorkbook(grid, { file: 'bench', today: '2021-03-01', settings });
    core.buildSummary(result, settings);
    core.highlightMarks(result);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const firstMs = once();
  const times: number[] = [];
  const until = Date.now() + 4000;
  while (times.length < 9 || (Date.now() < until && times.length < 60)) times.push(once());
  const steady = times.slice(Math.floor(times.length / 2));
  return { rate: Math.round(actions / (median(steady) / 1000)), firstMs: Math.round(firstMs) };
}

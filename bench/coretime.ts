/**
 * The "core actions/s" figure: check + summary + highlight on one grid already read, as the
 * pane re-checks a workbook after each edit. Timed as a steady state: the first run (cold:
 * V8 has not optimised the code yet) is reported on its own, then runs repeat for about two
 * seconds (at least three) and the median of the later half gives the rate.
 */
import type { WorkbookGrid } from '../src/core';
import { buildSummary, checkWorkbook, highlightMarks, resolveSettings } from '../src/core';

const settings = resolveSettings({});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Actions per second once warm, and the first (cold) run's milliseconds. */
export function coreTiming(grid: WorkbookGrid, actions: number): { rate: number; firstMs: number } {
  const once = () => {
    const t = process.hrtime.bigint();
    const result = checkWorkbook(grid, { file: 'bench', today: '2021-03-01', settings });
    buildSummary(result, settings);
    highlightMarks(result);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const firstMs = once();
  const times: number[] = [];
  const until = Date.now() + 2000;
  while (times.length < 3 || (Date.now() < until && times.length < 60)) times.push(once());
  const steady = times.slice(Math.floor(times.length / 2));
  return { rate: Math.round(actions / (median(steady) / 1000)), firstMs: Math.round(firstMs) };
}

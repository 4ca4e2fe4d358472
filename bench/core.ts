/**
 * Only the "core actions/s" figure of `npm run bench`, on the bench plans already generated in
 * bench/out, in the bench's order and the way it measures it (one pass first, as officeRun
 * gives, then the median of three of check + summary + highlight on one grid). A quick check
 * while working on the core; it writes nothing.
 *   npx tsc -p tsconfig.bench.json && node dist/bench/bench/core.js [1000,10000,100000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSummary, checkWorkbook, highlightMarks, resolveSettings } from '../src/core';
import { XlsxWorkbook } from '../src/workbook/xlsx/adapter';

const OUT = path.join(__dirname, '..', '..', '..', 'bench', 'out');
const settings = resolveSettings({});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  for (const n of sizes) {
    for (const layout of ['blocks', 'flat']) {
      const file = path.join(OUT, `plan-${layout}-${n}.xlsx`);
      if (!fs.existsSync(file)) {
        process.stderr.write(`${file} is missing: npm run bench generates it\n`);
        continue;
      }
      const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
      const once = () => {
        const result = checkWorkbook(grid, { file: 'bench', today: '2021-03-01', settings });
        buildSummary(result, settings);
        highlightMarks(result);
      };
      once();
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        once();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      process.stdout.write(`${layout} ${n}: ${Math.round(n / (median(times) / 1000)).toLocaleString('en-GB')} actions/s\n`);
    }
  }
}

void main();

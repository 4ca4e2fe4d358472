/**
 * Only the "core actions/s" figure of `npm run bench`, on the bench plans already generated in
 * bench/out, measured as the bench measures it (bench/coretime.ts). A quick check
 * while working on the core; it writes nothing.
 *   npx tsc -p tsconfig.bench.json && node dist/bench/bench/core.js [1000,10000,100000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coreTiming } from './coretime';
import { XlsxWorkbook } from '../src/workbook/xlsx/adapter';

const OUT = path.join(__dirname, '..', '..', '..', 'bench', 'out');

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
      const { rate, firstMs } = coreTiming(grid, n);
      process.stdout.write(`${layout} ${n}: ${rate.toLocaleString('en-GB')} actions/s (first run ${firstMs} ms)\n`);
    }
  }
}

void main();

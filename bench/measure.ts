/**
 * One measurement in a fresh process, so peak memory is that work's alone:
 *   node dist/bench/bench/measure.js MODE FILE
 * prints {"ms": …}; its peak memory is recorded by bench/peak.js, preloaded by the caller.
 * Timing starts after modules are loaded.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/workbook/xlsx/adapter';

const silent = { out: () => undefined, err: () => undefined, errIsTTY: false, outIsTTY: false, today: () => '2021-03-01' };

async function run(mode: string, file: string): Promise<void> {
  const out = path.join(os.tmpdir(), `plancheck-bench-${process.pid}.xlsx`);
  switch (mode) {
    case 'open': {
      const wb = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file)));
      await wb.readGrid();
      return;
    }
    case 'validate':
      await main(['validate', file, '--format', 'json'], silent);
      return;
    case 'summary':
      await main(['summary', file, '-o', out], silent);
      return;
    case 'highlight':
      await main(['highlight', file, '-o', out], silent);
      return;
    case 'exceljs': {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
      return;
    }
    case 'exceljs-stream': {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
      for await (const sheet of reader) for await (const row of sheet) void row;
      return;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const [mode, file] = process.argv.slice(2);
const start = process.hrtime.bigint();
run(mode, file)
  .then(() => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    process.stdout.write(JSON.stringify({ ms: Math.round(ms) }) + '\n');
  })
  .catch((e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });

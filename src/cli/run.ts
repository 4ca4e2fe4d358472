/**
 * How `plancheck` runs: the launcher starts the CLI in a child Node process whose JavaScript
 * heap is capped (`--max-old-space-size`), so no workbook, however large or hostile, takes
 * PlanCheck past its memory bound. A workbook that would need more ends with one plain line
 * and exit code 2, never with V8's crash report.
 *
 * Why: V8 lets its heap grow to several times what is live before it collects, so the same
 * 100,000-action plan peaked anywhere from 330 to 450 MB from run to run; under a 200 MB cap
 * the collector works harder near it instead (320-340 MB for the process, plus about 40 MB
 * for the launcher). Why a process and not a worker thread: a worker's
 * resourceLimits are best-effort, and one large allocation past them aborts the whole process
 * (nodejs/node#47224), report and all.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { EXIT } from './exit'; // not './main': the launcher stays small (about 40 MB)

/** The heap the CLI may use, in MB (PLANCHECK_MAX_HEAP_MB overrides it; see the README). */
export const DEFAULT_MAX_HEAP_MB = 200;

/** The heap cap: PLANCHECK_MAX_HEAP_MB when it is a sensible number of MB, else the default. */
export function maxHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PLANCHECK_MAX_HEAP_MB);
  return Number.isInteger(v) && v >= 16 && v <= 65536 ? v : DEFAULT_MAX_HEAP_MB;
}

/**
 * The V8 flags the CLI runs under (the benchmarks use the same). Under a cap this small V8
 * grows the heap by about 1.3x between full collections, so a 100,000-action plan (70 MB of
 * grid, then 70 MB of report) was collected a dozen times while it was read; growing 4x
 * between collections (up to the cap) made `validate` there about 12% faster at the same peak
 * (2 Dec: median 2,452 vs 2,798 ms, peak 297-327 vs 309-326 MB, five runs each).
 */
export function heapFlags(heap = maxHeapMb()): string[] {
  return [`--max-old-space-size=${heap}`, '--heap-growing-percent=300'];
}

// The start of V8's report when the heap cap is reached (it begins a line; plan text and file
// names in PlanCheck's own messages never do).
const OOM = /^<--- Last few GCs --->|^FATAL ERROR: /m;

/** Runs the CLI with `argv` in a heap-capped child process; resolves to the exit code. */
export function runCli(argv: string[]): Promise<number> {
  const heap = maxHeapMb();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...heapFlags(heap), path.join(__dirname, 'child.js'), ...argv], {
      stdio: ['inherit', 'inherit', 'pipe'],
      env: { ...process.env, PLANCHECK_STDERR_TTY: process.stderr.isTTY ? '1' : '' },
    });
    // From V8's report on, stderr is held back: it is replaced by one plain line if the process
    // then dies of it, and passed on as it was otherwise.
    let held: string | null = null;
    child.stderr.on('data', (chunk: Buffer) => {
      if (held !== null) {
        held += chunk.toString('utf8');
        return;
      }
      const text = chunk.toString('utf8');
      const at = text.search(OOM);
      if (at < 0) {
        process.stderr.write(chunk);
        return;
      }
      if (at > 0) process.stderr.write(text.slice(0, at));
      held = text.slice(at);
    });
    child.on('error', (e) => {
      process.stderr.write(`plancheck: could not start: ${e.message}\n`);
      resolve(EXIT.unusable);
    });
    child.on('close', (code, signal) => {
      const died = signal !== null || code === 134;
      if (held !== null && !died) process.stderr.write(held);
      if (died && held !== null) {
        process.stderr.write(
          `plancheck: this needs more than the ${heap} MB of memory PlanCheck allows itself, so it stopped before finishing. ` +
            `Check one sheet at a time with --sheet, or split the plan; PLANCHECK_MAX_HEAP_MB raises the limit.\n`,
        );
        resolve(EXIT.unusable);
      } else if (signal) {
        process.stderr.write(`plancheck: stopped (${signal}).\n`);
        resolve(EXIT.unusable);
      } else resolve(code ?? EXIT.unusable);
    });
  });
}

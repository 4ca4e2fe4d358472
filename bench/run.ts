/**
 * `npm run bench [-- --quick] [-- --check]`: measures PlanCheck on synthetic plans and writes
 * BENCHMARKS.md and bench/results.json. --quick runs 1,000 and 10,000 actions only; --check
 * exits 1 when a budget is missed; --render only rewrites BENCHMARKS.md from bench/results.json. Not part of the unit tests: timings belong here.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type RawCell,
  type WorkbookGrid,
  buildSummary,
  checkWorkbook,
  highlightMarks,
  rangeA1,
  readPlan,
  resolveSettings,
} from '../src/core';
import { OfficeWorkbook } from '../src/workbook/office/adapter';
import { coreTiming } from './coretime';
import { XlsxWorkbook } from '../src/workbook/xlsx/adapter';
import { decodeEntities, TOK_EOF, XmlScanner } from '../src/workbook/xlsx/xml';
import { FakeExcel } from '../test/fakes/excel';
import { heapFlags } from '../src/cli/run';
import { writePlan } from './generate';

const ROOT = path.join(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const check = args.includes('--check');
const SIZES = quick ? [1000, 10000] : [1000, 10000, 100000];
const LAYOUTS = ['blocks', 'flat'] as const;
const settings = resolveSettings({});

// Opening and validating: how many times each, in turn.
const PAIRS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (s: string) => process.stderr.write(`${s}\n`);

// The CLI's own modes run under the heap cap the launcher gives the CLI process (src/cli/run.ts).
const CLI_MODES = new Set(['validate', 'summary', 'highlight']);

// Preloaded into every measured process: records that process's own peak memory (VmHWM).
const PEAK = path.join(ROOT, 'bench', 'peak.js');

/** Runs `node [flags] -r peak.js args…`; its peak memory in MB, or NaN. */
function withPeak(args: string[]): { status: number | null; stdout: string; peakMB: number } {
  const file = path.join(os.tmpdir(), `plancheck-peak-${process.pid}`);
  fs.rmSync(file, { force: true });
  const r = spawnSync(process.execPath, ['-r', PEAK, ...args], {
    encoding: 'utf8',
    timeout: 300000,
    env: { ...process.env, PLANCHECK_PEAK_FILE: file },
  });
  const peakMB = fs.existsSync(file) ? Math.round(Number(fs.readFileSync(file, 'utf8')) / 1024) : Number.NaN;
  return { status: r.status, stdout: r.stdout, peakMB };
}

function measure(mode: string, file: string): { ms: number; maxRssMB: number } {
  const flags = CLI_MODES.has(mode) ? heapFlags() : [];
  const r = withPeak([...flags, path.join(__dirname, 'measure.js'), mode, file]);
  if (r.status !== 0) return { ms: Number.NaN, maxRssMB: Number.NaN };
  return { ms: (JSON.parse(r.stdout.trim()) as { ms: number }).ms, maxRssMB: r.peakMB };
}

/** Peak memory of the launcher process alone (it starts the CLI process and waits for it). */
function launcherMB(): number {
  return withPeak([path.join(ROOT, 'bin', 'plancheck.js'), '--version']).peakMB;
}

/**
 * Only opening and validating, `n` times each, one after the other in turn: their medians, and
 * the median of each pair's validate / open (a pair's two runs are seconds apart, so a change
 * in how busy the shared machine is falls on both sides of its ratio).
 */
function paired(
  file: string,
  n: number,
): { open: { ms: number; maxRssMB: number }; validate: { ms: number; maxRssMB: number }; ratio: number } {
  const open: { ms: number; maxRssMB: number }[] = [];
  const validate: { ms: number; maxRssMB: number }[] = [];
  for (let i = 0; i < n; i++) {
    open.push(measure('open', file));
    validate.push(measure('validate', file));
  }
  const ratio = median(open.map((o, i) => validate[i].ms / o.ms));
  return { open: medianRun(open), validate: medianRun(validate), ratio };
}

/** The median time and the median peak of some runs. */
function medianRun(runs: { ms: number; maxRssMB: number }[]): { ms: number; maxRssMB: number } {
  return { ms: median(runs.map((r) => r.ms)), maxRssMB: median(runs.map((r) => r.maxRssMB)) };
}

function repeat(mode: string, file: string, n: number): { ms: number; maxRssMB: number } {
  return medianRun(Array.from({ length: n }, () => measure(mode, file)));
}

/**
 * The before-and-after table bench/before-after.js wrote (two builds measured in one run), as a
 * section of BENCHMARKS.md; nothing when it has not been run.
 */
function beforeAfter(): string {
  const file = path.join(ROOT, 'bench', 'before-after.md');
  if (!fs.existsSync(file)) return '';
  return `## Before and after (two builds measured in one run: \`node bench/before-after.js\`)\nBefore: 8f46050, main when issue #14 was taken up; after: the commit this file was written at.\n\n${fs.readFileSync(file, 'utf8').trim()}\n\n`;
}

/** "1.99–2.27x": validate over open at 100,000 actions. */
function atScaleRatios(rows: Record<string, unknown>[]): string {
  const r = rows.filter((x) => x.actions === 100000).map((x) => x.timeRatio as number);
  return r.length ? `${Math.min(...r)}–${Math.max(...r)}x` : 'not measured';
}

/** The core's steady rate and its first, cold run (bench/coretime.ts). */
async function coreRow(file: string, actions: number): Promise<{ coreActionsPerSec: number; coreFirstMs: number }> {
  const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
  const { rate, firstMs } = coreTiming(grid, actions);
  return { coreActionsPerSec: rate, coreFirstMs: firstMs };
}

/** Check + Highlight + Build summary through the Office adapter against the strict fake. */
async function officeRun(file: string): Promise<{ officeSyncs: number; officeMaxPayloadMB: number; officeMovedMB: number }> {
  const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
  const excel = new FakeExcel();
  for (const s of grid.sheets) {
    const sheet = excel.model.addSheet(s.name);
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => cell && Object.assign(sheet.cell(r, c), { value: cell.value, numberFormat: cell.format ?? 'General' })),
    );
    sheet.merges = s.merges.map((m) => rangeA1(m));
  }
  const wb = new OfficeWorkbook(excel.run, excel.isSetSupported);
  const result = checkWorkbook(await wb.readGrid(), { file: 'bench', today: '2021-03-01', settings });
  await wb.applyHighlights(highlightMarks(result));
  await wb.writeSheet(buildSummary(result, settings));
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100;
  // Named as the columns of a result row, which they are.
  return {
    officeSyncs: excel.syncs,
    officeMaxPayloadMB: mb(Math.max(excel.maxRequestBytes, excel.maxResponseBytes)),
    officeMovedMB: mb(excel.bytesMoved),
  };
}

async function pane(): Promise<{ initialGzipKB: number; xlsxInInitial: boolean; interactiveMs: number | null }> {
  const dist = path.join(ROOT, 'dist');
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // Minified HTML may leave attribute values unquoted.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith('http'));
  const initial = scripts.map((s) => fs.readFileSync(path.join(dist, s)));
  const initialGzipKB = Math.round(initial.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024);
  const xlsxInInitial = initial.some((b) => b.includes('PlanCheck_Generated') && b.includes('customXml'));
  let interactiveMs: number | null = null;
  try {
    process.env.PLANCHECK_DIST = dist;
    const { launch, openPage, serveDist } = await import('../test/e2e/browser');
    const server = await serveDist();
    const browser = await launch();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page } = await openPage(browser, `${server.url}/taskpane.html`);
      await page.getByRole('button', { name: 'Open a workbook…' }).waitFor();
      runs.push(await page.evaluate(() => Math.round(performance.now())));
      await page.context().close();
    }
    interactiveMs = median(runs);
    await browser.close();
    await server.close();
  } catch (e) {
    log(`pane timing skipped: ${(e as Error).message}`);
  }
  return { initialGzipKB, xlsxInInitial, interactiveMs };
}

/**
 * The XML scanner on hostile input (runs of '&', '<', unclosed quotes and comments): the time at
 * 2,000,000 characters over the time at 500,000. Linear work gives about 4; quadratic, 16.
 */
function scannerScaling(): { worstRatio: number; slowestMs: number } {
  const inputs = (n: number) => [
    '&'.repeat(n),
    '<a '.repeat(n / 2),
    '<!DOCTYPE ['.padEnd(n, '"'),
    '<a b="'.padEnd(n, 'x'),
    '<'.repeat(n),
    '<!--'.repeat(n / 4),
  ];
  const once = (s: string) => {
    const t = process.hrtime.bigint();
    const sc = new XmlScanner(s);
    while (sc.next() !== TOK_EOF) sc.text();
    decodeEntities(s);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const small = inputs(500_000);
  const large = inputs(2_000_000);
  let slowest = 0;
  const ratios = small.map((s, i) => {
    // Warmed up first, then the two sizes in turn, five each: a run of 20 ms is easily moved
    // by the compiler or a busy machine, and the first run of an input was also its slowest.
    once(s);
    const t = { small: [] as number[], large: [] as number[] };
    for (let k = 0; k < 5; k++) {
      t.small.push(once(s));
      t.large.push(once(large[i]));
    }
    slowest = Math.max(slowest, median(t.large));
    return median(t.large) / Math.max(median(t.small), 1);
  });
  return { worstRatio: Math.round(Math.max(...ratios) * 10) / 10, slowestMs: Math.round(slowest) };
}

/**
 * Plan detection over the layouts of issue #12 (a tracker with section rows, a repeated header
 * per block, legend rows, status words and a two-level header; a numbered outline): readPlan's
 * time at 100,000 actions over its time at 10,000. Linear work gives about 10.
 */
function detectionScaling(): { worstRatio: number; slowestMs: number } {
  const tracker = (n: number): WorkbookGrid => {
    const rows: (RawCell | undefined)[][] = [];
    const put = (vals: (string | number)[]) => rows.push(vals.map((v) => (v === '' ? undefined : { value: v })));
    for (let i = 0; i < n; i++) {
      if (i % 25 === 0) {
        put([`Section ${i / 25 + 1}`]);
        put(['', '', '', 'Previous Period', '', 'Current Period']);
        put(['Ref', 'Recommendation', 'Who by?', 'When?', 'Status', 'RAG']);
      }
      put([
        `R${i + 1}`,
        `Review the service area number ${i}`,
        i % 7 ? 'Head of Service' : '',
        i % 3 ? 'Q2 2021/22' : '31st March 2022',
        i % 2 ? 'In Progress' : 'Implemented',
        i % 4 ? 'Green' : 'Amber',
      ]);
      if (i % 500 === 499) put(['Key: Red = off track', 'Amber = some slippage', 'Green = on track']);
    }
    return { sheets: [{ name: 'Tracker', rows, merges: [] }], date1904: false };
  };
  const outline = (n: number): WorkbookGrid => {
    const rows: (RawCell | undefined)[][] = [];
    for (let i = 0; i < n; i++) {
      if (i % 10 === 0) rows.push([{ value: `${i / 10 + 1} Theme ${i / 10 + 1}` }]);
      rows.push([{ value: `${Math.floor(i / 10) + 1}.${(i % 10) + 1} Do the thing number ${i}` }]);
    }
    return { sheets: [{ name: 'Outline', rows, merges: [] }], date1904: false };
  };
  const time = (grid: WorkbookGrid) => {
    const t: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = process.hrtime.bigint();
      readPlan(grid);
      t.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    return median(t);
  };
  const ratios: number[] = [];
  let slowest = 0;
  for (const make of [tracker, outline]) {
    const small = time(make(10_000));
    const large = time(make(100_000));
    slowest = Math.max(slowest, large);
    ratios.push(large / Math.max(small, 0.5));
  }
  return { worstRatio: Math.round(Math.max(...ratios) * 10) / 10, slowestMs: Math.round(slowest) };
}

async function mainBench(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const rows: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    for (const layout of LAYOUTS) {
      const file = path.join(OUT, `plan-${layout}-${n}.xlsx`);
      if (!fs.existsSync(file)) {
        log(`generating ${path.basename(file)}`);
        await writePlan(file, layout, n);
      }
      log(`measuring ${layout} ${n}`);
      // Opening and validating alternate, so a burst of other work on this shared machine
      // falls on both rather than on one side of the ratio.
      const { open, validate, ratio } = paired(file, PAIRS);
      const summary = measure('summary', file);
      const highlight = measure('highlight', file);
      const office = await officeRun(file);
      rows.push({
        layout,
        actions: n,
        fileKB: Math.round(fs.statSync(file).size / 1024),
        ...(await coreRow(file, n)),
        openMs: open.ms,
        openMB: open.maxRssMB,
        validateMs: validate.ms,
        validateMB: validate.maxRssMB,
        timeRatio: Math.round(ratio * 100) / 100,
        memRatio: Math.round((validate.maxRssMB / open.maxRssMB) * 100) / 100,
        summaryMs: summary.ms,
        summaryMB: summary.maxRssMB,
        highlightMs: highlight.ms,
        highlightMB: highlight.maxRssMB,
        ...office,
      });
    }
  }
  const readers: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    const file = path.join(OUT, `plan-flat-${n}.xlsx`);
    for (const mode of ['open', 'exceljs', 'exceljs-stream']) {
      const r = repeat(mode, file, 3);
      readers.push({
        actions: n,
        reader: mode === 'open' ? 'PlanCheck' : mode === 'exceljs' ? 'ExcelJS load()' : 'ExcelJS stream',
        ms: r.ms,
        maxRssMB: r.maxRssMB,
      });
    }
  }
  const scanner = scannerScaling();
  const detection = detectionScaling();
  const paneResult = await pane();
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memoryGB: Math.round(os.totalmem() / 1073741824),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
  };

  const launcher = launcherMB();
  const budgets = evaluate(rows, paneResult, launcher);
  budgets.push({
    name: 'XML scanner on hostile input: 4x the characters takes at most 6x the time (linear)',
    ok: scanner.worstRatio <= 6,
    value: `worst ${scanner.worstRatio}x; slowest ${scanner.slowestMs} ms at 2,000,000 characters`,
  });
  budgets.push({
    name: 'plan detection (trackers, section rows, two-level headers, outlines): 10x the rows takes at most 12x the time (linear)',
    ok: detection.worstRatio <= 12,
    value: `worst ${detection.worstRatio}x; slowest ${detection.slowestMs} ms at 100,000 actions`,
  });
  save({ machine, quick, rows, readers, pane: paneResult, scanner, detection, launcherMB: launcher, budgets });
  if (check && budgets.some((b) => !b.ok)) process.exit(1);
}

const RESULTS = path.join(ROOT, 'bench', 'results.json');

/** Writes bench/results.json and BENCHMARKS.md from the results, and logs each budget. */
function save(results: Parameters<typeof markdown>[0] & Record<string, unknown>): void {
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(results));
  log(`wrote BENCHMARKS.md and bench/results.json`);
  for (const b of results.budgets) log(`${b.ok ? 'ok    ' : 'MISSED'} ${b.name}: ${b.value}`);
}

type Row = Record<string, number | string>;

function evaluate(rows: Record<string, unknown>[], p: { initialGzipKB: number; xlsxInInitial: boolean }, launcher: number) {
  const r = rows as Row[];
  const out: { name: string; ok: boolean; value: string }[] = [];
  const minRate = Math.min(...r.map((x) => x.coreActionsPerSec as number));
  out.push({
    name: 'core: at least 100,000 actions per second',
    ok: minRate >= 100000,
    value: `slowest ${minRate.toLocaleString('en-GB')}/s`,
  });
  // Issue #14: at 100,000 actions, where the work is the plan's and not the process's start.
  const atScale = r.filter((x) => x.actions === 100000);
  const worstTime = Math.max(...(atScale.length ? atScale : r).map((x) => x.timeRatio as number));
  out.push({
    name: 'validate: at most 2x the time of only opening the file, at 100,000 actions',
    ok: worstTime <= 2,
    value: `worst ${worstTime}x`,
  });
  const worstMem = Math.max(...r.map((x) => x.memRatio as number));
  out.push({ name: 'validate: peak memory at most 2x only opening', ok: worstMem <= 2, value: `worst ${worstMem}x` });
  const big = r.filter((x) => x.actions === 100000);
  if (big.length) {
    const ms = Math.max(...big.map((x) => x.validateMs as number));
    const mb = Math.max(...big.map((x) => Math.max(x.validateMB as number, x.summaryMB as number)));
    out.push({ name: '100,000 actions: validate under 10 s', ok: ms < 10000, value: `${ms} ms` });
    out.push({
      name: '100,000 actions: validate and summary under 400 MB peak (the CLI process plus the launcher)',
      ok: mb + launcher < 400,
      value: `${mb} + ${launcher} = ${mb + launcher} MB`,
    });
  }
  const syncs = (n: number) => r.filter((x) => x.actions === n).map((x) => x.officeSyncs as number);
  const largest = Math.max(...SIZES);
  const grow = Math.max(...syncs(largest)) - Math.max(...syncs(1000));
  out.push({
    name: `Office adapter: the same syncs at 1,000 and ${largest.toLocaleString('en-GB')} actions`,
    ok: grow === 0,
    value: `${Math.max(...syncs(1000))} vs ${Math.max(...syncs(largest))}`,
  });
  const payload = Math.max(...r.map((x) => x.officeMaxPayloadMB as number));
  out.push({ name: 'Office adapter: no batch over 5 MB', ok: payload <= 5, value: `largest ${payload} MB` });
  out.push({
    name: 'task pane initial JavaScript at most 200 KB gzip, without the xlsx library',
    ok: p.initialGzipKB <= 200 && !p.xlsxInInitial,
    value: `${p.initialGzipKB} KB${p.xlsxInInitial ? ' (xlsx included!)' : ''}`,
  });
  return out;
}

function table(rows: Record<string, unknown>[], cols: [string, string][]): string {
  const head = `| ${cols.map(([, h]) => h).join(' | ')} |\n|${cols.map(() => '---').join('|')}|\n`;
  return (
    head +
    rows
      .map(
        (r) => `| ${cols.map(([k]) => (typeof r[k] === 'number' ? (r[k] as number).toLocaleString('en-GB') : String(r[k]))).join(' | ')} |`,
      )
      .join('\n') +
    '\n'
  );
}

function markdown(res: {
  machine: Record<string, unknown>;
  quick: boolean;
  launcherMB: number;
  rows: Record<string, unknown>[];
  readers: Record<string, unknown>[];
  pane: { initialGzipKB: number; interactiveMs: number | null };
  budgets: { name: string; ok: boolean; value: string }[];
}): string {
  const m = res.machine;
  return `# Benchmarks

Written by \`npm run bench${res.quick ? ' -- --quick' : ''}\` on ${m.date}: ${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}.
Plans are synthetic and reproducible (fixed seed, \`bench/generate.ts\`): block layout (headings, headers, numbered
actions, leads merged down over three actions) and flat layout (workstream merged down), with text dates in several
forms, Cyrillic "ТВС", blanks and percentages as text. End-to-end figures are medians of separate processes
(open and validate: ${PAIRS} each, taken in turn, and "validate / open" is the median of each pair's ratio; summary and highlight: one); memory is each process's own peak resident set (VmHWM). The command-line rows run under the heap
cap the \`plancheck\` launcher gives its CLI process (\`${heapFlags().join(' ')}\`, src/cli/run.ts); the launcher
itself adds ${res.launcherMB} MB, counted in the 400 MB budget. "core actions/s" is check + summary + highlight on a
grid already read, as the pane re-checks after an edit, timed once warm (the median of the later half of about four
seconds of runs, at least nine, bench/coretime.ts); "first check ms" is the first, cold run. Raw numbers: \`bench/results.json\`.

## Budgets (\`npm run bench -- --check\`)
${res.budgets.map((b) => `- ${b.ok ? '✅' : '❌'} ${b.name}: ${b.value}`).join('\n')}

${beforeAfter()}## Core and command line
${table(res.rows, [
  ['layout', 'layout'],
  ['actions', 'actions'],
  ['fileKB', 'file KB'],
  ['coreActionsPerSec', 'core actions/s'],
  ['coreFirstMs', 'first check ms'],
  ['openMs', 'open ms'],
  ['openMB', 'open MB'],
  ['validateMs', 'validate ms'],
  ['validateMB', 'validate MB'],
  ['timeRatio', 'time ×'],
  ['memRatio', 'memory ×'],
  ['summaryMs', 'summary ms'],
  ['summaryMB', 'summary MB'],
  ['highlightMs', 'highlight ms'],
])}
"open" is only opening the file with the project's own xlsx reader (unzip, parse every sheet into the raw grid);
"validate" is \`plancheck validate --format json\` end to end in the same kind of process. Highlight has no figure at
100,000 actions: it is refused (more than 25,000 cells to mark; see SECURITY.md).

## Office adapter against the strict fake Excel (Check + Highlight + Build summary)
${table(res.rows, [
  ['layout', 'layout'],
  ['actions', 'actions'],
  ['officeSyncs', 'context.sync() calls'],
  ['officeMaxPayloadMB', 'largest batch MB'],
  ['officeMovedMB', 'MB moved'],
])}

## xlsx readers on the same flat files
${table(res.readers, [
  ['actions', 'actions'],
  ['reader', 'reader'],
  ['ms', 'ms'],
  ['maxRssMB', 'peak MB'],
])}
ExcelJS's whole-workbook \`load()\` also never finishes on a 1.6 KB file with one merge over \`H3:XFD1048576\`
(docs/XLSX-READER.md); its streaming reader gives no merges. npm's \`xlsx\` 0.18.5 was not considered (known CVEs).

## Task pane
- Initial JavaScript in Excel mode: ${res.pane.initialGzipKB} KB gzip (the xlsx adapter is a separate chunk loaded only when a file is opened).
- Navigation to an interactive pane (file mode, headless Chromium, served from localhost): ${res.pane.interactiveMs ?? 'not measured'} ms (median of 5).

## How memory is bounded
A 100,000-action plan peaked at 496–599 MB before this round (and 695–858 MB before the last). What changed:
cell text cut from the sheet XML was a view into it, so the whole sheet (95 MB as a string) lived as long as the
grid; large parts now stay compressed and are read in 4 MB pieces; kept text, messages and reasons are stored
flat at one byte per character where possible; a row's fields are made on access; \`validate\` keeps only the
report once checked. Then the CLI process got a 200 MB heap cap: without it V8 let the heap grow to several times
what is live, and the same run peaked anywhere from 330 to 450 MB. With the file limits (50 MB, 2,000,000 cells)
no input takes it past the cap; one that would gets a plain message and exit code 2. Highlight at 100,000 actions
is refused (over 100,000 cells to mark; the limit is 25,000), so its figure there is the time to refuse.

## Where budgets are missed or close, why, and what it would take
- **Core at least 100,000 actions/s** (this run: ${Math.min(...res.rows.map((r) => r.coreActionsPerSec as number)).toLocaleString('en-GB')}–${Math.max(...res.rows.map((r) => r.coreActionsPerSec as number)).toLocaleString('en-GB')}/s).
  Met with room since 2 Dec (the slowest plan was at 83,000–141,000/s the day before). What made the gain, over two
  rounds: findings keep their facts and write their message when read; a record's fields are read once, into one
  record reused for every action (\`FieldReader\`); RAG is worked out once per target and percentage, and a target
  cell once per text or date; lead lists, milestone lists and empty histories are shared by the records that have
  the same text; findings are sorted on one packed number each; highlight marks are found by row instead of in one
  map of every cell; the rules raise findings straight and a record's stated RAG is refilled per record. A check of
  the flat 100,000-action plan allocates about 100 MB by V8's sampling heap profiler (153 MB earlier on 2 Dec,
  measured the same way). What is left is mostly what outlives the check: the report (16 MB of action records)
  and the findings (134,000 on the flat plan, 74,000 on the block plan), which the collector copies once or twice.
- **validate at ${atScaleRatios(res.rows)} the time of only opening at 100,000 actions** (budget: 2x; each pair's
  ratio, the median of seven pairs; on 2 Dec met in two full runs in a row, 1.9x and 1.77x on the block plan). On the block
  plan validate adds 0.65–1 s to the 0.9–1.4 s of opening (2 Dec, laps in one process under the CLI's heap cap):
  reading the plan from the grid 0.14–0.25 s, checking 0.27–0.48 s (cold: the first and only check in the process;
  about 0.1 s of it collecting, most of it one full collection while grid, plan and report are all live), writing
  the 101 MB report 0.22–0.36 s (findings' messages written already escaped, one template per action, workstream
  and finding, bytes as JSON.stringify gives). Once the report is made the command keeps only it: the heap live
  while it is written went from 119 to 65 MB. validate leans on the second core (the background compiler, the
  parallel collector) and opening hardly does, so on this shared machine the ratio moves by ±0.2 from pair to pair
  and the same work took 1.55–2.2 s within minutes; "open" is measured without the CLI's heap cap (with it, the
  same: 0.92–1.13 s against 0.96–1.08 s).
- **Office adapter syncs grow with size.** Excel on the web refuses requests or responses over 5 MB, so reading a
  100,000-action plan (tens of MB of text: "MB moved" above) cannot fit in a fixed number of round trips: the
  adapter pages reads to stay under ~4 MB each. The count is constant (3 reads + 2 writes + the edit check …) up to
  plans whose text fits in one response, and then grows by about one per 2 MB moved (reads and the summary's and
  highlights' writes: the flat plan goes from 14 syncs for 0.5 MB to 40 for 52 MB). Since 1 Dec two more things add
  syncs: a sheet with more than 512 merged areas (getMergedAreasOrNullObject's limit; the bench's block plans merge
  leads down, 36,000 areas at 100,000 actions) has its merges read in bands, 16 bands a sync, and blank cells in a
  RAG or Status column have their fills read (one or two syncs). Only loading fewer columns (skipping ones no rule
  reads) would cut the rest; it cannot reach a constant count for plans of tens of MB.
`;
}

if (args.includes('--render')) {
  // Rewrites BENCHMARKS.md from bench/results.json (after editing the text above), without measuring.
  const saved = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(saved));
} else if (args.includes('--office')) {
  // Measures again only the Office adapter's figures (sync counts and bytes do not depend on how
  // busy the machine is) into bench/results.json, judges their budgets again, rewrites BENCHMARKS.md.
  void (async () => {
    const saved = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    for (const row of saved.rows) {
      Object.assign(row, await officeRun(path.join(OUT, `plan-${row.layout}-${row.actions}.xlsx`)));
    }
    const fresh = evaluate(saved.rows, saved.pane, saved.launcherMB).filter((b) => b.name.startsWith('Office adapter'));
    saved.budgets = saved.budgets.map((b: { name: string }) => (b.name.startsWith('Office adapter') ? fresh.shift() : b));
    save(saved);
  })();
} else void mainBench();

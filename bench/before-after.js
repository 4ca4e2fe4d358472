/**
 * Before and after on this machine in one run (issue #14 asks for both figures from the same
 * run): two builds of the bench (`tsc -p tsconfig.bench.json` in each checkout) measured on the
 * same plans, alternating, each measurement in its own process.
 *   node bench/before-after.js BEFORE/dist/bench AFTER/dist/bench > bench/before-after.md
 * Core: bench/coretime.ts of the after build, given each build's core. validate (under the flags each build's launcher gives its CLI)
 * and open: `measure.js`, 5 runs each in turn, at 100,000 actions; "× open" is the median of each pair's ratio.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const [before, after] = process.argv.slice(2).map((p) => path.resolve(p));
const OUT = path.join(__dirname, 'out');
const PLANS = [1000, 10000, 100000].flatMap((n) =>
  ['blocks', 'flat'].map((l) => ({ layout: l, n, file: path.join(OUT, `plan-${l}-${n}.xlsx`) })),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The core timed in a fresh process against one build, as this build's bench times it.
const CORE = `
const fs = require('node:fs');
const [timing, dist, file, n] = process.argv.slice(1);
const { coreTiming } = require(timing);
const core = require(dist + '/src/core/index.js');
const { XlsxWorkbook } = require(dist + '/src/workbook/xlsx/adapter.js');
(async () => {
  const grid = await XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))).readGrid();
  process.stdout.write(JSON.stringify(coreTiming(grid, Number(n), core)));
})();`;

function core(dist, plan) {
  const r = spawnSync(process.execPath, ['-e', CORE, path.join(after, 'bench', 'coretime.js'), dist, plan.file, String(plan.n)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function measure(dist, mode, file) {
  // validate under the flags each build's launcher gives its CLI process, as the bench runs it.
  const flags = mode === 'validate' ? require(path.join(dist, 'src', 'cli', 'run.js')).heapFlags() : [];
  const r = spawnSync(process.execPath, [...flags, path.join(dist, 'bench', 'measure.js'), mode, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()).ms;
}

const rows = [];
for (const plan of PLANS) {
  const b = [];
  const a = [];
  // Alternating, so a slow moment of the machine falls on both.
  for (let i = 0; i < 2; i++) {
    b.push(core(before, plan));
    a.push(core(after, plan));
  }
  const row = { ...plan, before: median(b.map((x) => x.rate)), after: median(a.map((x) => x.rate)) };
  if (plan.n === 100000) {
    const t = { bv: [], bo: [], av: [], ao: [] };
    for (let i = 0; i < 5; i++) {
      t.bo.push(measure(before, 'open', plan.file));
      t.bv.push(measure(before, 'validate', plan.file));
      t.ao.push(measure(after, 'open', plan.file));
      t.av.push(measure(after, 'validate', plan.file));
    }
    Object.assign(row, {
      beforeValidate: median(t.bv),
      beforeOpen: median(t.bo),
      afterValidate: median(t.av),
      afterOpen: median(t.ao),
      // Each validate over the open run just before it: the same moment of the machine.
      beforeRatio: median(t.bv.map((v, i) => v / t.bo[i])),
      afterRatio: median(t.av.map((v, i) => v / t.ao[i])),
    });
  }
  rows.push(row);
  process.stderr.write(`${plan.layout} ${plan.n} done\n`);
}

const f = (n) => n.toLocaleString('en-GB');
const x = (ratio) => `${ratio.toFixed(2)}×`;
const lines = [
  '| layout | actions | core actions/s before | after | validate ms before (× open) | after (× open) |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.layout} | ${f(r.n)} | ${f(r.before)} | ${f(r.after)} | ${r.beforeValidate ? `${f(r.beforeValidate)} (${x(r.beforeRatio)})` : ''} | ${r.afterValidate ? `${f(r.afterValidate)} (${x(r.afterRatio)})` : ''} |`,
  ),
];
process.stdout.write(lines.join('\n') + '\n');

#!/usr/bin/env node
'use strict';
// The README's first command runs this: the main job on the bundled examples.
// Plain Node so it works the same on Windows, macOS and Linux.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'plancheck.js');
const steps = [
  ['validate', 'examples/best-value-action-plan.xlsx', '--as-of', '2020-02-01'],
  ['validate', 'examples/strategic-summary-mc002.xlsx'],
  ['summary', 'examples/strategic-summary-mc002.xlsx', '-o', 'out/strategic-summary.xlsx'],
  ['summary', 'examples/best-value-action-plan.xlsx', '-o', 'out/action-plan-summary.xlsx', '--as-of', '2020-02-01'],
  ['highlight', 'examples/action-plan-flat.xlsx', '-o', 'out/action-plan-flat-highlighted.xlsx'],
];
fs.mkdirSync(path.join(root, 'out'), { recursive: true });
let failed = false;
for (const args of steps) {
  process.stdout.write(`\n$ plancheck ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  // Exit 1 means "error findings": that is the report doing its job, not a failure.
  if (r.status !== 0 && r.status !== 1) failed = true;
}
process.stdout.write(failed ? '\nSome steps failed (see above).\n' : '\nDone: the summary workbooks are in out/.\n');
process.exit(failed ? 2 : 0);

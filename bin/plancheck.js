#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli`, and runs in a
// heap-capped worker (src/cli/run.ts) so that no workbook can take it past its memory bound.
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'run.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('plancheck: not built yet. Run `npm run build:cli` (or `npm install`) first.\n');
  process.exit(2);
}
require(entry)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

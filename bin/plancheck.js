#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli`.
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('plancheck: not built yet. Run `npm run build:cli` (or `npm install`) first.\n');
  process.exit(2);
}
// A reader that stops early (`plancheck compare a b | head`) closes the pipe: that is not a
// failure, and must not end in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
require(entry).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

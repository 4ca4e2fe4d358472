// Preloaded (-r) into a process by the benchmarks and the hostile-file tests: on exit, writes
// the process's own peak resident memory in KB to PLANCHECK_PEAK_FILE. Not shipped.
'use strict';
const fs = require('fs');

// VmHWM is this process's own high-water mark. getrusage's maxRSS is not, on Linux: it starts
// from the parent's size at fork (a big Jest worker), which would hide what the CLI used.
function peakKB() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  if (process.env.PLANCHECK_PEAK_FILE) fs.writeFileSync(process.env.PLANCHECK_PEAK_FILE, String(peakKB()));
});

// Preloaded (-r) into the CLI's own process by the hostile-file tests: on exit, writes the
// process's peak resident memory in KB to PLANCHECK_PEAK_FILE. Test-only; not shipped.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  if (process.env.PLANCHECK_PEAK_FILE) fs.writeFileSync(process.env.PLANCHECK_PEAK_FILE, String(process.resourceUsage().maxRSS));
});

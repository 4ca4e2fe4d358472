/**
 * A jest reporter that adds this run's counts to test/.tmp/tally.json, so .ci/run can close
 * with one plain line ("N passed, N failed") over the unit and browser runs together.
 */
const fs = require('fs');
const path = require('path');

class TallyReporter {
  onRunComplete(_contexts, results) {
    const file = path.join(__dirname, '.tmp', 'tally.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let tally = { passed: 0, failed: 0, skipped: 0 };
    try {
      tally = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // first run of the sequence
    }
    tally.passed += results.numPassedTests;
    tally.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
    tally.skipped += results.numPendingTests;
    fs.writeFileSync(file, JSON.stringify(tally));
  }
}

module.exports = TallyReporter;

/** The README's first command ends in `npm run demo`: it must work on a fresh checkout. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

it('npm run demo validates the examples and writes the summary workbooks to out/', () => {
  fs.rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.js')], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Done: the summary workbooks are in out/.');
  for (const f of ['strategic-summary.xlsx', 'action-plan-summary.xlsx', 'action-plan-flat-highlighted.xlsx']) {
    expect(fs.statSync(path.join(ROOT, 'out', f)).size).toBeGreaterThan(1000);
  }
});

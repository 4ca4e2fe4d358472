#!/usr/bin/env node
'use strict';
// `npm start`: sideload into Excel where Excel exists (Windows, macOS, via
// office-addin-debugging); otherwise say so clearly and serve the pane on https://localhost:3000.
const { spawn } = require('child_process');
const path = require('path');

const stop = process.argv.includes('--stop');
const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function has(mod) {
  try {
    require.resolve(mod, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

const desktopExcel = process.platform === 'win32' || process.platform === 'darwin';
if (desktopExcel && has('office-addin-debugging')) {
  const args = [stop ? 'stop' : 'start', 'manifest.xml'];
  if (!stop) args.push('desktop', '--app', 'excel');
  spawn(bin('office-addin-debugging'), args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => process.exit(code ?? 1));
} else if (stop) {
  process.stdout.write('Nothing to stop: PlanCheck was not sideloaded on this machine.\n');
} else {
  process.stdout.write(
    desktopExcel
      ? 'office-addin-debugging is not installed, so PlanCheck cannot sideload itself. Install it with `npm install -D office-addin-debugging office-addin-dev-certs`, or sideload manifest.xml by hand (see README, "Use it in Excel").\n'
      : 'There is no desktop Excel on this machine. To try PlanCheck in Excel on the web, upload manifest.xml (Home > Add-ins > More add-ins > Upload My Add-in) while this server runs.\n',
  );
  process.stdout.write('Serving the task pane at https://localhost:3000/taskpane.html (Ctrl+C to stop).\n');
  spawn(bin('webpack'), ['serve', '--mode', 'development'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => process.exit(code ?? 1));
}

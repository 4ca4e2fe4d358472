#!/usr/bin/env node
'use strict';
// `npm start`, as in Microsoft's Office add-in templates: `office-addin-debugging start
// manifest.xml` sideloads PlanCheck into desktop Excel (Windows, macOS) and starts the dev
// server (`npm run dev-server`). Elsewhere (Linux, no Excel) it says so plainly and serves
// the pane on https://localhost:3000, for Excel on the web or the page.
// `npm start -- web` sideloads into Excel on the web instead (office-addin-debugging's "web").
const { spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');

/** What `npm start` (or `npm run stop`) does on this platform: a command and a message. */
function plan({ platform, stop, hasDebugging, extra = [] }) {
  const desktopExcel = platform === 'win32' || platform === 'darwin';
  if ((desktopExcel || extra.includes('web')) && hasDebugging) {
    const args = stop ? ['stop', 'manifest.xml'] : ['start', 'manifest.xml', ...(extra.includes('web') ? ['web'] : ['desktop', '--app', 'excel'])];
    return { command: 'office-addin-debugging', args, message: '' };
  }
  if (stop) return { command: null, args: [], message: 'Nothing to stop: PlanCheck was not sideloaded on this machine.\n' };
  const message = desktopExcel
    ? 'office-addin-debugging is not installed (run `npm install -D office-addin-debugging` once), so PlanCheck cannot sideload itself. Sideload manifest.xml by hand (see README, "Use it in Excel").\n'
    : 'There is no desktop Excel on this machine. To try PlanCheck in Excel on the web, upload manifest.xml (Home > Add-ins > More add-ins > Upload My Add-in) while this server runs.\n';
  return { command: 'webpack', args: ['serve', '--mode', 'development'], message: `${message}Serving the task pane at https://localhost:3000/taskpane.html (Ctrl+C to stop).\n` };
}

module.exports = { plan };

if (require.main === module) {
  const has = (mod) => {
    try {
      require.resolve(mod, { paths: [root] });
      return true;
    } catch {
      return false;
    }
  };
  const stop = process.argv.includes('--stop');
  const extra = process.argv.slice(2).filter((a) => a !== '--stop');
  const { command, args, message } = plan({ platform: process.platform, stop, hasDebugging: has('office-addin-debugging'), extra });
  if (message) process.stdout.write(message);
  if (command) {
    const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${command}.cmd` : command);
    spawn(bin, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => process.exit(code ?? 1));
  }
}

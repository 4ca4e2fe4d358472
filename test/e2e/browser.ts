/** Serves dist/ on localhost and drives Debian's Chromium with playwright-core. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

export const DIST = process.env.PLANCHECK_DIST ?? path.join(__dirname, '..', '..', 'dist');
export const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A static server for the production build, on 127.0.0.1 only. */
export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'taskpane.html';
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Chromium as the project machine runs it: headless, no sandbox (root), no background networking. */
export async function launch(): Promise<Browser> {
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(`Chromium not found at ${EXECUTABLE}: install it (apt-get install chromium), as .ci/run does.`);
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page that blocks every request off this machine (Office.js's CDN included) and records them. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; external: string[]; errors: string[] }> {
  // A task pane's size in Excel.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('http://127.0.0.1') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, external, errors };
}

/**
 * Waits until every running animation has finished. Fluent's Accordion animates its panel
 * open; a click whose mousedown and mouseup land either side of the panel settling hits two
 * different elements and is lost (seen as a Save that did nothing, about 1 run in 30).
 */
export async function animationsDone(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const running = document.getAnimations();
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    return running.length;
  });
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page; returns the violations. */
export async function axe(page: Page): Promise<{ id: string; help: string; nodes: number; first: string }[]> {
  // Evaluated over the DevTools protocol: the page's CSP (rightly) refuses injected script tags.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // Colours are measured once Fluent's enter animations and transitions have run: axe reads a
  // colour as it is at that moment, and color-contrast failed once in a CI run on a busy
  // machine (2 Dec) and passed on every re-run. Only finite ones are waited for (a spinner
  // turns for ever).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }> };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // Fluent's TabList adds Tabster focus sentinels (aria-hidden, tabindex 0, data-tabster-dummy) that
    // hand focus straight on; a known false positive Accessibility Insights also suppresses
    // (microsoft/fluentui#27517, by design; microsoft/accessibility-insights-web#7605). Only those are dropped.
    const real = (v: { id: string; nodes: { html: string }[] }) =>
      v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !/^<i [^>]*data-tabster-dummy/.test(n.html)) : v.nodes;
    // The first element named too, so a failure says where to look.
    return r.violations
      .filter((v) => real(v).length > 0)
      .map((v) => ({ id: v.id, help: v.help, nodes: real(v).length, first: real(v)[0].html.slice(0, 200) }));
  });
}

/** `npm run screenshots` refreshes the pictures in docs/screenshots from the browser tests. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'screenshots', name) });
}

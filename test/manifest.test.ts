/** The offline manifest check, on the real manifest and on broken copies of it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, productionManifest } = require('../scripts/check-manifest.js') as {
  checkManifest(xml: string, options?: { production?: boolean }): string[];
  productionManifest(xml: string, url: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { plan } = require('../scripts/start.js') as {
  plan(o: { platform: string; stop: boolean; hasDebugging: boolean; extra?: string[] }): { command: string | null; args: string[]; message: string };
};
const good = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('passes the offline check', () => {
    expect(checkManifest(good)).toEqual([]);
  });

  it('declares Excel, ReadWriteDocument, ExcelApi 1.9 and the two ribbon buttons', () => {
    expect(good).toContain('<Host Name="Workbook"/>');
    expect(good).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(good).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(good).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>buildSummary<\/FunctionName>/);
  });

  it.each([
    ['elements out of schema order', (x: string) => x.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/, '$2$1'), /out of order/],
    ['an unresolved resid', (x: string) => x.replace('resid="CheckPlan.Tooltip"', 'resid="Nope.Tooltip"'), /resid="Nope.Tooltip"> does not resolve/],
    ['a resid of the wrong kind', (x: string) => x.replace('<Label resid="Group.Label"/>', '<Label resid="CheckPlan.Tooltip"/>'), /must point to ShortStrings, not LongStrings/],
    ['an http URL', (x: string) => x.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), /must use https/],
    ['an id that is not a GUID', (x: string) => x.replace(/<Id>.*<\/Id>/, '<Id>plancheck</Id>'), /must be a GUID/],
    ['a three-part version', (x: string) => x.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>'), /four parts/],
    ['a duplicate button id', (x: string) => x.replace('id="PlanCheck.BuildSummary"', 'id="PlanCheck.CheckPlan"'), /used twice/],
    ['a long resource id', (x: string) => x.replaceAll('Group.Label', 'Group.Label.That.Is.Far.Too.Long.To.Be.Valid'), /longer than 32/],
    ['broken XML', (x: string) => x.replace('</Hosts>', ''), /well-formed/],
    ['the pane as the support page', (x: string) => x.replace('https://localhost:3000/help.html"/>', 'https://localhost:3000/taskpane.html"/>'), /SupportUrl> must be a support page/],
  ])('catches %s', (_name, breakIt, message) => {
    const problems = checkManifest(breakIt(good));
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('the production manifest (dist/manifest.xml)', () => {
  const production = productionManifest(good, 'https://plans.council.example/plancheck/');

  it('names no localhost anywhere and passes the production check', () => {
    expect(production).not.toMatch(/localhost/i);
    expect(checkManifest(production, { production: true })).toEqual([]);
  });

  it('is refused with localhost left in, such as an AppDomain the build does not rewrite', () => {
    const withDomain = production.replace('<Hosts>', '<AppDomains>\n    <AppDomain>https://localhost:3000</AppDomain>\n  </AppDomains>\n  <Hosts>');
    expect(checkManifest(withDomain, { production: true }).join('\n')).toMatch(/must not name localhost \(found in AppDomain\)/);
  });

  it('has a support page that the build serves with the add-in', () => {
    expect(production).toContain('<SupportUrl DefaultValue="https://plans.council.example/plancheck/help.html"/>');
    const webpack = fs.readFileSync(path.join(__dirname, '..', 'webpack.config.js'), 'utf8');
    expect(webpack).toContain("{ from: 'src/help/help.html', to: 'help.html' }");
    const help = fs.readFileSync(path.join(__dirname, '..', 'src', 'help', 'help.html'), 'utf8');
    expect(help).toMatch(/<h1>PlanCheck help<\/h1>/);
    expect(help).toMatch(/structure is protected/);
  });
});

describe('npm start', () => {
  it('sideloads with office-addin-debugging on Windows and macOS, as in Microsoft\'s templates', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    // Not a devDependency: its keytar dependency needs a native build that fails where no
    // prebuilt binary can be downloaded (CI). A developer installs it once; without it, see below.
    expect(pkg.devDependencies['office-addin-debugging']).toBeUndefined();
    expect(pkg.scripts['dev-server']).toMatch(/webpack serve/);
    for (const platform of ['win32', 'darwin']) {
      expect(plan({ platform, stop: false, hasDebugging: true })).toMatchObject({ command: 'office-addin-debugging', args: ['start', 'manifest.xml', 'desktop', '--app', 'excel'] });
      expect(plan({ platform, stop: true, hasDebugging: true })).toMatchObject({ command: 'office-addin-debugging', args: ['stop', 'manifest.xml'] });
    }
    expect(plan({ platform: 'linux', stop: false, hasDebugging: true, extra: ['web'] })).toMatchObject({ args: ['start', 'manifest.xml', 'web'] });
  });

  it('without office-addin-debugging installed, says how to install it instead of failing', () => {
    const p = plan({ platform: 'win32', stop: false, hasDebugging: false });
    expect(p.message).toMatch(/office-addin-debugging/);
  });

  it('on Linux says plainly there is no desktop Excel and serves the pane', () => {
    const p = plan({ platform: 'linux', stop: false, hasDebugging: true });
    expect(p.command).toBe('webpack');
    expect(p.message).toMatch(/^There is no desktop Excel on this machine\./);
    expect(plan({ platform: 'linux', stop: true, hasDebugging: true }).message).toMatch(/Nothing to stop/);
  });
});

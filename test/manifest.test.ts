/** The offline manifest check, on the real manifest and on broken copies of it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require('../scripts/check-manifest.js') as { checkManifest(xml: string): string[] };
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
  ])('catches %s', (_name, breakIt, message) => {
    const problems = checkManifest(breakIt(good));
    expect(problems.join('\n')).toMatch(message);
  });
});

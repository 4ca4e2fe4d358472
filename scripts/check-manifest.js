#!/usr/bin/env node
'use strict';
/**
 * Offline structural check of an add-in-only XML manifest. `office-addin-manifest validate`
 * calls a web service; CI has no network, so this checks what that service would reject:
 * element order, resid references, https URLs, the GUID id and the four-part version.
 * Usage: node scripts/check-manifest.js [--production] [manifest.xml ...]   (exit 1 when a problem is found;
 * --production also refuses localhost anywhere, as in dist/manifest.xml)
 */
const fs = require('fs');

/** A tiny XML parser for a trusted, small file: elements, attributes, text. */
function parse(xml) {
  const root = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m;
  let consumed = 0;
  while ((m = re.exec(xml))) {
    if (m.index !== consumed) throw new Error(`not well-formed XML near character ${consumed}`);
    consumed = re.lastIndex;
    const top = stack[stack.length - 1];
    if (m[6] !== undefined) top.text += m[6];
    else if (m[1] !== undefined) top.text += m[1];
    else if (m[3]) {
      if (m[2]) {
        if (top.name !== m[3]) throw new Error(`not well-formed XML: </${m[3]}> closes <${top.name}>`);
        stack.pop();
      } else {
        const attrs = {};
        for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = a[2] ?? a[3];
        const el = { name: m[3], attrs, children: [], text: '' };
        top.children.push(el);
        if (!m[5]) stack.push(el);
      }
    }
  }
  if (consumed !== xml.length || stack.length !== 1) throw new Error('not well-formed XML: unclosed elements');
  return root;
}

const local = (name) => name.split(':').pop();
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides', 'ExtendedOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions'];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Which resource list each referencing element must point into.
const RES_ELEMENTS = new Set(['Image', 'Url', 'String']);
const REF_KIND = { Label: 'ShortStrings', Title: 'ShortStrings', Description: 'LongStrings', LearnMoreUrl: 'Urls', FunctionFile: 'Urls', SourceLocation: 'Urls', Image: 'Images' };

/** The development address in manifest.xml; the production build replaces it everywhere. */
const DEV_URL = 'https://localhost:3000/';

/** The production manifest: every development URL pointed at `url` (ending in "/"). */
function productionManifest(xml, url) {
  return xml.split(DEV_URL).join(url);
}

/**
 * Returns the list of problems (empty when the manifest passes). With `production`, also
 * refuses localhost anywhere and a support page that is the pane itself.
 */
function checkManifest(xml, { production = false } = {}) {
  const problems = [];
  let doc;
  try {
    doc = parse(xml);
  } catch (e) {
    return [e.message];
  }
  const app = doc.children.find((c) => local(c.name) === 'OfficeApp');
  if (!app) return ['the root element must be OfficeApp'];
  if (app.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp must have xsi:type="TaskPaneApp"');
  const names = app.children.map((c) => local(c.name));
  for (const r of REQUIRED) if (!names.includes(r)) problems.push(`<${r}> is missing`);
  let last = -1;
  for (const n of names) {
    const i = ORDER.indexOf(n);
    if (i < 0) problems.push(`<${n}> is not allowed in OfficeApp`);
    else if (i < last) problems.push(`<${n}> is out of order: the schema wants ${ORDER.filter((o) => names.includes(o)).join(', ')}`);
    else last = i;
  }
  const child = (n) => app.children.find((c) => local(c.name) === n);
  const id = child('Id')?.text.trim() ?? '';
  if (!GUID.test(id)) problems.push(`<Id> must be a GUID (got "${id}")`);
  const version = child('Version')?.text.trim() ?? '';
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version)) problems.push(`<Version> must have four parts like 1.0.0.0 (got "${version}")`);
  if ((child('Permissions')?.text.trim() ?? '') !== 'ReadWriteDocument') problems.push('<Permissions> must be ReadWriteDocument (the add-in writes highlights and the summary)');
  const sets = [...walk(child('Requirements') ?? { children: [] })].filter((e) => local(e.name ?? '') === 'Set');
  if (!sets.some((s) => s.attrs.Name === 'ExcelApi' && /^\d+\.\d+$/.test(s.attrs.MinVersion ?? ''))) problems.push('<Requirements> must declare the minimum ExcelApi set');

  // URLs: every DefaultValue that is a URL, and AppDomains, must be https.
  for (const el of walk(app)) {
    const v = el.attrs?.DefaultValue;
    if (v && /^[a-z]+:\/\//i.test(v) && !v.startsWith('https://')) problems.push(`${local(el.name)} ${el.attrs.id ?? ''} must use https (got ${v})`.replace('  ', ' '));
    if (local(el.name) === 'AppDomain' && !el.text.trim().startsWith('https://')) problems.push(`AppDomain must use https (got ${el.text.trim()})`);
  }

  // Support: a page of its own, not the pane (which needs Office to be useful).
  const support = child('SupportUrl')?.attrs.DefaultValue ?? '';
  const pane = child('DefaultSettings')?.children.find((c) => local(c.name) === 'SourceLocation')?.attrs.DefaultValue;
  if (!support) problems.push('<SupportUrl> is missing: point it at the help page');
  else if (support === pane) problems.push('<SupportUrl> must be a support page, not the task pane');
  if (production && /localhost|127\.0\.0\.1/i.test(xml)) {
    const where = [...walk(app)].filter((e) => /localhost/i.test(`${e.text} ${Object.values(e.attrs ?? {}).join(' ')}`)).map((e) => local(e.name));
    problems.push(`a production manifest must not name localhost (found in ${[...new Set(where)].join(', ')})`);
  }

  // resids: defined once, at most 32 characters, and every reference resolves to the right kind.
  const defined = new Map();
  for (const el of walk(app)) {
    if (!RES_ELEMENTS.has(local(el.name)) || el.attrs.id === undefined) continue;
    const parent = [...walk(app)].find((p) => p.children.includes(el));
    if (!parent || !['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(local(parent.name))) continue;
    const listKind = local(parent.name);
    if (defined.has(el.attrs.id)) problems.push(`resource id "${el.attrs.id}" is defined twice`);
    if (el.attrs.id.length > 32) problems.push(`resource id "${el.attrs.id}" is longer than 32 characters`);
    defined.set(el.attrs.id, listKind);
  }
  const controlIds = new Set();
  for (const el of walk(app)) {
    const resid = el.attrs?.resid;
    if (resid !== undefined) {
      const want = REF_KIND[local(el.name)];
      const got = defined.get(resid);
      if (!got) problems.push(`<${local(el.name)} resid="${resid}"> does not resolve to any resource`);
      else if (want && got !== want) problems.push(`<${local(el.name)} resid="${resid}"> must point to ${want}, not ${got}`);
    }
    if (local(el.name ?? '') === 'Control' || local(el.name ?? '') === 'Group') {
      const cid = el.attrs.id;
      if (controlIds.has(cid)) problems.push(`control id "${cid}" is used twice`);
      controlIds.add(cid);
    }
  }
  return problems;
}

module.exports = { checkManifest, productionManifest, DEV_URL };

if (require.main === module) {
  const production = process.argv.includes('--production');
  const files = process.argv.slice(2).filter((a) => a !== '--production');
  if (files.length === 0) files.push('manifest.xml');
  let failed = false;
  for (const f of files) {
    const problems = checkManifest(fs.readFileSync(f, 'utf8'), { production });
    if (problems.length) {
      failed = true;
      for (const p of problems) process.stderr.write(`${f}: ${p}\n`);
    } else process.stdout.write(`${f}: manifest OK\n`);
  }
  process.exit(failed ? 1 : 0);
}

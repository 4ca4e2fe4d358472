/**
 * The dependency rule, read from the imports of every source file: front ends → app → core
 * and port; adapters → port and core; nothing points back, and no front end reaches into
 * another (the ribbon never imports the pane). Front ends never run the core's steps: they
 * import nothing from src/core, only the use cases and vocabulary src/app gives them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

type Layer = 'core' | 'app' | 'port' | 'xlsx' | 'office' | 'cli' | 'taskpane' | 'commands' | 'external';

/** What each layer may import (besides itself and packages). */
const MAY_IMPORT: Record<Exclude<Layer, 'external'>, Layer[]> = {
  core: [],
  port: ['core'],
  app: ['core', 'port'],
  xlsx: ['core', 'port'],
  office: ['core', 'port'],
  // Front ends build their adapters (they are the composition roots) and call the app.
  cli: ['app', 'port', 'xlsx'],
  taskpane: ['app', 'port', 'xlsx', 'office'],
  commands: ['app', 'port', 'office'],
};

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel[0] === '..') return 'external';
  if (rel[0] === 'workbook') return rel[1] === 'port.ts' || rel[1] === 'port' ? 'port' : (rel[1] as Layer);
  return rel[0] as Layer;
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Every relative module a file imports, statically or lazily, with the layer it lands in. */
export function importsOf(file: string, text: string): { spec: string; layer: Layer }[] {
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/g),
    ...text.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)/g),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((spec) => ({ spec, layer: layerOf(path.resolve(path.dirname(file), spec)) }));
}

function breaches(file: string, text: string): string[] {
  const from = layerOf(file);
  if (from === 'external') return [];
  const allowed = new Set<Layer>([from, ...MAY_IMPORT[from]]);
  return importsOf(file, text)
    .filter((i) => !allowed.has(i.layer))
    .map((i) => `${path.relative(SRC, file)} imports ${i.spec} (${from} → ${i.layer})`);
}

describe('the dependency rule', () => {
  const all = sources(SRC);

  it('finds the source files of every layer', () => {
    const layers = new Set(all.map(layerOf));
    for (const l of Object.keys(MAY_IMPORT)) expect(layers).toContain(l);
  });

  it.each(all.map((f) => [path.relative(SRC, f), f]))('%s imports only what its layer may', (_name, file) => {
    expect(breaches(file, fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each([
    ['the ribbon importing the pane', 'commands/x.ts', "import { App } from '../taskpane/App';"],
    ['the CLI running a core step', 'cli/commands/x.ts', "import {\n  checkWorkbook,\n} from '../../core';"],
    ['the pane importing core types', 'taskpane/x.ts', "import type { Report } from '../core';"],
    ['the app importing an adapter', 'app/x.ts', "import { XlsxWorkbook } from '../workbook/xlsx/adapter';"],
    ['an adapter importing the app', 'workbook/office/x.ts', "export { loadSettings } from '../../app';"],
    ['the core importing the port', 'core/x.ts', "const p = import('../workbook/port');"],
    ['a lazy chunk of the other adapter', 'cli/x.ts', 'await import(/* webpackChunkName: "x" */ \'../workbook/office/adapter\');'],
  ])('catches %s', (_what, file, line) => {
    expect(breaches(path.join(SRC, file), line)).toHaveLength(1);
  });
});

/**
 * The adapter's Excel API subset against Microsoft's production typings, both ways: compiles
 * test/office/excel-api.contract.ts with @types/office-js, then shows the contract has teeth by
 * compiling it against broken copies of the subset (a member Excel lacks, a wrong type).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '..', '..');
const contract = path.join(root, 'test', 'office', 'excel-api.contract.ts');
const subsetFile = path.join(root, 'src', 'workbook', 'office', 'excel-api.ts');
const subset = fs.readFileSync(subsetFile, 'utf8');

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: ['office-js'],
  typeRoots: [path.join(root, 'node_modules', '@types')],
};

let previous: ts.Program | undefined;
/** Diagnostics of the contract, with the subset's text replaced by `text`. */
function compile(text: string): string[] {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, onError, create) =>
    path.resolve(file) === subsetFile ? ts.createSourceFile(file, text, lang) : getSourceFile(file, lang, onError, create);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === subsetFile ? text : readFile(file));
  const program = ts.createProgram([contract], options, host, previous);
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** The subset with `replacement` put in place of `original` (which must be there). */
function broken(original: string, replacement: string): string {
  expect(subset).toContain(original);
  return subset.replace(original, replacement);
}

describe('the Excel API subset against @types/office-js (production)', () => {
  it('compiles both ways: every member exists on Excel with a compatible type, and Excel objects fit the subset', () => {
    expect(compile(subset)).toEqual([]);
  });

  it.each([
    ['RangeFill.setSolidColor, which Excel lacks', 'export interface RangeFill extends Loadable {', 'export interface RangeFill extends Loadable {\n  setSolidColor?(color: string): void;', /notInExcel: "setSolidColor"/],
    ['Workbook.use1904DateSystem, only in the preview typings', 'export interface Workbook extends Loadable {', 'export interface Workbook extends Loadable {\n  use1904DateSystem?: boolean;', /notInExcel: "use1904DateSystem"/],
    ['a property of the wrong type', '  rowCount: number;', '  rowCount: string;', /doesNotFit: "rowCount"/],
    ['a value Excel would not accept', "visibility: 'Visible' | 'Hidden' | 'VeryHidden';", 'visibility: string;', /cannotWrite: "visibility"/],
  ])('rejects a subset that declares %s', (_name, original, replacement, message) => {
    expect(compile(broken(original, replacement)).join('\n')).toMatch(message);
  });
});

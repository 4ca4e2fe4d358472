/** Reading the subset and Microsoft's production typings (@types/office-js) for the contract tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '..', '..');
export const SUBSET_FILE = path.join(root, 'src', 'workbook', 'office', 'excel-api.ts');

/** Every member the subset declares, as paths: "Range.values", "Workbook.protection.protected". */
export function subsetMembers(text = fs.readFileSync(SUBSET_FILE, 'utf8')): string[] {
  const file = ts.createSourceFile('excel-api.ts', text, ts.ScriptTarget.Latest, true);
  const out = new Set<string>();
  const visit = (prefix: string, node: ts.InterfaceDeclaration | ts.TypeLiteralNode) => {
    for (const m of node.members) {
      if (!m.name) continue;
      const name = `${prefix}.${m.name.getText()}`;
      out.add(name);
      const walk = (t: ts.TypeNode | undefined): void => {
        if (!t) return;
        if (ts.isTypeLiteralNode(t)) visit(name, t);
        else if (ts.isIntersectionTypeNode(t) || ts.isUnionTypeNode(t)) t.types.forEach(walk);
      };
      walk(ts.isPropertySignature(m) || ts.isMethodSignature(m) ? m.type : undefined);
    }
  };
  for (const st of file.statements) if (ts.isInterfaceDeclaration(st)) visit(st.name.text, st);
  return [...out];
}

let excel: Map<string, Map<string, string | null>> | undefined;
/**
 * The classes and interfaces of namespace Excel in the production typings: member name ->
 * its "[Api set: ExcelApi x]" version, or null when the member is listed without one.
 */
export function excelTypings(): Map<string, Map<string, string | null>> {
  if (excel) return excel;
  const dts = path.join(root, 'node_modules', '@types', 'office-js', 'index.d.ts');
  const file = ts.createSourceFile('index.d.ts', fs.readFileSync(dts, 'utf8'), ts.ScriptTarget.Latest, true);
  excel = new Map();
  const add = (prefix: string, body: ts.ModuleBlock) => {
    for (const st of body.statements) {
      if (!ts.isClassDeclaration(st) && !ts.isInterfaceDeclaration(st)) continue;
      if (!st.name) continue;
      const members = new Map<string, string | null>();
      for (const m of st.members) {
        if (!m.name) continue;
        const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(m.getFullText().slice(0, m.getLeadingTriviaWidth()))?.[1] ?? null;
        const n = m.name.getText();
        // Overloads: keep the first annotation seen.
        if (!members.has(n) || members.get(n) === null) members.set(n, set);
      }
      excel!.set(`${prefix}.${st.name.text}`, members);
    }
  };
  for (const st of file.statements) {
    if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body) && (st.name.getText() === 'Excel' || st.name.getText() === 'OfficeExtension')) {
      add(st.name.getText(), st.body);
    }
  }
  return excel;
}

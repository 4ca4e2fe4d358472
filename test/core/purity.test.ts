/** The core stays pure: no Office.js, React, xlsx library, or node:* imports. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');
const FORBIDDEN = [
  /from\s+['"](node:[^'"]+|fs|path|os|child_process|crypto|util|stream)['"]/,
  /from\s+['"](react|react-dom|exceljs|xlsx|@e965\/xlsx|fflate|commander|office-addin-[a-z-]+|@fluentui\/[a-z-]+|@microsoft\/office-js)['"]/,
  /require\(/,
  /\b(Excel|Office)\.(run|context|onReady)\b/,
  /from\s+['"]\.\.\/(workbook|taskpane|commands|cli)/,
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('src/core is pure', () => {
  const all = files(CORE);

  it('has source files to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it.each(all.map((f) => [path.relative(CORE, f), f]))('%s imports nothing from the outside world', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const offending = text.split('\n').filter((line) => FORBIDDEN.some((re) => re.test(line)));
    expect(offending).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const line = "import * as fs from 'node:fs';";
    expect(FORBIDDEN.some((re) => re.test(line))).toBe(true);
  });
});

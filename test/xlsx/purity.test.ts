/** The xlsx adapter runs in the browser too: only node.ts may import Node modules. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIR = path.join(__dirname, '..', '..', 'src', 'workbook', 'xlsx');
const NODE = /(from\s+['"](node:[^'"]+|fs|path|os|crypto|stream|util|zlib|buffer)['"])|require\(|\bBuffer\b|\bprocess\./;

describe('src/workbook/xlsx is browser-safe', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'node.ts');

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s uses no Node modules, Buffer or process', (file) => {
    const offending = fs
      .readFileSync(path.join(DIR, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('*') && !line.trim().startsWith('//') && NODE.test(line));
    expect(offending).toEqual([]);
  });

  it('does not use ExcelJS or the banned xlsx package', () => {
    for (const file of fs.readdirSync(DIR)) {
      expect(fs.readFileSync(path.join(DIR, file), 'utf8')).not.toMatch(/from\s+['"](exceljs|xlsx)['"]/);
    }
  });
});

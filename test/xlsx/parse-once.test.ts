/**
 * One write parses the package's plumbing ([Content_Types].xml, the .rels parts, workbook.xml)
 * once per version: reading it again, unchanged, for the next new part costs nothing.
 * Counted on the bundled flat example while a summary and then highlights are written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSummary, checkWorkbook, highlightMarks, resolveSettings } from '../../src/core';
import { XlsxWorkbook } from '../../src/workbook/xlsx/adapter';
import * as xml from '../../src/workbook/xlsx/xml';

const PLAN = path.join(__dirname, '..', '..', 'examples', 'action-plan-flat.xlsx');

/** Parses of each distinct text, by its root element ("Types", "Relationships", "workbook"). */
function counting(): { parses: Map<string, number>; texts: Map<string, Set<string>>; stop(): void } {
  const parses = new Map<string, number>();
  const texts = new Map<string, Set<string>>();
  const real = xml.parseXml;
  const spy = jest.spyOn(xml, 'parseXml').mockImplementation((text: string) => {
    const root = /<(?:\w+:)?(\w+)[\s>/]/.exec(text.replace(/^<\?xml[^>]*\?>/, ''))?.[1] ?? '?';
    parses.set(root, (parses.get(root) ?? 0) + 1);
    if (!texts.has(root)) texts.set(root, new Set());
    texts.get(root)!.add(text);
    return real(text);
  });
  return { parses, texts, stop: () => spy.mockRestore() };
}

describe('writing parses each version of the plumbing once', () => {
  it.each([
    [
      'a summary',
      async (wb: XlsxWorkbook, r: ReturnType<typeof checkWorkbook>) => void (await wb.writeSheet(buildSummary(r, resolveSettings({})))),
    ],
    ['highlights', async (wb: XlsxWorkbook, r: ReturnType<typeof checkWorkbook>) => void (await wb.applyHighlights(highlightMarks(r)))],
  ])('%s', async (_what, write) => {
    const wb = XlsxWorkbook.fromBytes(new Uint8Array(fs.readFileSync(PLAN)));
    const result = checkWorkbook(await wb.readGrid(), { file: 'plan.xlsx', today: '2020-06-01', settings: resolveSettings({}) });
    const count = counting();
    try {
      await write(wb, result);
    } finally {
      count.stop();
    }
    for (const root of ['Types', 'workbook']) {
      // Each distinct text of the part parsed exactly once (was: [Content_Types].xml 6 times for 4 versions).
      expect(`${root}: ${count.parses.get(root) ?? 0}`).toBe(`${root}: ${count.texts.get(root)?.size ?? 0}`);
    }
    expect(count.parses.get('Relationships')).toBe(count.texts.get('Relationships')!.size);
    // The plumbing was read for this write: the check above is not vacuous.
    expect(count.parses.get('Types')).toBeGreaterThan(0);
  });
});

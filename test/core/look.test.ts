/** The core's one look vocabulary: style looks, merged areas, highlight fills and sheet naming. */
import { cleanSheetName, freeSheetName, highlightFill, LOOKS, styledCells } from '../../src/core/look';
import { RAG_COLOURS, RAG_LABELS, ragStyle } from '../../src/core/sheetspec';

describe('looks', () => {
  it('give every style key a look; RAG cells show the RAG colours, numbers and dates are centred, headers boxed', () => {
    for (const l of RAG_LABELS) {
      expect(LOOKS[ragStyle(l)]).toMatchObject({ fill: RAG_COLOURS[l].fill, font: { bold: true, colour: RAG_COLOURS[l].font } });
    }
    expect(LOOKS.integer).toMatchObject({ numberFormat: '0', horizontal: 'center' });
    expect(LOOKS.date).toMatchObject({ numberFormat: 'dd mmm yyyy', horizontal: 'center' });
    expect(LOOKS.header).toMatchObject({ wrap: true, border: { colour: '000000' } });
  });

  it('styledCells gives the other cells of a merged area the style of its top-left cell', () => {
    const cells = styledCells({
      name: 'S',
      cells: [
        { row: 0, col: 0, value: 'Head', style: 'header' },
        { row: 1, col: 0, value: 'plain' },
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 1, left: 0, bottom: 1, right: 1 },
      ],
      columnWidths: [],
    });
    expect(cells).toEqual([0, 1, 2].map((col) => ({ row: 0, col, style: 'header' })));
  });

  it('highlight fills: errors and warnings in Excel\'s "bad" and "neutral" fills, RAG marks in the RAG colours', () => {
    expect(highlightFill('error')).toBe('FFC7CE');
    expect(highlightFill('warning')).toBe('FFEB9C');
    expect(highlightFill('Concern')).toBe(RAG_COLOURS.Concern.fill);
  });
});

describe('sheet naming', () => {
  it('cleans a name to one Excel accepts', () => {
    expect(cleanSheetName('Q1/Q2: [draft]*?')).toBe('Q1-Q2- -draft---');
    expect(cleanSheetName("'quoted'")).toBe('quoted');
    expect(cleanSheetName('x'.repeat(40))).toHaveLength(31);
    expect(cleanSheetName('a\u0001b')).toBe('ab');
    expect(cleanSheetName('  ')).toBe('PlanCheck');
    // A surrogate pair is never split at the 31st character.
    expect(cleanSheetName(`${'x'.repeat(30)}😀`)).toBe('x'.repeat(30));
  });

  it('steps past users\' sheets (case-insensitively) and "History"; replaces a generated sheet; cuts before the suffix', () => {
    const none = () => false;
    expect(freeSheetName('Summary', ['Plan'], none)).toEqual({ name: 'Summary', replaces: false });
    expect(freeSheetName('Summary', ['summary', 'SUMMARY (2)'], none)).toEqual({ name: 'Summary (3)', replaces: false });
    expect(freeSheetName('history', [], none)).toEqual({ name: 'history (2)', replaces: false });
    expect(freeSheetName('Summary', ['Summary', 'summary (2)'], (n) => n === 'summary (2)')).toEqual({
      name: 'Summary (2)',
      replaces: true,
    });
    const long = freeSheetName('y'.repeat(31), ['y'.repeat(31)], none);
    expect(long).toEqual({ name: `${'y'.repeat(27)} (2)`, replaces: false });
  });
});

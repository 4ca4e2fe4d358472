/** Every parser, with tables of real cases from the seeds, and properties: no input makes them throw. */
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  foldLookalikes,
  formatUkDate,
  isDateFormat,
  isPercentFormat,
  isoToSerial,
  looksLikePerson,
  parseDateText,
  parseLeads,
  parsePercent,
  parseStatedRag,
  parseTimescale,
  serialToIso,
} from '../../src/core/parse';

describe('parseTimescale: the Timescales cells of seed 000', () => {
  it.each([
    ['31 Mar 20', ['2020-03-31'], '2020-03-31', []],
    ['30 Jun 20', ['2020-06-30'], '2020-06-30', []],
    ['30 Jun 20 31 Mar 20', ['2020-06-30', '2020-03-31'], '2020-06-30', []],
    ['Agree approach 30 Mar 20 Commence 31 May 20', ['2020-03-30', '2020-05-31'], '2020-05-31', []],
    ['31 Dec 20 / ongoing', ['2020-12-31'], '2020-12-31', ['ongoing']],
    ['30 Mar 20 / Ongoing', ['2020-03-30'], '2020-03-30', ['ongoing']],
    ['30 Mar 20 / Annually', ['2020-03-30'], '2020-03-30', ['annually']],
    ['Start now / ongoing', [], null, ['ongoing', 'start-now']],
    ['Ongoing', [], null, ['ongoing']],
    ['ТВС', [], null, ['tbc']],
    ['TBC', [], null, ['tbc']],
    ['t.b.c.', [], null, ['tbc']],
    ['To be confirmed', [], null, ['tbc']],
    ['May 2021', ['2021-05-31'], '2021-05-31', []],
    ['April 2021', ['2021-04-30'], '2021-04-30', []],
    ['Feb 2022', ['2022-02-28'], '2022-02-28', []],
    ['Sept 2021', ['2021-09-30'], '2021-09-30', []],
    ['01/03/21', ['2021-03-01'], '2021-03-01', []],
    ['30/09/2020', ['2020-09-30'], '2020-09-30', []],
    ['1.3.21', ['2021-03-01'], '2021-03-01', []],
    ['Q3 2021', ['2021-09-30'], '2021-09-30', []],
    ['2021/22', ['2022-03-31'], '2022-03-31', []],
    ['', [], null, []],
  ])('%j', (text, dates, target, keywords) => {
    const t = parseTimescale(text);
    expect(t.milestones.map((m) => m.iso)).toEqual(dates);
    expect(t.target).toBe(target);
    expect([...t.keywords].sort()).toEqual([...keywords].sort());
    expect(t.unparsed).toEqual([]);
  });

  it('labels milestones by the words before them', () => {
    expect(parseTimescale('Agree approach 30 Mar 20 Commence 31 May 20').milestones.map((m) => m.label)).toEqual(['Agree approach', 'Commence']);
    expect(parseTimescale('30 Jun 20 31 Mar 20').milestones.map((m) => m.label)).toEqual([null, null]);
  });

  it.each([
    ['31 Aug 21 (revised from 30 Jun 21)', '2021-08-31', ['2021-06-30']],
    ['30 Jun 21 revised to 31 Aug 21', '2021-08-31', ['2021-06-30']],
    ['was 30 Jun 21, now 31 Aug 21', '2021-08-31', ['2021-06-30']],
    ['Extended from June 2021 to August 2021', '2021-08-31', ['2021-06-30']],
    ['31 Oct 21 (revised from 31 Aug 21, originally 30 Jun 21)', '2021-10-31', ['2021-06-30', '2021-08-31']],
    ['Brought forward to 31 Mar 21 (was 30 Jun 21)', '2021-03-31', ['2021-06-30']],
  ])('%j records a revision: the new date is the target, the old ones its history', (text, target, history) => {
    const t = parseTimescale(text);
    expect(t.target).toBe(target);
    expect(t.history).toEqual(history);
    expect(t.milestones.map((m) => m.iso)).toEqual([target]);
    expect(t.unparsed).toEqual([]);
  });

  it('milestones and "Start now" are not revisions', () => {
    expect(parseTimescale('Agree approach 30 Mar 20 Commence 31 May 20').history).toEqual([]);
    expect(parseTimescale('Start now 31 Mar 20 30 Jun 20').history).toEqual([]);
    expect(parseTimescale('Start now 31 Mar 20 30 Jun 20').milestones).toHaveLength(2);
  });

  it.each([
    ['31 Fab 20', ['31 Fab 20']],
    ['next year', ['next year']],
    ['31/02/2021', ['31/02/2021']],
    ['31 Mar 20 and 45/13/20', ['45/13/20']],
  ])('%j is reported as unreadable', (text, unparsed) => {
    expect(parseTimescale(text).unparsed).toEqual(unparsed);
  });
});

describe('dates', () => {
  it.each([
    ['31 Mar 20', '2020-03-31', false],
    ['31 March 2020', '2020-03-31', false],
    ['30th June 2021', '2021-06-30', false],
    ['01/03/21', '2021-03-01', false],
    ['10/03/2021', '2021-03-10', false],
    ['2020-03-31', '2020-03-31', false],
    ['May 2021', '2021-05-31', true],
    ['29/02/2020', '2020-02-29', false],
  ])('parseDateText(%j) is %s', (text, iso, eom) => {
    expect(parseDateText(text)).toEqual({ iso, endOfMonth: eom });
  });

  it.each(['29/02/2021', '31/04/2021', '13/13/2020', 'soon', ''])('parseDateText(%j) is null', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('two-digit years: 00-69 are this century, 70-99 the last', () => {
    expect(parseDateText('1 Jan 69')!.iso).toBe('2069-01-01');
    expect(parseDateText('1 Jan 70')!.iso).toBe('1970-01-01');
  });

  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, null],
    [61, false, '1900-03-01'],
    [44256, false, '2021-03-01'],
    [44256.75, false, '2021-03-01'],
    [0, true, '1904-01-01'],
    [42794, true, '2021-03-01'],
    [-1, false, null],
    [Number.NaN, false, null],
  ])('serial %s (1904: %s) is %s', (serial, d1904, iso) => {
    expect(serialToIso(serial, d1904)).toBe(iso);
  });

  it('serials round-trip in both date systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), fc.boolean(), (n, d1904) => {
        const iso = serialToIso(n, d1904);
        return iso === null || isoToSerial(iso, d1904) === n;
      }),
    );
  });

  it('day arithmetic and formatting', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(daysBetween('2021-03-01', '2021-03-31')).toBe(30);
    expect(formatUkDate('2021-03-01')).toBe('1 Mar 21');
  });
});

describe('parsePercent: the % Completed cells of seed 002', () => {
  it.each([
    [{ value: 70 }, 70, null],
    [{ value: '70' }, 70, null],
    [{ value: '35%' }, 35, null],
    [{ value: ' 50 % ' }, 50, null],
    [{ value: 0.35, format: '0%' }, 35, null],
    [{ value: 1, format: '0.0%' }, 100, null],
    [{ value: 'n/a' }, null, null],
    [{ value: '-' }, null, null],
    [{ value: 'abc' }, null, 'not-a-number'],
    [{ value: 150 }, null, 'out-of-range'],
    [{ value: -5 }, null, 'out-of-range'],
    [{ value: '#DIV/0!', error: true }, null, 'error'],
  ])('%j -> %s', (cell, value, problem) => {
    const p = parsePercent(cell);
    expect(p.value).toBe(value);
    expect(p.problem).toBe(problem);
  });
});

describe('parseLeads', () => {
  it.each([
    ['J Craig', ['J Craig']],
    ['D Robertson / J Craig', ['D Robertson', 'J Craig']],
    ['C Hepburn / J Smythe', ['C Hepburn', 'J Smythe']],
    ['R McCulloch- Graham', ['R McCulloch-Graham']],
    ['DCE (ECOD)', ['DCE (ECOD)']],
    ['H/GSP', ['H/GSP']],
    ['H/HR ICT & OD', ['H/HR ICT & OD']],
    ['CEx CPP', ['CEx CPP']],
    ['J Craig & C Hepburn', ['J Craig', 'C Hepburn']],
    ['J Craig, C Hepburn and M Joyce', ['J Craig', 'C Hepburn', 'M Joyce']],
    ['Jane Craig; Head of Finance', ['Jane Craig', 'Head of Finance']],
    ['', []],
  ])('%j', (text, leads) => {
    expect(parseLeads(text)).toEqual(leads);
  });

  it('recognises names', () => {
    expect(looksLikePerson('J. Craig')).toBe(true);
    expect(looksLikePerson('OD')).toBe(false);
  });
});

describe('lookalikes', () => {
  it.each([
    ['ТВС', 'TBC', 3, 'Cyrillic'],
    ['н/н&Р', 'H/H&P', 3, 'Cyrillic'],
    ['Сouncil', 'Council', 1, 'Cyrillic'],
    ['ΑΒΓ plan', 'ΑΒΓ plan', 0, ''],
    ['Ｊ Craig', 'J Craig', 1, 'Fullwidth'],
    ['J\u200BCraig', 'JCraig', 1, 'Invisible'],
  ])('%j -> %j', (text, folded, n, script) => {
    const r = foldLookalikes(text);
    expect(r.text).toBe(folded);
    expect(r.found).toHaveLength(n);
    if (n) expect(r.found[0].script).toBe(script);
  });

  it('leaves genuine Russian and Greek alone', () => {
    expect(foldLookalikes('Привет мир').found).toEqual([]);
    expect(foldLookalikes('Καλημέρα κόσμε').found).toEqual([]);
  });
});

describe('parseStatedRag', () => {
  it.each([
    ['Red', 'Concern'],
    ['amber', 'Caution'],
    ['Green', 'On Target'],
    ['On Track', 'On Target'],
    ['Completed', 'Complete'],
    ['Blue', 'Complete'],
    ['Not Started', 'Not Started'],
    ['Red/Amber', 'Concern'],
    ['Amber/Green', 'Caution'],
    ['On Target', 'On Target'],
  ])('%j -> %s', (text, rag) => {
    expect(parseStatedRag(text)).toEqual({ rag, known: true });
  });

  it('empty is nothing stated; other words are unknown', () => {
    expect(parseStatedRag('')).toEqual({ rag: null, known: true });
    expect(parseStatedRag('Magenta')).toEqual({ rag: null, known: false });
  });
});

describe('number formats', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['mmm yyyy', true],
    ['[$-809]dd mmmm yyyy', true],
    ['0%', false],
    ['General', false],
    ['0.00', false],
    ['"m"0', false],
    ['mm:ss', false],
    ['[Red]0', false],
  ])('isDateFormat(%j) is %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });

  it('percent formats', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('"%"0')).toBe(false);
  });
});

describe('no input makes a parser throw', () => {
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('31 Mar 20', 'ТВС', '30 Jun 20 31 Mar 20', '=SUM(A1)', '\u0000'));
  it.each([
    ['parseTimescale', (s: string) => parseTimescale(s)],
    ['parseDateText', (s: string) => parseDateText(s)],
    ['parseLeads', (s: string) => parseLeads(s)],
    ['foldLookalikes', (s: string) => foldLookalikes(s)],
    ['parseStatedRag', (s: string) => parseStatedRag(s)],
    ['parsePercent', (s: string) => parsePercent({ value: s })],
    ['isDateFormat', (s: string) => isDateFormat(s)],
  ])('%s', (_name, f) => {
    fc.assert(fc.property(anyText, (s) => {
      f(s);
      return true;
    }), { numRuns: 500 });
  });

  it('parsePercent on any number', () => {
    fc.assert(fc.property(fc.double(), fc.constantFrom(undefined, '0%', 'General'), (v, format) => {
      const p = parsePercent({ value: v, format });
      return p.value === null || (p.value >= 0 && p.value <= 100);
    }));
  });
});

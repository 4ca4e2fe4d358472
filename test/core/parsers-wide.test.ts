/** The values of plans beyond the seeds (issue #12): dates, leads, status words, colours and fills. */
import fc from 'fast-check';
import {
  isDitto,
  parseDateText,
  parseLeadLines,
  parseLeads,
  parseStatedRag,
  parseStatus,
  parseStatusCell,
  parseTimescale,
  ragFromFill,
} from '../../src/core/parse';
import { RAG_COLOURS, type RagLabel } from '../../src/core/sheetspec';

describe('parseTimescale: dates as councils write them', () => {
  it.each([
    // text, milestones, target
    ['May-12', ['2012-05-31'], '2012-05-31'],
    ['31st March 2011', ['2011-03-31'], '2011-03-31'],
    ['December 22', ['2022-12-31'], '2022-12-31'],
    ['01/04/ 2016', ['2016-04-01'], '2016-04-01'],
    ['February/March 2004', ['2004-03-31'], '2004-03-31'],
    ['Feb-Mar 21', ['2021-03-31'], '2021-03-31'],
    ['December 2004/ January 2005', ['2005-01-31'], '2005-01-31'],
    ['2021/22', ['2022-03-31'], '2022-03-31'],
    ['By end 2005/06', ['2006-03-31'], '2006-03-31'],
    ['Q1 2021/22', ['2021-06-30'], '2021-06-30'],
    ['Q2 2021/22', ['2021-09-30'], '2021-09-30'],
    ['Q3 2021/22', ['2021-12-31'], '2021-12-31'],
    ['Q4 2021/22', ['2022-03-31'], '2022-03-31'],
    ['Q4 21/22', ['2022-03-31'], '2022-03-31'],
    ['Q3 2021', ['2021-09-30'], '2021-09-30'],
    ['end of June 2021', ['2021-06-30'], '2021-06-30'],
    ['by the end of March 2022', ['2022-03-31'], '2022-03-31'],
    ['Meeting held by 28 February 2014', ['2014-02-28'], '2014-02-28'],
  ])('%j', (text, dates, target) => {
    const t = parseTimescale(text);
    expect(t.milestones.map((m) => m.iso)).toEqual(dates);
    expect(t.target).toBe(target);
    expect(t.unparsed).toEqual([]);
    expect(t.keywords).toEqual([]);
  });

  it.each([
    ['end of June 2021', null],
    ['By end 2005/06', null],
    ['February/March 2004', null],
    ['Meeting held by 28 February 2014', 'Meeting held by'],
  ])('%j is labelled %j', (text, label) => {
    expect(parseTimescale(text).milestones[0].label).toBe(label);
  });

  it.each([
    ['Spring 2022', ['Spring 2022']],
    ['Winter 2021/22', ['Winter 2021/22']],
    ['early 2022', ['early 2022']],
    ['6 months after publication', ['6 months after publication']],
    ['Q2 2021/23', ['Q2 2021/23']],
    ['Marchh 2021', ['Marchh 2021']],
  ])('%j is a finding, not a guess', (text, unparsed) => {
    const t = parseTimescale(text);
    expect(t.target).toBeNull();
    expect(t.unparsed).toEqual(unparsed);
  });

  it.each([
    // text, status, word, target
    ['Completed', 'complete', 'Completed', null],
    ['Achieved', 'complete', 'Achieved', null],
    ['Complete', 'complete', 'Complete', null],
    ['Implemented.', 'complete', 'Implemented', null],
    ['CLOSED', 'complete', 'CLOSED', null],
    ['Not started', 'not-started', 'Not started', null],
    ['Superseded', 'dropped', 'Superseded', null],
    ['Completed 31 Mar 20', 'complete', 'Completed', '2020-03-31'],
    ['Completed in March 2021', 'complete', 'Completed', '2021-03-31'],
    ['31/03/2021 - Achieved', 'complete', 'Achieved', '2021-03-31'],
    ['March 2021 (complete)', 'complete', 'complete', '2021-03-31'],
    ['30 September 2013 – Review Completed', 'complete', 'Review Completed', '2013-09-30'],
  ])('status in the date cell: %j is %s', (text, status, word, target) => {
    const t = parseTimescale(text);
    expect({ status: t.status, word: t.statusWord, target: t.target, unparsed: t.unparsed, keywords: t.keywords }).toEqual({
      status,
      word,
      target,
      unparsed: [],
      keywords: [],
    });
  });

  it.each(['31 Mar 20', 'Ongoing', 'TBC', 'N/A', 'Pending', 'Deferred to 31 Aug 21', 'Complete review by March 2021', '31 Mar 21 - to be completed'])(
    '%j says no status',
    (text) => {
      expect(parseTimescale(text).status).toBeUndefined();
    },
  );

  it('"Complete review by March 2021" keeps its label: a verb, not a status', () => {
    expect(parseTimescale('Complete review by March 2021').milestones[0].label).toBe('Complete review by');
  });

  it.each([
    ['December 22', '2022-12-31', true],
    ['May-12', '2012-05-31', true],
    ['31st March 2011', '2011-03-31', false],
    ['01/04/ 2016', '2016-04-01', false],
  ])('parseDateText(%j) is %s', (text, iso, eom) => {
    expect(parseDateText(text)).toEqual({ iso, endOfMonth: eom });
  });
});

describe('parseLeads: several owners in one cell', () => {
  it.each([
    ['J Smith/K Brown', ['J Smith', 'K Brown']],
    ['J Smith and K Brown', ['J Smith', 'K Brown']],
    ['J Smith & K Brown.', ['J Smith', 'K Brown']],
    ['J Smith\nK Brown', ['J Smith', 'K Brown']],
    ['• J Smith\n• K Brown', ['J Smith', 'K Brown']],
    ['• J Smith • K Brown', ['J Smith', 'K Brown']],
    ['- Head of HR\n- Head of Finance', ['Head of HR', 'Head of Finance']],
    ['* J Smith\n* K Brown', ['J Smith', 'K Brown']],
    ['Head of Finance.', ['Head of Finance']],
    ['J Smith\nditto\nK Brown', ['J Smith', 'K Brown']],
    ['J Smith\nK Brown\n"', ['J Smith', 'K Brown']],
    ['J Smith\nJ Smith\nK Brown', ['J Smith', 'K Brown']],
    ['Monitoring Officer & Head of HR', ['Monitoring Officer', 'Head of HR']],
    ['Chief Executive and Director of Finance', ['Chief Executive', 'Director of Finance']],
    ['Cllr A Jones and J Smith', ['Cllr A Jones', 'J Smith']],
    // Role titles stay whole.
    ['Head of Finance and Procurement', ['Head of Finance and Procurement']],
    ['Director of Finance and Resources', ['Director of Finance and Resources']],
    ['Finance and Procurement Manager', ['Finance and Procurement Manager']],
    ['Assistant Director, Housing and Communities', ['Assistant Director, Housing and Communities']],
    ['HR & OD', ['HR & OD']],
    ['Chief Executive/Head of Paid Service', ['Chief Executive/Head of Paid Service']],
    ['H/GSP', ['H/GSP']],
    ['ditto', ['ditto']],
    // Cells from the real-plan corpus (test/corpus/plans)
    ['NED-WT/DoN', ['NED-WT', 'DoN']],
    ['MW/YO', ['MW', 'YO']],
    ['John Anderson\nditto\nditto', ['John Anderson']],
    [
      'Anna Collier, Project Manager\n\nDavid Edwards Project Sponsor\n\nAngela Woodhouse – responsible officer for Information Management',
      ['Anna Collier, Project Manager', 'David Edwards Project Sponsor', 'Angela Woodhouse – responsible officer for Information Management'],
    ],
    ['Children, School’s and Families\nJohn Harris\nAnn Domeney', ['John Harris', 'Ann Domeney']],
    ['Jane Craig, Head of HR', ['Jane Craig, Head of HR']],
  ])('%j', (text, leads) => {
    expect(parseLeads(text)).toEqual(leads);
  });

  it('a stacked cell line by line, ditto resolved', () => {
    expect(parseLeadLines('J Smith & K Brown\ndo\nHead of HR')).toEqual([['J Smith', 'K Brown'], ['J Smith', 'K Brown'], ['Head of HR']]);
  });

  it.each([
    ['ditto', true],
    ['Do.', true],
    ['"', true],
    ['as above', true],
    ['J Smith', false],
  ])('isDitto(%j) is %s', (text, yes) => {
    expect(isDitto(text)).toBe(yes);
  });
});

describe('parseStatus: status words', () => {
  it.each([
    ...['Complete', 'Completed', 'Achieved', 'Actioned', 'Done', 'Closed', 'Implemented', 'Fully implemented', 'Delivered', 'Finished'].map((w) => [w, 'complete']),
    ...['In Progress', 'On track', 'Ongoing', 'Progressing', 'Partially implemented', 'Partly implemented', 'Assigned', 'Resuming', 'Underway', 'Started', 'Open'].map((w) => [w, 'started']),
    ...['Not Started', 'Not yet started', 'Pending', 'Unassigned', 'Not due', 'Not yet due'].map((w) => [w, 'not-started']),
    ...['Cancelled', 'Canceled', 'Superseded', 'Deferred', 'Suspended', 'Withdrawn', 'N/A', 'Not applicable', 'No longer required'].map((w) => [w, 'dropped']),
  ])('%j is %s', (text, status) => {
    expect(parseStatus(text)).toEqual({ status, known: true, word: text });
  });

  it.each([
    ['COMPLETED.', 'complete', 'COMPLETED'],
    ['in-progress', 'started', 'in-progress'],
    ['  On-Track ', 'started', 'On-Track'],
    ['Соmplete', 'complete', 'complete'], // Cyrillic "С" and "о": folded before matching
    ['Complete - report to March committee', 'complete', 'Complete'],
    ['In progress: awaiting sign-off', 'started', 'In progress'],
    ['Implemented.  The policy was approved by Cabinet in May.', 'complete', 'Implemented'],
    ['Partially implemented – further work needed', 'started', 'Partially implemented'],
    ['Not started due to staffing', 'not-started', 'Not started'],
    ['Completed 31/03/2021', 'complete', 'Completed'],
    ['• Superseded by R7', 'dropped', 'Superseded'],
  ])('%j is %s (%j)', (text, status, word) => {
    expect(parseStatus(text)).toEqual({ status, known: true, word });
  });

  it.each([
    'The policy was implemented in May and the review is complete.',
    'Complete the review of the tenancy policy',
    'Open the new library',
    'Draft with legal.',
    'Marching on',
  ])('%j states no status', (text) => {
    expect(parseStatus(text)).toEqual({ status: null, known: false, word: null });
  });

  it.each(['', '   ', '-'])('%j is nothing stated', (text) => {
    expect(parseStatus(text)).toEqual({ status: null, known: true, word: null });
  });
});

describe('parseStatusCell: a Status, RAG, BRAG or Progress cell', () => {
  it.each([
    // text, rag, status
    ['Blue', 'Complete', 'complete'],
    ['B', 'Complete', 'complete'],
    ['Red', 'Concern', null],
    ['RED', 'Concern', null],
    ['R', 'Concern', null],
    ['Amber', 'Caution', null],
    ['A', 'Caution', null],
    ['Yellow', 'Caution', null],
    ['Orange', 'Caution', null],
    ['Green', 'On Target', null],
    ['G', 'On Target', null],
    ['Grey', 'Not Started', null],
    ['Gray', 'Not Started', null],
    ['Purple', 'Not Started', null],
    ['Red/Amber', 'Concern', null],
    ['Amber-Green', 'Caution', null],
    ['Amber – Green', 'Caution', null],
    ['Green (complete)', 'Complete', 'complete'],
    ['Green (on track)', 'On Target', 'started'],
    ['Red - not started', 'Concern', 'not-started'],
    ['Amber: awaiting funding', 'Caution', null],
    ['In Progress', null, 'started'],
    ['Ongoing', null, 'started'],
    ['On track', 'On Target', 'started'],
    ['On target', 'On Target', 'started'],
    ['Off track', 'Concern', 'started'],
    ['At risk', 'Concern', 'started'],
    ['Behind', 'Concern', 'started'],
    ['Complete', 'Complete', 'complete'],
    ['Completed', 'Complete', 'complete'],
    ['Implemented', 'Complete', 'complete'],
    ['Not Started', null, 'not-started'],
    ['Pending', null, 'not-started'],
    ['Superseded', null, 'dropped'],
    ['N/A', null, 'dropped'],
    ['Some concerns', 'Caution', null],
    ['Caution', 'Caution', null],
    ['', null, null],
  ])('%j -> RAG %s, status %s', (text, rag, status) => {
    const r = parseStatusCell(text);
    expect({ rag: r.rag, status: r.status, known: r.known }).toEqual({ rag, status, known: true });
  });

  it('keeps the words as written for reasons', () => {
    expect(parseStatusCell('In Progress').word).toBe('In Progress');
    expect(parseStatusCell('Green (complete)').word).toBe('Green');
  });

  it.each(['Draft with legal.', 'Magenta', 'Rd', 'Gold star', 'Greenwich'])('%j is unknown', (text) => {
    expect(parseStatusCell(text)).toEqual({ rag: null, status: null, known: false, word: null });
  });

  it.each([
    ['Purple', 'Not Started'],
    ['Green (complete)', 'Complete'],
    ['Red (off track)', 'Concern'],
    ['R/A', 'Concern'],
    ['a/g', 'Caution'],
    ['Amber–Green', 'Caution'],
    ['In progress', 'On Target'], // unchanged: parseStatusCell is the reading that knows it is a status
  ])('parseStatedRag(%j) is %s', (text, rag) => {
    expect(parseStatedRag(text)).toEqual({ rag, known: true });
  });
});

describe('ragFromFill: a cell coloured instead of a word', () => {
  it.each([
    // Excel's standard and theme fills, and the conditional-format styles
    ...['FF0000', 'C00000', 'FF5050', 'FFC7CE', 'E6B8B7', '800000'].map((c) => [c, 'Concern']),
    ...['FFC000', 'FFFF00', 'FFEB9C', 'F79646', 'FFD966', 'ED7D31', 'F4B084', 'FFFF99'].map((c) => [c, 'Caution']),
    ...['00B050', '92D050', 'C6EFCE', '00FF00', '70AD47', 'A9D08E', '375623'].map((c) => [c, 'On Target']),
    ...['0070C0', '00B0F0', '5B9BD5', '4472C4', '9BC2E6', 'BDD7EE', '0000FF', 'DDEBF7'].map((c) => [c, 'Complete']),
    ...['808080', 'A6A6A6', 'BFBFBF', 'D9D9D9', '7F7F7F', '404040', '7030A0'].map((c) => [c, 'Not Started']),
    // Near shades
    ['FE0000', 'Concern'],
    ['FFC100', 'Caution'],
    ['00B151', 'On Target'],
    ['0071C1', 'Complete'],
    ['BEBEBE', 'Not Started'],
    // Forms of the same value
    ['FFFF0000', 'Concern'],
    ['00FF0000', 'Concern'],
    ['#FF0000', 'Concern'],
    ['#ff0000', 'Concern'],
    ['#F00', 'Concern'],
    [' ff00b050 ', 'On Target'],
  ])('%s -> %s', (rgb, rag) => {
    expect(ragFromFill(rgb)).toBe(rag);
  });

  it.each([
    'FFFFFF', // white
    'FFFFFFFF',
    'F2F2F2', // near-white grey
    '000000', // black
    '262626',
    'FFF2CC', // pale cream: a highlight, not Amber
    'FFFFCC', // Excel's "Note" style
    'FCE4D6', // orange 80% tint
    'C0FF00', // yellow-green: between bands
    '00FFFF', // cyan
    'FF00FF', // magenta
    'FF99CC', // pink
    '833C0C', // dark brown
    '',
    'red',
    'GGGGGG',
    'FF00000',
  ])('%j states nothing', (rgb) => {
    expect(ragFromFill(rgb)).toBeNull();
  });

  it("PlanCheck's own RAG fills read back as their labels", () => {
    for (const [label, { fill }] of Object.entries(RAG_COLOURS) as [RagLabel, { fill: string }][]) expect(ragFromFill(fill)).toBe(label);
  });
});

describe('no input makes the new parsers throw', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('Q2 2021/22', 'February/March 2004', 'Green (complete)', 'J Smith\nditto', '• ', '#FFF', 'ditto\n"\ndo', 'Completed 31 Mar 20'),
  );
  it.each([
    ['parseTimescale', (s: string) => parseTimescale(s)],
    ['parseLeads', (s: string) => parseLeads(s)],
    ['parseLeadLines', (s: string) => parseLeadLines(s)],
    ['isDitto', (s: string) => isDitto(s)],
    ['parseStatus', (s: string) => parseStatus(s)],
    ['parseStatusCell', (s: string) => parseStatusCell(s)],
    ['parseStatedRag', (s: string) => parseStatedRag(s)],
    ['ragFromFill', (s: string) => ragFromFill(s)],
  ])('%s', (_name, f) => {
    fc.assert(
      fc.property(anyText, (s) => {
        f(s);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  // Catastrophic backtracking would stall here far past jest's timeout; no timing is asserted.
  it('long hostile cells are read', () => {
    const long = [
      'Complete '.repeat(20000),
      'a'.repeat(200000),
      '/'.repeat(100000),
      'J Smith and '.repeat(10000),
      'Head of '.repeat(20000),
      'February/'.repeat(20000),
      '-'.repeat(100000),
      'Q2 2021/'.repeat(20000),
    ];
    for (const s of long) {
      parseTimescale(s);
      parseLeads(s);
      parseStatus(s);
      parseStatusCell(s);
      parseStatedRag(s);
      ragFromFill(s);
    }
  });

  it('a non-string is nothing, never a throw', () => {
    const odd = [undefined, null, 42, {}] as unknown as string[];
    for (const v of odd) {
      expect(() => [parseStatus(v), parseStatusCell(v), ragFromFill(v), parseLeads(v), parseLeadLines(v), isDitto(v)]).not.toThrow();
    }
  });
});

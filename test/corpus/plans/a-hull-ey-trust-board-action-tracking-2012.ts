import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-hull-ey-trust-board-action-tracking-2012',
  source: {
    body: 'Hull and East Yorkshire Hospitals NHS Trust',
    title: 'Trust Board Action Tracking List – actions arising from Board meetings (compiled 4 July 2012)',
    meeting: 'Trust Board, July 2012 (compiled 4 July 2012; the list points to a Board on 17 July)',
    where: 'http://www.docstoc.com/docs/132261219/ACTION-TRACKING-LIST',
    kind: 'other',
  },
  notes:
    'NHS board action log. Title rows above the table, a header whose last three headings are wrapped over two lines ' +
    '("TARGET / DATE", "NEW / DATE", "STATUS/ / COMMENT"), kept here as two header rows; month-of-meeting section rows ' +
    '("May 2012", "April 2012", "March 2012") with only the first cell filled; initials as leads ("MW/YO"); dates with no year ' +
    '("June", "30 Sept", "17 July", "13 Nov") beside dd.m.yy ones ("17.7.12"); a NEW DATE column that revises the target. ' +
    'The stored text is a plain-text rendering of the paper and is cut inside action 3.02 ("A business case would be ' +
    'developed"): rows up to 3.01 are transcribed, 3.02 is left out. PAPER cells wrapped onto the next physical line ' +
    '("Inpatient / survey", "Business / delivery", "Major trauma / accreditation") are joined into their own row. ' +
    'The meeting date is not in the stored text: targets "17.7.12" and "17 July" point to a Board on 17 July 2012, used as asOf. ' +
    'Year-less dates are read as 2012, the year of the list; a NEW DATE is the target judged. "Not yet due" in STATUS/COMMENT is read as not started. Year-less dates ("June", "14 Aug", "30 Sept") are read in the year of the as-of date and reported (date-without-year).',
  asOf: '2012-07-17',
  sheets: [
    {
      name: 'Action tracker',
      rows: [
        ['HULL AND EAST YORKSHIRE HOSPITALS NHS TRUST'],
        ['TRUST BOARD ACTION TRACKING LIST'],
        ['Actions arising from Board meetings (compiled 4 July 2012)'],
        ['NO', 'PAPER', 'ACTION', 'LEAD', 'TARGET', 'NEW', 'STATUS/'],
        [null, null, null, null, 'DATE', 'DATE', 'COMMENT'],
        ['May 2012'],
        ['01.05', 'Action tracker', 'Safeguarding training to be undertaken on Board time out', 'MW', 'June', '14 Aug', 'Reorganised to Aug due to lack of available time'],
        ['02.05', 'Inpatient survey', 'Date to be agreed for agreeing the solution of where patients were able to keep their belongings', 'MW', '30 Sept', null, 'Not yet due'],
        [
          '05.05',
          'Business delivery',
          'Further discussion would be held with executive Directors to clarify the organisational arrangements for business delivery and business development',
          'JB',
          '17.7.12',
          null,
          'Verbal update to be given',
        ],
        ['06.05', 'Corporate', 'Further information to be provided on nurse to bed ratio', 'MW', '14.8.12', null, 'Not yet due'],
        ['April 2012'],
        ['4.01', 'Corp Perf', 'Patient re-admission strategy to be developed', 'MW/YO', '13 Nov', null, 'Not yet due'],
        ['March 2012'],
        ['3.01', 'Major trauma accreditation', 'A further update would be received by the Board', 'AP', '17 July', '11 Sep', 'Not yet due'],
      ],
    },
  ],
  expect: {
    workstreams: 3,
    actions: 6,
    workstreamTitles: ['May 2012', 'April 2012', 'March 2012'],
    items: [
      { row: 7, startsWith: 'Safeguarding training to be undertaken', leads: ['MW'], target: '2012-08-14', workstream: 'May 2012' },
      { row: 8, startsWith: 'Date to be agreed for agreeing', leads: ['MW'], target: '2012-09-30', status: 'not-started', statedRag: null, rag: 'Not Started' },
      { row: 9, startsWith: 'Further discussion would be held', leads: ['JB'], target: '2012-07-17' },
      { row: 10, leads: ['MW'], target: '2012-08-14' },
      { row: 12, startsWith: 'Patient re-admission strategy', leads: ['MW', 'YO'], target: '2012-11-13', workstream: 'April 2012' },
      { row: 14, startsWith: 'A further update would be received', leads: ['AP'], target: '2012-09-11', workstream: 'March 2012' },
    ],
    noFindings: ['missing-owner', 'overdue', 'missing-description'],
  },
};

export default plan;

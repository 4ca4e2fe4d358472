import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-bromsgrove-improvement-plan-template-2010',
  source: {
    body: 'Bromsgrove District Council',
    title: 'Improvement Plan: Template 2010/11 Draft Version (with Improvement Plan Guidance)',
    meeting: 'Committee paper moderngovwebpublic.bromsgrove.gov.uk documents/s8772 "2010-11 Improvement Plan"; meeting date not in the stored copy',
    where: 'https://cupdf.com/document/improvement-plan-guidan-improvement-plan-122-support-5-businesses-js-.html',
    kind: 'improvement-plan',
  },
  notes:
    'Stored as a text copy of the PDF (also at dokumen.tips under the same name; the cupdf copy reaches furthest). Page 1 is a guidance ' +
    'and colour-key block (Grey/Green/Amber/Red/Hashing/Blue — here Blue means Suspended, not Complete) and instructions for the ' +
    '"Status / Corrective Action" column; these are legend and guidance rows, never actions. Page 2 starts the plan: a two-pair heading ' +
    'row ("Priority CP1: Economic Development", "1", "Expected Outcome", "A thriving & more diverse economy"), the header row, and ' +
    'action 1.1 with two stacked actions and a matching stack of timescales ("31st March 2011" / "October 2010"), lead by initials ("JS"). ' +
    'The copy is cut inside action 1.2 (its timescale ends "Marc"), so only 1.1 is transcribed: this fixture is about the guidance rows ' +
    'and the heading pair, not volume. The month-by-month colour columns and the Status / Corrective Action column of the PDF carry no ' +
    'text in the stored copy and are left out. The meeting date is not stored; asOf is the first day of the plan year, 1 April 2010.',
  asOf: '2010-04-01',
  sheets: [
    {
      name: 'Improvement Plan',
      rows: [
        ['Improvement Plan: Template 2010/11 Draft Version'],
        ['Improvement Plan Guidance'],
        ['Grey = Programmed dates', 'This is the planned timescale for the action- THESE ARE FIXED AND SHOULD NOT BE ALTERED / DELETED'],
        ['Green = On target', 'The action is on target.'],
        ['Amber = One month behind', 'The action is one month behind schedule.'],
        ['Red = Over one month behind', 'The action is over one month behind schedule.'],
        [
          'Hashing = Reprogrammed / extended / revised',
          'This is to be used to show any new dates for an action, whether that is because it has been reprogrammed to a later date in the year or extended by a set period. This requires approval.',
        ],
        ['Blue = Suspended', 'This is where an action has been suspended completely for the period covered by the Improvement Plan. This requires approval.'],
        [
          'o In the Status / Corrective Action column, you should include any relevant information that will aid the reader.\no However, for all actions that are either amber or red, you should include a comment as to why the action has fallen behind timescale and a brief plan of what you intend to do to address the situation.\no Also in the Status / Corrective Action column, please clearly state (in capital letters) at the start of any comment if the action has been SUSPENDED, REPROGRAMMED, EXTENDED or is COMPLETE.\no Please ensure that if an action is dependent on a previous action that has been delayed, that this is reflected in the status update.',
        ],
        [],
        ['Priority CP1: Economic Development', '1', 'Expected Outcome', 'A thriving & more diverse economy'],
        ['Ref.', 'Measures of Success', 'Actions Required', 'Timescales', 'Lead', 'Resources'],
        [
          '1.1',
          'Economic Development Strategy',
          'Implementation of the Bromsgrove Economic Development Plan\nSet up establishment structure for the North Worcestershire Economic Development Strategy',
          '31st March 2011\nOctober 2010',
          'JS',
          'Economic Development & Town Centre Manager',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 1,
    workstreamTitles: ['Priority CP1: Economic Development'],
    items: [
      {
        row: 13,
        startsWith: 'Implementation of the Bromsgrove Economic Development Plan',
        target: '2011-03-31',
        leads: ['JS'],
        status: null,
        statedRag: null,
        workstream: 'Priority CP1',
      },
    ],
    findings: [{ code: 'several-target-dates', cell: 'D13' }],
    noFindings: ['missing-owner', 'missing-description', 'unknown-rag', 'unrecognised-date'],
  },
};

export default plan;

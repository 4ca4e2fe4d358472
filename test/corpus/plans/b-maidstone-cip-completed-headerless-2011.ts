import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-maidstone-cip-completed-headerless-2011',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix B-Corporate Improvement Plan completed actions (Covalent export)',
    meeting: 'Cabinet, 14 September 2011 (Corporate Improvement Plan Update)',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMxNTkwNyUyRkFwcGVuZGl4JTIwQi0lMjBDSVAlMjBjb21wbGV0ZWQlMjBhY3Rpb25zLmh0bWwlM0ZDVCUzRDImYWxsPTE%3D',
    kind: 'performance-export',
  },
  notes:
    'HTML rendering of a Covalent list (documents/s15907) with NO header row: objective heading rows ("001 Developing ...") and under each ' +
    'the action rows (code, title, an empty cell where the status icon was, assigned to, latest note). The stored page is cut inside ' +
    'CIP 004.01 ("Undertake  six monthly follow-up review by Inte"), so objectives 001-003 (6 actions) are transcribed and 004 is left out. ' +
    'The double space in "Undertake  six" is as stored. No date column exists in this appendix. The meeting is inferred: the 14 September 2011 ' +
    'Cabinet decision reports "Fourteen actions have been completed since the last report in March", and the latest notes date from April 2011.',
  asOf: '2011-09-14',
  sheets: [
    {
      name: 'Appendix B',
      rows: [
        ['Appendix B-Corporate Improvement Plan completed actions'],
        [],
        ['001 Developing a clear view of where partnership resources can be focused to improve service outcomes (LINKED TO AGS 2)'],
        [
          'CIP 001.01',
          'Resource Mapping exercise undertaken and presented to LSP board',
          null,
          'Sarah Robson',
          'Phase two of the resource mapping exercise was presented to the LSP Board and Delivery Group at the LSP Away Day on 1 April 2011.',
        ],
        ['CIP 001.02', 'Decisions made by the LSP on the future allocation of resources', null, 'Sarah Robson'],
        [],
        ['002 Monitoring effectiveness of counter fraud partnership with Tunbridge Wells'],
        [
          'CIP 002.01',
          'Provide the Cabinet Member for Corporate Services and the Corporate Services Overview and Scrutiny Committee with an update on the operation of the counter fraud partnership',
          null,
          'Steve McGinnes',
          'Following a request from the Audit Committee and further to discussion with the Overview and Scrutiny Manager, it was agreed that an update would be provided to the Audit Committee instead of Overview and Scrutiny. A presentation was made to the Committee on the 20.09.2010, with agreement for future updated to be provided annually.',
        ],
        [],
        ['003 Addressing the outstanding learning and development issues from the IIP reassessment and equality impact assessments'],
        [
          'CIP 003.01',
          'Create action plan of outstanding L&D issues to be implemented before reassessment',
          null,
          'Tina Edwards',
          'Re-accreditation for IIP was gained in March 2011. Tina is currently on leave- further update awaited',
        ],
        ['CIP 003.02', 'Undertake child protection training', null, 'Claire Hayes'],
        ['CIP 003.03', 'Include Transgender training on the new corporate training calendar', null, 'Claire Hayes', 'Sessions added in quarterly for 2010/11'],
      ],
    },
  ],
  expect: {
    workstreams: 3,
    actions: 6,
    workstreamTitles: ['001 Developing a clear view', '002 Monitoring effectiveness', '003 Addressing the outstanding'],
    items: [
      { row: 4, startsWith: 'Resource Mapping exercise undertaken', leads: ['Sarah Robson'], target: null, workstream: '001 Developing' },
      { row: 5, startsWith: 'Decisions made by the LSP', leads: ['Sarah Robson'], target: null },
      { row: 8, startsWith: 'Provide the Cabinet Member for Corporate Services', leads: ['Steve McGinnes'], workstream: '002 Monitoring' },
      { row: 11, startsWith: 'Create action plan of outstanding L&D issues', leads: ['Tina Edwards'], workstream: '003 Addressing' },
      { row: 13, startsWith: 'Include Transgender training', leads: ['Claire Hayes'] },
    ],
    noFindings: ['missing-owner', 'missing-description', 'duplicate-number', 'unrecognised-date'],
  },
};

export default plan;

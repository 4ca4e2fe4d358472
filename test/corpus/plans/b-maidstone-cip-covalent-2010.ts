import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-maidstone-cip-covalent-2010',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix A Corporate Improvement Plan (Covalent export)',
    meeting: 'Corporate Services Overview and Scrutiny Committee, 31 August 2010 (Corporate Improvement Plan Update)',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnM5MjE1JTJGQXBwZW5kaXglMjBBJTIwQ29ycG9yYXRlJTIwSW1wcm92ZW1lbnQlMjBQbGFuLmh0bWwlM0ZDVCUzRDImYWxsPTE%3D',
    kind: 'performance-export',
  },
  notes:
    'HTML rendering of a Covalent report (documents/s9215). The stored page is cut just after the heading of Objective 004, so Objectives 002-003 ' +
    '(4 actions) are transcribed and the cut Objective 004 heading is left out. The legend at the top shows the Covalent status icons with their ' +
    'labels; the icons are lost in the stored text, so the legend keeps the labels only (icon cells in column A left empty) and the unlabelled ' +
    'status-icon column between Due Date and Assigned To is empty in every action row, as stored. The header row is repeated under every objective, ' +
    'as Covalent lays it out. The stored page gives no meeting date: the CS O&S work programme 2010-11 lists "Corporate Improvement Plan Update" ' +
    'on 31 August 2010 and CIP 002.01 (due 31 Aug 2010) says a report is planned "in September", so asOf is 31 August 2010.',
  asOf: '2010-08-31',
  sheets: [
    {
      name: 'Appendix A',
      rows: [
        ['Appendix A Corporate Improvement Plan'],
        [],
        ['Action Status'],
        [null, 'Cancelled'],
        [null, 'Overdue;'],
        [null, 'Unassigned; Not Started; Check Progress'],
        [null, 'Resuming; In Progress; Assigned'],
        [null, 'Completed'],
        [],
        ['Objective 002 Monitoring effectiveness of counter fraud partnership with Tunbridge Wells'],
        ['Code', 'Title', 'Due Date', null, 'Assigned To', 'Latest Note'],
        [
          'CIP 002.01',
          'Provide the Cabinet Member for Corporate Services and the Corporate Services Overview and Scrutiny Committee with an update on the operation of the counter fraud partnership',
          '31 Aug 2010',
          null,
          'Steve McGinnes',
          'A joint report is planned for the Overview and Scrutiny Committee for both Maidstone and Tunbridge Wells in September, with a further report planned for the Audit Committee.',
        ],
        [],
        ['Objective 003 Addressing the outstanding learning and development issues from the IIP reassessment and equality impact assessments'],
        ['Code', 'Title', 'Due Date', null, 'Assigned To', 'Latest Note'],
        [
          'CIP 003.01',
          'Create action plan of outstanding L&D issues to be implemented before reassessment',
          '31 Jan 2011',
          null,
          'Claire Hayes',
          'Against Indicator 4 - MKIP Management Development Programme has been devised and delivered through 2010 with new dates for 2010/11. Indicator 5 - restructures are still taking place, will commence work on this at a later period. Indicator 10 - Workforce Plan will include skills matrix',
        ],
        [
          'CIP 003.02',
          'Undertake child protection training',
          '30 Apr 2010',
          null,
          'Claire Hayes',
          'This has been added to Ivy learning and is now a requirement for all staff to complete.',
        ],
        [
          'CIP 003.03',
          'Include Transgender training on the new corporate training calendar',
          '30 Jun 2011',
          null,
          'Claire Hayes',
          'Sessions added in quarterly for 2010/11',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 2,
    actions: 4,
    workstreamTitles: ['Objective 002 Monitoring effectiveness', 'Objective 003 Addressing'],
    items: [
      {
        row: 12,
        startsWith: 'Provide the Cabinet Member for Corporate Services',
        target: '2010-08-31',
        leads: ['Steve McGinnes'],
        statedRag: null,
        workstream: 'Objective 002',
      },
      { row: 16, startsWith: 'Create action plan of outstanding L&D issues', target: '2011-01-31', leads: ['Claire Hayes'], statedRag: null, workstream: 'Objective 003' },
      { row: 17, startsWith: 'Undertake child protection training', target: '2010-04-30', leads: ['Claire Hayes'], status: null, rag: 'Concern' },
      { row: 18, startsWith: 'Include Transgender training', target: '2011-06-30', leads: ['Claire Hayes'] },
    ],
    findings: [{ code: 'overdue', cell: 'C17' }],
    noFindings: ['missing-owner', 'missing-description', 'unknown-rag'],
  },
};

export default plan;

import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-maidstone-ags-actions-2013-14',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix A and B – Actions for 2013/14 as identified in the last Annual Governance Statement',
    meeting: 'Audit Committee, autumn 2013 (the stored appendix does not carry the meeting date)',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMzMjk1OCUyRkFwcGVuZGl4JTIwQSUyMGFuZCUyMEIuaHRtbCUzRkNUJTNEMiZhbGw9MQ%3D%3D',
    kind: 'ags-action-plan',
  },
  notes:
    'AGS action plan a year before the 2014-15 update, in a different shape: a sentence as the title row, "Governance Issue / Action ' +
    'Taken / By When / By Whom"; status typed after the date in the date cell ("30 September 2013 – Review Completed"); three owners ' +
    'stacked in one cell, each with a role after a comma, a space or a dash ("Anna Collier, Project Manager" / "David Edwards Project ' +
    'Sponsor" / "Angela Woodhouse – responsible officer for Information Management"); a recurring timescale ("Quarterly with updates to ' +
    'Audit Committee in October and March"); an empty By When whose By Whom cell runs on into a sentence. The stored text runs on into a ' +
    'fourth row (the stress survey) and is cut inside its Action Taken: the three rows before it are transcribed. In the third row the ' +
    'flattened text does not show where By When ends; the "Paul Riley…" text is read as By Whom and By When as empty. The meeting date ' +
    'is not in the text: CLT is to consider the review "on 3 December 2013", still ahead, so asOf is 25 November 2013 (assumed).',
  asOf: '2013-11-25',
  sheets: [
    {
      name: 'AGS Actions',
      rows: [
        ['Actions for 2013/14 as identified in the last Annual Governance Statement:'],
        [],
        ['Governance Issue', 'Action Taken', 'By When', 'By Whom'],
        [
          'Corporate Leadership Team have identified a need to Review the Council’s approach to Information Management',
          'Objective Consultants have completed their review of the Council’s approach to information management the findings from the review will be considered by CLT along with appropriate action on 3 December 2013',
          '30 September 2013 – Review Completed',
          'Anna Collier, Project Manager\n\nDavid Edwards Project Sponsor\n\nAngela Woodhouse – responsible officer for Information Management',
        ],
        [
          'Embedding Corporate Governance and Ensuring Best Practice is identified',
          'A corporate governance working group has been set up to report into the Audit Committee on governance issues and the progress of the action plan. The group has met once and an additional meeting is planned to review changes to the constitution and relevant matters from the information management audit',
          'Quarterly with updates to Audit Committee in October and March',
          'Angela Woodhouse',
        ],
        [
          'Project Management',
          'The report into the Museum  East Wing project by the Chief Executive has confirmed that project management arrangements have significantly improved to address financial, planning and procurement of capital projects.',
          null,
          'Paul Riley, Head of Finance and Resources  reporting to CLT who will continue to monitor the adequacy of project management in the context of “lessons learned” from the Museum Project.',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 3,
    items: [
      {
        row: 4,
        startsWith: 'Corporate Leadership Team have identified',
        target: '2013-09-30',
        status: 'complete',
        rag: 'Complete',
        leads: ['Anna Collier, Project Manager', 'David Edwards Project Sponsor', 'Angela Woodhouse – responsible officer for Information Management'],
      },
      { row: 5, startsWith: 'Embedding Corporate Governance', leads: ['Angela Woodhouse'], statedRag: null },
      { row: 6, startsWith: 'Project Management', target: null },
    ],
    findings: [{ code: 'no-target-date', cell: 'C6' }],
    noFindings: ['overdue', 'missing-owner', 'missing-description'],
  },
};

export default plan;

import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-maidstone-ags-action-plan-update-2014-15',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix A – Annual Governance Statement Action Plan Update: Updated Actions for 2014-15',
    meeting: 'Audit Committee, 2014-15 (the stored appendix does not carry the meeting date)',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMzOTI4NyUyRkFwcGVuZGl4JTIwQSUyMC0lMjBBbm51YWwlMjBHb3Zlcm5hbmNlJTIwU3RhdGVtZW50JTIwQWN0aW9uJTIwUGxhbiUyMFVwZGF0ZS5odG1sJTNGQ1QlM0QyJmFsbD0x',
    kind: 'ags-action-plan',
  },
  notes:
    'AGS action plan: "Governance Issue / Action Update / By When / By Whom". The governance issue is the action; "Action Update" is ' +
    'a narrative with bullets; "By When" holds prose instead of dates ("The action plan has targets for the next eighteen months.", ' +
    '"Quarterly meetings with updates to Audit Committee and CLT every six months.") or a stacked "(Proposed timetable)" whose latest ' +
    'date is March 2015; "By Whom" is one person with her post after a comma ("Angela Woodhouse, Head of Policy and Communications"), ' +
    'which must not be split into two owners. The stored text is cut inside the third row\'s "By When" (after "Overview and Scrutiny ' +
    'Invited to Review March 2015.", then "A"): rows 1–3 are transcribed, the third row\'s "By When" up to its last whole line and its ' +
    '"By Whom" left empty because it is lost (so no missing-owner is asserted for it). The meeting date is not in the text: the update ' +
    'reports an officer appointed "in September" and a timetable starting in November, so asOf is 30 November 2014 (assumed). C6\'s "Drafted November - February" names months without a year beside "March 2015": only the dated month is read as a date (months without a year are read alone only, in the year of the report), so no several-target-dates finding is expected there.',
  asOf: '2014-11-30',
  sheets: [
    {
      name: 'AGS Action Plan',
      rows: [
        ['Appendix A'],
        ['Updated Actions for 2014-15'],
        ['Governance Issue', 'Action Update', 'By When', 'By Whom'],
        [
          'Implementation of the Information Management Action Plan',
          'The vision and principles for information management have been agreed\n\nAn information management officer was appointed in September. A number of actions have been completed:\n\n·  New Freedom of Information and Data Protection Guidance developed\n·  Training Programme for staff under development\n·  Asset Register creation begun\n·  Public Disclosure Log for Freedom of Information Requests now on the internet\n·  Begun drafting Information Sharing Policy\n·  Produced guidance for staff on information Sharing\n·  Research carried out for Information Management Strategy and Information Sharing Policy\n·  Identification of approach to the Information Risk Register\n·  Research into best practice and approach to record retention and disposal',
          'The action plan has targets for the next eighteen months.',
          'Angela Woodhouse, Head of Policy and Communications',
        ],
        [
          'Embedding Corporate Governance and Ensuring Best Practice is identified',
          'The Corporate Governance Working Group has met twice and will continue to meet quarterly.',
          'Quarterly meetings with updates to Audit Committee and CLT every six months.',
          'Angela Woodhouse, Head of Policy and Communications',
        ],
        [
          'A new Communication and Engagement Strategy will be put in place to run from 2015-2020 alongside the Strategic Plan',
          'Work has been undertaken to identify the key stakeholders.\n\nThe Communication and Engagement Strategy will support the delivery of the Strategic Plan work has begun with Heads of Service to identify key communication and engagement actions that will support the strategic priorities.\n\nA strategy and action plan will be developed based on the agreed strategic priorities to be finalised.',
          '(Proposed timetable)\n\nDrafted November - February\n\nOverview and Scrutiny Invited to Review March 2015.',
          null,
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 3,
    items: [
      { row: 4, startsWith: 'Implementation of the Information Management Action Plan', leads: ['Angela Woodhouse, Head of Policy and Communications'], target: null },
      { row: 5, startsWith: 'Embedding Corporate Governance', leads: ['Angela Woodhouse, Head of Policy and Communications'], target: null, statedRag: null },
      { row: 6, startsWith: 'A new Communication and Engagement Strategy', target: '2015-03-31' },
    ],
    findings: [{ code: 'unrecognised-date', cell: 'C4' }],
    noFindings: ['overdue', 'missing-description'],
  },
};

export default plan;

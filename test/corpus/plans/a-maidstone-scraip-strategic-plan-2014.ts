import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-maidstone-scraip-strategic-plan-2014',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix B – Scrutiny Committee Recommendation Action and Implementation Plan (SCRAIP): Strategic Plan Refresh 2014-15',
    meeting: 'Recommendations of the Strategic Leadership and Corporate Services Overview and Scrutiny Committee, 7 January 2014 (minute 91); the SCRAIP was reviewed at the Scrutiny Coordinating Committee of 25 February 2014',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/primary-areas/your-councillors?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMzNDYxMyUyRkFwcGVuZGl4JTIwQiUyMC0lMjBTY3J1dGlueSUyMENvbW1pdHR0ZWUlMjBSZWNvbW1lbmRhdGlvbiUyMEFjdGlvbiUyMEltcHJvdmVtZW50JTIwUGxhbi5odG1sJTNGQ1QlM0QyJmFsbD0x',
    kind: 'scrutiny-tracker',
  },
  notes:
    'Scrutiny recommendation tracker in its Word form: a title row, a form-style "Label: value" block (Committee / Meeting Date / ' +
    'Minute № / Topic), then "Recommendation[i] / Cabinet Member[ii] / Response[iii] / Timetable[iv] / Lead Officer[v]" with footnote ' +
    'markers, a Cabinet Member column beside the Lead Officer column (the officer owns the action), "Meeting held by 28 February 2014" ' +
    'as a timetable and "Completed" typed in the Timetable column, and "Notes on the completion of SCRAIP" under the table. ' +
    'The whole table (four recommendations a–d) is transcribed. The stored text is cut inside the second note ("[ii] I"): only note [i] ' +
    'is kept. The Appendix does not say which meeting it went to; asOf is 25 February 2014, the Scrutiny Coordinating Committee that ' +
    'reviewed SCRAIPs (assumed), three days before the first recommendation\'s date. Row 9\'s response ("Agreed dates have been circulated") is a narrative: no status is read from it, and due in three days with nothing recorded is Caution either way.',
  asOf: '2014-02-25',
  sheets: [
    {
      name: 'SCRAIP',
      rows: [
        ['SCRUTINY COMMITTEE RECOMMENDATION ACTION AND IMPLEMENTATION PLAN (SCRAIP)'],
        [],
        ['Committee:', 'Strategic Leadership and Corporate Services Overview and Scrutiny Committee'],
        ['Meeting Date:', '7 January 2014'],
        ['Minute №:', 91],
        ['Topic:', 'Strategic Plan Refresh 2014-15'],
        [],
        ['Recommendation[i]', 'Cabinet\nMember[ii]', 'Response[iii]', 'Timetable[iv]', 'Lead Officer[v]'],
        [
          'a)    A focus group, consisting of all members of the Strategic Leadership and Corporate Services Overview and Scrutiny committee, be arranged to look at reducing the number of Performance Indicators included in the Strategic Plan;',
          'Councillor Moss/ The Leader',
          'Agreed dates have been circulated',
          'Meeting held by\n28 February 2014',
          'Angela Woodhouse',
        ],
        [
          'b)    The Head of Policy and Communications identifies with the appropriate Maidstone Borough Council departments which specific actions can be achieved by 2015 in relation to the priority outcome ‘By 2015 residents in Maidstone are not disadvantaged because of where they live or who they are, vulnerable people are assisted and the level of deprivation is reduced’ so that clarity on what is achievable can be provided in the report to Cabinet;',
          'Councillor Moss/ The Leader',
          'Agreed. Strategic Plan has been changed to reflect this.',
          'Completed',
          'Angela Woodhouse',
        ],
        [
          'c)    Ways in which to strengthen relationships with Parish Councils should be addressed and included in the ‘Customer care and engagement’ section of the Strategic Plan; and',
          'Councillor Moss/ The Leader',
          'Agreed',
          'Completed',
          'Angela Woodhouse',
        ],
        [
          'd)    References to the Autumn Statement 2012 are updated within the Strategic Plan to 2013.',
          'Councillor Moss/ The Leader',
          'Agreed',
          'Completed',
          'Angela Woodhouse',
        ],
        [],
        ['Notes on the completion of SCRAIP'],
        [],
        ['[i] Report recommendations are listed as found in the report.'],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 4,
    items: [
      { row: 9, startsWith: 'a)    A focus group', leads: ['Angela Woodhouse'], target: '2014-02-28', status: null, rag: 'Caution' },
      { row: 10, startsWith: 'b)    The Head of Policy', leads: ['Angela Woodhouse'], status: 'complete', rag: 'Complete' },
      { row: 11, startsWith: 'c)    Ways in which to strengthen', leads: ['Angela Woodhouse'], target: null, status: 'complete', rag: 'Complete' },
      { row: 12, startsWith: 'd)    References to the Autumn Statement', leads: ['Angela Woodhouse'], status: 'complete', rag: 'Complete' },
    ],
    findings: [{ code: 'due-soon', cell: 'D9' }],
    noFindings: ['missing-owner', 'overdue', 'unrecognised-date', 'missing-description'],
  },
};

export default plan;

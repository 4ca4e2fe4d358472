import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-highland-nhs-board-follow-up-2009',
  source: {
    body: 'NHS Highland (Highland NHS Board)',
    title: 'Follow up from Board action plans – September 2008 onwards (Item 2)',
    meeting: 'Highland NHS Board, 11 August 2009',
    where: 'https://paperzz.com/doc/7295819/follow-up-from-board-action-plans',
    kind: 'other',
  },
  notes:
    'NHS board action log with no lead and no date column: "Meeting / Item / Action / Progress / Outcome" (the heading "Action / ' +
    'Progress" is one column), title rows and a legend sentence above the table ("Those items shaded grey are due to be removed…"), ' +
    'meeting cells left blank under "Board 04/11/08" for the items that follow it, and an Outcome column that names where the item ' +
    'went next ("Board Dev. 10/08/09", "CEs Report 11/08/09", "Board 07/04/09 – deferred") or says it is done ("Completed as ' +
    'Services work."). The stored text is a flattened PDF: the grey shading is lost (so no fills), and cells are split over lines; ' +
    'each Outcome was assigned to the row whose subject it names (the Health & Safety "Dev Session" note to the Health & Safety row). ' +
    'The text is cut inside the row "Board 03/02/09 / Peoples…": the nine rows before it are transcribed. Blank Meeting cells are kept ' +
    'blank, not filled in. Every action lacks an owner and a target date, which is what the findings must say.',
  asOf: '2009-08-11',
  sheets: [
    {
      name: 'Board follow up',
      rows: [
        ['Highland NHS Board'],
        ['11 August 2009'],
        ['Item 2'],
        ['FOLLOW UP FROM BOARD ACTION PLANS – SEPTEMBER 2008 ONWARDS'],
        ['Those items shaded grey are due to be removed from the Action Plan as they have been completed, or will be considered at the next Board.'],
        ['Meeting', 'Item', 'Action / Progress', 'Outcome'],
        [
          'Board 02/09/08',
          'Mental Health of Children and\nYoung People',
          'A visit to the CAMHS services should be included in the\nprogramme of visits for Non Executive Directors.',
          'Children’s Champions to attend\nCAMHS Operational Management\nGroup.',
        ],
        [
          'Board 07/10/08',
          'Health & Safety – Occupational\nRoad Risk',
          'This could potentially be discussed at a future meeting',
          'Board 07/04/09 – deferred\nHealth & Safety suggested as future\nDev Session topic.',
        ],
        ['Board 07/10/08', 'Commissioning Older\nServices - Argyll & Bute', 'CHP to keep Board informed of progress.', 'CEs Report 11/08/09'],
        [
          'Board 04/11/08',
          'Clinical Governance Committee',
          'A briefing on the implications of increasing the threshold for neonatal admissions to be circulated to Board members.',
          'Completed as\nServices work.',
        ],
        [null, 'Area Clinical Forum', 'A future report to be submitted to the Board on the Charge\nNurse Review (Leading Better Care)', 'Board Dev. 10/08/09'],
        [
          null,
          'Grants to Voluntary Organisations',
          'Director of Community Care to liaise with Argyll & Bute Council\nwith a view to working towards a joint compact to cover both\nlocal authority areas, with a report being submitted to the Board\nin due course.\nNote also additional report on strategic\ncommissioning of voluntary orgs and timetable for Board.',
          'CEs Report 11/08/09',
        ],
        [null, 'Non-Executive Director\nInvolvement in Meetings', 'The criteria for Non Executive Director involvement in meetings\nto be reviewed.', 'Board Dev. 10/08/09'],
        [
          null,
          'Governance Committee Assurance\nReports',
          'A review of the effectiveness of the Assurance Reports from\ncommittees would be undertaken later in the year.',
          'Board 06/10/09',
        ],
        [null, 'Volunteering Strategy', 'The Strategy will be presented to the Board in June 2009 for\napproval.', 'Board 06/10/09'],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 9,
    items: [
      { row: 7, startsWith: 'A visit to the CAMHS services', leads: [], target: null },
      { row: 9, startsWith: 'CHP to keep Board informed', leads: [], target: null, statedRag: null },
      { row: 10, startsWith: 'A briefing on the implications', status: 'complete', rag: 'Complete' },
      { row: 12, startsWith: 'Director of Community Care to liaise', leads: [], target: null },
      { row: 15, startsWith: 'The Strategy will be presented', leads: [], target: null },
    ],
    findings: [
      { code: 'missing-owner', cell: 'C7' },
      { code: 'missing-owner', cell: 'C11' },
      { code: 'no-target-date', cell: 'C7' },
      { code: 'no-target-date', cell: 'C15' },
    ],
    noFindings: ['overdue', 'missing-description'],
  },
};

export default plan;

import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-eeast-trust-board-action-tracker-2023-05',
  source: {
    body: 'East of England Ambulance Service NHS Trust',
    title: 'Action Tracker – In Public Trust Board Action Tracker for the meeting on 10.05.2023',
    meeting: 'Trust Board (in public), 10 May 2023',
    where: 'https://www.eastamb.nhs.uk/about-us/action-tracker-copy-4.htm',
    kind: 'other',
  },
  notes:
    'NHS board action log, same template as the November 2023 tracker: "Ref / Source (agenda title / item / date / Action Ref) / ' +
    'Action / Lead / Due Date / Status / Proposed to Open/ Close". Two owners in one cell ("NED-WT/DoN"), an empty Due Date, ' +
    '"Proposed for Closure" instead of "O" in the last column, a status cell that starts with a stray space and a month ' +
    '(" July – Proposed new metrics…"). The stored page is cut inside the fifth row (45.16, whose Status ends "Actions taken to da"): ' +
    'the four rows before it are transcribed. Whether "Proposed for Closure" means done is for the Board to decide, so the ' +
    'expectations do not state a status for those rows.',
  asOf: '2023-05-10',
  sheets: [
    {
      name: 'Action Tracker',
      rows: [
        ['In Public Trust Board Action Tracker for the meeting on 10.05.2023'],
        ['Ref', 'Source\n(agenda title / item /\ndate / Action Ref)', 'Action', 'Lead', 'Due Date', 'Status', 'Proposed to Open/ Close'],
        [
          85.6,
          'Public Board, 15.03.2023, PUB22/3/85, Patient Story',
          'NED-WT to work with the DoN to share local organisations who could support developments for those with different communications needs',
          'NED-WT/DoN',
          null,
          'Verbal update to be provided',
          'O',
        ],
        [
          90.13,
          'Public Board, 15.03.2023, PUB22/3/90, Integrated Performance Report',
          'Report timeline for the next phase of IPR developments',
          'DoCAP',
          '10.05.2023',
          ' July – Proposed new metrics being agreed and processed at present.',
          'Proposed for Closure',
        ],
        [
          92.5,
          'Public Board, 15.03.2023, PUB22/3/92, Inclusivity Plan',
          'Request consideration be given to the leadership pipeline for all minority staffing groups. ',
          'DoSCE',
          '10.05.2023',
          'We are currently developing an inclusion training plan for the next three years. Following the EDI surveys, it is clear we must have a thorough plan of how we will embed a level of cultural competence throughout our workforce.\nThe plan will cover a three year period and will demonstrate how we will build skills and knowledge with staff, and leaders, on several cultural elements. Part of the training plan will also cover how we will support staff with protected characteristics; this may be through providing access to courses run by ICBs or NHSE or access to internal led courses. ',
          'Proposed for Closure',
        ],
        [
          68.4,
          'Public Board, 18.01.2022, PUB22/3/68, Board Assurance Framework',
          'Key strategic contracts to be identified and KPIs monitored at committee level',
          'DoF',
          '10.05.2023',
          'Head of Procurement to raise at EPAG to determine which contracts are considered ‘key’ and which Committee should receive report of KPIs',
          'O',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 4,
    items: [
      { row: 3, startsWith: 'NED-WT to work with the DoN', leads: ['NED-WT', 'DoN'], target: null },
      { row: 4, startsWith: 'Report timeline for the next phase', leads: ['DoCAP'], target: '2023-05-10' },
      { row: 5, startsWith: 'Request consideration be given to the leadership', leads: ['DoSCE'], target: '2023-05-10' },
      { row: 6, startsWith: 'Key strategic contracts to be identified', leads: ['DoF'], target: '2023-05-10', statedRag: null },
    ],
    findings: [{ code: 'no-target-date', cell: 'E3' }],
    noFindings: ['missing-owner', 'overdue', 'unrecognised-date'],
  },
};

export default plan;

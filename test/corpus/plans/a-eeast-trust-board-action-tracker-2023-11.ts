import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-eeast-trust-board-action-tracker-2023-11',
  source: {
    body: 'East of England Ambulance Service NHS Trust',
    title: 'Matters Arising and Action Tracker – In Public Trust Board Action Tracker for the meeting on 08.11.2023',
    meeting: 'Trust Board (in public), 8 November 2023',
    where: 'http://eastamb2016.nhs.sitekit.net/about-us/matters-arising-and-action-tracker-november-2023.htm',
    kind: 'other',
  },
  notes:
    'NHS board action log. A title row, then "Ref / Source (agenda title / item / date / Action Ref) / Action / Lead / Due Date / ' +
    'Status / Proposed to Open/ Close" (the source heading wrapped over lines in the paper). Leads are directors\' initialisms ' +
    '(DoSCE, FTSUG, DoI, DoCAP); dates typed as text dd.mm.yyyy, one with a word after it ("08.11.2023 Review"), one cell stacking ' +
    'the original and the new due date ("13.09.2023" over "08.11.2023"); Status is a narrative or empty; the last column holds "O" (open). ' +
    'Typos kept ("iplemented", "otraining"). The stored page goes on to a section heading row "Business Delegated to Committees/ Private ' +
    'Board" and is cut inside its first row ("68.4 Referral"): the six rows before it are transcribed, the heading and the cut row left out. ' +
    'A second copy of the page (public.test.eas.nomensa.xyz) shows the same rows with the typos corrected. Row 6 is due on the meeting day with nothing recorded: Caution under PlanCheck\'s rule 4 (not started and due within 30 days).',
  asOf: '2023-11-08',
  sheets: [
    {
      name: 'Action Tracker',
      rows: [
        ['In Public Trust Board Action Tracker for the meeting on 08.11.2023'],
        ['Ref', 'Source\n(agenda title / item /\ndate / Action Ref)', 'Action', 'Lead', 'Due Date', 'Status', 'Proposed to Open/ Close'],
        [
          2,
          'Public Board, 12.07.2023, PUB23/4/30.5, Action Tracker',
          'Provide assurance on essential care skills training compliance',
          'DoSCE',
          '08.11.2023 Review',
          'Being tracked on IPR for essential care skills. Weekly supervision has been iplemented. 6 resuscitation otraining officer posts have been appointed and would commence over following months. Weekly monitoring is in place at directorate and sector level. All of these actions are beginning to demonstrate incremental improvements but the pace needs to be increased to meet trajectory for full compliance by the end of March 2024.',
          'O',
        ],
        [
          5,
          'Public Board, 12.07.2023, PUB23/4/34.8, FTSU Update',
          'FTSU report to be updated to reflect the number of reports raised as a percentage of the number of staff for each area.',
          'FTSUG',
          '08.11.2023',
          'Item not due yet',
          'O',
        ],
        [
          6,
          'Public Board, 12.07.2023, PUB23/4/38.7, CEG structure',
          'Request consideration on the potential for remunerating volunteers for their time commitments',
          'DoI',
          '13.09.2023\n\n08.11.2023',
          '13.09.2023: Three options will report to volunteer advisory forum in October. DoI to confirm outputs to Public Board on 08.11.2023.',
          'O',
        ],
        [
          7,
          'Public Board, 13.09.2023, PUB23/4/57.11, IPR',
          'Include in IPR metric to reflect the number of calls transferred to other providers for response.',
          'DoCAP',
          '08.11.2023',
          null,
          'O',
        ],
        [
          8,
          'Public Board, 13.09.2023, PUB23/4/61.6, Clinical Strategy',
          'Communications plan for clinical strategy to be updated to reflect how engagement with staff, stakeholders and the wider health and social care system would be engaged, and this engagement tested.',
          'DoSCE',
          '08.11.2023',
          null,
          'O',
        ],
        [
          45.16,
          'Public Board, 09.11.2022, PB22/3/45, integrated performance report',
          'Request reporting of a training needs analysis in Q2 2023/24',
          'DoSCE',
          '08.11.2023',
          'Verbal update to be provided',
          'O',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 6,
    items: [
      { row: 3, startsWith: 'Provide assurance on essential care skills', leads: ['DoSCE'], target: '2023-11-08' },
      { row: 4, startsWith: 'FTSU report to be updated', leads: ['FTSUG'], target: '2023-11-08', statedRag: null },
      { row: 5, startsWith: 'Request consideration on the potential', leads: ['DoI'], target: '2023-11-08' },
      { row: 6, startsWith: 'Include in IPR metric', leads: ['DoCAP'], target: '2023-11-08', status: null, rag: 'Caution' },
      { row: 8, startsWith: 'Request reporting of a training needs analysis', leads: ['DoSCE'], target: '2023-11-08' },
    ],
    findings: [{ code: 'several-target-dates', cell: 'E5' }],
    noFindings: ['missing-owner', 'overdue', 'duplicate-number'],
  },
};

export default plan;

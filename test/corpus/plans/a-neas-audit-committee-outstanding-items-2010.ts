import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-neas-audit-committee-outstanding-items-2010',
  source: {
    body: 'North East Ambulance Service NHS Trust (NEAS)',
    title: 'Audit Committee – Register of Outstanding Items (agenda item 20.i)',
    meeting: 'Audit Committee, October 2010 (items brought forward to "Oct 2010"; the day is not in the stored text)',
    where: 'https://fdocuments.us/document/audit-committee-register-of-outstanding-items-20i-audit-register-of.html',
    kind: 'other',
  },
  notes:
    'NHS audit committee action log: "Date / Minute No. / Action / Owner / Status". The Date column lists the meetings at which the ' +
    'item was minuted ("10.03.09/ 20.04.09", "10.11.09", "20.04.10", "20.07.10"), not a due date; the Action cell stacks the subject, ' +
    'the action and each meeting\'s update ("Outstanding", "Outstanding (A Fox not present at this point of the meeting)"); Status is ' +
    'a stack of "B/Fwd <month year>" (brought forward to that meeting). A person reads each item as open and due at the meeting it is ' +
    'brought forward to, so the target is the latest "B/Fwd" month (Oct 2010 → 2010-10-31), and the latest meeting date (20.07.10) ' +
    'is not an overdue target. The stored text is a flattened PDF and is cut inside the fourth item (7.ii.i Audit Committee ' +
    'Development Action Plan): the three items before it are transcribed, with the line breaks restored where the flattened text ' +
    'shows a new date or a new sentence. asOf is 19 October 2010 (assumed: the register is for the October 2010 meeting; the earlier ' +
    'meetings were on the 20th of January, April and July).',
  asOf: '2010-10-19',
  sheets: [
    {
      name: 'Register',
      rows: [
        ['AUDIT COMMITTEE REGISTER OF OUTSTANDING ITEMS'],
        ['Date', 'Minute No.', 'Action', 'Owner', 'Status'],
        [
          '10.03.09/ 20.04.09\n10.11.09\n20.04.10\n20.07.10',
          '14.i',
          'LCFS update\nremoval of fraud related taxi firm from future tenders - clarification of position to July meeting\nThe taxi firm in question had gone bankrupt, however it was reported they had merged with another taxi firm. NEAS would be going to tender for taxi services and all tenders would be examined to see if the (ex) taxi firm in question had merged with any of the taxi firms submitting a tender to the Trust.\nTenders had been received and would be opened w/c 19 th April 2010.\nThe outcome of the tender was unknown and it would be reported at the next meeting',
          'R D French',
          'B/Fwd April 2010\nB/Fwd July 2010\nB/Fwd Oct 2010',
        ],
        [
          '10.11.09\n12.01.10\n20.04.10\n20.07.10',
          '16.i',
          'Ambulance Station Visits\nSecurity of Drugs\nAn update (re assurances, plans, and pro-active audits) would be provided at the next meeting\nOutstanding\nOutstanding (A Fox not present at this point of the meeting)\nIt was reported that the Medicines Management Group had an exception report system in place and that a new tender for the provision of drugs security was underway. AF to provide an update report at the next meeting',
          'A Fox',
          'B/Fwd Jan 2010\nB/Fwd April 2010\nB/Fwd July 2010\nB/Fwd Oct 2010',
        ],
        [
          '10.11.09\n20.07.10',
          '18.i',
          'NHS Security Management Service\nStrengthening Resilience\nDT to provide details of any action plan resulting from the CNI inspection at an appropriate point of time in the future, from which the Committee could take some assurance.\nIt was reported that the CPNI visited the Trust in June 2010. A written report would be provided for the next Audit Committee meeting',
          'D Teasdale',
          'B/Fwd July 2010\nB/Fwd Oct 2010',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 3,
    items: [
      { row: 3, startsWith: 'LCFS update', leads: ['R D French'], target: '2010-10-31', statedRag: null },
      { row: 4, startsWith: 'Ambulance Station Visits', leads: ['A Fox'], target: '2010-10-31', status: null },
      { row: 5, startsWith: 'NHS Security Management Service', leads: ['D Teasdale'], target: '2010-10-31' },
    ],
    noFindings: ['missing-owner', 'overdue', 'unknown-rag'],
  },
};

export default plan;

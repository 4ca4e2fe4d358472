import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-iow-aims-actions-annex-2003',
  source: {
    body: 'Isle of Wight Council',
    title: 'Appendix A – corporate aims: policy, actions, outputs/outcomes and future actions (Aim 1 Affordable housing, Aim 2 Lifelong learning)',
    meeting: 'Education and Community Development Select Committee, 17 February 2003 (committee folder Mod-Education/17-2-03)',
    where: 'http://old-iwight.onthewight.com/council/committees/Mod-Education/17-2-03/appendix%20a.htm',
    kind: 'service-plan',
  },
  notes:
    'A Word table per aim: an "AIM n: ..." heading row, then the header row repeated under each aim, with two columns both headed ' +
    '"OUTPUTS/OUTCOMES" (for this year\'s ACTIONS and for the FUTURE ACTIONS). The POLICY cell spans all rows of its aim (kept as a ' +
    'vertical merge). Bullets typed as "§" (Aim 1) and "·" (Aim 2) are kept, one per line. There is no lead and no date column at all. ' +
    'The stored page (two renderings of the same page; the one with cell separators was used for the cell boundaries) is cut inside the ' +
    'second row of Aim 2 ("Provide advice/support to families with young children · Information and Advice provided through – Early ' +
    'Years programm"), so Aim 1 (3 rows) and the first row of Aim 2 are transcribed. "disables adaptations" is as typed.',
  asOf: '2003-02-17',
  sheets: [
    {
      name: 'Appendix A',
      rows: [
        ['AIM 1: AFFORDABLE HOUSING FOR ALL'],
        ['POLICY', 'ACTIONS', 'OUTPUTS/OUTCOMES', 'FUTURE ACTIONS', 'OUTPUTS/OUTCOMES'],
        [
          'To ensure that anyone living on the Island has access to affordable housing that is appropriate to their needs',
          '§ Deliver the capital programme for new social housing provision.\n§ Enforce planning policies for new social housing within development schemes.',
        ],
        [
          null,
          '§ Bring empty properties back into use.',
          '§ 30 empty properties brought back into use.',
          '§ Continue to bring properties back into use especially for social “in need” groups',
          '§ 50 further properties brought back into use.',
        ],
        [
          null,
          '§ Improve access to and the standard of private housing through improvement and insulation grants, the HMO inspection programme and the Deposit Guarantee Scheme.\n§ Deliver a housing advice service\n§ Support the adaptation of homes for people with disabilities.\n§ Reduce levels of homelessness\n§ Reduce the average length of stay in B & B',
          '§ 75 homes given disables adaptations and 25 unfit homes renovated.',
        ],
        [],
        ['AIM 2: PROMOTING LIFELONG LEARNING FOR ALL'],
        ['POLICY', 'ACTIONS', 'OUTPUTS/OUTCOMES', 'FUTURE ACTIONS', 'OUTPUTS/OUTCOMES'],
        [
          'To make provision for early years education for vulnerable children',
          'Increase the number of childcare places, particularly those with SEN\n· Early Years Childcare Development Plan (EYCDP) reviewed, consulted upon and re-drafted for Council approval (gained in Jan 2003). Revised targets in line with National Requirements. Early Years SEN consultants (3) appointed in 2002 now working in area clusters with pre-schools.',
          '· 2001/02 3 and 4 year old childcare targets met. Free places made available to all those qualifying.\n· SEN provision boosted in pre-school settings enabling early identification of need and appropriate intervention/referral.\n· Oak House Multi Agency Assessment Centre established – Health, Social Services and Education resulting in single track assessment procedures.',
        ],
      ],
      merges: ['A3:A5'],
    },
  ],
  expect: {
    workstreams: 2,
    actions: 4,
    workstreamTitles: ['AIM 1: AFFORDABLE HOUSING FOR ALL', 'AIM 2: PROMOTING LIFELONG LEARNING'],
    items: [
      { row: 3, startsWith: 'Deliver the capital programme', target: null, leads: [], rag: 'Not Started', workstream: 'AIM 1' },
      { row: 4, startsWith: 'Bring empty properties back into use', target: null, leads: [], workstream: 'AIM 1' },
      { row: 5, startsWith: 'Improve access to and the standard of private housing', target: null, leads: [] },
      { row: 9, startsWith: 'Increase the number of childcare places', target: null, leads: [], workstream: 'AIM 2' },
    ],
    findings: [{ code: 'missing-owner' }, { code: 'no-target-date' }],
    noFindings: ['missing-description'],
  },
};

export default plan;

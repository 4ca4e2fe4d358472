import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-waverley-cpa-improvement-plan-2005',
  source: {
    body: 'Waverley Borough Council',
    title: 'CPA Improvement Plan – progress (table "No / Para Ref (to CPA Report) / What? / How? / Who by? / When?")',
    meeting: 'Executive, 1 March 2005 (CPA Improvement Plan Update)',
    where: 'http://waverweb.waverley.gov.uk/live/wbc/newComdb.nsf/f0688ddc4711c8578025761c004fe22b/5f653b92e88cd9d9802575ae00364c93?OpenDocument',
    kind: 'improvement-plan',
  },
  notes:
    'The same CPA Improvement Plan as b-waverley-cpa-improvement-plan-2004, at its next update: same table, updated "Who by?" and "When?" ' +
    'cells. The stored text begins at the header row and is cut inside row 5 ("Progress made against Internal Audit recom"): rows 1-5 are ' +
    'transcribed, row 5\'s "When?" kept up to the cut line. Dated 1 March 2005 by the Executive report "CPA Improvement Plan Update" held in ' +
    'the same committee database (its notes cite Full Council of 10 January 2005 and an EHO starting 24 January 2005). The owner of action 2 ' +
    'is now "David January", a surname that is also a month: it is an owner, not a date.',
  asOf: '2005-03-01',
  sheets: [
    {
      name: 'CPA Improvement Plan',
      rows: [
        ['No', 'Para Ref (to CPA Report)', 'What?', 'How?', 'Who by?', 'When?'],
        [
          '1.',
          '78/91/104',
          'Improve speed with which planning applications are dealt',
          '· Address undelivered items in the Planning Best Value Improvement Plan (e.g. role of Committees and level of delegation)\n· Address the measures required to attract the maximum possible Planning Delivery Grant\n· Develop a more formal approach to when and how we negotiate with a planning applicant.',
          'John Anderson\nditto\nditto',
          'Progress being made against the Planning Best Value Improvement Plan\nMeasures in place\nSee report to September Development Control Committee\nNB see first half BVPIs for evidence of improvement.',
        ],
        ['2.', 42, 'Maintain focus on decent home standard', '· Continue with stock options appraisal process', 'David January', 'Decision taken to go for stock transfer – Full Council 10 January 2005'],
        [
          '3.',
          '84/96',
          'Improve housing benefits performance',
          '· Appoint a new Benefits Manager\n· Move BVPIs back to Upper Quartile\n· Focus on a performance culture in Benefits',
          'Paul Wenham\nditto\nditto',
          'Done (March 2004)\nBy end 2005/06\nNB see first half BVPIs for evidence of improvement.\nBenefits backlog cleared July 2004',
        ],
        [
          '4.',
          77,
          'Meet statutory recycling targets',
          '· Ensure that an informed decision is taken about the possibilities of using Mechanical Biological Treatment (MBT) and/or green waste separation coupled with an active and enforced waste minimisation programme.',
          'Peter Maudsley',
          'Enforced Waste minimisation programme commenced September 2004\nPhase 2 provisional start date July 2005\nTour to MBT plant organised; report on MBT considered; Draft Joint Municipal Waste Strategy to be updated to take account of new Government guidance.',
        ],
        [
          '5.',
          77,
          'Improve Environmental Health performance',
          '· Recruit two new staff for Health & Safety Inspection',
          'Martin Shorten',
          'One EHO appointed July 2004. Second appointee – three attempts at recruitment made EHO will start 24 January 2005',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 5,
    items: [
      { row: 2, startsWith: 'Improve speed with which planning applications', leads: ['John Anderson'], target: null },
      { row: 3, startsWith: 'Maintain focus on decent home standard', leads: ['David January'], target: '2005-01-10' },
      { row: 4, startsWith: 'Improve housing benefits performance', leads: ['Paul Wenham'], target: '2006-03-31', status: 'started' },
      { row: 5, startsWith: 'Meet statutory recycling targets', leads: ['Peter Maudsley'], target: '2005-07-31' },
      { row: 6, startsWith: 'Improve Environmental Health performance', leads: ['Martin Shorten'] },
    ],
    findings: [{ code: 'several-target-dates', cell: 'F4' }],
    noFindings: ['missing-owner', 'missing-description', 'duplicate-number'],
  },
};

export default plan;

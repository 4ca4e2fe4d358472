import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-waverley-cpa-improvement-plan-2004',
  source: {
    body: 'Waverley Borough Council',
    title: 'CPA Improvement Plan – progress (table "No / Para Ref (to CPA Report) / What? / How? / Who by? / When?")',
    meeting: 'Executive, September 2004 (committee document; the stored text shows the table only)',
    where: 'http://waverweb.waverley.gov.uk/live/wbc/newComdb.nsf/f0688ddc4711c8578025761c004fe22b/1b4336c1d537a50d802575ae00364b57?OpenDocument',
    kind: 'improvement-plan',
  },
  notes:
    'Word table after the Audit Commission CPA, question-form headings, a reference column (paragraphs of the CPA report), sub-actions ' +
    'stacked as bullets in "How?" with a matching stack of owners ("John Anderson / ditto / ditto") and, in "When?", a stack mixing ' +
    'dates, status ("Done (March 2004)") and progress notes. The stored text begins at the header row (title and meeting lost) and is cut ' +
    'inside row 5, whose "When?" cell ends "Progress made against Interna": rows 1-5 are transcribed, row 5\'s cell kept up to the last whole ' +
    'sentence. The meeting date is not in the stored text: the notes look forward to "September 2004" and back to "6 August", so asOf is ' +
    'the Executive of 7 September 2004 (inferred). "Para Ref" values that are plain numbers are typed as numbers, as a sheet would hold them.',
  asOf: '2004-09-07',
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
          'See Progress against the Planning Best Value Improvement Plan (attached as Annexe 2).\nMeasures in place\nSee report to September Development Control Committee\nNB see first quarter BVPIs for evidence of improvement.',
        ],
        ['2.', 42, 'Maintain focus on decent home standard', '· Continue with stock options appraisal process', 'John Swanton', 'December 2004/ January 2005'],
        [
          '3.',
          '84/96',
          'Improve housing benefits performance',
          '· Appoint a new Benefits Manager\n· Move BVPIs back to Upper Quartile\n· Focus on a performance culture in Benefits',
          'Paul Wenham\nditto\nditto',
          'Done (March 2004)\nBy end 2005/06\nBenefits backlog cleared July 2004\nSee also progress against the Benefits Best Value Improvement Plan attached as Annexe 3',
        ],
        [
          '4.',
          77,
          'Meet statutory recycling targets',
          '· Ensure that an informed decision is taken about the possibilities of using Mechanical Biological Treatment (MBT) and/or green waste separation coupled with an active and enforced waste minimisation programme.',
          'Peter Maudsley',
          'Enforced Waste minimisation programme to commence September 2004\nPhase 2 provisional start date July 2005\nTour to MBT plant organised; report on MBT considered; Joint Municipal Waste Strategy to be considered in September 2004.',
        ],
        [
          '5.',
          77,
          'Improve Environmental Health performance',
          '· Recruit two new staff for Health & Safety Inspection',
          'Martin Shorten',
          'One EHO appointed July 2004. Second appointee – failed to start, closing date for re-advert was 6 August. (Agency staff being used in interim.)',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 5,
    items: [
      { row: 2, startsWith: 'Improve speed with which planning applications', leads: ['John Anderson'], target: null },
      { row: 3, startsWith: 'Maintain focus on decent home standard', leads: ['John Swanton'], target: '2005-01-31', status: null, rag: 'Not Started' },
      { row: 4, startsWith: 'Improve housing benefits performance', leads: ['Paul Wenham'], target: '2006-03-31', status: 'started' },
      { row: 5, startsWith: 'Meet statutory recycling targets', leads: ['Peter Maudsley'], target: '2005-07-31' },
      { row: 6, startsWith: 'Improve Environmental Health performance', leads: ['Martin Shorten'] },
    ],
    findings: [{ code: 'several-target-dates', cell: 'F4' }, { code: 'several-target-dates', cell: 'F5' }],
    noFindings: ['missing-owner', 'missing-description', 'duplicate-number'],
  },
};

export default plan;

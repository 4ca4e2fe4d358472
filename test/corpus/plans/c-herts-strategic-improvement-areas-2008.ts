import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'c-herts-strategic-improvement-areas-2008',
  source: {
    body: 'Hertfordshire County Council (inferred: the stored text does not name the council)',
    title: 'Improvement Plan – "Current Strategic Areas For improvement" (high level plan for the Strategic Management Board and the P&R panel)',
    meeting: 'Paper dated 25 April 2008 (committee not named in the stored text)',
    where: 'https://docest.com/doc/422386/our-approach-to-improvement-planning-includes-targeting',
    kind: 'improvement-plan',
  },
  notes:
    'Word table with four columns ("Service and Responsible Officer / Area / Why a highlighted area / Actions/ Deadlines/ Outcomes"): the ' +
    'service name and its officers share the first cell ("Children, School’s and Families" over "John Harris" and "Ann Domeney"), the ' +
    '"Why" cell ends with when the area was added ("(added Spring 2007)"), and the "Deadlines" column holds dated progress notes ' +
    '("Updated April 2008: …") rather than deadlines, so no action has a target date. The council is not named: the officers ' +
    '(John Harris, Director of Children, Schools and Families), the 2007 inspection finding safeguarding and looked-after children ' +
    'services inadequate and the DCSF-appointed "Children First" team point to Hertfordshire. The stored text opens with a short ' +
    'preamble (the four targeting bullets and the two kinds of plan) that is not transcribed, and is cut inside the second row\'s ' +
    'update ("- Imple"): rows 1-5 are transcribed, that cell kept up to its last whole bullet. Only two improvement areas are in the ' +
    'stored text. asOf is the paper\'s date.',
  asOf: '2008-04-25',
  sheets: [
    {
      name: 'Improvement Plan',
      rows: [
        ['Improvement Plan'],
        ['Current Strategic Areas For improvement'],
        ['Service and Responsible Officer', 'Area', 'Why a highlighted area', 'Actions/ Deadlines/ Outcomes'],
        [
          'Rob Smith',
          'Highways',
          'Public opinion; relatively poor performance on footways – only average performance on unclassified/non-principal roads; need for long term investment heavy road use.\n(added Spring 2007)',
          'Updated April 2008:\nAction plan being delivered with real improvements in condition and public perceptions.',
        ],
        [
          'Children, School’s and Families\nJohn Harris\nAnn Domeney',
          'Children’s social care',
          'Inspection found that arrangements for safeguarding children and young people are inadequate and contribution of local services to improving outcomes for looked after children and young people is inadequate.\n(added Spring 2007)',
          'Updated April 2008:\nFollowing inspection, Children First, an external support and challenge team reporting to DCSF, was appointed to help the council improve. A detailed 18 month improvement plan was put in place to address the areas of weakness identified in the inspection. Important features of the improvement plan included:\n- Improvements in performance management processes and culture;\n- Implementation of a new IT system to support children’s social care;',
        ],
      ],
      merges: ['A1:D1', 'A2:D2'],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 2,
    workstreamTitles: ['Current Strategic Areas'],
    items: [
      { row: 4, startsWith: 'Highways', leads: ['Rob Smith'], target: null, statedRag: null },
      { row: 5, startsWith: 'Children’s social care', leads: ['John Harris', 'Ann Domeney'], target: null, statedRag: null },
    ],
    findings: [{ code: 'no-target-date' }],
    noFindings: ['missing-owner', 'overdue'],
  },
};

export default plan;

import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-iow-highways-bv-action-plan-outline-2002',
  source: {
    body: 'Isle of Wight Council',
    title: 'Appendix A Best Value Action Plan (Environment committee paper)',
    meeting: 'Environment Select Committee, 26 June 2002',
    where: 'http://old-iwight.onthewight.com/council/committees/Mod-Environment/26-6-02/appendixbestvalue.htm',
    kind: 'numbered-outline',
  },
  notes:
    'A Word-born numbered outline with no header row, no lead and no date: "1 Theme" then "1.1 action" lines, with an empty paragraph ' +
    'between every line (kept as blank rows). Each number and its text were separated by a tab in the paper, so the number sits in ' +
    'column A and the text in column B, as a paste into Excel gives. The stored page is cut inside section 4 ("4 Staff Development ' +
    'within Corporate Initiative", its 4.1 cut mid-sentence), so sections 1-3 (3 themes, 21 actions) are transcribed and section 4 is ' +
    'left out. The ": APR" suffixes (LTP Annual Progress Report) are kept as typed.',
  asOf: '2002-06-26',
  sheets: [
    {
      name: 'Appendix A',
      rows: [
        ["APPENDIX A"],
        [],
        ["BEST VALUE ACTION PLAN"],
        [],
        ["1", "Corporate and Departmental Vision, Objectives and Priorities"],
        [],
        ["1.1", "Show explicit links between Community Plan, Corporate Plan and LTP : APR"],
        [],
        ["1.2", "Note to explain how relevant sections of UDP will change to reflect progress made with other Plans"],
        [],
        ["1.3", "Explain briefly how public views have influenced changes to LTP : APR"],
        [],
        ["2", "Department’s Working Style"],
        [],
        ["2.1", "Summarise pertinent views from the Stakeholders’ Workshop"],
        [],
        ["2.2", "Summarise relevant views from Member/Staff Workshop"],
        [],
        ["2.3", "Agree common method of presenting office procedures/processes"],
        [],
        ["2.4", "Draft system for responding to contacts from the public"],
        [],
        ["2.5", "Draft protocol for working with Members"],
        [],
        ["2.6", "Develop protocol for working with Parish Councils"],
        [],
        ["2.7", "Agree range and style of Department leaflets"],
        [],
        ["2.8", "Draft and secure agreement to about 3 leaflets"],
        [],
        ["2.9", "Scope development of Departmental website within corporate framework, including examples of e-government"],
        [],
        ["3", "Service Strategies"],
        [],
        ["3.1", "Agree content of Executive Summaries"],
        [],
        ["3.2", "Draft and agree Executive Summary for road safety"],
        [],
        ["3.3", "Draft and agree Executive Summary for bus transport"],
        [],
        ["3.4", "Agree scope of highways maintenance strategy"],
        [],
        ["3.5", "Draft key sections - policies, standards, PIs, targets"],
        [],
        ["3.6", "Draft and agree Executive Summary for maintenance"],
        [],
        ["3.7", "Draft and agree method for scheme prioritisation"],
        [],
        ["3.8", "Apply priority method to relevant parts of current programme"],
        [],
        ["3.9", "Draft and gain acceptance to a Design Guide for developers"]
      ],
    },
  ],
  expect: {
    workstreams: 3,
    actions: 21,
    workstreamTitles: ['Corporate and Departmental Vision', 'Department’s Working Style', 'Service Strategies'],
    items: [
      { row: 5, startsWith: 'Corporate and Departmental Vision' },
      { row: 7, startsWith: 'Show explicit links between Community Plan', target: null, leads: [], status: null, rag: 'Not Started', workstream: 'Corporate and Departmental Vision' },
      { row: 31, startsWith: 'Scope development of Departmental website', target: null, leads: [], rag: 'Not Started', workstream: 'Department’s Working Style' },
      { row: 43, startsWith: 'Draft key sections - policies, standards, PIs, targets', target: null, leads: [], workstream: 'Service Strategies' },
      { row: 51, startsWith: 'Draft and gain acceptance to a Design Guide', target: null, leads: [], rag: 'Not Started' },
    ],
    findings: [{ code: 'missing-owner' }, { code: 'no-target-date' }],
    noFindings: ['duplicate-number', 'missing-description', 'unrecognised-date'],
  },
};

export default plan;

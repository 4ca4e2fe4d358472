import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'a-maidstone-scraip-waste-contract-2011',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix A – Scrutiny Committee Recommendation Action and Implementation Plan (SCRAIP): Tendering Strategy – Waste and Recycling Contract from 2013',
    meeting: 'Communities Overview and Scrutiny Committee, 11 October 2011; published with the Cabinet decision of 12 October 2011',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMxNjc1OSUyRldhc3RlJTIwUmVjeWNsaW5nJTIwQXBwZW5kaXglMjBBJTIwdG8lMjB0aGUlMjBEZWNpc2lvbi5odG1sJTNGQ1QlM0QyJmFsbD0x',
    kind: 'scrutiny-tracker',
  },
  notes:
    'The same SCRAIP template as the 2014 one, filled differently: "APPENDIX A" above the title, a form block whose "Minute №:" is ' +
    'empty and whose Topic keeps its run of spaces ("Waste          Tendering Strategy…"), an empty Cabinet Member column (the Lead ' +
    'Officer column is filled, so no owner is missing), the decision-taker and date as the timetable ("Cabinet – 12 October 2011"), ' +
    'footnote notes under the table. Both recommendations are transcribed. The stored text is cut inside note [iii] ("If the ' +
    'recommendation is rejected a"): notes [i]–[iii] are kept up to their last whole sentence. asOf is the Cabinet of 12 October 2011 ' +
    'named in the Timetable, which the file name ("…Appendix A to the Decision") ties the appendix to.',
  asOf: '2011-10-12',
  sheets: [
    {
      name: 'SCRAIP',
      rows: [
        ['APPENDIX A'],
        ['SCRUTINY COMMITTEE RECOMMENDATION ACTION AND IMPLEMENTATION PLAN (SCRAIP)'],
        [],
        ['Committee:', 'Communities Overview and Scrutiny Committee'],
        ['Meeting Date:', '11 October 2011'],
        ['Minute №:', null],
        ['Topic:', 'Waste          Tendering Strategy – Waste and Recycling Contract from 2013, Report to Cabinet.'],
        [],
        ['Recommendation[i]', 'Cabinet\nMember[ii]', 'Response[iii]', 'Timetable[iv]', 'Lead Officer[v]'],
        [
          'The Communities Overview and Scrutiny Committee would like clauses 13.1, 13.2 and 13.3 to be considered by Cabinet in their decision and in making this  decision they accept the ramifications of these clauses within the IAA (Inter Authority Agreement – Appendix 3).',
          null,
          'These clauses in the IAA refer to the withdrawal of any partner from the partnership and the requirement to give 12 months notice in writing. This is considered the norm for such events and anything less would affect budgets within that year which could not be controlled. Anything longer would delay the change process to an unacceptable degree. Therefore Cabinet can accept  the ramifications of these clauses and the wording in the clauses.',
          'Cabinet – 12 October 2011',
          'Steve Goulette',
        ],
        [
          'That an explanation is provided in the column ‘provide details’ in the Equalities Impact Assessment under the characteristic ‘Pregnancy and maternity’ (Appendix 4).',
          null,
          'Agreed -  this will be provided',
          'Cabinet – 12 October 2011',
          'Steve Goulette',
        ],
        [],
        ['Notes on the completion of SCRAIP'],
        ['[i] Report recommendations are listed as found in the report.'],
        ['[ii] Insert in this box the Cabinet Member whose portfolio the recommendation falls within.'],
        [
          '[iii] The Officer/Cabinet Member responsible for responding to the recommendation should indicate in this box either the acceptance or rejection of the recommendation.',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 2,
    items: [
      { row: 10, startsWith: 'The Communities Overview and Scrutiny Committee would like', leads: ['Steve Goulette'], target: '2011-10-12' },
      { row: 11, startsWith: 'That an explanation is provided', leads: ['Steve Goulette'], target: '2011-10-12', status: null, statedRag: null },
    ],
    noFindings: ['missing-owner', 'overdue', 'unrecognised-date', 'missing-description'],
  },
};

export default plan;

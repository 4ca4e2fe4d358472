import type { PlanFixture } from '../types';

const plan: PlanFixture = {
  id: 'b-maidstone-strategic-plan-action-plan-2012',
  source: {
    body: 'Maidstone Borough Council',
    title: 'Appendix B Strategic Plan Action Plan (Covalent export)',
    meeting: 'Corporate Services Overview and Scrutiny Committee, 10 January 2012 (file "120110 Appendix B Strategic Plan Action Plan")',
    where:
      'https://maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/contact-your-parish-council?sq_content_src=%2BdXJsPWh0dHBzJTNBJTJGJTJGbWVldGluZ3MubWFpZHN0b25lLmdvdi51ayUyRmRvY3VtZW50cyUyRnMxOTU5MyUyRjEyMDExMCUyMEFwcGVuZGl4JTIwQiUyMFN0cmF0ZWdpYyUyMFBsYW4lMjBBY3Rpb24lMjBQbGFuLmh0bWwlM0ZDVCUzRDImYWxsPTE%3D',
    kind: 'service-plan',
  },
  notes:
    'HTML rendering of a Covalent action list (documents/s19593), no header row: an objective heading, then code, title, an empty cell ' +
    '(status icon lost), "Assigned To" as Covalent joins several assignees with "; " (a team and a person), and the latest note. The stored ' +
    'page is cut inside the note of OUT 001.02 ("... in order to refine the schedule"), so only Objective 1 and its two actions are transcribed; ' +
    'the note of OUT 001.02 is kept up to the cut. Meeting date from the file name (120110). "Planning & Environment Directorate Change" is one ' +
    'team: its "&" must not split it into two owners.',
  asOf: '2012-01-10',
  sheets: [
    {
      name: 'Appendix B',
      rows: [
        ['Objective 1. A transport network that supports the local economy'],
        [],
        [
          'OUT 001.01',
          'Deliver an integrated transport strategy',
          null,
          'Planning & Environment Directorate Change; Sue Whiteside',
          'The results of the transport modelling that support the development strategy set out in the Core Strategy were presented to Members at a transportation workshop held in March 2011. These findings were published as part of the Core Strategy Public Participation consultation that commenced on 2 September and closed on 14 October 2011. The representations made during the consultation will be reported to Members in due course. In the interim, initial draft parking and cycle strategies that will form part of the Integrated Transport Strategy were considered by the Local Development Document Task and Finish Scrutiny Panel on 19 July 2011. Further research, survey and appraisal work is underway, to test the viability of proposals and to evaluate potential schemes and transportation measures in more detail. Economic impact will be assessed, schemes quantified and a cost benefit analysis completed to ensure the Integrated Transport Strategy is robust and fit for purpose.',
        ],
        [
          'OUT 001.02',
          'Implement an infrastructure delivery plan',
          null,
          'Planning & Environment Directorate Change; Sue Whiteside',
          'An initial draft infrastructure delivery schedule was subject to Public Participation consultation with the Core Strategy from 2 September to 14 October 2011. The representations made during the consultation will be reported to Members in due course. The schedule was prepared in consultation with the service and infrastructure providers, and included a list of unprioritised infrastructure schemes together with costs (that excluded the identification of funding sources). In advance of engagement with Members to prioritise the schemes that will form part of the detailed Infrastructure Delivery Plan (IDP), a project management team which includes the Head of Finance is being set up, in order to refine the schedule',
        ],
      ],
    },
  ],
  expect: {
    workstreams: 1,
    actions: 2,
    workstreamTitles: ['Objective 1. A transport network'],
    items: [
      {
        row: 3,
        startsWith: 'Deliver an integrated transport strategy',
        leads: ['Planning & Environment Directorate Change', 'Sue Whiteside'],
        target: null,
        statedRag: null,
        workstream: 'Objective 1.',
      },
      { row: 4, startsWith: 'Implement an infrastructure delivery plan', leads: ['Planning & Environment Directorate Change', 'Sue Whiteside'], target: null },
    ],
    findings: [{ code: 'no-target-date' }],
    noFindings: ['missing-owner', 'missing-description'],
  },
};

export default plan;

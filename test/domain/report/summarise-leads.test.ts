import { summariseLeads } from '../../../src/domain/report/summarise-leads';

describe('the Leads line of the monthly report', () => {
  it("lists the reasons a rep reads first (a rejection, then the SLA's, then a rescore's), any other after them, none with no Lead, and totals them", () => {
    const summary = summariseLeads({
      created: 9,
      worked: 5,
      converted: 2,
      disqualifiedByReason: { nurture: 1, unknown: 1, sla_no_progress: 2, rejected: 3, disqualified: 0 },
    });
    expect(summary).toEqual({
      created: 9,
      worked: 5,
      disqualified: 7,
      disqualifiedByReason: [
        { reason: 'rejected', count: 3 },
        { reason: 'sla_no_progress', count: 2 },
        { reason: 'nurture', count: 1 },
        { reason: 'unknown', count: 1 },
      ],
      converted: 2,
    });
  });
});

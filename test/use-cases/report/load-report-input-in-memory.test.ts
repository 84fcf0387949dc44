import { agreementShape } from '../../../src/domain/agreement-schema';
import type { AgreementVersion } from '../../../src/use-cases/ports/agreement-versions';
import type { LeadEventRow, ReportReadsPort } from '../../../src/use-cases/ports/report-reads';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import type { ReportStore } from '../../../src/use-cases/report/report-ports';
import { AGREEMENT, tokyo } from './seed-store';

// The report's use-case over an in-memory read model: what it makes of the rows, without a database.

const PORTAL = '42';
const NOW = tokyo('2026-12-01T12:00');

const approved: AgreementVersion = {
  ...{ portalId: PORTAL, version: 1, status: 'active', name: 'v1', body: agreementShape.parse(AGREEMENT) },
  ...{ createdBy: null, createdAt: tokyo('2026-08-01T00:00'), proposedBy: null, proposedAt: null },
  ...{ proposedSide: null, proposedTeamMapping: null, rationale: null, diff: null },
  ...{ approvedBy: 'sales@example.com', approvedAt: tokyo('2026-09-01T00:00') },
  ...{ sentBackBy: null, sentBackAt: null, sentBackComment: null },
};

const handoff = (contactId: string, qualified: string, props: Partial<LeadEventRow> = {}): LeadEventRow => ({
  ...{ contactId, tier: 'sales_ready', qualifiedAt: tokyo(qualified), recycledAt: null, slaStatus: null },
  ...{
    grade: 'A1',
    score: 80,
    stage: 'decision',
    agreementVersion: 1,
    followUpDue: null,
    recycleCause: null,
  },
  ...props,
});

/** A read model holding `events`; every contact owned by `o-<id>`; records the ids of each contacts read. */
function inMemoryStore(events: LeadEventRow[]): ReportStore & { contactReads: number[] } {
  const contactReads: number[] = [];
  const reportReads: ReportReadsPort = {
    leadEvents: async () => events,
    cohort: async () => [],
    heldBack: async () => [],
    contactProperties: async (_portal, ids) => {
      contactReads.push(ids.length);
      return ids.map((contactId) => ({ contactId, properties: { hubspot_owner_id: `o-${contactId}` } }));
    },
    seenValues: async () => [],
    verdicts: async () => [],
    slaBreaches: async () => [],
    leadTouches: async () => [],
  };
  const leads = {
    countsBetween: async () => ({ created: 0, worked: 0, disqualifiedByReason: {}, converted: 0 }),
  };
  return { agreements: { approved: async () => [approved] }, reportReads, leads, contactReads };
}

describe('the report input read through its ports', () => {
  it('When a handoff has several history rows, then it is handed once, owned by its contact snapshot', async () => {
    const store = inMemoryStore([
      handoff('c1', '2026-11-02T10:00'),
      handoff('c1', '2026-11-02T10:00', { grade: 'A2' }),
    ]);
    const input = await loadReportInput(store, PORTAL, '2026-11', NOW);
    expect(input.handoffs).toEqual([
      expect.objectContaining({
        contactId: 'c1',
        grade: 'A1',
        ownerId: 'o-c1',
        at: tokyo('2026-11-02T10:00'),
      }),
    ]);
    expect(input.timezone).toBe('Asia/Tokyo');
    expect(input.capacity).toBe(3);
  });

  it('When many leads were handed, then their contacts are read 500 at a time', async () => {
    const ids = Array.from({ length: 1201 }, (_, i) => `c${i}`);
    const store = inMemoryStore(ids.map((id) => handoff(id, '2026-11-03T10:00')));
    await loadReportInput(store, PORTAL, '2026-11', NOW);
    expect(store.contactReads).toEqual([500, 500, 201]);
  });

  it('When a stored grade is not a grade, then the report refuses it naming the column', async () => {
    const store = inMemoryStore([handoff('c1', '2026-11-02T10:00', { grade: 'Z9' })]);
    await expect(loadReportInput(store, PORTAL, '2026-11', NOW)).rejects.toMatchObject({
      code: 'internal',
      details: [{ path: 'qualification_history.grade' }],
    });
  });
});

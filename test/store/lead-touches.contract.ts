import type { NewLeadHandoff } from '../../src/use-cases/ports/leads';
import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

/** The report's read of HubSpot Leads worked by a rep (first touches), over the leads table. */
export function leadTouchesContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);
  const handoff = (contactId: string, handoffAt: number): NewLeadHandoff => ({
    contactId,
    handoffAt,
    name: `Contact ${contactId} · A1`,
    ownerId: '101',
    companyId: null,
    grade: 'A1',
    route: 'inside_sales',
    reasons: 'fits',
  });
  /** A handoff whose Lead HubSpot created as `leadId`. */
  async function handedOver(portal: string, contactId: string, handoffAt: number, leadId: string) {
    const leads = store().leads;
    await leads.open(portal, handoff(contactId, handoffAt), handoffAt);
    const claimed = await leads.claimDue(portal, handoffAt, 10, 60_000);
    const row = claimed.find((r) => r.contactId === contactId && r.handoffAt === handoffAt);
    await leads.markSynced(portal, row!, leadId, 'new-stage-id', handoffAt + 1);
  }

  it("reads when a rep first moved each of the contacts' Leads on, every handoff of a contact, and nothing of Leads never worked or of other portals and contacts", async () => {
    const portal = freshPortal();
    const other = freshPortal();
    const leads = store().leads;
    await handedOver(portal, '1', 1000, 'L1');
    await leads.recordStage(portal, 'L1', 'attempting-stage-id', 2000, { byRep: true, converted: false });
    await leads.recordStage(portal, 'L1', 'connected-stage-id', 3000, { byRep: true, converted: false });
    await leads.close(portal, '1', 'disqualified', 'sla_no_progress', null, 4000);
    await handedOver(portal, '1', 5000, 'L2');
    await leads.recordStage(portal, 'L2', 'attempting-stage-id', 6000, { byRep: true, converted: false });
    await handedOver(portal, '2', 1000, 'L3');
    // Lead Pact's own move is no touch.
    await leads.recordStage(portal, 'L3', 'attempting-stage-id', 2000, { byRep: false, converted: false });
    await handedOver(portal, '3', 1000, 'L4');
    await leads.recordStage(portal, 'L4', 'attempting-stage-id', 2500, { byRep: true, converted: false });
    await handedOver(other, '1', 1000, 'L5');
    await store().leads.recordStage(other, 'L5', 'attempting-stage-id', 1500, {
      byRep: true,
      converted: false,
    });

    const touches = await store().reportReads.leadTouches(portal, ['1', '2']);
    expect(touches).toEqual([
      { contactId: '1', at: 2000 },
      { contactId: '1', at: 6000 },
    ]);
    expect(await store().reportReads.leadTouches(portal, [])).toEqual([]);
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/db-schema';
import { addActiveAgreement, addContacts, addHistory, tokyo } from './seed-store';

/** The seeded portal. */
export const PORTAL = '42';
/** HubSpot owner ids (test/fixtures/hubspot/crm-owners-*.json): an active user, and one deactivated since. */
export const HANA_SATO = '41629779';
export const YUKI_TANAKA = '41629780';
const ms = (local: string) => String(tokyo(local));

/*
 * November 2026 in Tokyo, capacity 3 (December 2). c1 handed 2 Nov, touched after 6 h, accepted, now an
 * opportunity. c4 handed 5 Nov, touched after 120 h (past due 9 Nov, breached), rejected and recycled
 * 10 Nov. c2 handed 23:30 on 30 Nov (November in Tokyo), not due yet. c3 handed 00:30 on 1 Dec: not
 * November's. c5 nurture with a deal; c6 held back by capacity; c7 disqualified; c9 handed in October,
 * touched, recycled 00:10 on 1 Nov for no progress. c8 handed in October, touched 2 h later (seen through
 * a webhook), now a customer. Another portal's rows must not leak in.
 */
export async function seedNovember({ db }: { db: Kysely<Database> }): Promise<void> {
  await addActiveAgreement(db, PORTAL);
  await addContacts(db, PORTAL, {
    c1: {
      hubspot_owner_id: HANA_SATO,
      notes_last_contacted: ms('2026-11-02T16:00'),
      lifecyclestage: 'opportunity',
    },
    c2: { hubspot_owner_id: YUKI_TANAKA, lifecyclestage: 'lead' },
    c3: { hubspot_owner_id: YUKI_TANAKA, lifecyclestage: 'lead' },
    c4: {
      hubspot_owner_id: HANA_SATO,
      hs_last_sales_activity_timestamp: '2026-11-10T00:00:00.000Z',
      num_associated_deals: '0',
    },
    c5: { lifecyclestage: 'lead', num_associated_deals: '1' },
    c6: { lifecyclestage: 'lead' },
    c7: { lifecyclestage: 'customer' },
    c8: {
      hubspot_owner_id: HANA_SATO,
      notes_last_contacted: ms('2026-11-20T10:00'),
      lifecyclestage: 'customer',
    },
    c9: {
      hubspot_owner_id: YUKI_TANAKA,
      notes_last_contacted: ms('2026-10-02T10:00'),
      lifecyclestage: 'lead',
    },
  });
  await addHistory(db, PORTAL, [
    {
      contact: 'c8',
      at: '2026-10-10T10:00',
      tier: 'sales_ready',
      grade: 'A1',
      qualified: '2026-10-10T10:00',
      due: '2026-10-14T10:00',
    },
    {
      contact: 'c9',
      at: '2026-10-01T10:00',
      tier: 'sales_ready',
      grade: 'A1',
      qualified: '2026-10-01T10:00',
      due: '2026-10-03T10:00',
    },
    {
      contact: 'c9',
      at: '2026-11-01T00:10',
      tier: 'recycled',
      grade: 'A1',
      qualified: '2026-10-01T10:00',
      sla: 'met',
      recycled: '2026-11-01T00:10',
    },
    {
      contact: 'c1',
      at: '2026-11-02T10:00',
      tier: 'sales_ready',
      grade: 'A1',
      qualified: '2026-11-02T10:00',
      due: '2026-11-04T10:00',
      sla: 'on_track',
      criteria: [
        ['fit', 'company-size', 40],
        ['fit', 'role', 0],
        ['signal', 'quote-click', 60],
      ],
    },
    {
      contact: 'c1',
      at: '2026-11-02T16:05',
      tier: 'sales_ready',
      grade: 'A1',
      qualified: '2026-11-02T10:00',
      due: '2026-11-04T10:00',
      sla: 'met',
      criteria: [
        ['fit', 'company-size', 40],
        ['signal', 'quote-click', 60],
      ],
    },
    {
      contact: 'c4',
      at: '2026-11-05T09:00',
      tier: 'sales_ready',
      grade: 'A2',
      qualified: '2026-11-05T09:00',
      due: '2026-11-09T09:00',
    },
    {
      contact: 'c4',
      at: '2026-11-09T09:00',
      tier: 'sales_ready',
      grade: 'A2',
      qualified: '2026-11-05T09:00',
      due: '2026-11-09T09:00',
      sla: 'breached',
    },
    {
      contact: 'c4',
      at: '2026-11-10T10:00',
      tier: 'recycled',
      grade: 'A2',
      reason: 'recycled',
      qualified: '2026-11-05T09:00',
      sla: 'breached',
      recycled: '2026-11-10T10:00',
      criteria: [
        ['fit', 'role', 30],
        ['signal', 'doc-request', 20],
      ],
    },
    { contact: 'c7', at: '2026-11-12T10:00', tier: 'disqualified', grade: 'D4', reason: 'disqualified' },
    {
      contact: 'c5',
      at: '2026-11-15T10:00',
      tier: 'nurture',
      grade: 'C3',
      stage: 'interest',
      criteria: [
        ['fit', 'industry', 15],
        ['signal', 'doc-request', 20],
      ],
    },
    {
      contact: 'c6',
      at: '2026-11-20T10:00',
      tier: 'nurture',
      grade: 'A1',
      reason: 'capacity',
      criteria: [
        ['fit', 'company-size', 40],
        ['signal', 'quote-click', 60],
      ],
    },
    {
      contact: 'c2',
      at: '2026-11-30T23:30',
      tier: 'sales_ready',
      grade: 'B1',
      stage: 'comparison',
      qualified: '2026-11-30T23:30',
      due: '2026-12-02T23:30',
      criteria: [
        ['fit', 'company-size', 25],
        ['signal', 'price-list', 35],
        ['disqualify', 'customer', 0],
      ],
    },
    {
      contact: 'c3',
      at: '2026-12-01T00:30',
      tier: 'sales_ready',
      grade: 'A1',
      qualified: '2026-12-01T00:30',
      due: '2026-12-03T00:30',
    },
  ]);
  await addHistory(db, 'other-portal', [
    {
      contact: 'c1',
      at: '2026-11-03T10:00',
      tier: 'sales_ready',
      grade: 'B1',
      qualified: '2026-11-03T10:00',
    },
  ]);
  await db
    .insertInto('signal_history')
    .values({
      portal_id: PORTAL,
      contact_id: 'c8',
      property: 'notes_last_contacted',
      value: ms('2026-10-10T12:00'),
      occurred_at: tokyo('2026-10-10T12:00'),
    })
    .execute();
  await db
    .insertInto('verdicts')
    .values([
      {
        portal_id: PORTAL,
        contact_id: 'c1',
        user_id: 'u1',
        verdict: 'accepted',
        reason: null,
        note: null,
        at: tokyo('2026-11-03T10:00'),
      },
      {
        portal_id: PORTAL,
        contact_id: 'c4',
        user_id: 'u1',
        verdict: 'rejected',
        reason: 'not_ready',
        note: null,
        at: tokyo('2026-11-10T10:00'),
      },
    ])
    .execute();
}

import type { Kysely } from 'kysely';
import type { Route } from '../../../src/domain/agreement-schema';
import type { Database } from '../../../src/store/db-schema';
import { AGREEMENT, tokyo } from './seed-store';

/** The portal of the route-capped seed. */
export const ROUTES_PORTAL = '77';
/** November: 6 in all, field sales 2, inside sales 4 (from its default). */
export const CAPPED = {
  ...AGREEMENT,
  capacity: {
    default: 6,
    months: {},
    routes: { field_sales: { default: 3, months: { '2026-11': 2 } }, inside_sales: { default: 4 } },
  },
};

/**
 * The agreement, approved on 1 Sep 2026, and November's handoffs: two to field sales, one to inside sales. With
 * `heldToo`, leads held back by capacity: in November h1 and h2 (field sales, by its own cap), h3 (inside sales, by the
 * total), h4 (held back before routes were stored) and h5 (held back, then disqualified: not counted); in October o1
 * handed to field sales and o2 held back by its cap.
 */
export async function seedRouteCaps(
  db: Kysely<Database>,
  agreement: unknown = CAPPED,
  heldToo = true,
): Promise<void> {
  const PORTAL = ROUTES_PORTAL;
  await db
    .insertInto('agreement_versions')
    .values({
      ...{ portal_id: PORTAL, version: 1, status: 'active', name: 'routes', body: JSON.stringify(agreement) },
      ...{ created_by: '1', created_at: tokyo('2026-08-20T10:00'), proposed_by: '1' },
      ...{ proposed_at: tokyo('2026-08-25T10:00'), proposed_side: 'marketing', rationale: null },
      ...{ approved_by: '2', approved_at: tokyo('2026-09-01T10:00'), sent_back_by: null, sent_back_at: null },
      ...{ sent_back_comment: null, diff: null },
    })
    .execute();
  const row = (contact: string, day: string, route: Route) => ({
    ...{
      portal_id: PORTAL,
      contact_id: contact,
      tier: 'sales_ready',
      grade: 'A1',
      score: 80,
      stage: 'decision',
    },
    ...{ route, tier_reason: 'grade', reasons: '', agreement_version: 1, qualified_at: tokyo(day) },
    ...{ follow_up_due: null, sla_status: 'on_track', recycled_at: null, capacity_month: '2026-11' },
    ...{ criteria: '[]', at: tokyo(day) },
  });
  /** A lead kept in nurture for capacity, as score-now stores it: headed to `route`, held by `by` (null: before 010). */
  const held = (contact: string, day: string, route: Route | null, by: 'route' | 'total' | null) => ({
    ...row(contact, day, 'marketing'),
    ...{
      tier: 'nurture',
      tier_reason: 'capacity',
      qualified_at: null,
      sla_status: null,
      capacity_month: null,
    },
    ...{ held_route: route, held_by: by },
  });
  await db
    .insertInto('qualification_history')
    .values([
      row('c1', '2026-11-02T10:00', 'field_sales'),
      row('c2', '2026-11-03T10:00', 'field_sales'),
      row('c3', '2026-11-04T10:00', 'inside_sales'),
      ...(heldToo
        ? [
            held('h1', '2026-11-05T10:00', 'field_sales', 'route'),
            held('h2', '2026-11-06T10:00', 'field_sales', 'route'),
            held('h2', '2026-11-20T10:00', 'field_sales', 'route'), // held again the same month: counted once
            held('h3', '2026-11-07T10:00', 'inside_sales', 'total'),
            held('h4', '2026-11-08T10:00', null, null), // held back before migration 010: in the total only
            held('h5', '2026-11-09T10:00', 'field_sales', 'route'),
            {
              ...held('h5', '2026-11-10T10:00', null, null),
              tier: 'disqualified',
              tier_reason: 'disqualified',
            },
            { ...row('o1', '2026-10-10T10:00', 'field_sales'), capacity_month: '2026-10' },
            held('o2', '2026-10-12T10:00', 'field_sales', 'route'),
          ]
        : []),
    ])
    .execute();
}

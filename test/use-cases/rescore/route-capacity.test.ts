import type { Route } from '../../../src/domain/agreement-schema';
import type { ContactRecord } from '../../../src/domain/qualification';
import { renderReasons } from '../../../src/domain/render-reasons';
import { qualifyNow } from '../../../src/use-cases/card/qualify-now';
import { validAgreement } from '../../../src/use-cases/agreements/save-draft';
import { rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import type { ScoringEngine } from '../../../src/use-cases/rescore/scoring-engine';
import { useStore } from '../../store/store-contract';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { fakeEngine } from './fake-engine';
import { rescoreDeps } from './rescore-deps';
import { activate, agreementWith } from './rescore-fixtures';

const NOW = Date.UTC(2026, 11, 10, 3); // 2026-12 in Asia/Tokyo
const now = () => NOW;

/** The fake engine (grade and score from the contact), routed by the contact's `route`, with the real reasons. */
const routedEngine: ScoringEngine = {
  ...fakeEngine,
  qualify(contact, agreement, at, state) {
    const q = fakeEngine.qualify(contact, agreement, at, state);
    return q.tier === 'sales_ready' ? { ...q, route: contact.properties.route as Route } : q;
  },
  renderReasons,
};

/** Total capacity `total`, field sales capped at `field` (December included), inside sales uncapped. */
function routeCapped(total: number, field: number) {
  return {
    ...agreementWith({ capacity: total }),
    capacity: {
      default: total,
      months: {},
      routes: { field_sales: { default: 10, months: { '2026-12': field } } },
    },
  };
}

/** A1 contacts c00..: `routes[i]` with score 90 - 5i (the first ones score highest). */
function leads(routes: Route[]): ContactRecord[] {
  return routes.map((route, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    properties: { grade: 'A1', score: String(90 - 5 * i), route },
    company: null,
  }));
}

const F: Route = 'field_sales';
const I: Route = 'inside_sales';

describe.each(ENGINE_FACTORIES)('capacity per route on %s', (_engine, make) => {
  const store = useStore(make);
  let n = 0;
  const portal = () => `route-cap-${++n}`;
  const tiers = async (p: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        store().qualifications.get(p, `c${String(i).padStart(2, '0')}`),
      ),
    );

  it('rescore: a route at its cap holds back only its own leads, naming the route; the others still take places', async () => {
    const p = portal();
    await store().contacts.upsertMany(p, leads([F, F, F, F, F, I, I, I]), 1);
    const v = await activate(store(), p, routeCapped(8, 3));
    const result = await rescorePortal(rescoreDeps(store(), routedEngine), {
      portalId: p,
      agreementVersion: v,
      now,
    });
    expect(result.madeSalesReady).toBe(6);
    const q = await tiers(p, 8);
    expect(q.map((x) => x!.tier)).toEqual([
      'sales_ready',
      'sales_ready',
      'sales_ready',
      'nurture',
      'nurture',
      'sales_ready',
      'sales_ready',
      'sales_ready',
    ]);
    expect(q[3]).toMatchObject({ tierReason: 'capacity' });
    expect(q[3]!.reasons).toBe(
      'A1 (score 75, Nurture): Capacity: Field sales is full for 2026-12. No criterion met.',
    );
    // Stored for the card and the report: the route it was headed to, held by that route's own cap.
    expect(q[3]!.heldBack).toEqual({ route: 'field_sales', by: 'route' });
    expect((await store().qualifications.history(p, 'c03'))[0]!.heldBack).toEqual({
      route: 'field_sales',
      by: 'route',
    });
    expect(q[0]!.heldBack).toBeNull();
    expect(await store().capacity.used(p, '2026-12')).toBe(6);
    expect(await store().capacity.usedByRoute(p, '2026-12')).toEqual({
      field_sales: 3,
      inside_sales: 3,
      marketing: 0,
    });
  });

  it('rescore: the total still binds every route, and a lead held by it says sales is full', async () => {
    const p = portal();
    await store().contacts.upsertMany(p, leads([F, I, F, I, I, I]), 1);
    const v = await activate(store(), p, routeCapped(4, 3));
    await rescorePortal(rescoreDeps(store(), routedEngine), { portalId: p, agreementVersion: v, now });
    const q = await tiers(p, 6);
    expect(q.map((x) => x!.tier)).toEqual([
      'sales_ready',
      'sales_ready',
      'sales_ready',
      'sales_ready',
      'nurture',
      'nurture',
    ]);
    expect(q[4]!.reasons).toBe(
      'A1 (score 70, Nurture): Capacity: sales is full for 2026-12. No criterion met.',
    );
    expect(q[4]!.heldBack).toEqual({ route: 'inside_sales', by: 'total' });
    expect(await store().capacity.usedByRoute(p, '2026-12')).toEqual({
      field_sales: 2,
      inside_sales: 2,
      marketing: 0,
    });
  });

  it('score-now on the card: a lead of a full route stays in nurture, another route still takes a place', async () => {
    const p = portal();
    const agreement = validAgreement(routeCapped(10, 1));
    const scoreNow = (contact: ContactRecord, locale: 'en' | 'ja' = 'en') =>
      store().transaction((tx) =>
        qualifyNow(tx, routedEngine, {
          portalId: p,
          contactId: contact.id,
          version: 1,
          agreement,
          locale,
          q: routedEngine.qualify(contact, agreement, NOW),
          current: undefined,
          now: NOW,
        }),
      );
    const [f1, f2, i1] = leads([F, F, I]);
    expect(await scoreNow(f1!)).toMatchObject({
      tier: 'sales_ready',
      route: 'field_sales',
      capacityMonth: '2026-12',
    });
    const held = await scoreNow(f2!, 'ja');
    expect(held).toMatchObject({
      tier: 'nurture',
      tierReason: 'capacity',
      capacityMonth: null,
      heldBack: { route: 'field_sales', by: 'route' },
    });
    expect(held.reasons).toContain('受け入れ枠：フィールドセールスの2026-12分は上限に達しています。');
    expect(await scoreNow(i1!)).toMatchObject({ tier: 'sales_ready', route: 'inside_sales' });
    expect(await store().capacity.usedByRoute(p, '2026-12')).toEqual({
      field_sales: 1,
      inside_sales: 1,
      marketing: 0,
    });
  });

  it('score-now on the card: when the total is full the reason says so, whatever the route', async () => {
    const p = portal();
    const agreement = validAgreement(routeCapped(1, 5));
    const [f1, f2] = leads([I, F]);
    const results = [];
    for (const contact of [f1!, f2!]) {
      results.push(
        await store().transaction((tx) =>
          qualifyNow(tx, routedEngine, {
            portalId: p,
            contactId: contact.id,
            version: 1,
            agreement,
            locale: 'en',
            q: routedEngine.qualify(contact, agreement, NOW),
            current: undefined,
            now: NOW,
          }),
        ),
      );
    }
    expect(results.map((r) => r.tier)).toEqual(['sales_ready', 'nurture']);
    expect(results[1]!.reasons).toContain('Capacity: sales is full for 2026-12.');
    expect(results[1]!.heldBack).toEqual({ route: 'field_sales', by: 'total' });
  });
});

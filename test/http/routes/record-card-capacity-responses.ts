import { DAY, NOW, PORTAL_A, startApi } from './api-harness';
import { activateAgreement, connectPortal, EXAMPLE_AGREEMENT } from './api-seed';
import type { Recorded } from './recorded-fixture';

const PORTAL = String(PORTAL_A);

/** November 2026 (NOW is 27 Nov in Tokyo): two places in all, field sales one of its own; inside sales uncapped. */
const ROUTE_CAPPED = {
  ...EXAMPLE_AGREEMENT,
  capacity: { default: 2, months: {}, routes: { field_sales: { default: 1 } } },
};

/**
 * Directors at 1,200-person software companies (fit A). A quote click is decision stage (routed to field sales), a
 * price-list download today comparison (inside sales); both A2, sales-ready.
 */
const director = (id: string, action: 'Newsletter: get a quote' | 'Web: price list', daysAgo: number) => ({
  id,
  properties: {
    jobtitle: `Director ${id}`,
    recent_conversion_event_name: action,
    recent_conversion_date: new Date(NOW - daysAgo * DAY).toISOString(),
  },
  company: { numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
});
export const FIELD_1 = director('401', 'Newsletter: get a quote', 3);
export const FIELD_2 = director('402', 'Newsletter: get a quote', 3);
export const INSIDE_1 = director('403', 'Web: price list', 0);
export const INSIDE_2 = director('404', 'Web: price list', 0);

/**
 * `GET /api/card` answers of the real card routes (fixed clock, fresh SQLite) for a lead kept in nurture by capacity.
 * Field sales may take 1 place in November, 2 in all. Scored now, in order: 401 (field sales) takes field sales'
 * place; 402 (field sales) is held back by field sales' cap while the total has room -> card-scored-held-by-route;
 * 403 (inside sales) takes the last place; 404 (inside sales) is held back by the total -> card-scored-held-by-total.
 */
export async function recordCardCapacityResponses(): Promise<Recorded[]> {
  const api = await startApi();
  const recorded: Recorded[] = [];
  const card = (id: string) =>
    api.call('GET', `/api/card?objectId=${id}`, { portalId: PORTAL_A, user: 's1' });
  try {
    await connectPortal(api);
    await activateAgreement(api, ROUTE_CAPPED, 'Field sales is busy');
    const contacts = [FIELD_1, FIELD_2, INSIDE_1, INSIDE_2];
    await api.store.contacts.upsertMany(PORTAL, contacts, NOW);
    for (const c of contacts) {
      const res = await api.call('POST', '/api/card/score-now', {
        portalId: PORTAL_A,
        user: 's1',
        body: { objectId: c.id },
      });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    }
    for (const [name, id] of [
      ['card-scored-held-by-route', FIELD_2.id],
      ['card-scored-held-by-total', INSIDE_2.id],
    ] as const) {
      const res = await card(id);
      recorded.push({ area: 'card', name, status: res.status, body: await res.json() });
    }
  } finally {
    await api.close();
  }
  return recorded;
}

import { parseAgreement } from '../../src/domain/parse-agreement';
import type { ContactRecord } from '../../src/domain/qualification';
import { createSimulation } from '../../src/domain/simulation/create-simulation';
import { renderSimulation } from '../../src/domain/simulation/render-simulation';
import { simulateContacts } from '../../src/use-cases/simulate/simulate-contacts';
import { exampleJson } from '../domain/example-agreement';

const NOW = Date.parse('2026-12-10T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

/** The example agreement (quote click: decision, field sales; price list: comparison, inside sales) with caps. */
function agreement(routes?: unknown) {
  const json = exampleJson();
  json.capacity = { default: 80, months: { '2026-12': 5 } } as typeof json.capacity;
  if (routes !== undefined) (json.capacity as Record<string, unknown>).routes = routes;
  const parsed = parseAgreement(json);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

/** A director of a 1,200-person company who clicked "get a quote" (field sales) or got the price list (inside sales). */
const lead = (id: string, action: 'quote' | 'price list', age: number): ContactRecord => ({
  id,
  properties: {
    jobtitle: 'Sales Director',
    recent_conversion_event_name: action === 'quote' ? 'Get a quote' : 'Downloaded the price list',
    recent_conversion_date: daysAgo(age),
  },
  company: { numberofemployees: '1200' },
});

// Four field-sales leads (the hottest) and three inside-sales leads; December: 5 in all, field sales 2.
const leads = [
  lead('f1', 'quote', 0),
  lead('f2', 'quote', 1),
  lead('f3', 'quote', 2),
  lead('f4', 'quote', 3),
  lead('i1', 'price list', 0),
  lead('i2', 'price list', 0),
  lead('i3', 'price list', 0),
];
const CAPS = { field_sales: { default: 10, months: { '2026-12': 2 } }, inside_sales: { default: 40 } };

function simulate(routes?: unknown) {
  const simulation = createSimulation(agreement(routes), { month: '2026-12', now: NOW });
  leads.forEach((c) => simulation.add(c));
  return simulation.result();
}

describe('simulate with capacity per route', () => {
  it('counts each route against its cap: field sales full at 2, inside sales takes the places left', () => {
    const result = simulate(CAPS);
    expect(result.capacity).toEqual({
      capacity: 5,
      eligible: 7,
      salesReady: 5,
      heldBack: 2,
      unused: 0,
      routes: [
        { route: 'field_sales', capacity: 2, eligible: 4, salesReady: 2, heldBack: 2 },
        { route: 'inside_sales', capacity: 40, eligible: 3, salesReady: 3, heldBack: 0 },
      ],
    });
    expect(result.routes).toEqual({ field_sales: 2, inside_sales: 3, marketing: 2 });
  });

  it('without route caps hands the hottest over whatever their route, and the output has no route lines', () => {
    const result = simulate();
    expect(result.capacity.routes).toBeUndefined();
    expect(result.routes).toEqual({ field_sales: 4, inside_sales: 1, marketing: 2 });
    expect(renderSimulation(result)).not.toMatch(/^ {2}field_sales:/m);
  });

  it('prints one capacity line per route under the total', () => {
    const text = renderSimulation(simulate(CAPS));
    expect(text).toContain(
      'Capacity 2026-12: 5 sales-ready of 5 (7 eligible, 2 held back by capacity, 0 unused)\n' +
        '  field_sales: 2 sales-ready of 2 (4 eligible, 2 held back)\n' +
        '  inside_sales: 3 sales-ready of 40 (3 eligible, 0 held back)',
    );
  });

  it('a route capped only in other months says so', () => {
    const text = renderSimulation(simulate({ field_sales: { months: { '2027-01': 1 } } }));
    expect(text).toContain('  field_sales: 4 sales-ready of no cap of its own (4 eligible, 0 held back)');
  });

  it('the service simulation charts each route against its cap per month', async () => {
    const draft = agreement(CAPS);
    const rows = leads.map((contact) => ({ contact }));
    const pages = {
      page: async (_portal: string, after: string | null) => (after === null ? rows : []),
    };
    const answer = await simulateContacts(
      pages as never,
      { portalId: '1', draft, active: null, now: NOW, month: '2026-12' } as never,
      { maxContacts: 1000, maxSeconds: 60, maxConcurrent: 2 } as never,
      rows.length,
    );
    expect(answer.draft.salesReadyByMonth[0]).toEqual({
      month: '2026-12',
      count: 5,
      capacity: 5,
      routes: [
        { route: 'field_sales', count: 2, capacity: 2 },
        { route: 'inside_sales', count: 3, capacity: 40 },
      ],
    });
    expect(answer.draft.salesReadyByMonth[1]).toMatchObject({
      month: '2027-01',
      capacity: 80,
      routes: [
        { route: 'field_sales', count: 4, capacity: 10 },
        { route: 'inside_sales', count: 3, capacity: 40 },
      ],
    });
  });
});

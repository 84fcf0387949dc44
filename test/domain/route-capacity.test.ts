import fc from 'fast-check';
import { ROUTES, type Route } from '../../src/domain/agreement-schema';
import {
  allocateCapacity,
  allocateRanked,
  capacityForMonth,
  routeCapacitiesForMonth,
  routeCapacityForMonth,
} from '../../src/domain/allocate-capacity';
import { diffAgreements } from '../../src/domain/diff-agreements';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { qualify } from '../../src/domain/qualify';
import { renderReasons } from '../../src/domain/render-reasons';
import { contact, daysAgo, NOW } from './builders';
import { exampleJson } from './example-agreement';

const lead = (id: string, score: number, route: Route) => ({ id, score, route });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

/** The example agreement with the route caps: field sales 10 a month (10 in December), inside sales 40. */
function withRouteCaps(
  routes: unknown = {
    field_sales: { default: 10, months: { '2026-12': 10 } },
    inside_sales: { default: 40 },
  },
) {
  const json = exampleJson();
  (json.capacity as Record<string, unknown>).routes = routes;
  return json;
}

function parsed(json: unknown) {
  const result = parseAgreement(json);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe('capacity per route: the agreement', () => {
  it('accepts route caps besides the total, and a document without them means what it meant', () => {
    const agreement = parsed(withRouteCaps());
    expect(capacityForMonth(agreement, '2026-12')).toBe(40);
    expect(routeCapacityForMonth(agreement, 'field_sales', '2026-12')).toBe(10);
    expect(routeCapacityForMonth(agreement, 'inside_sales', '2026-12')).toBe(40);
    expect(routeCapacityForMonth(agreement, 'marketing', '2026-12')).toBeNull();
    expect(routeCapacitiesForMonth(agreement, '2027-03')).toEqual({ field_sales: 10, inside_sales: 40 });
    const plain = parsed(exampleJson());
    expect(plain.capacity.routes).toBeUndefined();
    expect(routeCapacitiesForMonth(plain, '2026-12')).toEqual({});
  });

  it('leaves a route without a default uncapped in the months it does not name', () => {
    const agreement = parsed(withRouteCaps({ field_sales: { months: { '2026-12': 5 } } }));
    expect(routeCapacitiesForMonth(agreement, '2026-12')).toEqual({ field_sales: 5 });
    expect(routeCapacitiesForMonth(agreement, '2027-01')).toEqual({});
  });

  it('names a misspelt route, a bad month and a negative cap at their paths', () => {
    const result = parseAgreement(
      withRouteCaps({
        field_sale: { default: 1 },
        inside_sales: { default: -1, months: { '2026-13': 3 } },
      }),
    );
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'capacity.routes.field_sale',
        'capacity.routes.inside_sales.default',
        'capacity.routes.inside_sales.months.2026-13',
      ]),
    );
  });

  it("limits the routes and each route's months (AGREEMENT_LIMITS)", () => {
    const months = Object.fromEntries(
      Array.from({ length: 121 }, (_, i) => [
        `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        1,
      ]),
    );
    const tooManyMonths = parseAgreement(withRouteCaps({ field_sales: { default: 1, months } }));
    expect(tooManyMonths).toEqual({
      success: false,
      errors: [{ path: 'capacity.routes.field_sales.months', message: 'at most 120 months (got 121)' }],
    });
    const routes = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`route_${i}`, { default: 1 }]));
    const tooManyRoutes = parseAgreement(withRouteCaps(routes));
    expect(tooManyRoutes).toEqual({
      success: false,
      errors: [{ path: 'capacity.routes', message: 'at most 20 routes (got 21)' }],
    });
  });
});

describe('capacity per route: the allocation', () => {
  it('holds back only the leads of a full route; lower scores of other routes take the places left', () => {
    const result = allocateCapacity({
      capacity: 4,
      alreadyHandedOver: 0,
      candidates: [
        lead('f1', 95, 'field_sales'),
        lead('f2', 90, 'field_sales'),
        lead('f3', 85, 'field_sales'),
        lead('i1', 50, 'inside_sales'),
        lead('i2', 40, 'inside_sales'),
      ],
      routes: { field_sales: { capacity: 2, alreadyHandedOver: 0 } },
    });
    expect(ids(result.salesReady)).toEqual(['f1', 'f2', 'i1', 'i2']);
    expect(ids(result.heldBack)).toEqual(['f3']);
    expect(result.remaining).toBe(0);
  });

  it('respects the total too: when it is full, every route is held back, higher scores first', () => {
    const ranked = [
      lead('a', 90, 'inside_sales'),
      lead('b', 80, 'field_sales'),
      lead('c', 70, 'field_sales'),
      lead('d', 60, 'inside_sales'),
    ];
    const result = allocateRanked(
      ranked,
      { capacity: 10, alreadyHandedOver: 8 },
      { field_sales: { capacity: 5, alreadyHandedOver: 4 } },
    );
    expect(result.held).toEqual([null, null, 'total', 'total']);
    expect(result.takenByRoute).toEqual({ inside_sales: 1, field_sales: 1 });
    expect(result.taken).toBe(2);
  });

  it('names the full route while the total still has room, and counts places already taken in the route', () => {
    const result = allocateRanked(
      [lead('a', 90, 'field_sales'), lead('b', 80, 'inside_sales'), lead('c', 70, 'field_sales')],
      { capacity: 40, alreadyHandedOver: 0 },
      {
        field_sales: { capacity: 10, alreadyHandedOver: 10 },
        inside_sales: { capacity: 40, alreadyHandedOver: 0 },
      },
    );
    expect(result.held).toEqual(['field_sales', null, 'field_sales']);
    expect(result.remaining).toBe(39);
  });

  it('breaks ties by id whatever the input order, inside a route as across routes', () => {
    const routes = { field_sales: { capacity: 1, alreadyHandedOver: 0 } };
    const a = [lead('z', 80, 'field_sales'), lead('m', 80, 'field_sales'), lead('k', 80, 'inside_sales')];
    for (const candidates of [a, [...a].reverse()]) {
      const result = allocateCapacity({ capacity: 2, alreadyHandedOver: 0, candidates, routes });
      expect(ids(result.salesReady)).toEqual(['k', 'm']);
      expect(ids(result.heldBack)).toEqual(['z']);
    }
  });

  it('never exceeds the total or a route cap, loses nobody, and a held lead ranks below every lead of its route handed over', () => {
    const candidates = fc.uniqueArray(
      fc.record({
        id: fc.string(),
        score: fc.integer({ min: 0, max: 100 }),
        route: fc.constantFrom(...ROUTES),
      }),
      { selector: (c) => c.id },
    );
    const cap = fc.record({ capacity: fc.nat(10), alreadyHandedOver: fc.nat(12) });
    fc.assert(
      fc.property(cap, fc.option(cap, { nil: undefined }), candidates, (total, field, list) => {
        const routes = field === undefined ? {} : { field_sales: field };
        const { salesReady, heldBack } = allocateCapacity({ ...total, candidates: list, routes });
        expect(salesReady.length).toBeLessThanOrEqual(Math.max(0, total.capacity - total.alreadyHandedOver));
        if (field !== undefined) {
          const inField = salesReady.filter((c) => c.route === 'field_sales').length;
          expect(inField).toBeLessThanOrEqual(Math.max(0, field.capacity - field.alreadyHandedOver));
        }
        expect(salesReady.length + heldBack.length).toBe(list.length);
        for (const held of heldBack) {
          const sameRoute = salesReady.filter((c) => c.route === held.route || held.route !== 'field_sales');
          sameRoute.forEach((c) => expect(c.score).toBeGreaterThanOrEqual(held.score));
        }
      }),
    );
  });
});

describe('capacity per route: the reason', () => {
  const agreement = parsed(withRouteCaps());
  const hot = contact(
    {
      jobtitle: 'Sales Director',
      recent_conversion_event_name: 'Get a quote',
      recent_conversion_date: daysAgo(3),
    },
    { numberofemployees: '1,200' },
  );
  const q = qualify(hot, agreement, NOW);

  it('names the full route in English and Japanese, from the one dictionary', () => {
    const held = { ...q, tier: 'nurture' as const, tierReason: 'capacity' as const };
    const route = { ...held, heldBack: { month: '2026-12', route: 'field_sales' as const } };
    expect(renderReasons(route, 'en')).toMatch(
      /^A2 \(score \d+, Nurture\): Capacity: Field sales is full for 2026-12\. Clicked/,
    );
    expect(renderReasons(route, 'ja')).toContain(
      '受け入れ枠：フィールドセールスの2026-12分は上限に達しています。',
    );
    const total = { ...held, heldBack: { month: '2026-12', route: null } };
    expect(renderReasons(total, 'en')).toContain('Capacity: sales is full for 2026-12. ');
    expect(renderReasons(total, 'ja')).toContain('受け入れ枠：2026-12分は営業全体の上限に達しています。');
  });

  it('says nothing of capacity for a lead that was not held back', () => {
    expect(renderReasons(q, 'en')).not.toContain('Capacity');
  });
});

describe('capacity per route: the version diff', () => {
  it('names each route cap that is new, changed or removed, in English and Japanese', () => {
    const before = parsed(withRouteCaps({ field_sales: { default: 10, months: { '2026-12': 10 } } }));
    const after = parsed(
      withRouteCaps({
        field_sales: { default: 10, months: { '2026-12': 5 } },
        inside_sales: { default: 40 },
      }),
    );
    expect(diffAgreements(before, after).map((l) => [l.path, l.change, l.text])).toEqual([
      [
        'capacity.routes.field_sales.months[2026-12]',
        'changed',
        'capacity.routes.field_sales.months[2026-12]: now 5, was 10',
      ],
      [
        'capacity.routes.inside_sales.default',
        'added',
        'capacity.routes.inside_sales.default: now 40 per month (new)',
      ],
    ]);
    expect(diffAgreements(after, parsed(exampleJson()), 'ja').map((l) => l.text)).toContain(
      'capacity.routes.inside_sales.default: 削除（変更前: 40件/月）',
    );
    expect(diffAgreements(parsed(exampleJson()), parsed(exampleJson()))).toEqual([]);
  });
});

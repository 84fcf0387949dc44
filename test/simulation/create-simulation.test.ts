import { parseAgreement } from '../../src/domain/parse-agreement';
import type { ContactRecord } from '../../src/domain/qualification';
import { createSimulation } from '../../src/domain/simulation/create-simulation';
import { sizeAndQuotePact } from './size-and-quote-pact';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

const agreement = (capacity: number) => {
  const input = sizeAndQuotePact(capacity);
  const parsed = parseAgreement(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
};

const contact = (id: string, properties: Record<string, string>, employees?: string): ContactRecord =>
  employees === undefined
    ? { id, properties }
    : { id, properties, company: { numberofemployees: employees } };
const quote = (at?: string) => ({
  recent_conversion_event_name: 'Get a quote',
  ...(at ? { recent_conversion_date: at } : {}),
});

const contacts = [
  contact('c1', quote(daysAgo(0)), '500'), // A1, score 80
  contact('c2', quote(daysAgo(14)), '500'), // 30 intent points: A3
  contact('c3', quote(), '500'), // date unknown: full 60 points, A1, score 80
  contact('c4', quote(daysAgo(0)), '1,500'), // A1, 70 fit points: score 82
  contact('c5', { ...quote(daysAgo(0)), lifecyclestage: 'customer' }, '500'), // disqualified A1, converted
  contact('c6', {}), // D4
  contact('c7', { lifecyclestage: 'opportunity' }, '50'), // D4, converted
  contact('c8', { ...quote(daysAgo(0)), lifecyclestage: 'lead', num_associated_deals: '0' }, '500'), // A1, not converted
];

describe('createSimulation', () => {
  it('counts tiers, grades, stages and routes, handing the highest scores to sales up to capacity', () => {
    const simulation = createSimulation(agreement(2), { month: '2026-11', now: NOW });
    contacts.forEach((c) => simulation.add(c));
    const result = simulation.result();
    expect(result).toMatchObject({
      agreement: 'Test pact',
      month: '2026-11',
      contacts: 8,
      tiers: { sales_ready: 2, nurture: 5, recycled: 0, disqualified: 1 },
      stages: { awareness: 2, interest: 0, comparison: 0, decision: 6 },
      routes: { field_sales: 2, inside_sales: 0, marketing: 6 },
      capacity: { capacity: 2, eligible: 4, salesReady: 2, heldBack: 2, unused: 0 },
    });
    expect(Object.entries(result.grades).filter(([, n]) => n > 0)).toEqual([
      ['A1', 5],
      ['A3', 1],
      ['D4', 2],
    ]);
  });

  it('reports conversion per grade among contacts that carry an outcome', () => {
    const simulation = createSimulation(agreement(2), { month: '2026-11', now: NOW });
    contacts.forEach((c) => simulation.add(c));
    const conversion = simulation.result().conversion;
    expect(conversion).toMatchObject({ contacts: 3, converted: 2, rate: 0.6667 });
    expect(conversion?.byGrade.A1).toEqual({ contacts: 2, converted: 1, rate: 0.5 });
    expect(conversion?.byGrade.D4).toEqual({ contacts: 1, converted: 1, rate: 1 });
    expect(conversion?.byGrade.B1).toEqual({ contacts: 0, converted: 0, rate: null });
  });

  it('has no conversion section when no contact carries an outcome', () => {
    const simulation = createSimulation(agreement(2), { month: '2026-11', now: NOW });
    simulation.add(contact('x', quote(daysAgo(1)), '500'));
    expect(simulation.result().conversion).toBeNull();
  });

  it('never hands over more than capacity however many contacts qualify, and uses the month figure', () => {
    const simulation = createSimulation(agreement(3), { month: '2026-11', now: NOW });
    for (let i = 0; i < 5000; i++)
      simulation.add(contact(`c${i}`, quote(daysAgo(0)), String(100 + (i % 2000))));
    const { capacity, tiers } = simulation.result();
    expect(capacity).toEqual({ capacity: 3, eligible: 5000, salesReady: 3, heldBack: 4997, unused: 0 });
    expect(tiers.sales_ready).toBe(3);
    const december = createSimulation(agreement(3), { month: '2026-12', now: NOW });
    december.add(contact('y', quote(daysAgo(0)), '500'));
    expect(december.result().capacity).toEqual({
      capacity: 80,
      eligible: 1,
      salesReady: 1,
      heldBack: 0,
      unused: 79,
    });
  });

  it('names the properties the agreement reads that no contact had, and only those', () => {
    const simulation = createSimulation(agreement(2), { month: '2026-11', now: NOW });
    simulation.add(contact('a', { recent_conversion_event_name: 'quote' }));
    simulation.add(contact('b', { lifecyclestage: ' ' }));
    expect(simulation.result().unseenProperties).toEqual([
      'company.numberofemployees',
      'recent_conversion_date',
      'lifecyclestage',
    ]);
    contacts.forEach((c) => simulation.add(c));
    expect(simulation.result().unseenProperties).toEqual([]);
  });
});

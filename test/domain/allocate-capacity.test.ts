import fc from 'fast-check';
import { allocateCapacity, capacityForMonth, monthOf } from '../../src/domain/allocate-capacity';
import { exampleAgreement } from './example-agreement';

const lead = (id: string, score: number) => ({ id, score });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('allocateCapacity', () => {
  it('hands the highest scores to sales and holds the rest back when more qualify than fit', () => {
    const result = allocateCapacity({
      capacity: 2,
      alreadyHandedOver: 0,
      candidates: [lead('a', 50), lead('b', 90), lead('c', 70)],
    });
    expect(ids(result.salesReady)).toEqual(['b', 'c']);
    expect(ids(result.heldBack)).toEqual(['a']);
    expect(result.remaining).toBe(0);
  });

  it('breaks ties by id whatever the input order', () => {
    const one = allocateCapacity({
      capacity: 1,
      alreadyHandedOver: 0,
      candidates: [lead('z', 80), lead('m', 80)],
    });
    const two = allocateCapacity({
      capacity: 1,
      alreadyHandedOver: 0,
      candidates: [lead('m', 80), lead('z', 80)],
    });
    expect(ids(one.salesReady)).toEqual(['m']);
    expect(ids(two.salesReady)).toEqual(['m']);
  });

  it('counts what was already handed over this month and never goes over', () => {
    const result = allocateCapacity({
      capacity: 40,
      alreadyHandedOver: 39,
      candidates: [lead('a', 10), lead('b', 20)],
    });
    expect(ids(result.salesReady)).toEqual(['b']);
    expect(
      allocateCapacity({ capacity: 40, alreadyHandedOver: 45, candidates: [lead('a', 10)] }).salesReady,
    ).toEqual([]);
  });

  it('hands nobody over when the month has zero capacity', () => {
    const result = allocateCapacity({ capacity: 0, alreadyHandedOver: 0, candidates: [lead('a', 99)] });
    expect(result).toEqual({ salesReady: [], heldBack: [lead('a', 99)], remaining: 0 });
  });

  it('never exceeds capacity, loses nobody, and ranks every handed-over lead at or above every held-back one', () => {
    const candidates = fc.uniqueArray(
      fc.record({ id: fc.string(), score: fc.integer({ min: 0, max: 100 }) }),
      { selector: (c) => c.id },
    );
    fc.assert(
      fc.property(fc.nat(20), fc.nat(25), candidates, (capacity, alreadyHandedOver, list) => {
        const { salesReady, heldBack } = allocateCapacity({ capacity, alreadyHandedOver, candidates: list });
        expect(salesReady.length).toBeLessThanOrEqual(Math.max(0, capacity - alreadyHandedOver));
        expect(salesReady.length + heldBack.length).toBe(list.length);
        const lowest = Math.min(...salesReady.map((c) => c.score));
        heldBack.forEach((c) => expect(c.score).toBeLessThanOrEqual(lowest));
      }),
    );
  });

  it('keeps the spare capacity when fewer qualify than fit', () => {
    expect(
      allocateCapacity({ capacity: 5, alreadyHandedOver: 1, candidates: [lead('a', 1)] }).remaining,
    ).toBe(3);
  });
});

describe('capacityForMonth and monthOf', () => {
  const agreement = exampleAgreement();

  it('uses the month override, else the default', () => {
    expect(capacityForMonth(agreement, '2026-12')).toBe(40);
    expect(capacityForMonth(agreement, '2027-02')).toBe(80);
  });

  it('puts an instant in the month of the SLA time zone, not of UTC', () => {
    const newYearInTokyo = Date.UTC(2026, 11, 31, 15, 30);
    expect(monthOf(newYearInTokyo, 'Asia/Tokyo')).toBe('2027-01');
    expect(monthOf(newYearInTokyo, 'UTC')).toBe('2026-12');
  });
});

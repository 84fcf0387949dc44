import fc from 'fast-check';
import { allocateCapacity } from '../../src/domain/allocate-capacity';
import { createTopScores } from '../../src/domain/simulation/top-scores';

describe('createTopScores', () => {
  it('keeps exactly whom allocateCapacity would pick out of everything offered, however many are offered', () => {
    const candidate = fc.record({
      id: fc.string({ maxLength: 4 }),
      score: fc.integer({ min: 0, max: 100 }),
      route: fc.constantFrom('field_sales' as const, 'inside_sales' as const),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 3000 }),
        fc.integer({ min: 0, max: 40 }),
        (all, capacity) => {
          const top = createTopScores(capacity);
          all.forEach((c) => top.offer(c));
          const once = allocateCapacity({ capacity, alreadyHandedOver: 0, candidates: all }).salesReady;
          expect(top.top().map((c) => [c.id, c.score])).toEqual(once.map((c) => [c.id, c.score]));
        },
      ),
      { numRuns: 60 },
    );
  });
});

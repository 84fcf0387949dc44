import type { Route } from '../agreement-schema';
import { allocateCapacity } from '../allocate-capacity';

/** A sales-ready candidate as the simulation keeps it: enough to rank it and count where it goes. */
export interface Candidate {
  id: string;
  score: number;
  route: Route;
}

/** Keeps allocation work rare: the pool may grow to twice the capacity plus this before it is cut back. */
const SLACK = 1024;

/**
 * The candidates `allocateCapacity` would hand over out of all those offered (highest score first, ties by id),
 * in memory bounded by the capacity: whenever the pool grows, it is cut back to the allocator's choice, which
 * is the same as choosing once at the end because the ranking is a total order.
 */
export function createTopScores(capacity: number) {
  let pool: Candidate[] = [];
  const allocate = () => {
    pool = allocateCapacity({ capacity, alreadyHandedOver: 0, candidates: pool }).salesReady;
  };
  return {
    offer(candidate: Candidate): void {
      pool.push(candidate);
      if (pool.length >= 2 * capacity + SLACK) allocate();
    },
    /** The accepted candidates, best first. */
    top(): readonly Candidate[] {
      allocate();
      return pool;
    },
  };
}

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
 * The candidates `allocateCapacity` would hand over out of all those offered (highest score first, ties by id, each
 * route under its cap when `routeCaps` has one), in memory bounded by the capacity: whenever the pool grows, it is cut back to the allocator's choice, which
 * is the same as choosing once at the end because the ranking is a total order.
 */
export function createTopScores(capacity: number, routeCaps: Partial<Record<Route, number>> = {}) {
  let pool: Candidate[] = [];
  // With route caps the cut is still exact: a lead the allocator holds back is held back by leads ranked above it,
  // which stay in the pool, so no later offer can bring it back.
  const routes = Object.fromEntries(
    Object.entries(routeCaps).map(([route, cap]) => [route, { capacity: cap, alreadyHandedOver: 0 }]),
  );
  const allocate = () => {
    pool = allocateCapacity({ capacity, alreadyHandedOver: 0, candidates: pool, routes }).salesReady;
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

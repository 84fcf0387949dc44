import type { Route } from '../agreement-schema';

/** A sales-ready candidate as the simulation keeps it: enough to rank it and count where it goes. */
export interface Candidate {
  score: number;
  /** Arrival order: among equal scores the earlier contact goes first. */
  seq: number;
  route: Route;
}

/** Keeps prune work rare: the pool may grow to twice the capacity plus this before it is cut back. */
const SLACK = 1024;

const byRank = (a: Candidate, b: Candidate) => b.score - a.score || a.seq - b.seq;

/**
 * The `capacity` best candidates seen so far (highest score first, earlier first on ties), in memory bounded by
 * the capacity rather than by the number of candidates offered.
 */
export function createTopScores(capacity: number) {
  let pool: Candidate[] = [];
  const prune = () => {
    pool.sort(byRank);
    if (pool.length > capacity) pool = pool.slice(0, capacity);
  };
  return {
    offer(candidate: Candidate): void {
      pool.push(candidate);
      if (pool.length >= 2 * capacity + SLACK) prune();
    },
    /** The accepted candidates, best first. */
    top(): readonly Candidate[] {
      prune();
      return pool;
    },
  };
}

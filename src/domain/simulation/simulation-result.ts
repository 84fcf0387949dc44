import { GRADES, ROUTES, STAGES, type Grade, type Route, type Stage } from '../agreement-schema';
import { TIERS, type Tier } from '../qualification';
import type { RecyclingPreviewResult } from './recycling-preview';
import type { KeywordCancellation } from './keyword-exceptions';

/** Conversion of the contacts of one grade that carry an outcome. */
export interface GradeConversion {
  contacts: number;
  converted: number;
  /** converted / contacts, null when no contact of this grade carries an outcome. */
  rate: number | null;
}

/** What a simulation of an agreement over a set of contacts found (also the `--json` output of `simulate`). */
export interface SimulationResult {
  agreement: string;
  /** Calendar month (YYYY-MM) whose capacity applies. */
  month: string;
  contacts: number;
  tiers: Record<Tier, number>;
  grades: Record<Grade, number>;
  stages: Record<Stage, number>;
  routes: Record<Route, number>;
  capacity: {
    capacity: number;
    /** Contacts whose grade is handed to sales (before capacity). */
    eligible: number;
    salesReady: number;
    /** Eligible contacts kept in nurture because the month was full. */
    heldBack: number;
    /** Capacity left unused. */
    unused: number;
    /**
     * Each route against its own cap (`capacity.routes`): present only when the agreement caps a route, with every
     * route that is capped this month or had eligible contacts.
     */
    routes?: RouteCapacityUse[];
  };
  /** Null when no contact carries an outcome (lifecycle stage or number of associated deals). */
  conversion: null | {
    contacts: number;
    converted: number;
    rate: number | null;
    byGrade: Record<Grade, GradeConversion>;
  };
  /** Properties the agreement reads that no contact had a value for: every criterion on them was "unknown". */
  unseenProperties: string[];
  /**
   * Present when the agreement lists keyword exceptions: each keyword an exception cancelled (部長 in 営業部長代理),
   * with the contacts it left without a keyword. Most contacts first.
   */
  keywordExceptions?: KeywordCancellation[];
  /**
   * Present when contacts carried the `lead_pact_*` columns: who the agreement's SLA recycles (or finds breached) at
   * `now`, and why. Recycled contacts are in the `recycled` tier and take no capacity.
   */
  recycling?: RecyclingPreviewResult;
}

/** One route's sales-ready volume in the simulated month against its cap. */
export interface RouteCapacityUse {
  route: Route;
  /** The route's cap this month; null when only the total limits it. */
  capacity: number | null;
  /** Contacts handed to sales that would go to this route (before capacity). */
  eligible: number;
  salesReady: number;
  /** Eligible contacts of this route kept in nurture: the route's cap or the total was full. */
  heldBack: number;
}

/** A record with every key of `keys` at 0. */
export function zeroCounts<K extends string | number>(keys: readonly K[]): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

/** Empty counters for tiers, grades, stages and routes. */
export function emptyCounts() {
  return {
    tiers: zeroCounts(TIERS),
    grades: zeroCounts(GRADES),
    stages: zeroCounts(STAGES),
    routes: zeroCounts(ROUTES),
  };
}

import { GRADES, ROUTES, type Agreement, type Grade, type Route } from '../agreement-schema';
import type { ContactRecord, Qualification } from '../qualification';
import { capacityForMonth, routeCapacitiesForMonth } from '../allocate-capacity';
import { createKeywordExceptionTally, type KeywordCancellation } from './keyword-exceptions';
import { qualify } from '../qualify';
import { outcomeOf } from './outcome-of';
import {
  emptyCounts,
  zeroCounts,
  type GradeConversion,
  type RouteCapacityUse,
  type SimulationResult,
} from './simulation-result';
import { createRecyclingPreview, type RecyclingPreviewResult } from './recycling-preview';
import { createTopScores } from './top-scores';
import { createUnseenProperties } from './unseen-properties';

/** A running simulation: `add` each contact (any number, memory stays flat), then read `result()`. */
export interface Simulation {
  add(contact: ContactRecord): Qualification;
  /** Counts a contact already qualified under this simulation's agreement and `now` (several months share one). */
  record(contact: ContactRecord, q: Qualification): void;
  result(): SimulationResult;
}

/**
 * Simulates an agreement over contacts streamed one by one, as of `now` (epoch ms) for the capacity of `month`.
 * Eligible contacts compete for the month's capacity through `allocateCapacity` (highest scores first, ties by id;
 * each route under its own cap when the agreement has one); the rest stay nurture, routed to marketing. Memory is bounded by the capacity, not by the number of contacts.
 */
export function createSimulation(agreement: Agreement, options: { month: string; now: number }): Simulation {
  const counts = emptyCounts();
  const capacity = capacityForMonth(agreement, options.month);
  const routeCaps = routeCapacitiesForMonth(agreement, options.month);
  const candidates = createTopScores(capacity, routeCaps);
  const eligibleByRoute = zeroCounts(ROUTES);
  const unseen = createUnseenProperties(agreement);
  const keywordExceptions = createKeywordExceptionTally(agreement);
  const recycling = createRecyclingPreview(agreement.sla, options.now);
  const outcomes = new Map<Grade, GradeConversion>(
    GRADES.map((g) => [g, { contacts: 0, converted: 0, rate: null }]),
  );
  let contacts = 0;
  let eligible = 0;
  let withOutcome = 0;

  const record = (contact: ContactRecord, q: Qualification): void => {
    unseen.see(contact);
    keywordExceptions.see(q);
    counts.grades[q.grade]++;
    counts.stages[q.stage]++;
    if (q.tier === 'sales_ready') {
      eligible++;
      eligibleByRoute[q.route]++;
      candidates.offer({ id: contact.id, score: q.score, route: q.route });
    } else {
      counts.tiers[q.tier]++;
      counts.routes[q.route]++;
    }
    contacts++;
    const outcome = outcomeOf(contact);
    if (outcome !== 'unknown') {
      withOutcome++;
      const grade = outcomes.get(q.grade) as GradeConversion;
      grade.contacts++;
      if (outcome === 'converted') grade.converted++;
    }
  };

  /** The `capacity.routes` key only when the agreement caps a route (else the output is as it was). */
  const routeCapacityOf = (accepted: readonly { route: Route }[]) => {
    if (agreement.capacity.routes === undefined) return {};
    const salesReady = zeroCounts(ROUTES);
    for (const candidate of accepted) salesReady[candidate.route]++;
    const routes: RouteCapacityUse[] = ROUTES.filter(
      (route) => routeCaps[route] !== undefined || eligibleByRoute[route] > 0,
    ).map((route) => ({
      route,
      capacity: routeCaps[route] ?? null,
      eligible: eligibleByRoute[route],
      salesReady: salesReady[route],
      heldBack: eligibleByRoute[route] - salesReady[route],
    }));
    return { routes };
  };

  return {
    add(contact) {
      // An export with the lead_pact_* columns: the SLA recycles at `now` as the service's sweep would.
      const sla = recycling.check(contact);
      const q = qualify(
        contact,
        agreement,
        options.now,
        sla?.recycle ? { recycledAt: options.now } : undefined,
      );
      if (sla) recycling.count(contact.id, sla, q.tier === 'recycled');
      record(contact, q);
      return q;
    },
    record,
    result() {
      const accepted = candidates.top();
      const heldBack = eligible - accepted.length;
      const tiers = {
        ...counts.tiers,
        sales_ready: accepted.length,
        nurture: counts.tiers.nurture + heldBack,
      };
      const routes = { ...counts.routes, marketing: counts.routes.marketing + heldBack };
      for (const candidate of accepted) routes[candidate.route]++;
      return {
        agreement: agreement.name,
        month: options.month,
        contacts,
        tiers,
        grades: { ...counts.grades },
        stages: { ...counts.stages },
        routes,
        capacity: {
          capacity,
          eligible,
          salesReady: accepted.length,
          heldBack,
          unused: capacity - accepted.length,
          ...routeCapacityOf(accepted),
        },
        conversion: withOutcome === 0 ? null : conversionOf(outcomes),
        ...keywordExceptionsOf(keywordExceptions.result()),
        unseenProperties: unseen.list(),
        ...recyclingOf(recycling.result()),
      };
    },
  };
}

function conversionOf(outcomes: Map<Grade, GradeConversion>): NonNullable<SimulationResult['conversion']> {
  const byGrade = {} as Record<Grade, GradeConversion>;
  let contacts = 0;
  let converted = 0;
  for (const [grade, g] of outcomes) {
    byGrade[grade] = { contacts: g.contacts, converted: g.converted, rate: rate(g.converted, g.contacts) };
    contacts += g.contacts;
    converted += g.converted;
  }
  return { contacts, converted, rate: rate(converted, contacts), byGrade };
}

const rate = (converted: number, contacts: number) =>
  contacts === 0 ? null : Math.round((converted / contacts) * 10_000) / 10_000;

/** The `recycling` key only when the export carried the `lead_pact_*` columns (else the output is as it was). */
const recyclingOf = (preview: RecyclingPreviewResult | null) => (preview ? { recycling: preview } : {});

/** The `keywordExceptions` key only when the agreement lists exceptions (else the output is as it was). */
const keywordExceptionsOf = (cancelled: KeywordCancellation[] | null) =>
  cancelled ? { keywordExceptions: cancelled } : {};

import { capacityForMonth, monthOf, routeCapacityForMonth } from '../../domain/allocate-capacity';
import type { Agreement } from '../../domain/agreement-schema';
import type { Locale, Qualification } from '../../domain/qualification';
import { followUpDue } from '../../domain/sla';
import type { StoredQualification } from '../ports/qualifications';
import type { CardPorts, ScoreNowStore } from './card-ports';

/** One contact to score now under a version, inside the caller's transaction. */
export interface QualifyNowInput {
  portalId: string;
  contactId: string;
  version: number;
  agreement: Agreement;
  locale: Locale;
  q: Qualification;
  current: StoredQualification | undefined;
  now: number;
}

/**
 * The qualification to store for one contact scored on demand. A contact already holding a sales-ready place
 * keeps its deadline; a new one takes a place of this month's capacity and of its route's (when the agreement caps
 * that route), or stays in nurture when either is full, its reasons naming what was full.
 */
export async function qualifyNow(
  tx: Pick<ScoreNowStore, 'capacity'>,
  engine: CardPorts['engine'],
  input: QualifyNowInput,
): Promise<StoredQualification> {
  const { agreement, q, current, now } = input;
  const month = monthOf(now, agreement.sla.timezone);
  const holds = current?.tier === 'sales_ready' && q.tier === 'sales_ready';
  const capacity = capacityForMonth(agreement, month);
  const routeCap = routeCapacityForMonth(agreement, q.route, month);
  const placed =
    !holds &&
    q.tier === 'sales_ready' &&
    (await tx.capacity.tryTakePlaces(input.portalId, month, {
      capacity,
      routes: [{ route: q.route, n: 1, capacity: routeCap }],
    }));
  const salesReady = holds || placed;
  const held = q.tier === 'sales_ready' && !salesReady;
  // Which cap was full: the route's only while the total still had room (as allocateRanked says).
  const routeFull = held && routeCap !== null && (await tx.capacity.used(input.portalId, month)) < capacity;
  const heldBack = held ? { month, route: routeFull ? q.route : null } : undefined;
  return {
    contactId: input.contactId,
    tier: held ? 'nurture' : q.tier,
    grade: q.grade,
    score: Math.round(q.score),
    stage: q.stage,
    route: held ? 'marketing' : q.route,
    tierReason: held ? 'capacity' : q.tierReason,
    reasons: engine.renderReasons(
      held ? { ...q, tier: 'nurture', tierReason: 'capacity', heldBack } : q,
      input.locale,
    ),
    agreementVersion: input.version,
    qualifiedAt: holds ? (current?.qualifiedAt ?? now) : placed ? now : null,
    followUpDue: holds
      ? (current?.followUpDue ?? null)
      : placed
        ? followUpDue(now, agreement.sla.firstTouchBusinessDays, agreement.sla)
        : null,
    slaStatus: holds ? (current?.slaStatus ?? 'on_track') : placed ? 'on_track' : null,
    recycledAt: current?.recycledAt ?? null,
    capacityMonth: holds ? (current?.capacityMonth ?? month) : placed ? month : null,
    criteria: q.criteria,
    heldBack: held ? { route: q.route, by: routeFull ? 'route' : 'total' } : null,
  };
}

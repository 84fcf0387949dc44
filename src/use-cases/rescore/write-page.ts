import { allocateRanked, capacityForMonth, routeCapacitiesForMonth } from '../../domain/allocate-capacity';
import type { RankedAllocation } from '../../domain/allocate-capacity';
import type { Route } from '../../domain/agreement-schema';
import {
  createsLeads,
  handOverLeads,
  type LeadChange,
  type LeadHandoffWrites,
} from '../leads/hand-over-leads';
import type { CapacityPort } from '../ports/capacity';
import type { LeadsPort } from '../ports/leads';
import type { OutboxPort, OutboxWrite } from '../ports/outbox';
import type { QualificationsPort, StoredQualification } from '../ports/qualifications';
import { isCandidate, type Candidate, type Outcome, type ScoredPage, type ScoringJob } from './scored-page';
import { maskedProperties, TIER_BIT } from './written-properties';

/** What writing a page needs, inside its transaction (the Leads only when the agreement creates them). */
export interface PageWrites extends LeadHandoffWrites {
  leads: LeadHandoffWrites['leads'] & Pick<LeadsPort, 'recordedAmong'>;
  capacity: Pick<CapacityPort, 'used' | 'usedByRoute' | 'tryTakePlaces'>;
  qualifications: Pick<QualificationsPort, 'upsertMany' | 'appendHistory'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
}

/**
 * The page's Lead changes (`handoff.createLeads`): each candidate that took a place is a new handoff; a contact whose
 * tier changed away from sales-ready may leave one (handOverLeads keeps those that hold an open Lead).
 */
function leadChanges(page: ScoredPage, outcomeOf: ReadonlyMap<number, Outcome>): LeadChange[] {
  const changes: LeadChange[] = [];
  page.entries.forEach((entry, i) => {
    const o: Outcome = isCandidate(entry) ? outcomeOf.get(i)! : entry;
    if (isCandidate(entry) && o === entry.placed) {
      changes.push({ kind: 'handed_over', qualification: o.stored });
    } else if (o.changed & TIER_BIT && o.stored.tier !== 'sales_ready') {
      const reason = o.stored.tier === 'disqualified' ? 'disqualified' : 'nurture';
      changes.push({ kind: 'left', contactId: o.stored.contactId, reason, note: o.stored.reasons });
    }
  });
  return changes;
}

/**
 * The page's sales-ready contacts that hold their place without a Lead row for it (handed over while the agreement
 * did not create Leads): each opens its Lead now (one per handoff; never a second open one, the store refuses it). A
 * contact whose row for this handoff exists — open, disqualified, converted, refused by HubSpot, deleted — gets none.
 */
async function queueWithoutLeads(tx: PageWrites, portalId: string, page: ScoredPage): Promise<LeadChange[]> {
  const kept = page.keptSalesReady ?? [];
  if (kept.length === 0) return [];
  const recorded = await tx.leads.recordedAmong(
    portalId,
    kept.map((q) => ({ contactId: q.contactId, handoffAt: q.qualifiedAt! })),
  );
  return kept
    .filter((q) => !recorded.has(q.contactId))
    .map((q): LeadChange => ({ kind: 'handed_over', qualification: q }));
}

/** What a page did. */
export interface PageResult {
  lastId: string | null;
  count: number;
  changed: number;
  madeSalesReady: number;
}

/**
 * Takes the places of a page's candidates (best first) under the month's total and each capped route's own cap:
 * reads what is used, allocates (`allocateRanked`), and takes it all at once; when another worker took places in
 * between, it reads again. Returns, per candidate in ranking order, null (placed) or what was full.
 */
async function takePlaces(
  tx: PageWrites,
  job: ScoringJob,
  month: string,
  ranked: readonly Candidate[],
): Promise<RankedAllocation> {
  const capacity = capacityForMonth(job.agreement, month);
  const caps = routeCapacitiesForMonth(job.agreement, month);
  for (;;) {
    const used = await tx.capacity.used(job.portalId, month);
    const usedByRoute = await tx.capacity.usedByRoute(job.portalId, month);
    const routes = Object.fromEntries(
      (Object.entries(caps) as [Route, number][]).map(([route, cap]) => [
        route,
        { capacity: cap, alreadyHandedOver: usedByRoute[route] },
      ]),
    );
    const allocation = allocateRanked(ranked, { capacity, alreadyHandedOver: used }, routes);
    const take = (Object.entries(allocation.takenByRoute) as [Route, number][]).map(([route, n]) => ({
      route,
      n,
      capacity: caps[route] ?? null,
    }));
    if (await tx.capacity.tryTakePlaces(job.portalId, month, { capacity, routes: take })) return allocation;
  }
}

/**
 * Writes a scored page inside the given transaction: takes capacity places for the best candidates (the rest stay
 * nurture for "capacity": the month's total or their route's cap was full), then the changed qualifications, their
 * history and the outbox.
 */
export async function writePage(tx: PageWrites, job: ScoringJob, page: ScoredPage): Promise<PageResult> {
  const ranked = page.ranking.map((i) => page.entries[i] as Candidate);
  const allocation =
    ranked.length === 0 ? { held: [], taken: 0 } : await takePlaces(tx, job, page.month, ranked);
  const outcomeOf = new Map<number, Outcome>();
  page.ranking.forEach((i, k) => {
    const held = allocation.held[k];
    const candidate = ranked[k]!;
    outcomeOf.set(
      i,
      held === null
        ? candidate.placed
        : held === 'total'
          ? candidate.demoted
          : (candidate.demotedByRoute ?? candidate.demoted),
    );
  });
  const upserts: StoredQualification[] = [];
  const verdicts: StoredQualification[] = [];
  const writes: OutboxWrite[] = [];
  page.entries.forEach((entry, i) => {
    const o: Outcome = isCandidate(entry) ? outcomeOf.get(i)! : entry;
    if (o.changed === 0) return;
    upserts.push(o.stored);
    if (o.verdictChanged) verdicts.push(o.stored);
    writes.push({ contactId: o.stored.contactId, properties: maskedProperties(o.changed, o.stored) });
  });
  await tx.qualifications.upsertMany(job.portalId, upserts, page.now);
  await tx.qualifications.appendHistory(job.portalId, verdicts, page.now);
  await tx.outbox.enqueueMany(job.portalId, writes, page.now);
  if (createsLeads(job.agreement)) {
    const changes = [...leadChanges(page, outcomeOf), ...(await queueWithoutLeads(tx, job.portalId, page))];
    await handOverLeads(tx, job.portalId, job.agreement, changes, page.now);
  }
  return { lastId: page.lastId, count: page.count, changed: writes.length, madeSalesReady: allocation.taken };
}

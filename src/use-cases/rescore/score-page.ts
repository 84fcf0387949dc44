import { monthOf, routeCapacityForMonth } from '../../domain/allocate-capacity';
import type { Route } from '../../domain/agreement-schema';
import type { ObservedChange } from '../../domain/qualification';
import { createsLeads } from '../leads/hand-over-leads';
import type { ContactWithQualification } from '../ports/contact-batches';
import type { StoredQualification } from '../ports/qualifications';
import { holdsPlace, placeCandidates, type Scored } from './allocate-batch';
import type { Candidate, Outcome, PageScorer, ScoredPage, ScoringJob } from './scored-page';
import type { ScoringEngine } from './scoring-engine';
import { storedCriteria } from './stored-criteria';
import { changedMask } from './written-properties';

/** The page's clock: when it is qualified, the capacity month, and the SLA deadline of a place taken now. */
interface PageClock {
  now: number;
  month: string;
  followUpDue: number | null;
}

/** A lead held back by capacity: the route it was headed to and which cap was full (null: not held back). */
function heldBackOf(q: Scored['q']): StoredQualification['heldBack'] {
  if (q.tierReason !== 'capacity' || !q.heldBack) return null;
  return { route: q.route, by: q.heldBack.route === null ? 'total' : 'route' };
}

function toStored(
  s: Scored,
  job: ScoringJob,
  engine: ScoringEngine,
  at: PageClock,
  placed: boolean,
): StoredQualification {
  const kept = holdsPlace(s) && s.q.tier === 'sales_ready' ? s.current : null;
  const salesReady = s.q.tier === 'sales_ready';
  const qualifiedAt = kept?.qualifiedAt ?? (placed ? at.now : null);
  return {
    contactId: s.contactId,
    tier: s.q.tier,
    grade: s.q.grade,
    score: Math.round(s.q.score),
    stage: s.q.stage,
    route: s.q.route,
    tierReason: s.q.tierReason,
    reasons: engine.renderReasons(s.q, job.locale),
    agreementVersion: job.version,
    qualifiedAt: salesReady ? qualifiedAt : null,
    followUpDue: kept ? kept.followUpDue : placed ? at.followUpDue : null,
    slaStatus: kept ? kept.slaStatus : placed ? 'on_track' : null,
    recycledAt: s.current?.recycledAt ?? null,
    capacityMonth: kept ? kept.capacityMonth : placed ? at.month : null,
    criteria: null, // filled in by `outcome` only when something changed (most contacts of a rescore keep theirs)
    heldBack: heldBackOf(s.q),
  };
}

/** History keeps verdicts (tier, grade, stage, route), not every drift of score or wording. */
function verdictChanged(before: Scored['current'], after: StoredQualification): boolean {
  return (
    !before ||
    before.tier !== after.tier ||
    before.grade !== after.grade ||
    before.stage !== after.stage ||
    before.route !== after.route
  );
}

function outcome(s: Scored, stored: StoredQualification): Outcome {
  const changed = changedMask(s.current, stored);
  if (changed === 0) return { stored, changed, verdictChanged: false };
  stored.criteria = storedCriteria(s.q.criteria);
  return { stored, changed, verdictChanged: verdictChanged(s.current, stored) };
}

/**
 * Qualifies a page of contacts (with their signal histories) and works out what each would write. Pure:
 * the same rows give the same page whether scored inside the write transaction or ahead in a worker.
 */
export function scorePage(
  rows: readonly ContactWithQualification[],
  histories: ReadonlyMap<string, ObservedChange[]>,
  job: ScoringJob,
  engine: ScoringEngine,
  now: number,
): ScoredPage {
  const batch: Scored[] = rows.map(({ contact, current }) => ({
    contactId: contact.id,
    current,
    q: engine.qualify(contact, job.agreement, now, {
      history: histories.get(contact.id) ?? [],
      recycledAt: current?.recycledAt ?? null,
    }),
  }));
  const candidates = new Set(placeCandidates(batch));
  const at: PageClock = {
    now,
    month: monthOf(now, job.agreement.sla.timezone),
    // The same for every place taken in this page (business days from `now`): computed once, when needed.
    followUpDue: candidates.size > 0 ? (engine.followUpDue?.(now, job.agreement) ?? null) : null,
  };
  const entries: (Outcome | Candidate)[] = [];
  const position = new Map<Scored, number>();
  // Read by the Leads only: with createLeads off a rescore builds nothing more than before.
  const kept: StoredQualification[] | undefined = createsLeads(job.agreement) ? [] : undefined;
  for (const s of batch) {
    if (candidates.has(s)) {
      position.set(s, entries.length);
      const held = (route: Route | null): Scored => ({
        ...s,
        q: { ...s.q, tier: 'nurture', tierReason: 'capacity', heldBack: { month: at.month, route } },
      });
      const capped = routeCapacityForMonth(job.agreement, s.q.route, at.month) !== null;
      entries.push({
        placed: outcome(s, toStored(s, job, engine, at, true)),
        demoted: outcome(s, toStored(held(null), job, engine, at, false)),
        route: s.q.route,
        ...(capped ? { demotedByRoute: outcome(s, toStored(held(s.q.route), job, engine, at, false)) } : {}),
      });
      continue;
    }
    const o = outcome(s, toStored(s, job, engine, at, false));
    if (o.changed !== 0) entries.push(o);
    if (kept && o.stored.tier === 'sales_ready' && o.stored.qualifiedAt !== null) kept.push(o.stored);
  }
  return {
    lastId: rows.length === 0 ? null : rows[rows.length - 1]!.contact.id,
    count: rows.length,
    now,
    month: at.month,
    entries,
    ranking: [...candidates].map((s) => position.get(s)!),
    ...(kept ? { keptSalesReady: kept } : {}),
  };
}

/** The scorer of one job with one engine: `scorePage` over a page as it was read. */
export function pageScorer(job: ScoringJob, engine: ScoringEngine): PageScorer {
  return (page, now) => scorePage(page.contacts, page.histories, job, engine, now);
}

import type { Agreement } from '../../domain/agreement-schema';
import { capacityForMonth, monthOf } from '../../domain/allocate-capacity';
import type { Locale } from '../../domain/qualification';
import type { Repositories } from '../../store/repositories';
import type { OutboxWrite } from '../../store/repositories/outbox-repository';
import type { StoredQualification } from '../../store/repositories/qualifications-repository';
import { applyCapacity, holdsPlace, placeCandidates, type Scored } from './allocate-batch';
import { storedCriteria } from './stored-criteria';
import type { ScoringEngine } from './rescore-ports';
import { changedProperties } from './written-properties';

/** Everything one page needs besides the transaction. */
export interface PageJob {
  portalId: string;
  version: number;
  agreement: Agreement;
  locale: Locale;
  engine: ScoringEngine;
  now: number;
}

/** What a page did. */
export interface PageResult {
  lastId: string | null;
  count: number;
  changed: number;
  madeSalesReady: number;
}

function toStored(s: Scored, job: PageJob, month: string, placed: boolean): StoredQualification {
  const kept = holdsPlace(s) && s.q.tier === 'sales_ready' ? s.current : null;
  const salesReady = s.q.tier === 'sales_ready';
  const qualifiedAt = kept?.qualifiedAt ?? (placed ? job.now : null);
  return {
    contactId: s.contactId,
    tier: s.q.tier,
    grade: s.q.grade,
    score: Math.round(s.q.score),
    stage: s.q.stage,
    route: s.q.route,
    tierReason: s.q.tierReason,
    reasons: job.engine.renderReasons(s.q, job.locale),
    agreementVersion: job.version,
    qualifiedAt: salesReady ? qualifiedAt : null,
    followUpDue: kept
      ? kept.followUpDue
      : placed
        ? (job.engine.followUpDue?.(job.now, job.agreement) ?? null)
        : null,
    slaStatus: kept ? kept.slaStatus : placed ? 'on_track' : null,
    recycledAt: s.current?.recycledAt ?? null,
    capacityMonth: kept ? kept.capacityMonth : placed ? month : null,
    criteria: storedCriteria(s.q.criteria),
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

/**
 * Rescores one page of contacts after `after` inside the given transaction: qualify, allocate
 * capacity, keep only what changed, write qualifications and the outbox.
 */
export async function rescorePage(
  tx: Repositories,
  job: PageJob,
  after: string | null,
  size: number,
): Promise<PageResult> {
  const rows = await tx.contactBatches.page(job.portalId, after, size);
  if (rows.length === 0) return { lastId: null, count: 0, changed: 0, madeSalesReady: 0 };
  const histories = await tx.signals.forContacts(
    job.portalId,
    rows.map((r) => r.contact.id),
  );
  const batch: Scored[] = rows.map(({ contact, current }) => ({
    contactId: contact.id,
    current,
    q: job.engine.qualify(contact, job.agreement, job.now, {
      history: histories.get(contact.id) ?? [],
      recycledAt: current?.recycledAt ?? null,
    }),
  }));
  const month = monthOf(job.now, job.agreement.sla.timezone);
  const candidates = placeCandidates(batch);
  const taken = await tx.capacity.takeUpTo(
    job.portalId,
    month,
    capacityForMonth(job.agreement, month),
    candidates.length,
  );
  applyCapacity(candidates, taken);
  const placed = new Set(candidates.slice(0, taken).map((s) => s.contactId));

  const upserts: StoredQualification[] = [];
  const verdicts: StoredQualification[] = [];
  const writes: OutboxWrite[] = [];
  for (const s of batch) {
    const stored = toStored(s, job, month, placed.has(s.contactId));
    const changed = changedProperties(s.current, stored);
    if (changed === null) continue;
    upserts.push(stored);
    if (verdictChanged(s.current, stored)) verdicts.push(stored);
    writes.push({ contactId: s.contactId, properties: changed });
  }
  await tx.qualifications.upsertMany(job.portalId, upserts, job.now);
  await tx.qualifications.appendHistory(job.portalId, verdicts, job.now);
  await tx.outbox.enqueueMany(job.portalId, writes, job.now);
  return {
    lastId: rows[rows.length - 1]!.contact.id,
    count: rows.length,
    changed: writes.length,
    madeSalesReady: taken,
  };
}

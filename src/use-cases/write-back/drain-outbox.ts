import { abortableSleep } from '../../abortable-sleep';
import { isAppError } from '../../domain/app-error';
import { hubspotErrorInfo } from '../ports/hubspot-error-info';
import type { OutboxEntry } from '../ports/outbox';
import { waitForRequestSlots } from '../request-budget/wait-for-request-slots';
import { recordFailure, type FailureOutcome } from './batch-outcome';
import type { WriteBackOptions, WriteBackResult, WriteBackStore } from './write-back-ports';

/** Claimed rows stay hidden from other writers this long (a batch plus a wait for the budget). */
export const CLAIM_LEASE_MS = 60_000;
/** HubSpot caps a batch update at 100 contacts: one claim is one request. */
const BATCH_SIZE = 100;

type Settings = Required<Omit<WriteBackOptions, 'log' | 'signal'>> & Pick<WriteBackOptions, 'log' | 'signal'>;

/**
 * Slots reserved below the ceiling: a request reserved earlier can reach HubSpot later than one reserved after it
 * (a slow first connection), so one slot is left free when the ceiling is large enough to spare it.
 */
export function reservedCeiling(limitPer10s: number): number {
  return limitPer10s > 20 ? limitPer10s - 1 : limitPer10s;
}

/**
 * Waits for one request slot in the portal's shared window (the wait every HubSpot call makes); returns when to
 * come back instead when the wait is too long (the pause end) or the run is stopped (now).
 */
async function takeSlot(store: WriteBackStore, s: Settings): Promise<number | undefined> {
  const limitPer10s = reservedCeiling(s.limitPer10s);
  try {
    await waitForRequestSlots({ ...s, budget: store.rateBudget, limitPer10s });
    return undefined;
  } catch (error) {
    if (isAppError(error, 'rate_limited')) return s.now() + (hubspotErrorInfo(error).retryAfterMs ?? 0);
    if (s.signal?.aborted) return s.now();
    throw error;
  }
}

/** Sends one claimed batch and records every contact's fate; returns what a failure means for the run. */
async function sendBatch(store: WriteBackStore, s: Settings, batch: OutboxEntry[], result: WriteBackResult) {
  const revisions = new Map(batch.map((e) => [e.contactId, e.revision]));
  result.requests++;
  try {
    const answer = await s.gateway.updateContacts(
      batch.map((e) => ({ id: e.contactId, properties: e.properties })),
    );
    const now = s.now();
    await store.outbox.markSent(
      s.portalId,
      answer.written.map((id) => ({ contactId: id, revision: revisions.get(id) ?? 0 })),
      now,
    );
    for (const r of answer.rejected) {
      await store.outbox.markRejected(s.portalId, r.id, revisions.get(r.id) ?? 0, r.message, now);
      s.log?.warn(
        { portalId: s.portalId, contactId: r.id, category: r.category },
        `HubSpot rejected: ${r.message}`,
      );
    }
    result.written += answer.written.length;
    result.rejected += answer.rejected.length;
    return undefined;
  } catch (error) {
    result.retried += batch.length;
    return recordFailure(store, s.portalId, batch, error, s.now());
  }
}

/**
 * Drains a portal's outbox: claims up to 100 due writes, waits for a slot in the portal's request budget
 * (in the store, shared by every worker), sends one batch update, records written and rejected contacts.
 * Failed batches go back to the outbox; nothing is dropped. Ends when drained, paused, disconnected or out of time.
 */
export async function drainOutbox(
  store: WriteBackStore,
  options: WriteBackOptions,
): Promise<WriteBackResult> {
  const s: Settings = {
    now: Date.now,
    sleep: abortableSleep,
    maxRunMs: 60_000,
    maxInlineWaitMs: 15_000,
    ...options,
  };
  const result: WriteBackResult = { outcome: 'drained', requests: 0, written: 0, rejected: 0, retried: 0 };
  const started = s.now();
  const installation = await store.installations.get(s.portalId);
  if (installation?.status === 'disconnected') return { ...result, outcome: 'disconnected' };
  while (!s.signal?.aborted && s.now() - started < s.maxRunMs) {
    const batch = await store.outbox.claimDue(s.portalId, s.now(), BATCH_SIZE, CLAIM_LEASE_MS);
    if (batch.length === 0) {
      const done = await finish(store, s, result);
      const wait = (done.resumeAt ?? 0) - s.now();
      if (done.outcome === 'drained' || wait > s.maxInlineWaitMs || s.now() + wait - started >= s.maxRunMs)
        return done;
      await s.sleep(Math.max(1, wait));
      continue;
    }
    const pausedUntil = await takeSlot(store, s);
    if (pausedUntil !== undefined) {
      await store.outbox.retryLater(
        s.portalId,
        batch.map((e) => e.contactId),
        pausedUntil,
        'waiting for the request budget',
      );
      return { ...result, outcome: 'paused', resumeAt: pausedUntil };
    }
    const ended = endedBy(await sendBatch(store, s, batch, result), s, result);
    if (ended) return ended;
  }
  return { ...result, outcome: 'more', resumeAt: s.now() };
}

/** A disconnected portal or a DAILY pause ends the run (and says so in the logs); other failures do not. */
function endedBy(
  failure: FailureOutcome | undefined,
  s: Settings,
  result: WriteBackResult,
): WriteBackResult | undefined {
  if (failure?.kind === 'disconnected') {
    s.log?.warn(
      { portalId: s.portalId },
      'HubSpot refused the token: portal marked disconnected, writes kept',
    );
    return { ...result, outcome: 'disconnected' };
  }
  if (failure?.kind === 'paused') {
    const until = new Date(failure.until).toISOString();
    s.log?.warn({ portalId: s.portalId, until }, 'HubSpot daily limit reached: portal paused');
    return { ...result, outcome: 'paused', resumeAt: failure.until };
  }
  return undefined;
}

/** Nothing due now: done, or come back when the earliest retry is due. */
async function finish(store: WriteBackStore, s: Settings, result: WriteBackResult): Promise<WriteBackResult> {
  const counts = await store.outbox.counts(s.portalId);
  if (counts.pending === 0) return result;
  const budget = await store.rateBudget.status(s.portalId, s.now());
  return { ...result, outcome: 'more', resumeAt: budget.pausedUntil ?? s.now() + 1_000 };
}

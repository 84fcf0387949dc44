import { z } from 'zod';
import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../errors/app-error';
import type { RescoreProgress, RescoreRequest, RescoreStore, ScoringEngine } from './rescore-ports';
import { rescorePage, type PageJob } from './rescore-page';

/** 1,000 contacts per transaction: measured by bench/rescore.bench.ts as fast on both engines with little memory. */
export const DEFAULT_BATCH_SIZE = 1000;

const progressSchema = z.object({
  after: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  changed: z.number(),
  madeSalesReady: z.number(),
  finished: z.boolean(),
});

/** The checkpoint name of a rescore under one version. */
export const rescoreCheckpoint = (version: number) => `rescore:v${version}`;

async function loadJob(
  store: RescoreStore,
  req: RescoreRequest,
  engine: ScoringEngine,
): Promise<PageJob | undefined> {
  const version = await store.agreements.get(req.portalId, req.agreementVersion);
  if (!version)
    throw new AppError(
      'not_found',
      `Portal ${req.portalId} has no agreement version ${req.agreementVersion}`,
    );
  if (version.status !== 'active') return undefined;
  const parsed = parseAgreement(version.body);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      `Agreement version ${req.agreementVersion} is not valid`,
      parsed.errors,
    );
  }
  const installation = await store.installations.get(req.portalId);
  const locale = installation?.locale ?? 'en';
  return {
    portalId: req.portalId,
    version: req.agreementVersion,
    agreement: parsed.data,
    locale,
    engine,
    now: 0,
  };
}

async function startingPoint(store: RescoreStore, req: RescoreRequest): Promise<RescoreProgress> {
  const saved = await store.checkpoints.get(req.portalId, rescoreCheckpoint(req.agreementVersion));
  if (saved !== undefined) return progressSchema.parse(saved);
  const total = await store.contacts.count(req.portalId);
  return { after: null, done: 0, total, changed: 0, madeSalesReady: 0, finished: false };
}

/**
 * Rescores every stored contact of a portal under an active agreement version, in batches of one
 * transaction each (qualifications, outbox, capacity and checkpoint commit together), so a run
 * killed at any point continues after the last committed batch and never writes a contact twice.
 * A version that is no longer active is skipped (a newer approval has its own rescore).
 */
export async function rescorePortal(
  store: RescoreStore,
  engine: ScoringEngine,
  req: RescoreRequest,
): Promise<RescoreProgress & { skipped?: 'not_active' }> {
  const job = await loadJob(store, req, engine);
  let progress = await startingPoint(store, req);
  if (!job) return { ...progress, skipped: 'not_active' };
  const size = req.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = req.now ?? Date.now;
  const name = rescoreCheckpoint(req.agreementVersion);
  while (!progress.finished) {
    req.signal?.throwIfAborted();
    progress = await store.transaction(async (tx) => {
      const page = await rescorePage(tx, { ...job, now: now() }, progress.after, size);
      const next: RescoreProgress = {
        after: page.lastId ?? progress.after,
        done: progress.done + page.count,
        total: Math.max(progress.total, progress.done + page.count),
        changed: progress.changed + page.changed,
        madeSalesReady: progress.madeSalesReady + page.madeSalesReady,
        finished: page.count < size,
      };
      await tx.checkpoints.set(req.portalId, name, next, now());
      return next;
    });
    await req.onProgress?.(progress);
  }
  return progress;
}

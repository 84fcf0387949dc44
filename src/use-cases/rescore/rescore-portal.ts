import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { RescoreDeps, RescoreProgress, RescoreRequest, RescoreStore } from './rescore-ports';
import { pageScorer } from './score-page';
import type { ScoringJob } from './scored-page';
import { writePage, type PageResult } from './write-page';

/** 1,000 contacts per transaction: measured by bench/rescore-bench.ts as fast on both engines with little memory. */
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

async function loadJob(store: RescoreStore, req: RescoreRequest): Promise<ScoringJob | undefined> {
  const version = await store.agreements.get(req.portalId, req.agreementVersion);
  if (!version)
    throw new AppError(
      'not_found',
      `Portal ${req.portalId} has no agreement version ${req.agreementVersion}`,
    );
  if (version.status !== 'active') return undefined;
  const installation = await store.installations.get(req.portalId);
  const locale = installation?.locale ?? 'en';
  return { portalId: req.portalId, version: req.agreementVersion, agreement: version.body, locale };
}

async function startingPoint(store: RescoreStore, req: RescoreRequest): Promise<RescoreProgress> {
  const saved = await store.checkpoints.get(req.portalId, rescoreCheckpoint(req.agreementVersion));
  if (saved !== undefined) return progressSchema.parse(saved);
  const total = await store.contacts.count(req.portalId);
  return { after: null, done: 0, total, changed: 0, madeSalesReady: 0, finished: false };
}

/** Where the run is after one more page; a short page is the last. */
function advance(progress: RescoreProgress, page: PageResult, size: number): RescoreProgress {
  const done = progress.done + page.count;
  return {
    after: page.lastId ?? progress.after,
    done,
    total: Math.max(progress.total, done),
    changed: progress.changed + page.changed,
    madeSalesReady: progress.madeSalesReady + page.madeSalesReady,
    finished: page.count < size,
  };
}

/**
 * Rescores every stored contact of a portal under an active agreement version, page by page: each page comes
 * scored from the page source, takes its capacity places and writes what changed, and saves where the run is,
 * all in one transaction; then the progress is reported. A run killed at any point continues after the last
 * committed page and never writes a contact twice. A version that is no longer active is skipped (a newer
 * approval has its own rescore).
 */
export async function rescorePortal(
  { store, pages: source, engine }: RescoreDeps,
  req: RescoreRequest,
): Promise<RescoreProgress & { skipped?: 'not_active' }> {
  const job = await loadJob(store, req);
  let progress = await startingPoint(store, req);
  if (!job) return { ...progress, skipped: 'not_active' };
  if (progress.finished) return progress;
  const size = req.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = req.now ?? Date.now;
  const checkpoint = rescoreCheckpoint(req.agreementVersion);
  const pages = await source.open(job, { score: pageScorer(job, engine), size, now });
  try {
    while (!progress.finished) {
      req.signal?.throwIfAborted();
      const before = progress;
      progress = await pages.next(before.after, async (tx, page) => {
        const next = advance(before, await writePage(tx, job, page), size);
        await tx.checkpoints.set(req.portalId, checkpoint, next, now());
        return next;
      });
      await req.onProgress?.(progress);
    }
  } finally {
    await pages.close();
  }
  return progress;
}

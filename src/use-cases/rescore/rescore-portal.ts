import { z } from 'zod';
import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../domain/app-error';
import { DEFAULT_AUTO_CHECKPOINT } from '../../store/repositories/wal-repository';
import { readPage } from './rescore-page';
import type {
  PagePrefetcher,
  PageRequest,
  RescoreProgress,
  RescoreRequest,
  RescoreStore,
  ScoringEngine,
} from './rescore-ports';
import type { ScoredPage, ScoringJob } from './score-page';
import { writePage } from './write-page';

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

/** A page being read ahead: where it starts, and the data version of the transaction that asked for it. */
interface ReadAhead {
  after: string | null;
  stamp: number;
  page: Promise<ScoredPage>;
}

function readAhead(prefetcher: PagePrefetcher, page: PageRequest, stamp: number): ReadAhead {
  const pending = prefetcher.request(page);
  // Awaited before the next transaction; until then a failure must not be an unhandled rejection.
  pending.catch(() => undefined);
  return { after: page.after, stamp, page: pending };
}

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
  return { portalId: req.portalId, version: req.agreementVersion, agreement: parsed.data, locale };
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
 * With `prefetch`, the next page is read and scored while the current one is written; it is used only
 * if no other connection committed in between, else that page is read again inside the transaction.
 */
export async function rescorePortal(
  store: RescoreStore,
  engine: ScoringEngine,
  req: RescoreRequest,
): Promise<RescoreProgress & { skipped?: 'not_active' }> {
  const job = await loadJob(store, req);
  let progress = await startingPoint(store, req);
  if (!job) return { ...progress, skipped: 'not_active' };
  const size = req.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = req.now ?? Date.now;
  const name = rescoreCheckpoint(req.agreementVersion);
  const prefetcher = progress.finished ? undefined : await req.prefetch?.(job);
  let ahead: ReadAhead | undefined;
  // The WAL is checkpointed between pages, while the prefetcher's thread scores the next one: commits skip that copy.
  if (prefetcher) await store.wal.setAutoCheckpoint(0);
  try {
    while (!progress.finished) {
      req.signal?.throwIfAborted();
      // While the thread scores the next page, copy what was just committed into the database file.
      if (ahead) await store.wal.checkpoint();
      const early = ahead && { ...ahead, page: await ahead.page };
      progress = await store.transaction(async (tx) => {
        const stamp = await tx.wal.dataVersion();
        const page =
          early && stamp !== null && early.stamp === stamp && early.after === progress.after
            ? early.page
            : await readPage(tx, job, engine, { after: progress.after, size, now: now() });
        ahead = undefined;
        if (prefetcher && stamp !== null && page.count === size) {
          ahead = readAhead(prefetcher, { after: page.lastId, size, now: now() }, stamp);
        }
        const done = await writePage(tx, job, page);
        const next: RescoreProgress = {
          after: done.lastId ?? progress.after,
          done: progress.done + done.count,
          total: Math.max(progress.total, progress.done + done.count),
          changed: progress.changed + done.changed,
          madeSalesReady: progress.madeSalesReady + done.madeSalesReady,
          finished: done.count < size,
        };
        await tx.checkpoints.set(req.portalId, name, next, now());
        return next;
      });
      await req.onProgress?.(progress);
    }
  } finally {
    if (prefetcher) {
      await prefetcher.close();
      await store.wal.setAutoCheckpoint(DEFAULT_AUTO_CHECKPOINT);
    }
  }
  return progress;
}

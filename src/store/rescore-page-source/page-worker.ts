// Worker thread of the rescore: reads and scores pages on its own read connection while the main thread writes.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import type { ScorerModule } from '../../use-cases/rescore/rescore-ports';
import type { PageScorerFactory, ScoringJob } from '../../use-cases/rescore/scored-page';
import { rootContext } from '../db-context';
import { openDatabase } from '../open-database';
import { contactBatchesRepository } from '../repositories/contact-batches-repository';
import { signalHistoryRepository } from '../repositories/signal-history-repository';
import { readContactPage, type PageReads, type PageRequest } from './read-contact-page';

/** What the thread is started with. */
export interface PageWorkerData {
  dataDir: string;
  job: ScoringJob;
  /** Where the job's scorer is (a thread cannot be handed a function). */
  scorer: ScorerModule;
}

/** A request from the main thread, and the answer. */
export type PageWorkerMessage = { id: number; request: PageRequest };

function start(port: NonNullable<typeof parentPort>, data: PageWorkerData): void {
  const { db, engine } = openDatabase({ dataDir: data.dataDir });
  // It reads each page once, in order: a small page cache (2 MB) is enough (the writer keeps the 32 MB one).
  void sql`pragma cache_size = -2000`.execute(db);
  const ctx = rootContext(db, engine);
  const reads: PageReads = {
    contactBatches: contactBatchesRepository(ctx),
    signals: signalHistoryRepository(ctx),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the scorer module is chosen by the caller
  const score = (require(data.scorer.module)[data.scorer.name] as PageScorerFactory)(data.job);
  port.on('message', ({ id, request }: PageWorkerMessage) => {
    readContactPage(reads, data.job.portalId, request)
      .then((page) => port.postMessage({ id, page: score(page, request.now) }))
      .catch((error: Error) => port.postMessage({ id, error: error.message }));
  });
  port.postMessage({ ready: true });
}

if (parentPort) start(parentPort, workerData as PageWorkerData);

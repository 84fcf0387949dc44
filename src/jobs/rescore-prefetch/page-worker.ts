// Worker thread of the rescore: reads and scores pages on its own read connection while the main thread writes.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { rootContext } from '../../store/db-context';
import { openDatabase } from '../../store/open-database';
import { createRepositories } from '../../store/repositories';
import type { PageRequest, ScoringEngine } from '../../use-cases/rescore/rescore-ports';
import { readPage } from '../../use-cases/rescore/rescore-page';
import type { ScoringJob } from '../../use-cases/rescore/score-page';

/** What the thread is started with. */
export interface PageWorkerData {
  dataDir: string;
  job: ScoringJob;
  /** A module path `require` resolves, and the name of its ScoringEngine export. */
  engine: { module: string; name: string };
}

/** A request from the main thread, and the answer. */
export type PageWorkerMessage = { id: number; request: PageRequest };

function start(port: NonNullable<typeof parentPort>, data: PageWorkerData): void {
  const { db, engine } = openDatabase({ dataDir: data.dataDir });
  // It reads each page once, in order: a small page cache (2 MB) is enough (the writer keeps the 32 MB one).
  void sql`pragma cache_size = -2000`.execute(db);
  const reads = createRepositories(rootContext(db, engine));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine module is chosen by the caller
  const scoring = require(data.engine.module)[data.engine.name] as ScoringEngine;
  port.on('message', ({ id, request }: PageWorkerMessage) => {
    readPage(reads, data.job, scoring, request)
      .then((page) => port.postMessage({ id, page }))
      .catch((error: Error) => port.postMessage({ id, error: error.message }));
  });
  port.postMessage({ ready: true });
}

if (parentPort) start(parentPort, workerData as PageWorkerData);

import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/app-error';
import type { PagePrefetcher, PageRequest, PrefetcherFactory } from '../../use-cases/rescore/rescore-ports';
import type { ScoredPage, ScoringJob } from '../../use-cases/rescore/score-page';
import type { PageWorkerData } from './page-worker';

/** Where the worker reads (the SQLite data directory) and which engine it scores with. */
export interface WorkerPrefetchOptions {
  dataDir: string;
  /** Default: the domain engine (use-cases/rescore/domain-engine, export `domainEngine`). */
  engine?: { module: string; name: string };
  /** The thread's entry file; default the compiled page-worker.js beside this file. */
  workerFile?: string;
}

type Answer = { ready: true } | { id: number; page: ScoredPage } | { id: number; error: string };

const COMPILED_WORKER = path.join(__dirname, 'page-worker.js');

const DOMAIN_ENGINE = {
  module: path.join(__dirname, '../../use-cases/rescore/domain-engine'),
  name: 'domainEngine',
};

function failure(message: string): AppError {
  return new AppError('internal', `Rescore page worker failed: ${message}`);
}

/** A prefetcher that reads and scores pages in a worker thread (SQLite: its own read connection, WAL). */
export function workerThreadPrefetcher(options: WorkerPrefetchOptions): PrefetcherFactory {
  return (job: ScoringJob) =>
    new Promise<PagePrefetcher>((resolve, reject) => {
      const workerData: PageWorkerData = {
        dataDir: options.dataDir,
        job,
        engine: options.engine ?? DOMAIN_ENGINE,
      };
      const worker = new Worker(options.workerFile ?? COMPILED_WORKER, {
        workerData,
        // At most two pages are alive in the thread; 128 MB of old generation is far above its needs. A smaller
        // young generation (12 MB) cut a first 200k rescore from ~270 to ~235 MB RSS but cost the worker 35% more
        // CPU in scavenges (bench/rescore-bench.ts), so it keeps V8's default.
        resourceLimits: { maxOldGenerationSizeMb: 128 },
      });
      const pending = new Map<number, { resolve: (p: ScoredPage) => void; reject: (e: Error) => void }>();
      let next = 0;
      let closed = false;
      let dead: Error | undefined;
      const failAll = (error: Error) => {
        dead = error;
        reject(error);
        for (const p of pending.values()) p.reject(error);
        pending.clear();
      };
      worker.on('error', (error) => failAll(failure(error.message)));
      worker.on('exit', (code) => {
        if (!closed) failAll(failure(`exited with code ${code}`));
      });
      worker.on('message', (answer: Answer) => {
        if ('ready' in answer) {
          resolve({ request, close });
          return;
        }
        const waiting = pending.get(answer.id);
        pending.delete(answer.id);
        if ('page' in answer) waiting?.resolve(answer.page);
        else waiting?.reject(failure(answer.error));
      });
      function request(page: PageRequest): Promise<ScoredPage> {
        const id = next++;
        return new Promise<ScoredPage>((ok, fail) => {
          if (dead) return fail(dead);
          pending.set(id, { resolve: ok, reject: fail });
          worker.postMessage({ id, request: page });
        });
      }
      async function close(): Promise<void> {
        closed = true;
        await worker.terminate();
      }
    });
}

/** The prefetcher for the service when it runs compiled (the thread's entry is page-worker.js); none from sources. */
export function compiledWorkerPrefetcher(dataDir: string): PrefetcherFactory | undefined {
  return fs.existsSync(COMPILED_WORKER) ? workerThreadPrefetcher({ dataDir }) : undefined;
}

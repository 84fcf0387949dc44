import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/app-error';
import type { ScorerModule } from '../../use-cases/rescore/rescore-ports';
import type { ScoredPage, ScoringJob } from '../../use-cases/rescore/scored-page';
import type { PageWorkerData } from './page-worker';
import type { PageRequest } from './read-contact-page';

/** Where the thread reads (the SQLite data directory) and where it finds the scorer. */
export interface ReadAheadOptions {
  dataDir: string;
  scorer: ScorerModule;
  /** The thread's entry file; default the compiled page-worker.js beside this file. */
  workerFile?: string;
}

/** A thread that reads and scores pages on its own read connection (SQLite, WAL) while the caller writes. */
export interface ReadAheadThread {
  request(page: PageRequest): Promise<ScoredPage>;
  close(): Promise<void>;
}

type Answer = { ready: true } | { id: number; page: ScoredPage } | { id: number; error: string };

const COMPILED_WORKER = path.join(__dirname, 'page-worker.js');

function failure(message: string): AppError {
  return new AppError('internal', `Rescore page worker failed: ${message}`);
}

/** Starts a read-ahead thread for one job; resolves once it is ready, rejects when it cannot start. */
export function startReadAheadThread(options: ReadAheadOptions, job: ScoringJob): Promise<ReadAheadThread> {
  return new Promise<ReadAheadThread>((resolve, reject) => {
    const workerData: PageWorkerData = { dataDir: options.dataDir, job, scorer: options.scorer };
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

/** Read-ahead for the service when it runs compiled (the thread's entry is page-worker.js); none from sources. */
export function compiledReadAhead(dataDir: string, scorer: ScorerModule): ReadAheadOptions | undefined {
  return fs.existsSync(COMPILED_WORKER) ? { dataDir, scorer } : undefined;
}

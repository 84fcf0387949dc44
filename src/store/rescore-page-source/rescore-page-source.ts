import type { PageRun, RescorePages, RescorePageSource } from '../../use-cases/rescore/rescore-ports';
import type { ScoredPage, ScoringJob } from '../../use-cases/rescore/scored-page';
import type { Store } from '../create-store';
import { DEFAULT_AUTO_CHECKPOINT } from '../repositories/wal-repository';
import { startReadAheadThread, type ReadAheadOptions, type ReadAheadThread } from './read-ahead-thread';
import { readContactPage, type PageReads, type PageRequest } from './read-contact-page';

/** What the page source uses of the store: its write transactions and the SQLite WAL controls. */
export type PageSourceStore = Pick<Store, 'engine' | 'wal' | 'transaction'>;

/** A page being read ahead: where it starts, and the data version of the transaction that asked for it. */
interface Ahead {
  after: string | null;
  stamp: number;
  page: Promise<ScoredPage>;
}

function readAhead(thread: ReadAheadThread, page: PageRequest, stamp: number): Ahead {
  const pending = thread.request(page);
  // Awaited before the next transaction; until then a failure must not be an unhandled rejection.
  pending.catch(() => undefined);
  return { after: page.after, stamp, page: pending };
}

/**
 * One run's pages. With a read-ahead thread, the next page is read and scored there while the current one is
 * written; it is used only if no other connection committed in between (SQLite's `data_version` is the one the
 * transaction that asked for it saw), else that page is read again inside the transaction. The thread's
 * connection checkpoints the WAL between pages, so the writer's commits skip that copy.
 */
function openPages(
  store: PageSourceStore,
  job: ScoringJob,
  run: PageRun,
  thread?: ReadAheadThread,
): RescorePages {
  let ahead: Ahead | undefined;
  const readPage = async (reads: PageReads, after: string | null) => {
    const now = run.now();
    return run.score(await readContactPage(reads, job.portalId, { after, size: run.size }), now);
  };
  return {
    async next(after, write) {
      // While the thread scores the next page, copy what was just committed into the database file.
      if (ahead) await store.wal.checkpoint();
      const early = ahead && { ...ahead, page: await ahead.page };
      return store.transaction(async (tx) => {
        const stamp = thread ? await tx.wal.dataVersion() : null;
        const page =
          early && stamp !== null && early.stamp === stamp && early.after === after
            ? early.page
            : await readPage(tx, after);
        ahead = undefined;
        if (thread && stamp !== null && page.count === run.size) {
          ahead = readAhead(thread, { after: page.lastId, size: run.size, now: run.now() }, stamp);
        }
        return write(tx, page);
      });
    },
    async close() {
      if (!thread) return;
      await thread.close();
      await store.wal.setAutoCheckpoint(DEFAULT_AUTO_CHECKPOINT);
    },
  };
}

/**
 * The rescore's pages from the store: read and scored inside each write transaction, or, with `readAhead` on
 * SQLite, the next page ahead in a worker thread on the second core (bench/rescore-bench.ts).
 */
export function rescorePageSource(
  store: PageSourceStore,
  options: { readAhead?: ReadAheadOptions } = {},
): RescorePageSource {
  return {
    async open(job, run) {
      if (!options.readAhead || store.engine !== 'sqlite') return openPages(store, job, run);
      const thread = await startReadAheadThread(options.readAhead, job);
      try {
        // The WAL is checkpointed between pages, while the thread scores the next one: commits skip that copy.
        await store.wal.setAutoCheckpoint(0);
      } catch (error) {
        await thread.close();
        throw error;
      }
      return openPages(store, job, run, thread);
    },
  };
}

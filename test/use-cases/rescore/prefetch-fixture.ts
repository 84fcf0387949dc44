import path from 'node:path';
import { workerThreadPrefetcher } from '../../../src/jobs/rescore-prefetch/worker-thread-prefetcher';

const WORKER_FILE = path.join(__dirname, 'children/page-worker-ts.js');

/** The worker-thread prefetcher on a SQLite data directory, with the fake engine or the domain engine. */
export function testPrefetch(dataDir: string, engine: 'fake' | 'domain') {
  return workerThreadPrefetcher({
    dataDir,
    workerFile: WORKER_FILE,
    engine:
      engine === 'fake'
        ? { module: path.join(__dirname, 'fake-engine'), name: 'fakeEngine' }
        : {
            module: path.join(__dirname, '../../../src/use-cases/rescore/domain-engine'),
            name: 'domainEngine',
          },
  });
}

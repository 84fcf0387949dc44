import path from 'node:path';
import type { Store } from '../../../src/store/create-store';
import type { ReadAheadOptions } from '../../../src/store/rescore-page-source/read-ahead-thread';
import { rescorePageSource } from '../../../src/store/rescore-page-source/rescore-page-source';
import { DOMAIN_PAGE_SCORER } from '../../../src/use-cases/rescore/domain-engine';
import type { RescoreDeps, ScoringEngine } from '../../../src/use-cases/rescore/rescore-ports';

const WORKER_FILE = path.join(__dirname, 'children/page-worker-ts.js');

/** Read-ahead in a worker thread on a SQLite data directory, scoring with the fake engine or the domain engine. */
export function testReadAhead(dataDir: string, engine: 'fake' | 'domain'): ReadAheadOptions {
  return {
    dataDir,
    workerFile: WORKER_FILE,
    scorer:
      engine === 'fake'
        ? { module: path.join(__dirname, 'fake-engine'), name: 'fakePageScorer' }
        : DOMAIN_PAGE_SCORER,
  };
}

/** What a rescore runs on: the store, its page source (reading ahead when given `readAhead`) and the engine. */
export function rescoreDeps(store: Store, engine: ScoringEngine, readAhead?: ReadAheadOptions): RescoreDeps {
  return { store, pages: rescorePageSource(store, { readAhead }), engine };
}

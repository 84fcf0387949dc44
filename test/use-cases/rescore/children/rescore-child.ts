// Child process: runs a rescore, slowed down between batches so the test can SIGKILL it midway.
// A fifth argument `prefetch` scores the next page in a worker thread (SQLite).
import { createStore } from '../../../../src/store/create-store';
import { rescorePortal } from '../../../../src/use-cases/rescore/rescore-portal';
import { fakeEngine } from '../fake-engine';
import { rescoreDeps, testReadAhead } from '../rescore-deps';

async function main([
  databaseUrl = '',
  dataDir = '/tmp',
  portalId = '',
  version = '1',
  mode = '',
]: string[]): Promise<void> {
  const store = await createStore({ databaseUrl: databaseUrl || undefined, dataDir });
  const readAhead = mode === 'prefetch' ? testReadAhead(dataDir, 'fake') : undefined;
  await rescorePortal(rescoreDeps(store, fakeEngine, readAhead), {
    portalId,
    agreementVersion: Number(version),
    batchSize: 200,
    onProgress: async (progress) => {
      process.stdout.write(`done ${progress.done}\n`);
      await new Promise((r) => setTimeout(r, 20));
    },
  });
  await store.close();
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});

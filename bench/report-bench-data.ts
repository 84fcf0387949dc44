import { createStore } from '../src/store/create-store';
import type { BenchDatabase } from './bench-database';
import { reportBatches, reportVersionRows } from './report-bench-rows';
import { postgresSink, sqliteSink } from './report-bench-sinks';

export { REPORT_BENCH_PORTAL } from './report-bench-rows';

/**
 * The report bench's store in `db`: the real schema (the store's migrations), then the generated rows of
 * `contacts` contacts bulk-written through the engine's sink; both engines get the same rows.
 */
export async function generateReportStore(
  db: BenchDatabase,
  contacts: number,
): Promise<{ historyRows: number; seconds: number }> {
  const started = Date.now();
  const store = await createStore(db.options);
  await store.close();
  const sink = db.options.databaseUrl
    ? await postgresSink(db.options.databaseUrl)
    : sqliteSink(db.options.dataDir);
  let historyRows = 0;
  try {
    await sink.versions(reportVersionRows());
    for (const batch of reportBatches(contacts)) {
      await sink.batch(batch);
      historyRows += batch.history.length;
    }
    await sink.finish();
  } finally {
    await sink.close();
  }
  return { historyRows, seconds: (Date.now() - started) / 1000 };
}

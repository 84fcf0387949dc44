// One rescore in its own process, so its time and peak RSS are its own. Prints one JSON line.
import { createStore } from '../src/store/create-store';
import { rescorePageSource } from '../src/store/rescore-page-source/rescore-page-source';
import { DOMAIN_PAGE_SCORER, domainEngine } from '../src/use-cases/rescore/domain-engine';
import { rescorePortal } from '../src/use-cases/rescore/rescore-portal';

async function main([databaseUrl = '', dataDir = '', portalId = '', version = '1', now = '0']: string[]) {
  const store = await createStore({ databaseUrl: databaseUrl || undefined, dataDir });
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  // SQLite: score the next page in a worker thread while this one is written (RESCORE_PREFETCH=off: one thread).
  const readAhead =
    databaseUrl || process.env.RESCORE_PREFETCH === 'off'
      ? undefined
      : { dataDir, scorer: DOMAIN_PAGE_SCORER };
  const pages = rescorePageSource(store, { readAhead });
  const result = await rescorePortal(
    { store, pages, engine: domainEngine },
    {
      portalId,
      agreementVersion: Number(version),
      now: () => Number(now),
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await store.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds, peakRssMb, done: result.done, changed: result.changed })}\n`,
  );
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

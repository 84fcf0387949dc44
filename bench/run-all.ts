import { formatTable, runBenches, verdict, type BenchModule } from './harness';

/**
 * Every bench, in the order the table lists them. To add one: a module `bench/<name>-bench.ts` exporting
 * `run(): Promise<BenchRow[]>` (see harness.ts), and one line here: `{ name: '<name>', load: () => import('./<name>-bench.js') },`.
 * `npm run bench -- <word>` runs only the benches whose name contains <word>.
 */
const BENCHES: BenchModule[] = [
  { name: 'qualify', load: () => import('./qualify-bench.js') },
  { name: 'simulate', load: () => import('./simulate-bench.js') },
  { name: 'report', load: () => import('./report-bench.js') },
  { name: 'rescore', load: () => import('./rescore-bench.js') },
  { name: 'write-back', load: () => import('./write-back-bench.js') },
  { name: 'card-api', load: () => import('./card-api-bench.js') },
  { name: 'webhook-intake', load: () => import('./webhook-intake-bench.js') },
  { name: 'healthz-during-simulation', load: () => import('./healthz-during-simulation-bench.js') },
];

async function main(): Promise<void> {
  const rows = await runBenches(BENCHES, process.argv.slice(2));
  process.stdout.write(`${formatTable(rows)}\n`);
  if (rows.some((row) => verdict(row) === 'FAIL')) process.exitCode = 1;
}

void main();

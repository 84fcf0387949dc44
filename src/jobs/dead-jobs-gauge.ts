import { Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics';

/** Dead jobs by type and reason, as the store counts them. */
export type DeadJobsSource = () => Promise<{ type: string; reason: string; count: number }[]>;
let source: DeadJobsSource | undefined;

/**
 * `lead_pact_dead_jobs{type, reason}`, read from the store at scrape time: the store is shared by every process,
 * so the web process reports the jobs its workers gave up on. A scrape during a database outage leaves it empty
 * rather than failing /metrics.
 */
export const deadJobsGauge = new Gauge({
  name: 'lead_pact_dead_jobs',
  help: 'Jobs that gave up (dead letters), by job type and reason (attempts_exhausted, invalid_input, lease_expired, no_handler, deferred_too_long, deferred_too_often, unknown)',
  labelNames: ['type', 'reason'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    if (!source) return;
    const counts = await source().catch(() => []);
    for (const { type, reason, count } of counts) this.set({ type, reason }, count);
  },
});

/** Makes every scrape ask `from` for the dead jobs (the composition root wires the store in). */
export function reportDeadJobsFrom(from: DeadJobsSource | undefined): void {
  source = from;
}

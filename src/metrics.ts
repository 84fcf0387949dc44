import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The one Prometheus registry `GET /metrics` serves. */
export const metricsRegistry = new Registry();

/** Request latency by method, route pattern (never the raw URL: it would explode cardinality) and status. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  // Card API budget is p99 < 50 ms and webhook intake p99 < 200 ms (DESIGN.md section 8): resolve around both.
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Job attempts by job type and outcome; the jobs code increments it. */
export const jobOutcomes = new Counter({
  name: 'lead_pact_jobs_total',
  help: 'Finished job attempts, by job type and outcome (succeeded, retry, dead, released, lease_lost, parked, deferred, outage, unsettled)',
  labelNames: ['type', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Every signature check of a signed route, by outcome: `valid`, `too_large`, or the failure (SignatureFailure). */
export const signatureChecks = new Counter({
  name: 'lead_pact_signature_checks_total',
  help: 'HubSpot signature checks by outcome (valid, too_large, missing_headers, bad_timestamp, stale, future, mismatch); all but valid and mismatch are refused before the body is read',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** Request bodies parsed as JSON: only ever after their signature was verified. */
export const requestBodiesParsed = new Counter({
  name: 'lead_pact_request_bodies_parsed_total',
  help: 'Request bodies parsed as JSON (only after a valid HubSpot signature)',
  registers: [metricsRegistry],
});

/** Jobs waiting or running, by state ("queued", "leased", "dead", ...), as counted by the store. */
export type QueueDepthSource = () => Promise<Record<string, number>>;
let queueDepthSource: QueueDepthSource | undefined;

/** Queue depth by state, read from the store at scrape time (see `reportQueueDepthFrom`). */
export const queueDepth = new Gauge({
  name: 'lead_pact_queue_depth',
  help: 'Jobs in the durable queue, by state',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!queueDepthSource) return;
    const counts = await queueDepthSource();
    this.reset();
    for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
  },
});

/** Makes every scrape ask `source` for the queue depth (the composition root wires the store in). */
export function reportQueueDepthFrom(source: QueueDepthSource | undefined): void {
  queueDepthSource = source;
}

let processMetricsOn = false;

/** Adds Node's process metrics (memory, CPU, event loop lag) once per process. */
export function enableProcessMetrics(): void {
  if (processMetricsOn) return;
  collectDefaultMetrics({ register: metricsRegistry });
  processMetricsOn = true;
}

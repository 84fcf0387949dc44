import autocannon from 'autocannon';

/*
 * Child process of bench/unsigned-flood.ts: CONNECTIONS keep-alive connections posting 1 MB of `[[[...]]]` without a
 * signature to signed and unsigned paths, back to back, until the parent sends "stop"; then it reports its totals.
 */

/** 1 MB of nested arrays: what once took the card API from 2,400 to 1.6 requests per second (issue 12). */
const NESTED = '['.repeat(512 * 1024) + ']'.repeat(512 * 1024);
const PATHS = ['/api/card/verdict', '/webhooks/hubspot', '/api/agreements/draft', '/healthz', '/nowhere'];

type Result = {
  requests: { total: number };
  errors: number;
  statusCodeStats?: Record<string, { count: number }>;
};
type Run = (
  options: Parameters<typeof autocannon>[0],
  done: (error: Error | null, result: Result) => void,
) => { stop(): void };

const [url = '', connections = '10'] = process.argv.slice(2);
const requests = PATHS.map((path) => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json' },
  body: NESTED,
}));
const instance = (autocannon as unknown as Run)(
  { url, connections: Number(connections), duration: 3600, requests },
  (error, result) => {
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
    );
    process.send?.({
      error: error?.message,
      requests: result.requests.total,
      errors: result.errors,
      statuses,
    });
    process.disconnect?.();
  },
);
process.on('message', (message) => {
  if (message === 'stop') instance.stop();
});

import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { ReadinessReport } from './readiness';

/** Liveness, readiness and Prometheus metrics. */
export function healthRouter(deps: { readiness: () => Promise<ReadinessReport>; metrics: Registry }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await deps.readiness();
    res.status(report.status === 'ready' ? 200 : 503).json(report);
  });
  router.get('/metrics', async (_req, res) => {
    const text = await deps.metrics.metrics();
    res.type(deps.metrics.contentType).send(text);
  });
  return router;
}

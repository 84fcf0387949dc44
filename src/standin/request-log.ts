import type { RequestHandler } from 'express';
import type { StandinState } from './standin-state';

/** The `inputs[].id` of a batch body, when there is one. */
function inputIds(body: unknown): string[] | undefined {
  const inputs = (body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs)) return undefined;
  return inputs.map((input) => String((input as { id?: unknown } | null)?.id));
}

/**
 * Counts every API request per route and logs it with the status it got (and the ids a batch named),
 * so tests can check which calls the app made and how each was answered. Admin routes are not counted.
 */
export function requestLog(state: StandinState, now: () => number): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/__standin')) return next();
    const { method, path } = req;
    state.stats.requests += 1;
    const route = `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    state.stats.byRoute[route] = (state.stats.byRoute[route] ?? 0) + 1;
    res.on('finish', () => {
      const ids = inputIds(req.body);
      state.requestLog.push({ at: now(), method, path, status: res.statusCode, ...(ids ? { ids } : {}) });
    });
    next();
  };
}

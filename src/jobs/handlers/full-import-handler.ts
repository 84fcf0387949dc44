import { z } from 'zod';
import { FULL_IMPORT_JOB, fullImport } from '../../use-cases/import/full-import';
import type { SyncDeps } from '../../use-cases/intake/sync-contacts';
import type { JobRegistry } from '../job-registry';

/** Payload of a full-import job. */
export const fullImportPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});

/** Registers the handler that reads every contact of a portal, reporting `{done, changed}` as it goes. */
export function registerFullImport(registry: JobRegistry, deps: SyncDeps): JobRegistry {
  return registry.register(FULL_IMPORT_JOB, fullImportPayloadSchema, (payload, ctx) =>
    fullImport(
      { ...deps, gatewayFor: (portalId) => deps.gatewayFor(portalId, ctx.signal) },
      payload.portalId,
      { signal: ctx.signal, onProgress: (p) => ctx.progress(p) },
    ),
  );
}

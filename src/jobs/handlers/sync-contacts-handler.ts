import { SYNC_CONTACTS_JOB, syncContactsPayloadSchema } from '../../use-cases/intake/intake-jobs';
import { syncContacts, type SyncDeps } from '../../use-cases/intake/sync-contacts';
import type { JobRegistry } from '../job-registry';

/** Registers the handler that reads changed contacts from HubSpot, qualifies them and fills the outbox. */
export function registerSyncContacts(registry: JobRegistry, deps: SyncDeps): JobRegistry {
  return registry.register(SYNC_CONTACTS_JOB, syncContactsPayloadSchema, (payload, ctx) =>
    syncContacts(
      { ...deps, gatewayFor: (portalId) => deps.gatewayFor(portalId, ctx.signal) },
      payload.portalId,
      payload.contactIds,
    ),
  );
}

import { PROCESS_INBOX_JOB, processInboxPayloadSchema } from '../../use-cases/intake/intake-jobs';
import type { ProcessInboxStore } from '../../use-cases/intake/intake-ports';
import { processInbox } from '../../use-cases/intake/process-inbox';
import type { JobRegistry } from '../job-registry';

/** Registers the handler that works through a portal's webhook inbox. */
export function registerProcessInbox(registry: JobRegistry, store: ProcessInboxStore): JobRegistry {
  return registry.register(PROCESS_INBOX_JOB, processInboxPayloadSchema, (payload, job) =>
    processInbox(store, payload.portalId, { signal: job.signal }),
  );
}

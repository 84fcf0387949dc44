import { AppError } from '../../domain/app-error';
import { SYNC_CONTACTS_JOB, syncContactsPayloadSchema } from './intake-jobs';
import type { QueuedJobsPort } from '../ports/queued-jobs';

/** A queued sync job and the contacts it will read (null: a payload it would refuse, so never topped up). */
export interface WaitingSync {
  id: number;
  payload: string;
  contactIds: string[] | null;
}

/**
 * The portal's queued sync jobs as last read, kept by a caller that queues syncs batch after batch (processInbox):
 * a waiting job is parsed again only when its payload changed, and the contacts they name are counted as jobs come
 * and go instead of being collected anew for every batch.
 */
export interface WaitingSyncs {
  jobs: Map<number, WaitingSync>;
  /** Contact id -> how many waiting jobs name it. */
  contacts: Map<string, number>;
}

/** Nothing read yet. */
export const noWaitingSyncs = (): WaitingSyncs => ({ jobs: new Map(), contacts: new Map() });

function forget(known: WaitingSyncs, id: number): void {
  for (const contactId of known.jobs.get(id)?.contactIds ?? []) {
    const n = (known.contacts.get(contactId) ?? 0) - 1;
    if (n > 0) known.contacts.set(contactId, n);
    else known.contacts.delete(contactId);
  }
  known.jobs.delete(id);
}

/** Records a waiting job's (new) payload and the contacts it names. */
export function rememberWaitingSync(known: WaitingSyncs, job: WaitingSync): void {
  forget(known, job.id);
  known.jobs.set(job.id, job);
  for (const contactId of job.contactIds ?? [])
    known.contacts.set(contactId, (known.contacts.get(contactId) ?? 0) + 1);
}

/** The stored JSON text of a payload, parsed; text that is not JSON is our bug (the queue stores what it was given). */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError(
      'internal',
      'Stored jobs.payload is not valid JSON',
      [{ path: 'jobs.payload', message: 'invalid JSON' }],
      { cause },
    );
  }
}

function parsed(id: number, payload: string): WaitingSync {
  const result = syncContactsPayloadSchema.safeParse(parseJsonText(payload));
  return { id, payload, contactIds: result.success ? result.data.contactIds : null };
}

/**
 * Brings `known` up to date with the portal's queued sync jobs (locked until the transaction ends, see
 * QueuedJobsPort) and returns the newest of them.
 */
export async function readWaitingSyncs(
  queuedJobs: Pick<QueuedJobsPort, 'waitingPayloads'>,
  portalId: string,
  known: WaitingSyncs,
): Promise<WaitingSync | undefined> {
  const rows = await queuedJobs.waitingPayloads(portalId, SYNC_CONTACTS_JOB);
  const queued = new Set<number>();
  for (const { id, payload } of rows) {
    queued.add(id);
    if (known.jobs.get(id)?.payload !== payload) rememberWaitingSync(known, parsed(id, payload));
  }
  for (const id of [...known.jobs.keys()]) if (!queued.has(id)) forget(known, id);
  const newest = rows.at(-1);
  return newest ? known.jobs.get(newest.id) : undefined;
}

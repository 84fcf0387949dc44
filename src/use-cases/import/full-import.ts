import { z } from 'zod';
import { propertiesRead } from '../../domain/properties-read';
import { isAppError } from '../../domain/app-error';
import type { ContactPage, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { loadJob, storeAndQualify, type SyncDeps } from '../intake/sync-contacts';
import type { JobsPort } from '../ports/jobs';
import type { PageJob } from '../rescore/rescore-page';
import type { FullImportStore, ImportIfNeverFinishedStore } from './full-import-ports';

/** The job type that reads every contact of a portal. */
export const FULL_IMPORT_JOB = 'full-import';
/** The checkpoint name under which the import keeps its cursor. */
export const FULL_IMPORT_CHECKPOINT = 'full-import';
/** Set when an import read the portal's last page: `{at, done}`. Until then the portal's contacts are not all known. */
export const FULL_IMPORT_FINISHED = 'full-import-finished';

/** The list only pages through ids: each page is then read with its primary company, like a sync. */
const LISTED_PROPERTIES = ['hs_object_id'];

const checkpointSchema = z.object({ after: z.string().optional(), done: z.number().int().min(0) });
type Checkpoint = z.infer<typeof checkpointSchema>;

/** Progress of an import: contacts read so far (HubSpot's list gives no total). */
export interface ImportProgress {
  done: number;
  total?: number;
  changed: number;
}

/** What an import did. */
export interface ImportResult extends ImportProgress {
  pages: number;
  /** No agreement to grade by: the first agreement to become active queues the import again. */
  skipped?: 'no_active_agreement';
}

/** How many contacts the portal has (one search request), or undefined when HubSpot does not say. */
async function countContacts(gateway: HubSpotGateway, now: number): Promise<number | undefined> {
  try {
    return (await gateway.searchModifiedSince({ from: 0, to: now + 60_000 }, undefined, [])).total;
  } catch (error) {
    if (isAppError(error, 'unauthorized') || isAppError(error, 'forbidden')) throw error;
    return undefined; // the count only feeds the progress bar and its estimate
  }
}

/** What an import needs: a sync's, with a store that also keeps the import's cursor. */
export type ImportDeps = Omit<SyncDeps, 'store'> & { store: FullImportStore };

/** Stops at the next page boundary when aborted; reports after each committed page. */
export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => Promise<void>;
}

/** Stores one page's snapshots, qualifies them, and moves the checkpoint, all in one transaction. */
async function importPage(
  deps: ImportDeps,
  job: PageJob,
  page: ContactPage,
  done: number,
  listed: number,
): Promise<number> {
  return deps.store.transaction(async (tx) => {
    const changed = await storeAndQualify(tx, job, page.contacts);
    const next: Checkpoint = { done: done + listed };
    if (page.after !== undefined) next.after = page.after;
    await tx.checkpoints.set(job.portalId, FULL_IMPORT_CHECKPOINT, next, job.now);
    return changed;
  });
}

/**
 * Lists every contact of the portal 100 at a time and reads each page with its primary company's properties
 * (the agreement's `company.*` rules need them), stores their snapshots and qualifies them like a sync
 * (only changed properties reach the outbox). A checkpoint after each page lets a restarted import
 * continue from the last cursor; it is removed when the last page is in.
 */
export async function fullImport(
  deps: ImportDeps,
  portalId: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const job = await loadJob(deps, portalId);
  if (!job) return { done: 0, changed: 0, pages: 0, skipped: 'no_active_agreement' };
  const saved = checkpointSchema.safeParse(
    await deps.store.checkpoints.get(portalId, FULL_IMPORT_CHECKPOINT),
  );
  let cursor: Checkpoint = saved.success ? saved.data : { done: 0 };
  const gateway = await deps.gatewayFor(portalId);
  const properties = propertiesRead(job.agreement);
  const total = await countContacts(gateway, job.now);
  const counted = (done: number) => (total === undefined ? {} : { total: Math.max(total, done) });
  let changed = 0;
  let pages = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const listed = await gateway.listContacts(cursor.after, LISTED_PROPERTIES);
    const ids = listed.contacts.map((c) => c.id);
    const read =
      ids.length === 0
        ? []
        : (await gateway.readContacts(ids, properties.contact, properties.company)).contacts;
    const page: ContactPage = { contacts: read, ...(listed.after ? { after: listed.after } : {}) };
    changed += await importPage(deps, job, page, cursor.done, listed.contacts.length);
    pages += 1;
    cursor = { done: cursor.done + ids.length, ...(page.after ? { after: page.after } : {}) };
    await options.onProgress?.({ done: cursor.done, ...counted(cursor.done), changed });
    if (page.after === undefined) break;
  }
  await deps.store.transaction(async (tx) => {
    await tx.checkpoints.delete(portalId, FULL_IMPORT_CHECKPOINT);
    await tx.checkpoints.set(portalId, FULL_IMPORT_FINISHED, { at: job.now, done: cursor.done }, job.now);
  });
  return { done: cursor.done, ...counted(cursor.done), changed, pages };
}

/**
 * After an agreement became active: when the portal's contacts were never all imported (its install's import found
 * no agreement and was skipped, or it never ran) and no import is queued or running, queues one, keyed by the
 * version so a later agreement can queue it again if this one is still unfinished by then.
 */
export async function importIfNeverFinished(
  store: ImportIfNeverFinishedStore,
  portalId: string,
  version: number,
  now: number,
): Promise<boolean> {
  if ((await store.checkpoints.get(portalId, FULL_IMPORT_FINISHED)) !== undefined) return false;
  for (const status of ['queued', 'running'] as const) {
    const live = await store.jobs.list({ portalId, type: FULL_IMPORT_JOB, status, limit: 1 });
    if (live.length > 0) return false;
  }
  await enqueueFullImport(store.jobs, portalId, now, `${FULL_IMPORT_JOB}:${portalId}:agreement-${version}`);
  return true;
}

/**
 * Queues the portal's full import once: a second call shares the first job through its idempotency key.
 * Returns whether this call added it.
 */
export async function enqueueFullImport(
  jobs: Pick<JobsPort, 'enqueue'>,
  portalId: string,
  now: number,
  idempotencyKey = `${FULL_IMPORT_JOB}:${portalId}`,
): Promise<boolean> {
  const { created } = await jobs.enqueue(
    {
      type: FULL_IMPORT_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey,
      maxAttempts: 10,
      runAt: now,
    },
    now,
  );
  return created;
}

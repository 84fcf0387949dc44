import { propertiesRead } from '../../domain/properties-read';
import type { HubSpotContact, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { ContactWithQualification } from '../ports/contact-batches';
import { rescorePage, type PageJob } from '../rescore/rescore-page';
import type { ScoringEngine } from '../rescore/rescore-ports';
import { enqueueWriteBackAfterWrites } from '../write-back/enqueue-write-back';
import type { SyncContactsStore, SyncWrites } from './sync-ports';

/** What a sync needs: the store, HubSpot per portal, and the pure engine. */
export interface SyncDeps {
  store: SyncContactsStore;
  /**
   * The portal's gateway (use-cases/write-back/portal-gateways: static token or stored OAuth tokens); `signal`
   * ends a wait for the portal's request budget.
   */
  gatewayFor: (portalId: string, signal?: AbortSignal) => HubSpotGateway | Promise<HubSpotGateway>;
  engine: ScoringEngine;
  now?: () => number;
}

/** What one sync did. */
export interface SyncResult {
  read: number;
  /** Ids HubSpot no longer knows (deleted or merged away): their snapshot was removed. */
  missing: number;
  /** Contacts whose written properties changed (went to the outbox). */
  changed: number;
  skipped?: 'no_active_agreement';
}

/** When HubSpot last modified the contact (epoch ms), or null when unknown. */
export const lastModified = (c: HubSpotContact): number | null => {
  const raw = c.properties.hs_lastmodifieddate ?? c.updatedAt;
  const at = raw ? Date.parse(raw) : NaN;
  return Number.isFinite(at) ? at : null;
};

/** The portal's active agreement as a page job, or undefined when none is active. */
export async function loadJob(
  deps: Pick<SyncDeps, 'engine' | 'now'> & { store: Pick<SyncContactsStore, 'agreements' | 'installations'> },
  portalId: string,
): Promise<PageJob | undefined> {
  const active = await deps.store.agreements.active(portalId);
  if (!active) return undefined;
  const locale = (await deps.store.installations.get(portalId))?.locale ?? 'en';
  const now = (deps.now ?? Date.now)();
  return { portalId, version: active.version, agreement: active.body, locale, engine: deps.engine, now };
}

/** The batch as rescorePage reads it, with each contact's current qualification. */
async function withCurrent(tx: SyncWrites, portalId: string, contacts: readonly HubSpotContact[]) {
  const rows: ContactWithQualification[] = [];
  for (const c of [...contacts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const current = (await tx.qualifications.get(portalId, c.id)) ?? null;
    rows.push({ contact: { id: c.id, properties: c.properties, company: c.company ?? null }, current });
  }
  return rows;
}

/**
 * Stores the contacts' snapshots and qualifies exactly these contacts with the rescore's page logic, inside the
 * caller's transaction; only changed properties reach the outbox (and then a write-back is queued). Resolves with
 * how many contacts changed.
 */
export async function storeAndQualify(
  tx: SyncWrites,
  job: PageJob,
  contacts: readonly HubSpotContact[],
): Promise<number> {
  const snapshots = contacts.map((c) => ({
    id: c.id,
    properties: c.properties,
    company: c.company ?? null,
    hsLastModified: lastModified(c),
  }));
  await tx.contacts.upsertMany(job.portalId, snapshots, job.now);
  const rows = await withCurrent(tx, job.portalId, contacts);
  const these = { ...tx, contactBatches: { page: async () => rows } };
  const page = rows.length === 0 ? { changed: 0 } : await rescorePage(these, job, null, rows.length);
  if (page.changed > 0) await enqueueWriteBackAfterWrites(tx, job.portalId, job.now);
  return page.changed;
}

/**
 * Reads up to 100 contacts with their primary company from HubSpot, stores their snapshots and
 * qualifies them with their signal history and recycling state, taking capacity places through
 * the store's counter; only changed properties reach the outbox (the rescore's page logic, run
 * over exactly these contacts). Contacts HubSpot no longer has lose their snapshot.
 */
export async function syncContacts(
  deps: SyncDeps,
  portalId: string,
  ids: readonly string[],
): Promise<SyncResult> {
  const job = await loadJob(deps, portalId);
  if (!job) return { read: 0, missing: 0, changed: 0, skipped: 'no_active_agreement' };
  const props = propertiesRead(job.agreement);
  const gateway = await deps.gatewayFor(portalId);
  const { contacts, missing } = await gateway.readContacts(ids, props.contact, props.company);
  return deps.store.transaction(async (tx) => {
    for (const id of missing) await tx.contacts.remove(portalId, id);
    const changed = await storeAndQualify(tx, job, contacts);
    return { read: contacts.length, missing: missing.length, changed };
  });
}

import { parseAgreement } from '../../domain/parse-agreement';
import { propertiesRead } from '../../domain/properties-read';
import { AppError } from '../../domain/app-error';
import type { HubSpotContact, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { DbContext } from '../../store/db-context';
import { createRepositories, type Repositories } from '../../store/repositories';
import type { ContactWithQualification } from '../../store/repositories/contact-batches-repository';
import { rescorePage, type PageJob } from '../rescore/rescore-page';
import { enqueueWriteBackAfterWrites } from '../write-back/enqueue-write-back';
import type { ScoringEngine } from '../rescore/rescore-ports';
import { intakeStore } from './intake-store';

/** What a sync needs: the database, HubSpot per portal, and the pure engine. */
export interface SyncDeps {
  ctx: DbContext;
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
export async function loadJob(deps: SyncDeps, portalId: string): Promise<PageJob | undefined> {
  const repos = createRepositories(deps.ctx);
  const active = await repos.agreements.getActive(portalId);
  if (!active) return undefined;
  const parsed = parseAgreement(active.body);
  if (!parsed.success)
    throw new AppError('invalid_input', `Active agreement ${active.version} is not valid`, parsed.errors);
  const locale = (await repos.installations.get(portalId))?.locale ?? 'en';
  const now = (deps.now ?? Date.now)();
  return { portalId, version: active.version, agreement: parsed.data, locale, engine: deps.engine, now };
}

/** The batch as rescorePage reads it, with each contact's current qualification. */
export async function withCurrent(repos: Repositories, portalId: string, contacts: HubSpotContact[]) {
  const rows: ContactWithQualification[] = [];
  for (const c of [...contacts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const current = (await repos.qualifications.get(portalId, c.id)) ?? null;
    rows.push({ contact: { id: c.id, properties: c.properties, company: c.company ?? null }, current });
  }
  return rows;
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
  return deps.ctx.transaction(async (tx) => {
    const repos = createRepositories(tx);
    for (const id of missing) await intakeStore(tx).removeContact(portalId, id);
    const snapshots = contacts.map((c) => ({
      id: c.id,
      properties: c.properties,
      company: c.company ?? null,
      hsLastModified: lastModified(c),
    }));
    await repos.contacts.upsertMany(portalId, snapshots, job.now);
    const rows = await withCurrent(repos, portalId, contacts);
    const these = { ...repos, contactBatches: { page: async () => rows } };
    const page = rows.length === 0 ? { changed: 0 } : await rescorePage(these, job, null, rows.length);
    if (page.changed > 0) await enqueueWriteBackAfterWrites(tx, portalId, job.now);
    return { read: contacts.length, missing: missing.length, changed: page.changed };
  });
}

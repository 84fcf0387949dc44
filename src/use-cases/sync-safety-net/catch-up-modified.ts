import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { syncCompanyContacts } from '../intake/sync-company-contacts';
import { loadJob, syncContacts, type SyncDeps } from '../intake/sync-contacts';
import {
  loadSafetyNetCheckpoint,
  SAFETY_NET_CHECKPOINT,
  SAFETY_NET_COMPANIES_CHECKPOINT,
} from './safety-net-checkpoint';
import type { SafetyNetStore } from './safety-net-ports';
import { searchPacer } from './search-pacer';
import { walkModifiedWindows, type ModifiedWalk, type WalkProgress } from './walk-modified-windows';

export { HUBSPOT_SEARCH_CAP, SEARCH_INDEX_LAG_MS } from './walk-modified-windows';

/** The search only finds ids: the sync reads each contact again with its primary company. */
const SEARCH_PROPERTIES = ['hs_object_id'];

/** Where a run stands: contacts (top level) and, once they are done, companies. */
export interface SafetyNetProgress extends WalkProgress {
  /** Companies modified since the last run: `read` companies found, `changed` contacts queued for a sync. */
  companies?: WalkProgress;
}

export interface SafetyNetResult extends SafetyNetProgress {
  skipped?: 'no_active_agreement';
}

export interface SafetyNetOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SafetyNetProgress) => Promise<void>;
  /** Waits between searches (tests pass a clock that moves instead). */
  sleep?: (ms: number) => Promise<void>;
}

/** What the safety net needs: a sync's, with a store that also keeps the walks' checkpoints. */
export type SafetyNetDeps = Omit<SyncDeps, 'store'> & { store: SafetyNetStore };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function contactWalk(deps: SafetyNetDeps, portalId: string, gateway: HubSpotGateway): ModifiedWalk {
  return {
    checkpoint: SAFETY_NET_CHECKPOINT,
    search: async (window, after) => {
      const page = await gateway.searchModifiedSince(window, after, SEARCH_PROPERTIES);
      return { ids: page.contacts.map((c) => c.id), total: page.total, after: page.after };
    },
    handle: (ids) => syncContacts(deps, portalId, ids),
  };
}

function companyWalk(deps: SafetyNetDeps, portalId: string, gateway: HubSpotGateway, signal?: AbortSignal) {
  const walk: ModifiedWalk = {
    checkpoint: SAFETY_NET_COMPANIES_CHECKPOINT,
    search: async (window, after) => {
      const page = await gateway.searchCompaniesModifiedSince(window, after);
      return { ids: page.companyIds, total: page.total, after: page.after };
    },
    handle: async (ids, window) => {
      const run = `safety-net:${window.from}:${window.to}:${window.after ?? ''}`;
      const done = await syncCompanyContacts(deps, portalId, ids, { run, signal });
      return { read: done.companies, changed: done.queued };
    },
  };
  return walk;
}

/**
 * The safety net for missed webhooks. First contacts modified since the last run (searched by `lastmodifieddate`,
 * each page fed into the webhook sync path: read with the primary company, snapshot, signal history, qualify,
 * outbox), then companies modified since (by `hs_lastmodifieddate`), whose contacts are queued for a sync the
 * way a company webhook queues them: this also covers company properties no webhook subscription names.
 */
export async function catchUpModified(
  deps: SafetyNetDeps,
  portalId: string,
  options: SafetyNetOptions = {},
): Promise<SafetyNetResult> {
  const now = deps.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  if (!(await loadJob(deps, portalId))) {
    const { until } = await loadSafetyNetCheckpoint(deps.store, portalId, now());
    return { until, pages: 0, read: 0, changed: 0, splits: 0, skipped: 'no_active_agreement' };
  }
  const gateway = await deps.gatewayFor(portalId);
  const walking = { pace: searchPacer(now, sleep), sleep, signal: options.signal };
  const io = { store: deps.store, now };
  const contacts = await walkModifiedWindows(io, portalId, contactWalk(deps, portalId, gateway), {
    ...walking,
    onProgress: async (progress) => options.onProgress?.(progress),
  });
  const companies = await walkModifiedWindows(
    io,
    portalId,
    companyWalk(deps, portalId, gateway, options.signal),
    {
      ...walking,
      onProgress: async (progress) => options.onProgress?.({ ...contacts, companies: progress }),
    },
  );
  return { ...contacts, companies };
}

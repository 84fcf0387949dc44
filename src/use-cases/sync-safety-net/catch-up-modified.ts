import { createRepositories } from '../../store/repositories';
import { loadJob, syncContacts, type SyncDeps } from '../intake/sync-contacts';
import {
  loadSafetyNetCheckpoint,
  SAFETY_NET_CHECKPOINT,
  type SafetyNetCheckpoint,
  type SearchWindow,
} from './safety-net-checkpoint';
import { searchModifiedPage } from './search-modified-page';
import { searchPacer } from './search-pacer';

/** HubSpot's search serves at most 10,000 results per query; a window with more is split. */
export const HUBSPOT_SEARCH_CAP = 10_000;
/** HubSpot's search index trails writes by seconds: the newest minute is left to the next run. */
export const SEARCH_INDEX_LAG_MS = 60_000;

/** Where a run stands, reported after each page. */
export interface SafetyNetProgress {
  /** Every contact modified before this instant (epoch ms) has been synced. */
  until: number;
  pages: number;
  read: number;
  changed: number;
  /** Windows halved because HubSpot counted 10,000 matches or more. */
  splits: number;
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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function nextWindow(cp: SafetyNetCheckpoint, target: number): SearchWindow {
  if (cp.window) return cp.window;
  return { from: cp.until, to: cp.width === undefined ? target : Math.min(target, cp.until + cp.width) };
}

// The search pages by offset: HubSpot refuses an `after` at or beyond its cap, so such a window ends there.
const hasNext = (after: string | undefined): after is string =>
  after !== undefined && !(Number(after) >= HUBSPOT_SEARCH_CAP);

/**
 * The safety net for missed webhooks: searches the portal's contacts by `lastmodifieddate` from the last
 * high-water mark to now, in windows under HubSpot's 10,000-result cap (a window counting more is halved),
 * and feeds each page of ids into the webhook sync path (read with the primary company, snapshot, signal
 * history, qualify, outbox). The checkpoint moves after every page, so a crashed run resumes where it stopped.
 */
export async function catchUpModified(
  deps: SyncDeps,
  portalId: string,
  options: SafetyNetOptions = {},
): Promise<SafetyNetResult> {
  const now = deps.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const repos = createRepositories(deps.ctx);
  let cp = await loadSafetyNetCheckpoint(repos, portalId, now());
  const progress: SafetyNetProgress = { until: cp.until, pages: 0, read: 0, changed: 0, splits: 0 };
  if (!(await loadJob(deps, portalId))) return { ...progress, skipped: 'no_active_agreement' };
  const target = now() - SEARCH_INDEX_LAG_MS;
  const gateway = await deps.gatewayFor(portalId);
  const pace = searchPacer(now, sleep);
  while (cp.window !== undefined || cp.until < target) {
    options.signal?.throwIfAborted();
    const window = nextWindow(cp, target);
    const page = await searchModifiedPage(gateway, window, pace, sleep);
    const width = window.to - window.from;
    if (window.after === undefined && page.total >= HUBSPOT_SEARCH_CAP && width > 1) {
      cp = { until: cp.until, width: Math.floor(width / 2) };
      progress.splits += 1;
      continue;
    }
    const ids = page.contacts.map((c) => c.id);
    const synced = ids.length === 0 ? { read: 0, changed: 0 } : await syncContacts(deps, portalId, ids);
    cp = hasNext(page.after)
      ? { ...cp, window: { ...window, after: page.after } }
      : { until: window.to, ...(cp.width === undefined ? {} : { width: cp.width * 2 }) };
    await repos.checkpoints.set(portalId, SAFETY_NET_CHECKPOINT, cp, now());
    Object.assign(progress, {
      until: cp.until,
      pages: progress.pages + 1,
      read: progress.read + synced.read,
      changed: progress.changed + synced.changed,
    });
    await options.onProgress?.({ ...progress });
  }
  return progress;
}

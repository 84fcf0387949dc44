import {
  loadSafetyNetCheckpoint,
  type SafetyNetCheckpoint,
  type SearchWindow,
} from './safety-net-checkpoint';
import type { SafetyNetCheckpoints } from './safety-net-ports';
import { searchModifiedPage, type ModifiedSearch } from './search-modified-page';

/** HubSpot's search serves at most 10,000 results per query; a window with more is split. */
export const HUBSPOT_SEARCH_CAP = 10_000;
/** HubSpot's search index trails writes by seconds: the newest minute is left to the next run. */
export const SEARCH_INDEX_LAG_MS = 60_000;

/** A page of a search for modified records: their ids, the query's total and HubSpot's cursor. */
export interface ModifiedIdsPage {
  ids: string[];
  total: number;
  after?: string;
}

/** What to search (and where its high-water mark lives), and what to do with each page of ids found. */
export interface ModifiedWalk {
  checkpoint: string;
  search: ModifiedSearch<ModifiedIdsPage>;
  /** `window` (with its cursor) names the page, so a redone page can be recognised. */
  handle(ids: string[], window: SearchWindow): Promise<{ read: number; changed: number }>;
}

/** Where a walk stands, reported after each page. */
export interface WalkProgress {
  /** Every record modified before this instant (epoch ms) has been handled. */
  until: number;
  pages: number;
  read: number;
  changed: number;
  /** Windows halved because HubSpot counted 10,000 matches or more. */
  splits: number;
}

function nextWindow(cp: SafetyNetCheckpoint, target: number): SearchWindow {
  if (cp.window) return cp.window;
  return { from: cp.until, to: cp.width === undefined ? target : Math.min(target, cp.until + cp.width) };
}

// The search pages by offset: HubSpot refuses an `after` at or beyond its cap, so such a window ends there.
const hasNext = (after: string | undefined): after is string =>
  after !== undefined && !(Number(after) >= HUBSPOT_SEARCH_CAP);

/**
 * Searches records modified from the walk's high-water mark to now (less the index lag), in windows under
 * HubSpot's 10,000-result cap (a window counting more is halved, and widens again after), and hands each page of
 * ids to `walk.handle`. The checkpoint moves after every page, so a crashed run resumes where it stopped.
 */
export async function walkModifiedWindows(
  deps: { store: SafetyNetCheckpoints; now: () => number },
  portalId: string,
  walk: ModifiedWalk,
  options: {
    pace: () => Promise<void>;
    sleep: (ms: number) => Promise<void>;
    signal?: AbortSignal;
    onProgress?: (progress: WalkProgress) => Promise<void>;
  },
): Promise<WalkProgress> {
  const { now, store } = deps;
  let cp = await loadSafetyNetCheckpoint(store, portalId, now(), walk.checkpoint);
  const progress: WalkProgress = { until: cp.until, pages: 0, read: 0, changed: 0, splits: 0 };
  const target = now() - SEARCH_INDEX_LAG_MS;
  while (cp.window !== undefined || cp.until < target) {
    options.signal?.throwIfAborted();
    const window = nextWindow(cp, target);
    const page = await searchModifiedPage(walk.search, window, options.pace, options.sleep);
    const width = window.to - window.from;
    if (window.after === undefined && page.total >= HUBSPOT_SEARCH_CAP && width > 1) {
      cp = { until: cp.until, width: Math.floor(width / 2) };
      progress.splits += 1;
      continue;
    }
    const done = page.ids.length === 0 ? { read: 0, changed: 0 } : await walk.handle(page.ids, window);
    cp = hasNext(page.after)
      ? { ...cp, window: { ...window, after: page.after } }
      : { until: window.to, ...(cp.width === undefined ? {} : { width: cp.width * 2 }) };
    await store.checkpoints.set(portalId, walk.checkpoint, cp, now());
    Object.assign(progress, {
      until: cp.until,
      pages: progress.pages + 1,
      read: progress.read + done.read,
      changed: progress.changed + done.changed,
    });
    await options.onProgress?.({ ...progress });
  }
  return progress;
}

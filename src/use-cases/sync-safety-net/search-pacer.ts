/** HubSpot allows 5 search requests per second per token (DESIGN.md section 7). */
export const SEARCH_REQUESTS_PER_SECOND = 5;

/** Waits as long as needed so that two calls are never closer than 1/SEARCH_REQUESTS_PER_SECOND apart. */
export function searchPacer(now: () => number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  const gapMs = Math.ceil(1000 / SEARCH_REQUESTS_PER_SECOND);
  let last: number | undefined;
  return async () => {
    const wait = last === undefined ? 0 : last + gapMs - now();
    if (wait > 0) await sleep(wait);
    last = now();
  };
}

import { isAppError } from '../../domain/app-error';
import type { ModifiedWindow } from '../../hubspot/hubspot-gateway';
import { hubspotErrorInfo } from '../ports/hubspot-error-info';
import type { SearchWindow } from './safety-net-checkpoint';

/** Secondly or ten-secondly 429s are waited out this many times before the run fails (and resumes later). */
const RATE_LIMIT_RETRIES = 3;

/** One search of HubSpot for records modified in a window, from a cursor. */
export type ModifiedSearch<T> = (window: ModifiedWindow, after: string | undefined) => Promise<T>;

/** One page of a window's search, paced under HubSpot's search limit; short 429s are waited out, DAILY is not. */
export async function searchModifiedPage<T>(
  search: ModifiedSearch<T>,
  window: SearchWindow,
  pace: () => Promise<void>,
  sleep: (ms: number) => Promise<void>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await pace();
    try {
      return await search({ from: window.from, to: window.to }, window.after);
    } catch (error) {
      if (!isAppError(error, 'rate_limited') || attempt >= RATE_LIMIT_RETRIES) throw error;
      const info = hubspotErrorInfo(error);
      if (info.policyName === 'DAILY') throw error;
      await sleep(info.retryAfterMs ?? 1000);
    }
  }
}

import { isAppError } from '../../errors/app-error';
import type { HubSpotGateway, SearchPage } from '../../hubspot/hubspot-gateway';
import { hubspotErrorInfo } from '../../hubspot/translate-hubspot-error';
import type { SearchWindow } from './safety-net-checkpoint';

/** The search only finds ids: the sync reads each contact again with its primary company. */
const SEARCH_PROPERTIES = ['hs_object_id'];
/** Secondly or ten-secondly 429s are waited out this many times before the run fails (and resumes later). */
const RATE_LIMIT_RETRIES = 3;

/** One page of a window's search, paced under HubSpot's search limit; short 429s are waited out, DAILY is not. */
export async function searchModifiedPage(
  gateway: Pick<HubSpotGateway, 'searchModifiedSince'>,
  window: SearchWindow,
  pace: () => Promise<void>,
  sleep: (ms: number) => Promise<void>,
): Promise<SearchPage> {
  for (let attempt = 0; ; attempt++) {
    await pace();
    try {
      return await gateway.searchModifiedSince(
        { from: window.from, to: window.to },
        window.after,
        SEARCH_PROPERTIES,
      );
    } catch (error) {
      if (!isAppError(error, 'rate_limited') || attempt >= RATE_LIMIT_RETRIES) throw error;
      const info = hubspotErrorInfo(error);
      if (info.policyName === 'DAILY') throw error;
      await sleep(info.retryAfterMs ?? 1000);
    }
  }
}

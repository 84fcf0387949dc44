import { abortableSleep } from '../../abortable-sleep';
import { isAppError } from '../../domain/app-error';
import { waitForRequestSlots, type SlotWait } from '../../use-cases/request-budget/wait-for-request-slots';
import type { BudgetedGatewayOptions, RequestBudget } from '../budgeted-gateway';
import { hubspotErrorInfo } from '../translate-hubspot-error';
import type { LeadsRequestHooks } from './leads-http';

/**
 * The portal's request budget for the Leads gateway, as `withRequestBudget` gives it to the contacts gateway: every
 * request waits for one slot of the portal's shared window (HubSpot counts all of the app's calls against one
 * per-portal limit) and a 429 pauses the whole portal, except the search API's own per-second cap (`SECONDLY`).
 * Slots are taken request by request, so a create that finds its Lead already made (a read by key, maybe a search)
 * pays for exactly what it sends.
 */
export function leadsRequestBudget(options: BudgetedGatewayOptions): LeadsRequestHooks {
  const s: SlotWait & { budget: RequestBudget } = {
    now: Date.now,
    sleep: abortableSleep,
    maxInlineWaitMs: 15_000,
    ...options,
  };
  return {
    beforeRequest: () => waitForRequestSlots(s, 1),
    onError: async (error) => {
      const info = isAppError(error, 'rate_limited') ? hubspotErrorInfo(error) : undefined;
      if (info?.status === 429 && info.policyName !== 'SECONDLY') {
        const now = s.now();
        await s.budget.pauseUntil(s.portalId, now + Math.max(1, info.retryAfterMs ?? 1_000), now);
      }
    },
  };
}

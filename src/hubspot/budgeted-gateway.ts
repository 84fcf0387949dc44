import { abortableSleep } from '../abortable-sleep';
import { isAppError } from '../domain/app-error';
import type { RateBudgetPort } from '../use-cases/ports/rate-budget';
import { waitForRequestSlots, type SlotWait } from '../use-cases/request-budget/wait-for-request-slots';
import type {
  HubSpotGateway,
  ModifiedWindow,
  ReadContactsResult,
  WorkflowCallbackCompletion,
} from './hubspot-gateway';
import { LEAD_PACT_PROPERTIES } from './lead-pact-properties';
import { chunk } from './read-contacts-with-company';
import { hubspotErrorInfo } from './translate-hubspot-error';

/** 100 contacts with companies: the contacts' batch read, their company associations, the companies' batch read. */
export const READS_PER_CHUNK_WITH_COMPANY = 3;
/** A first install: the group read and create, the property list, one create per Lead Pact property. */
export const ENSURE_PROPERTIES_REQUESTS = 3 + LEAD_PACT_PROPERTIES.length;

/** The per-portal request window in the store (the rate-budget repository), shared by every worker process. */
export type RequestBudget = Pick<RateBudgetPort, 'reserveRequests' | 'pauseUntil'>;

/** Where the portal's budget lives and how its calls wait for it (`waitForRequestSlots`); tests pass a fake clock and sleep. */
export interface BudgetedGatewayOptions {
  portalId: string;
  budget: RequestBudget;
  limitPer10s: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  maxInlineWaitMs?: number;
}

/**
 * A gateway whose reads take their slots from the portal's shared request budget before they are sent (HubSpot
 * counts every call of the app against one per-portal limit), waiting when the window is full. Batch updates
 * pass straight through: the writer reserves each one itself. A 429 on a read slows or pauses the whole portal,
 * writes included, as a 429 on a write does.
 */
export function withRequestBudget(gateway: HubSpotGateway, options: BudgetedGatewayOptions): HubSpotGateway {
  const s: SlotWait & { budget: RequestBudget } = {
    now: Date.now,
    sleep: abortableSleep,
    maxInlineWaitMs: 15_000,
    ...options,
  };
  const recorded = async (error: unknown): Promise<never> => {
    const info = isAppError(error, 'rate_limited') ? hubspotErrorInfo(error) : undefined;
    // SECONDLY is the search API's own cap, not the portal's budget.
    if (info?.status === 429 && info.policyName !== 'SECONDLY') {
      const now = s.now();
      await s.budget.pauseUntil(s.portalId, now + Math.max(1, info.retryAfterMs ?? 1_000), now);
    }
    throw error;
  };
  const budgeted =
    <A extends unknown[], R>(requests: number, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await waitForRequestSlots(s, requests);
      return call(...args).catch(recorded);
    };
  const readContacts: HubSpotGateway['readContacts'] = async (ids, properties, companyProperties) => {
    const perChunk = companyProperties.length === 0 ? 1 : READS_PER_CHUNK_WITH_COMPANY;
    const result: ReadContactsResult = { contacts: [], missing: [] };
    for (const part of chunk([...new Set(ids)])) {
      await waitForRequestSlots(s, perChunk);
      const read = await gateway.readContacts(part, properties, companyProperties).catch(recorded);
      result.contacts.push(...read.contacts);
      result.missing.push(...read.missing);
    }
    return result;
  };
  return {
    readContacts,
    updateContacts: (inputs) => gateway.updateContacts(inputs),
    listContacts: budgeted(1, (after, properties) => gateway.listContacts(after, properties)),
    searchModifiedSince: budgeted(1, (window, after, properties) =>
      gateway.searchModifiedSince(window, after, properties),
    ),
    ensureProperties: budgeted(ENSURE_PROPERTIES_REQUESTS, () => gateway.ensureProperties()),
    getAccountDetails: budgeted(1, () => gateway.getAccountDetails()),
    getUser: budgeted(1, (userId: string) => gateway.getUser(userId)),
    listProperties: budgeted(1, (objectType: 'contacts' | 'companies') => gateway.listProperties(objectType)),
    listTeams: budgeted(1, () => gateway.listTeams()),
    listOwners: budgeted(1, (after: string | undefined, archived: boolean) =>
      gateway.listOwners(after, archived),
    ),
    readCompanyContacts: budgeted(1, (inputs: Parameters<HubSpotGateway['readCompanyContacts']>[0]) =>
      gateway.readCompanyContacts(inputs),
    ),
    searchCompaniesModifiedSince: budgeted(1, (window: ModifiedWindow, after: string | undefined) =>
      gateway.searchCompaniesModifiedSince(window, after),
    ),
    completeWorkflowCallback: budgeted(1, (callbackId: string, completion: WorkflowCallbackCompletion) =>
      gateway.completeWorkflowCallback(callbackId, completion),
    ),
  };
}

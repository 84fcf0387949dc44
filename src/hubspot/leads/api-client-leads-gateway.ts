import { Client } from '@hubspot/api-client';
import { DEFAULT_API_BASE_URL } from '../api-client-gateway';
import type { LeadsGateway } from '../leads-gateway';
import { ensureLeadProperties } from './lead-properties';
import { createLead, disqualificationOptions, getLead, moveLead } from './lead-records';
import { listLeadStages } from './lead-stages';
import { leadsSender, type LeadsRequestHooks } from './leads-http';

export interface ApiClientLeadsGatewayOptions {
  /** A static token, or a function returning the portal's current (refreshed) token before each call. */
  accessToken: string | (() => Promise<string>);
  /** HUBSPOT_API_BASE_URL; the stand-in or nock in tests. */
  basePath?: string;
  /** Around every request: the portal's request budget (`leadsRequestBudget`), or nothing. */
  hooks?: LeadsRequestHooks;
}

/**
 * The LeadsGateway on `@hubspot/api-client` 13's `apiRequest` (its generated leads client only knows
 * `/crm/v3/objects/leads`; Lead Pact uses the 2026-03 paths). No SDK retries or limiter: the caller's job retries,
 * and every request waits for the portal's budget through `hooks`.
 */
export function createApiClientLeadsGateway(options: ApiClientLeadsGatewayOptions): LeadsGateway {
  const basePath = (options.basePath ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const client = new Client({ basePath });
  const tokenOf = options.accessToken;
  const token = typeof tokenOf === 'string' ? () => Promise.resolve(tokenOf) : tokenOf;
  const send = leadsSender(async () => {
    client.setAccessToken(await token());
    return client;
  }, options.hooks);
  // The portal's disqualification reasons, read once per gateway (per job) on the first disqualification.
  let reasons: Promise<string[]> | undefined;
  const reasonOptions = () => {
    reasons ??= disqualificationOptions(send).catch((error: unknown) => {
      reasons = undefined;
      throw error;
    });
    return reasons;
  };
  return {
    createLead: (lead) => createLead(send, lead),
    moveLead: (change) => moveLead(send, change, reasonOptions),
    getLead: (leadId) => getLead(send, leadId),
    listLeadStages: () => listLeadStages(send),
    ensureLeadProperties: async () => {
      await ensureLeadProperties(send);
    },
  };
}

import type { Client } from '@hubspot/api-client';
import { AppError } from '../../domain/app-error';
import { translateHubSpotError } from '../translate-hubspot-error';

/**
 * What happens around every request the Leads gateway sends: `beforeRequest` waits for (and takes) a slot of the
 * portal's request budget, `onError` sees every failure first (a 429 pauses the portal). The budgeted hooks are
 * `leadsRequestBudget` (leads-request-budget.ts); without hooks requests go straight out.
 */
export interface LeadsRequestHooks {
  beforeRequest(): Promise<void>;
  onError(error: unknown): Promise<void>;
}

export const NO_HOOKS: LeadsRequestHooks = {
  beforeRequest: () => Promise.resolve(),
  onError: () => Promise.resolve(),
};

export interface LeadsRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  qs?: Record<string, string>;
  body?: unknown;
}

/** One JSON request to HubSpot through `@hubspot/api-client`'s `apiRequest` (its generated client has no 2026-03 leads paths). */
export type LeadsSend = <T = unknown>(operation: string, request: LeadsRequest) => Promise<T>;

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // error pages are not always JSON
  }
}

/**
 * Sends requests with the portal's current token: each waits for `hooks.beforeRequest`, a non-2xx answer becomes
 * the app's AppError (translateHubSpotError: HubSpot's status, category and policy kept), and `hooks.onError` sees
 * every failure before it is thrown.
 */
export function leadsSender(
  authorized: () => Promise<Client>,
  hooks: LeadsRequestHooks = NO_HOOKS,
): LeadsSend {
  return async <T>(operation: string, request: LeadsRequest): Promise<T> => {
    await hooks.beforeRequest();
    try {
      const client = await authorized();
      const response = await client
        .apiRequest({
          method: request.method,
          path: request.path,
          ...(request.qs ? { qs: request.qs } : {}),
          ...(request.body === undefined ? {} : { body: request.body }),
        })
        .catch((error: unknown) => {
          throw translateHubSpotError(error, operation);
        });
      const body = parse(await response.text());
      if (!response.ok) {
        const headers = Object.fromEntries(response.headers.entries());
        throw translateHubSpotError({ code: response.status, body, headers }, operation);
      }
      if (body === undefined || typeof body === 'string')
        throw new AppError('upstream_failed', `${operation}: HubSpot answered without a JSON body.`);
      return body as T;
    } catch (error) {
      await hooks.onError(error);
      throw error;
    }
  };
}

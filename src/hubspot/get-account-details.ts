import type { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { AccountDetails } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

const OPERATION = 'Reading the account details';

const detailsResponse = z.object({ portalId: z.number().int(), timeZone: z.string().min(1) }).loose();

/** `GET /account-info/v3/details` (scope `oauth`): the portal id and the account's time zone setting. */
export async function getAccountDetails(client: Client): Promise<AccountDetails> {
  const response = await client
    .apiRequest({ method: 'GET', path: '/account-info/v3/details' })
    .catch((error: unknown) => {
      throw translateHubSpotError(error, OPERATION);
    });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text: error pages are not always JSON
  }
  if (!response.ok) {
    const headers = Object.fromEntries(response.headers.entries());
    throw translateHubSpotError({ code: response.status, body, headers }, OPERATION);
  }
  const parsed = detailsResponse.safeParse(body);
  if (!parsed.success) throw new AppError('upstream_failed', `${OPERATION}: HubSpot answered unexpectedly.`);
  return { portalId: parsed.data.portalId, timeZone: parsed.data.timeZone };
}

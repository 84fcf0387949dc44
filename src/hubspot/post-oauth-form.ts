import { AppError } from '../domain/app-error';
import { translateOAuthError } from './translate-oauth-error';

/** HubSpot's date-versioned OAuth endpoints (the v1 ones end on 16 February 2027). */
export const OAUTH_PATHS = {
  token: '/oauth/2026-03/token',
  introspect: '/oauth/2026-03/token/introspect',
  revoke: '/oauth/2026-03/token/revoke',
} as const;

/** The OAuth app: where HubSpot's API is and the app's credentials. */
export interface OAuthClient {
  /** HUBSPOT_API_BASE_URL, e.g. https://api.hubapi.com */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Joins a configured base URL (with or without a trailing slash) and an absolute path. */
const endpoint = (apiBaseUrl: string, path: string) => apiBaseUrl.replace(/\/+$/, '') + path;

async function send(url: string, operation: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    throw new AppError('upstream_failed', `HubSpot could not be reached (${operation}).`, [], { cause });
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text; // error pages are not always JSON
  }
}

/**
 * POSTs `fields` plus the client credentials to an OAuth endpoint, every parameter form-encoded in the body (never
 * in the URL, where proxies and logs would keep the secret). Resolves with the parsed body (undefined when empty).
 */
export async function postOAuthForm(
  client: OAuthClient,
  path: (typeof OAUTH_PATHS)[keyof typeof OAUTH_PATHS],
  operation: string,
  fields: Record<string, string>,
): Promise<unknown> {
  const form = new URLSearchParams({
    ...fields,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  const response = await send(endpoint(client.apiBaseUrl, path), operation, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
      accept: 'application/json',
    },
    body: form.toString(),
  });
  const body = parse(await response.text());
  if (response.ok) return body;
  const headers = Object.fromEntries(response.headers.entries());
  throw translateOAuthError(response.status, body, headers, operation);
}

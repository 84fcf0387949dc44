import { AppError } from '../errors/app-error';
import { translateHubSpotError } from './translate-hubspot-error';

/** Fetches a HubSpot JSON endpoint without the SDK; failures become AppErrors with HubSpot's category. */
export async function fetchHubSpotJson(url: string, operation: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    throw new AppError('upstream_failed', `HubSpot could not be reached (${operation}).`, [], { cause });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text: error pages are not always JSON
  }
  if (response.ok) return body;
  const headers = Object.fromEntries(response.headers.entries());
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Token endpoints say BAD_AUTH_CODE / BAD_REFRESH_TOKEN in `status`: the grant is gone, not our input.
  const status = response.status === 400 && operation.startsWith('OAuth') ? 401 : response.status;
  throw translateHubSpotError(
    { code: status, body: { category: fields.status, ...fields }, headers },
    operation,
  );
}

/** Joins a configured base URL (with or without a trailing slash) and an absolute path. */
export function endpoint(apiBaseUrl: string, path: string): string {
  return apiBaseUrl.replace(/\/+$/, '') + path;
}

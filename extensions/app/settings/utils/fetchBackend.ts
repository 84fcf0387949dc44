import { hubspot } from '@hubspot/ui-extensions';
import { callBackend, type BackendRequest, type ResponseSchema } from '../../shared/backendClient';

/** The one place the settings page calls `hubspot.fetch` (signed by HubSpot, allowed by `permittedUrls.fetch`). */
export function fetchBackend<T>(
  baseUrl: string,
  request: BackendRequest,
  schema: ResponseSchema<T>,
): Promise<T> {
  return callBackend((url, options) => hubspot.fetch(url, options), baseUrl, request, schema);
}

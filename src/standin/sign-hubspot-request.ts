import { computeSignatureV3 } from '../hubspot/verify-signature';

export interface RequestToSign {
  clientSecret: string;
  method: string;
  /** The full URL HubSpot calls (the public one, as the receiver rebuilds it). */
  url: string;
  body?: string;
  /** Epoch ms; defaults to now. */
  timestamp?: number;
}

/** The headers HubSpot puts on a signed request (webhook or hubspot.fetch), for tests and benchmarks. */
export function signHubSpotRequest(request: RequestToSign): Record<string, string> {
  const timestamp = String(request.timestamp ?? Date.now());
  const signature = computeSignatureV3(
    request.clientSecret,
    request.method,
    request.url,
    request.body ?? '',
    timestamp,
  );
  return {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': signature,
    'x-hubspot-request-timestamp': timestamp,
  };
}

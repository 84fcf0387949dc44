/** The HubSpot settings of a service started by a bench: OAuth-signed requests, no real HubSpot behind it. */
export const BENCH_CLIENT_SECRET = 'bench-client-secret';
export const BENCH_BASE_URL = 'https://lead-pact.bench.test';

export const benchServiceConfig = {
  hubspot: {
    clientSecret: BENCH_CLIENT_SECRET,
    clientId: 'bench',
    accessToken: undefined,
    portalId: undefined,
    apiBaseUrl: BENCH_BASE_URL,
    requestsPer10s: 100,
  },
  publicBaseUrl: BENCH_BASE_URL,
};

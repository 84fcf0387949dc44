import type { Request } from 'express';

const KiB = 1024;

/**
 * The largest body each signed `/api` route takes, in bytes, from what the settings page and the card send
 * (src/contracts). Each bound is far above a real request and far below hubspot.fetch's 1 MB cap, so a signed
 * caller cannot make the service buffer and parse more than its route needs. A route not listed takes no body.
 */
export const API_BODY_LIMITS: Readonly<Record<string, number>> = {
  // objectId, verdict, reason, a note of at most 1,000 characters (6 KB even if every one is \u-escaped).
  'POST /api/card/verdict': 16 * KiB,
  'POST /api/card/score-now': 4 * KiB,
  // An agreement document: the example is 3.4 KB and the document itself may weigh 256 KB as compact JSON
  // (AGREEMENT_LIMITS.documentBytes, which answers with JSON paths); twice that leaves room for whitespace and escapes.
  'PUT /api/agreements/draft': 512 * KiB,
  'POST /api/simulate': 512 * KiB,
  // A rationale or comment of at most 2,000 characters (12 KB escaped), a version, a side.
  'POST /api/agreements/propose': 32 * KiB,
  'POST /api/agreements/send-back': 32 * KiB,
  'POST /api/agreements/approve': 4 * KiB,
  // Two lists of HubSpot team ids (a portal has tens of teams, hundreds at most).
  'PUT /api/settings/teams': 64 * KiB,
};

/** Bounds of routes with ids in their path (the calibration quiz), tried when API_BODY_LIMITS has no entry. */
export const API_BODY_LIMIT_PATTERNS: readonly (readonly [RegExp, number])[] = [
  // A size and a request id.
  [/^post \/api\/quiz\/rounds$/, 4 * KiB],
  // At most 50 answers of a lead key and a boolean (about 45 bytes each), a side, a request id.
  [/^put \/api\/quiz\/rounds\/\d+\/answers$/, 16 * KiB],
  // A request id.
  [/^post \/api\/quiz\/rounds\/\d+\/(close|suggestions\/\d+\/apply)$/, 4 * KiB],
];

/** The body bound of the `/api` route `req` asks for: its entry in API_BODY_LIMITS, else 0 (no body). */
export function apiBodyLimit(req: Pick<Request, 'method' | 'baseUrl' | 'path'>): number {
  // Express matches routes case-insensitively and with or without a trailing slash: so does this table.
  const path = `${req.baseUrl}${req.path}`.replace(/\/+$/, '').toLowerCase();
  const key = `${req.method} ${path}`;
  const exact = API_BODY_LIMITS[key];
  if (exact !== undefined) return exact;
  const lower = key.toLowerCase();
  return API_BODY_LIMIT_PATTERNS.find(([pattern]) => pattern.test(lower))?.[1] ?? 0;
}

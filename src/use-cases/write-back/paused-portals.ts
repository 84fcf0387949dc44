import type { InstallationsPort } from '../ports/installations';
import { DAILY_PAUSE_MS, type RateBudgetPort } from '../ports/rate-budget';

/** A portal whose writes wait for HubSpot's daily limit to reset, as /readyz shows it. */
export interface PausedPortal {
  portalId: string;
  kind: 'paused';
  /** Why, naming no portal (what the public probe may show). */
  reason: string;
  message: string;
}

/** Connected portals paused by HubSpot's daily request limit, each with when writing resumes. */
export async function pausedPortals(
  store: {
    installations: Pick<InstallationsPort, 'list'>;
    rateBudget: Pick<RateBudgetPort, 'status'>;
  },
  now: number,
  /** Portals without an installation row (HUBSPOT_PORTAL_ID in static-token mode). */
  alsoPortalIds: readonly string[] = [],
): Promise<PausedPortal[]> {
  const paused: PausedPortal[] = [];
  const connected = (await store.installations.list('connected')).map((i) => i.portalId);
  for (const portalId of new Set([...connected, ...alsoPortalIds])) {
    const { pausedUntil } = await store.rateBudget.status(portalId, now);
    if (pausedUntil === null || pausedUntil - now < DAILY_PAUSE_MS) continue;
    const at = new Date(pausedUntil).toISOString();
    paused.push({
      portalId,
      kind: 'paused',
      reason: "HubSpot's daily API limit",
      message: `Portal ${portalId} reached HubSpot's daily API limit: writes are paused until ${at} and kept until then.`,
    });
  }
  return paused;
}

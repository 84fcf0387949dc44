import { z } from 'zod';
import type { SafetyNetCheckpoints } from './safety-net-ports';

/** The checkpoint name under which the safety net keeps its high-water mark for contacts. */
export const SAFETY_NET_CHECKPOINT = 'safety-net';
/** The same for companies: a company change reaches its contacts through their `company.*` properties. */
export const SAFETY_NET_COMPANIES_CHECKPOINT = 'safety-net-companies';

/**
 * How far back a portal's first safety-net run looks: HubSpot retries a failed webhook delivery for about a
 * day and its webhooks journal keeps 3 days, so older misses are the full import's business.
 */
export const FIRST_LOOKBACK_MS = 3 * 86_400_000;

const windowSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** HubSpot's paging cursor inside the window, when a page of it is done. */
  after: z.string().optional(),
});

const checkpointSchema = z.object({
  /** Every contact modified before this instant (epoch ms) has been synced. */
  until: z.number().int(),
  /** The window in progress, when a run stopped inside one. */
  window: windowSchema.optional(),
  /** The width of the last window that fitted under HubSpot's cap (grows back after a split). */
  width: z.number().int().positive().optional(),
});

export type SafetyNetCheckpoint = z.infer<typeof checkpointSchema>;
export type SearchWindow = z.infer<typeof windowSchema>;

/** The stored checkpoint `name`, or the first run's: from the install (at most FIRST_LOOKBACK_MS ago). */
export async function loadSafetyNetCheckpoint(
  repos: {
    checkpoints: Pick<SafetyNetCheckpoints['checkpoints'], 'get'>;
    installations: SafetyNetCheckpoints['installations'];
  },
  portalId: string,
  now: number,
  name = SAFETY_NET_CHECKPOINT,
): Promise<SafetyNetCheckpoint> {
  const saved = checkpointSchema.safeParse(await repos.checkpoints.get(portalId, name));
  if (saved.success) return saved.data;
  const installedAt = (await repos.installations.get(portalId))?.installedAt ?? 0;
  return { until: Math.max(installedAt, now - FIRST_LOOKBACK_MS) };
}

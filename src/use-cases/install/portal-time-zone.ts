import { z } from 'zod';
import type { AgreementVersionsRepository } from '../../store/repositories/agreement-versions-repository';

const withZone = z.object({ sla: z.object({ timezone: z.string().min(1) }) });

/**
 * The portal's time zone as the app knows it: the `sla.timezone` of its active agreement (the agreement's
 * authors set it to the portal's business time zone). Undefined when no agreement is active.
 */
export function portalTimeZone(agreements: Pick<AgreementVersionsRepository, 'getActive'>) {
  return async (portalId: string): Promise<string | undefined> => {
    const active = await agreements.getActive(portalId);
    const parsed = withZone.safeParse(active?.body);
    return parsed.success ? parsed.data.sla.timezone : undefined;
  };
}

import { z } from 'zod';
import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { InstallationsPort } from '../ports/installations';

const withZone = z.object({ sla: z.object({ timezone: z.string().min(1) }) });

/**
 * The portal's time zone as the app knows it: the account's setting read at install (account-info API), else
 * the `sla.timezone` of its active agreement (set to the portal's business time zone). Undefined when neither.
 */
export function portalTimeZone(store: {
  installations: Pick<InstallationsPort, 'get'>;
  agreements: Pick<AgreementVersionsPort, 'active'>;
}) {
  return async (portalId: string): Promise<string | undefined> => {
    const account = (await store.installations.get(portalId))?.timeZone;
    if (account) return account;
    const active = await store.agreements.active(portalId);
    const parsed = withZone.safeParse(active?.body);
    return parsed.success ? parsed.data.sla.timezone : undefined;
  };
}

import type { PortalProblem } from './readiness';

/** The part of the installations store this needs. */
export interface InstallationsStatus {
  list(status: 'disconnected'): Promise<{ portalId: string; statusReason: string | null }[]>;
}

/** Disconnected portals (uninstalled, tokens revoked), each with what to do about it, for /readyz. */
export async function disconnectedPortals(installations: InstallationsStatus): Promise<PortalProblem[]> {
  const disconnected = await installations.list('disconnected');
  return disconnected.map(({ portalId, statusReason }) => {
    const why = statusReason ? ` (${statusReason})` : '';
    return {
      portalId,
      kind: 'disconnected' as const,
      reason: statusReason ?? 'no reason recorded',
      message: `Portal ${portalId} is disconnected${why}: reinstall the app in that portal to resume scoring.`,
    };
  });
}

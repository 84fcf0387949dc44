/** A connected portal that cannot be served right now (uninstalled, token revoked, daily limit reached). */
export interface PortalProblem {
  portalId: string;
  kind: 'disconnected' | 'paused';
  /** Why, naming no portal: what /readyz may show in public. */
  reason: string;
  /** The whole story, naming the portal: for the log and the operator's CLI only. */
  message: string;
}

/** What /readyz may say about portals in public: how many, and what to do, never which (no Hub IDs). */
export interface PortalProblemSummary {
  counts: { disconnected: number; paused: number };
  notices: string[];
}

const portals = (n: number) => (n === 1 ? '1 portal' : `${n} portals`);

/** Counts the problems by kind and says what to do in sentences that name no portal (the log names them). */
export function summarisePortalProblems(problems: readonly PortalProblem[]): PortalProblemSummary {
  const disconnected = problems.filter((p) => p.kind === 'disconnected');
  const paused = problems.filter((p) => p.kind === 'paused');
  const notices: string[] = [];
  const reasons = [...new Set(disconnected.map((p) => p.reason))];
  for (const reason of reasons) {
    const n = disconnected.filter((p) => p.reason === reason).length;
    const which = n === 1 ? 'that portal' : 'those portals';
    const is = n === 1 ? 'is' : 'are';
    notices.push(
      `${portals(n)} ${is} disconnected (${reason}): reinstall the app in ${which} to resume scoring; ` +
        `the log line "portals need attention" says which.`,
    );
  }
  if (paused.length > 0) {
    notices.push(
      `${portals(paused.length)} reached HubSpot's daily API limit: writes wait until HubSpot resets it and are ` +
        `kept until then; the log line "portals need attention" says which and until when.`,
    );
  }
  return { counts: { disconnected: disconnected.length, paused: paused.length }, notices };
}

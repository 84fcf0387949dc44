import { STATE_TTL_MS } from './oauth-state';

/**
 * The install states this process has already accepted, each kept until it would have expired anyway: a state is
 * single-use. Across processes the browser cookie (cleared by the first callback) and HubSpot's single-use code
 * refuse the replay as well.
 */
export class UsedInstallStates {
  private readonly seen = new Map<string, number>();

  /** True the first time a state is claimed, false after. */
  claim(state: string, now: number): boolean {
    for (const [old, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(old);
    if (this.seen.has(state)) return false;
    this.seen.set(state, now + STATE_TTL_MS);
    return true;
  }
}

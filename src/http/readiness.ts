import type { Logger } from '../logger';
import {
  summarisePortalProblems,
  type PortalProblem,
  type PortalProblemSummary,
} from './summarise-portal-problems';
export type { PortalProblem } from './summarise-portal-problems';
import { isDatabaseOutage, outageReasonOf } from '../store/database-outage';

/** One thing the service needs before it can take traffic. */
export interface ReadinessCheck {
  name: string;
  ok: boolean;
  message: string;
}

/**
 * What `GET /readyz` answers: 200 when every check is ok, 503 otherwise; portal problems never fail it. The probe is
 * public, so it counts portals with a problem and says what to do, but never lists Hub IDs (the log does).
 */
export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: ReadinessCheck[];
  portals: PortalProblemSummary['counts'];
  notices: string[];
}

/** The part of the store readiness needs. */
export interface StoreHealth {
  ping(): Promise<unknown>;
  migrationStatus(): Promise<{ pending: string[] }>;
}

export interface ReadinessSources {
  store: StoreHealth;
  logger: Logger;
  /** Portals whose connection is broken, with a message saying what to do. */
  portalProblems?: () => Promise<PortalProblem[]>;
  /** Plain sentences shown as is, e.g. "HubSpot is not connected yet". */
  notices?: string[];
}

async function storeChecks({ store, logger }: ReadinessSources): Promise<ReadinessCheck[]> {
  try {
    await store.ping();
  } catch (error) {
    if (!isDatabaseOutage(error)) {
      logger.warn({ err: error }, 'readiness: database unreachable');
      return [{ name: 'database', ok: false, message: 'The database cannot be reached.' }];
    }
    // An outage is expected and says what it is: no stack in the log.
    const reason = outageReasonOf(error);
    logger.warn({ reason }, 'readiness: database unavailable');
    return [{ name: 'database', ok: false, message: `The database is unavailable: ${reason}.` }];
  }
  const { pending } = await store.migrationStatus();
  const migrations =
    pending.length === 0
      ? { name: 'migrations', ok: true, message: 'Every migration is applied.' }
      : { name: 'migrations', ok: false, message: `Migrations not applied yet: ${pending.join(', ')}.` };
  return [{ name: 'database', ok: true, message: 'The database is reachable.' }, migrations];
}

async function portalProblems({ portalProblems, logger }: ReadinessSources, notices: string[]) {
  if (!portalProblems) return [];
  try {
    return await portalProblems();
  } catch (error) {
    logger.warn({ err: error }, 'readiness: portal status unavailable');
    notices.push('The connection status of the portals cannot be read right now.');
    return [];
  }
}

/** Logs the portals with a problem, by Hub ID, whenever that list changes (not on every probe). */
function problemLogger(logger: Logger): (problems: PortalProblem[]) => void {
  let last = '';
  return (problems) => {
    const portals = problems.map(({ portalId, message }) => ({ portalId, message }));
    const key = JSON.stringify(portals);
    if (key === last) return;
    last = key;
    if (portals.length > 0) logger.warn({ portals }, 'portals need attention');
    else logger.info('portals need attention: none any more');
  };
}

/** Builds the readiness probe from the store and the portal connection problems. */
export function createReadiness(sources: ReadinessSources): () => Promise<ReadinessReport> {
  const logProblems = problemLogger(sources.logger);
  return async () => {
    const checks = await storeChecks(sources).catch((error: unknown) => {
      sources.logger.warn({ err: error }, 'readiness: migration status unavailable');
      return [{ name: 'migrations', ok: false, message: 'The migration status cannot be read.' }];
    });
    const ready = checks.every((check) => check.ok);
    const notices = [...(sources.notices ?? [])];
    const problems = ready ? await portalProblems(sources, notices) : [];
    if (ready) logProblems(problems);
    const summary = summarisePortalProblems(problems);
    notices.push(...summary.notices);
    return { status: ready ? 'ready' : 'not_ready', checks, portals: summary.counts, notices };
  };
}

import { z } from 'zod';
import { createStore } from '../../../src/store/create-store';
import { openDatabase } from '../../../src/store/open-database';
import type { RescoreJob } from '../../../src/use-cases/agreements/ports';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';
import type { TestDatabase } from '../../store/test-databases';
import { fakeClock, type World } from './in-memory-world';

/** The payload the rescore handler reads, as the agreement lifecycle enqueues it. */
const rescorePayload = z.object({ portalId: z.string(), agreementVersion: z.number() });
const TABLES = ['agreement_versions', 'installations', 'audit_log', 'jobs'] as const;

/**
 * One fresh real database (SQLite file or PostgreSQL database) for a whole suite: `world()` empties the
 * agreement tables and hands out ports on it, `dispose()` drops the database.
 */
export function storeBackend(make: () => Promise<TestDatabase>) {
  let opened: ReturnType<typeof open> | undefined;
  const open = () =>
    make().then(async (database) => {
      const store = await createStore(database.options);
      // A connection of the test's own, only to empty the tables between worlds.
      const { db } = openDatabase(database.options);
      return { database, store, db };
    });
  async function world(): Promise<World> {
    const { db, store } = await (opened ??= open());
    for (const table of TABLES) await db.deleteFrom(table).execute();
    const clock = fakeClock();
    const userTeams = new Map<string, string[]>();
    const superAdmins = new Set<string>();
    const ports = storeAgreementPorts(store, {
      clock,
      userTeams: { teamIdsOf: async (_portalId, userId) => userTeams.get(userId) ?? [] },
    });
    return {
      ports,
      admins: { isSuperAdmin: async (_portalId, userId) => superAdmins.has(userId) },
      advance: clock.advance,
      setUserTeams: (userId, teamIds) => void userTeams.set(userId, teamIds),
      setSuperAdmin: (userId) => void superAdmins.add(userId),
      async mapTeams(portalId, mapping) {
        if (!(await store.installations.teamMapping(portalId)))
          await store.installations.connect(portalId, null, [], clock.now());
        await store.installations.setTeamMapping(portalId, mapping, clock.now());
      },
      auditActions: async (portalId) =>
        (await store.audit.list(portalId)).reverse().map((entry) => entry.action),
      auditEntries: async (portalId) =>
        (await store.audit.list(portalId))
          .reverse()
          .map(({ actor, action, details }) => ({ actor, action, details })),
      async rescoreJobs(portalId): Promise<RescoreJob[]> {
        const jobs = await store.jobs.list({ type: 'rescore', portalId });
        return jobs.reverse().map((job) => {
          const payload = rescorePayload.parse(job.payload);
          return { type: 'rescore', portalId: payload.portalId, version: payload.agreementVersion };
        });
      },
      close: async () => undefined,
    };
  }
  async function dispose() {
    if (!opened) return;
    const { database, store, db } = await opened;
    await db.destroy();
    await store.close();
    await database.drop();
  }
  return { world, dispose };
}

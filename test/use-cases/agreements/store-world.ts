import { z } from 'zod';
import { rootContext } from '../../../src/store/db-context';
import { migrateToLatest } from '../../../src/store/migrate';
import { openDatabase } from '../../../src/store/open-database';
import { auditLogRepository } from '../../../src/store/repositories/audit-log-repository';
import type { RescoreJob } from '../../../src/use-cases/agreements/ports';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';
import type { TestDatabase } from '../../store/test-databases';
import { fakeClock, type World } from './in-memory-world';

const rescoreJob = z.object({ type: z.literal('rescore'), portalId: z.string(), version: z.number() });
const TABLES = ['agreement_versions', 'installations', 'audit_log', 'jobs'] as const;

/**
 * One fresh real database (SQLite file or PostgreSQL database) for a whole suite: `world()` empties the
 * agreement tables and hands out ports on it, `dispose()` drops the database.
 */
export function storeBackend(make: () => Promise<TestDatabase>) {
  let opened: ReturnType<typeof open> | undefined;
  const open = () =>
    make().then(async (database) => {
      const { db, engine } = openDatabase(database.options);
      await migrateToLatest(db, engine);
      return { database, db, ctx: rootContext(db, engine) };
    });
  async function world(): Promise<World> {
    const { db, ctx } = await (opened ??= open());
    for (const table of TABLES) await db.deleteFrom(table).execute();
    const clock = fakeClock();
    const userTeams = new Map<string, string[]>();
    const superAdmins = new Set<string>();
    const ports = storeAgreementPorts(ctx, {
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
        await db
          .insertInto('installations')
          .values({
            ...{
              portal_id: portalId,
              access_token_enc: null,
              refresh_token_enc: null,
              token_expires_at: null,
            },
            ...{ scopes: null, status: 'connected', status_reason: null, locale: 'en' },
            marketing_team_ids: JSON.stringify(mapping.marketingTeamIds),
            sales_team_ids: JSON.stringify(mapping.salesTeamIds),
            ...{ installed_at: clock.now(), updated_at: clock.now() },
          })
          .onConflict((oc) =>
            oc.column('portal_id').doUpdateSet({
              marketing_team_ids: JSON.stringify(mapping.marketingTeamIds),
              sales_team_ids: JSON.stringify(mapping.salesTeamIds),
            }),
          )
          .execute();
      },
      auditActions: async (portalId) =>
        (await auditLogRepository(ctx).list(portalId)).reverse().map((entry) => entry.action),
      auditEntries: async (portalId) =>
        (await auditLogRepository(ctx).list(portalId))
          .reverse()
          .map(({ actor, action, details }) => ({ actor, action, details })),
      async rescoreJobs(portalId): Promise<RescoreJob[]> {
        const rows = await db
          .selectFrom('jobs')
          .select('payload')
          .where('portal_id', '=', portalId)
          .orderBy('id')
          .execute();
        return rows.map((r) => rescoreJob.parse(JSON.parse(r.payload)));
      },
      close: async () => undefined,
    };
  }
  async function dispose() {
    if (!opened) return;
    const { database, db } = await opened;
    await db.destroy();
    await database.drop();
  }
  return { world, dispose };
}

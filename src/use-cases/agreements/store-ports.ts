import { z } from 'zod';
import { rootContext, type DbContext } from '../../store/db-context';
import { migrateToLatest } from '../../store/migrate';
import { openDatabase } from '../../store/open-database';
import { fromJson, toJson } from '../../store/json-column';
import { auditLogRepository } from '../../store/repositories/audit-log-repository';
import type {
  AgreementPorts,
  Clock,
  JobQueue,
  TeamMappingRepository,
  TransactionalPorts,
  UserTeamsLookup,
} from './ports';
import { storeAgreementVersions } from './store-agreement-versions';

const teamIds = z.array(z.union([z.string(), z.number()])).transform((ids) => ids.map(String));

/** The marketing and sales team ids of the portal's installation row, read and replaced. */
function storeTeamMapping(ctx: DbContext): TeamMappingRepository {
  return {
    async setTeamMapping(portalId, mapping, at) {
      await ctx.db
        .updateTable('installations')
        .set({
          marketing_team_ids: toJson(mapping.marketingTeamIds),
          sales_team_ids: toJson(mapping.salesTeamIds),
          updated_at: at,
        })
        .where('portal_id', '=', portalId)
        .execute();
    },
    async teamMapping(portalId) {
      const row = await ctx.db
        .selectFrom('installations')
        .select(['marketing_team_ids', 'sales_team_ids'])
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        marketingTeamIds: fromJson(teamIds, row.marketing_team_ids, 'installations.marketing_team_ids'),
        salesTeamIds: fromJson(teamIds, row.sales_team_ids, 'installations.sales_team_ids'),
      };
    },
  };
}

/** Enqueues into the store's `jobs` table; a repeated idempotency key adds nothing. */
function storeJobQueue(ctx: DbContext, clock: Clock): JobQueue {
  return {
    async enqueue(job, { idempotencyKey }) {
      const now = clock.now();
      await ctx.db
        .insertInto('jobs')
        .values({
          type: job.type,
          portal_id: job.portalId,
          payload: toJson(job),
          idempotency_key: idempotencyKey,
          status: 'queued',
          attempts: 0,
          max_attempts: 5,
          run_at: now,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    },
  };
}

function transactional(ctx: DbContext, clock: Clock): TransactionalPorts {
  return {
    versions: storeAgreementVersions(ctx),
    mapping: storeTeamMapping(ctx),
    audit: auditLogRepository(ctx),
    jobs: storeJobQueue(ctx, clock),
  };
}

/** The agreement ports on the store (SQLite or PostgreSQL); user teams come from HubSpot, so they are passed in. */
export function storeAgreementPorts(
  ctx: DbContext,
  deps: { userTeams: UserTeamsLookup; clock: Clock },
): AgreementPorts {
  return {
    ...transactional(ctx, deps.clock),
    teams: storeTeamMapping(ctx),
    userTeams: deps.userTeams,
    clock: deps.clock,
    transaction: (fn) => ctx.transaction((tx) => fn(transactional(tx, deps.clock))),
  };
}

/**
 * Opens the store's database (running migrations) just for the agreement ports, e.g. for one CLI command.
 * The service should instead build `storeAgreementPorts` on the store it already has open.
 */
export async function openStoreAgreementPorts(
  options: { databaseUrl?: string; dataDir: string },
  deps: { userTeams: UserTeamsLookup; clock: Clock },
): Promise<{ ports: AgreementPorts; close(): Promise<void> }> {
  const { db, engine } = openDatabase(options);
  try {
    await migrateToLatest(db, engine);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { ports: storeAgreementPorts(rootContext(db, engine), deps), close: () => db.destroy() };
}

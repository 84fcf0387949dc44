import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../engine';
import { initialMigration } from './001-initial';
import { reportHistoryMigration } from './002-report-history';
import { portalTimeZoneMigration } from './003-portal-time-zone';
import { requestReceiptsMigration } from './004-request-receipts';
import { jobDeferralsMigration } from './005-job-deferrals';
import { proposalTeamMappingMigration } from './006-proposal-team-mapping';
import { quizMigration } from './007-quiz';
import { routeCapacityMigration } from './008-route-capacity';
import { leadsMigration } from './009-leads';
import { heldBackMigration } from './010-held-back';

/** Every migration, in order. Names sort lexically; never rename or edit one that has shipped. */
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '001-initial': initialMigration(engine),
    '002-report-history': reportHistoryMigration,
    '003-portal-time-zone': portalTimeZoneMigration,
    '004-request-receipts': requestReceiptsMigration,
    '005-job-deferrals': jobDeferralsMigration,
    '006-proposal-team-mapping': proposalTeamMappingMigration,
    '007-quiz': quizMigration,
    '008-route-capacity': routeCapacityMigration,
    '009-leads': leadsMigration,
    '010-held-back': heldBackMigration,
  };
}

/** Kysely's migration provider for the in-code migrations of one engine. */
export function migrationProvider(engine: Engine): MigrationProvider {
  return { getMigrations: async () => migrations(engine) };
}

import type { Kysely, Migration } from 'kysely';

/**
 * `installations.time_zone`: the HubSpot account's time zone setting (account-info API), read at install.
 * HubSpot resets its daily request limit at midnight in that zone; null until known.
 */
export const portalTimeZoneMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('installations').addColumn('time_zone', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('installations').dropColumn('time_zone').execute();
  },
};

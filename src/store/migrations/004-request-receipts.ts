import type { Kysely, Migration } from 'kysely';

/**
 * `request_receipts`: one row per state-changing card or settings request the UI tagged with a request id, written in
 * the same transaction as the request's effect. `hubspot.fetch` retries once on a connection failure or a 5xx, so
 * the same signed request can arrive twice; the second copy finds the receipt and changes nothing
 * (src/store/request-receipts.ts). Keyed per portal, user and route, so ids never collide across callers.
 * The `(portal_id, created_at)` index serves the pruning of day-old receipts.
 */
export const requestReceiptsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('request_receipts')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('request_receipts_pk', ['portal_id', 'user_id', 'route', 'request_id'])
      .execute();
    await db.schema
      .createIndex('request_receipts_age')
      .on('request_receipts')
      .columns(['portal_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('request_receipts').ifExists().execute();
  },
};

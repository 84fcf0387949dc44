import type { Kysely, Migration } from 'kysely';

/**
 * Why a lead held back by capacity was held, on the current qualification and its history: `held_route`, the route
 * it was headed to (`field_sales`, `inside_sales`), and `held_by`, the cap that was full (`route`: that route's own
 * cap; `total`: the month's total). The card names the full route ("Field sales is full for December (10 of 10)")
 * and the monthly report splits its held-back count by route. Null on every other row, and on rows held back before
 * this migration (their reasons text still says why; the report counts them in the total only).
 */
export const heldBackMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['qualifications', 'qualification_history']) {
      await db.schema.alterTable(table).addColumn('held_route', 'text').execute();
      await db.schema.alterTable(table).addColumn('held_by', 'text').execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['qualifications', 'qualification_history']) {
      await db.schema.alterTable(table).dropColumn('held_by').execute();
      await db.schema.alterTable(table).dropColumn('held_route').execute();
    }
  },
};

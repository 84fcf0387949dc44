import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `route_capacity_usage`: the sales-ready places each route took in a month, beside the total in `capacity_usage`, so
 * an agreement's route caps (`capacity.routes`) hold across workers. Every place taken from now on counts its route,
 * capped or not. Months before the upgrade start from the contacts that hold a place of theirs today (a contact
 * already recycled or rejected no longer counts for its route; the total keeps counting it).
 */
export const routeCapacityMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('route_capacity_usage')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('used', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('route_capacity_usage_pk', ['portal_id', 'month', 'route'])
      .execute();
    await sql`
      insert into route_capacity_usage (portal_id, month, route, used)
      select portal_id, capacity_month, route, count(*)
      from qualifications
      where tier = 'sales_ready' and capacity_month is not null
      group by portal_id, capacity_month, route`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('route_capacity_usage').execute();
  },
};

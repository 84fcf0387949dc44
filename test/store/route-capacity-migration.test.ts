import { Migrator } from 'kysely';
import { openDatabase } from '../../src/store/open-database';
import { migrateToLatest } from '../../src/store/migrate';
import { migrationProvider } from '../../src/store/migrations';
import { ENGINE_FACTORIES } from './test-databases';

// Migration 008 on a database that already handed leads over: each route's places of a month start from the contacts
// holding one of that month's places today.
describe.each(ENGINE_FACTORIES)('migration 008 (route capacity) on %s', (_engine, make) => {
  it('counts, per portal, month and route, the contacts holding a place, and nothing else', async () => {
    const database = await make();
    const { db, engine } = openDatabase(database.options);
    try {
      const migrator = new Migrator({ db, provider: migrationProvider(engine) });
      const before = await migrator.migrateTo('006-proposal-team-mapping');
      expect(before.error).toBeUndefined();
      const row = (contact: string, tier: string, route: string, month: string | null, portal = 'p1') => ({
        ...{ portal_id: portal, contact_id: contact, tier, grade: 'A1', score: 80, stage: 'decision', route },
        ...{ tier_reason: 'grade', reasons: '', agreement_version: 1, qualified_at: 1, follow_up_due: null },
        ...{ sla_status: null, recycled_at: null, capacity_month: month, criteria: '[]', updated_at: 1 },
      });
      await db
        .insertInto('qualifications')
        .values([
          row('c1', 'sales_ready', 'field_sales', '2026-12'),
          row('c2', 'sales_ready', 'field_sales', '2026-12'),
          row('c3', 'sales_ready', 'inside_sales', '2026-12'),
          row('c4', 'sales_ready', 'field_sales', '2026-11'),
          row('c5', 'nurture', 'marketing', null),
          row('c6', 'sales_ready', 'field_sales', '2026-12', 'p2'),
        ])
        .execute();
      await migrateToLatest(db, engine);
      const rows = await db
        .selectFrom('route_capacity_usage')
        .select(['portal_id', 'month', 'route', 'used'])
        .orderBy('portal_id')
        .orderBy('month')
        .orderBy('route')
        .execute();
      expect(rows.map((r) => ({ ...r, used: Number(r.used) }))).toEqual([
        { portal_id: 'p1', month: '2026-11', route: 'field_sales', used: 1 },
        { portal_id: 'p1', month: '2026-12', route: 'field_sales', used: 2 },
        { portal_id: 'p1', month: '2026-12', route: 'inside_sales', used: 1 },
        { portal_id: 'p2', month: '2026-12', route: 'field_sales', used: 1 },
      ]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});

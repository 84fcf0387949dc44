import { sql } from 'kysely';
import type { HeldBackRow, ReportWindow } from '../../use-cases/ports/report-reads';
import type { DbContext } from '../db-context';
import { monthOfColumn } from './report-sql';

interface HeldBackSqlRow {
  month: string;
  route: string | null;
  n: number | string;
}

/**
 * The contacts held back by capacity in each window month, by the route they were headed to (`held_route`, migration
 * 010; null for rows written before it). A contact counts once a month, under the route of its last held-back row that
 * month, and not when its last row that month disqualified it (as the cohort counts its held-back leads). Reads the
 * window through the report index (`tier_reason` is in it); only the held-back rows are fetched for their route.
 */
export async function reportHeldBack(
  { db }: DbContext,
  portalId: string,
  window: ReportWindow,
): Promise<HeldBackRow[]> {
  const month = monthOfColumn(window, sql.ref('h.at'));
  const inWindow = sql`h.portal_id = ${portalId} and h.at >= ${sql.lit(window.start)} and h.at < ${sql.lit(window.end)}`;
  const result = await sql<HeldBackSqlRow>`
    with held as (
      select h.contact_id, ${month} as month, h.held_route,
        row_number() over (partition by h.contact_id, ${month} order by h.at desc, h.id desc) as rn
      from qualification_history h
      where ${inWindow} and h.tier_reason = 'capacity'
    ), last_rows as (
      select h.contact_id, ${month} as month, h.tier,
        row_number() over (partition by h.contact_id, ${month} order by h.at desc, h.id desc) as rn
      from qualification_history h
      where ${inWindow} and h.contact_id in (select contact_id from held)
    )
    select held.month, held.held_route as route, count(*) as n
    from held
    join last_rows l on l.contact_id = held.contact_id and l.month = held.month and l.rn = 1
    where held.rn = 1 and l.tier <> 'disqualified'
    group by held.month, held.held_route`.execute(db);
  return result.rows.map((row) => ({ month: row.month, route: row.route, count: Number(row.n) }));
}

import { sql, type RawBuilder } from 'kysely';
import { SUGGESTION_BASIS_MONTHS } from '../../domain/report/build-monthly-report';
import type { CohortRow, ReportWindow } from '../../use-cases/ports/report-reads';
import type { DbContext } from '../db-context';
import type { Engine } from '../engine';
import { REPORT_HISTORY_INDEX } from '../migrations/002-report-history';
import { jsonProperty, monthOfColumn } from './report-sql';

/** Lifecycle stages that count as converted (reached opportunity or customer). */
const CONVERTED_STAGES = sql.raw(`'opportunity', 'customer', 'evangelist'`);

/**
 * Comma-joined `f:<rule id>` / `s:<signal id>` of the criteria that gave points (report month only). PostgreSQL
 * reads them as jsonb, parsed once per row: `json` re-parses every element per operator, and took 2.2 s instead
 * of 1.3 s for the 83k report-month leads at 1M contacts (bench/report-bench.ts).
 */
function scoredIds(engine: Engine, criteria: RawBuilder<unknown>): RawBuilder<string | null> {
  return engine === 'postgres'
    ? sql`(select string_agg(left(e ->> 'kind', 1) || ':' || (e ->> 'id'), ',') from jsonb_array_elements(${criteria}::jsonb) e
           where e ->> 'kind' in ('fit', 'signal') and (e ->> 'points')::float8 > 0)`
    : sql`(select group_concat(substr(e.value ->> 'kind', 1, 1) || ':' || (e.value ->> 'id'), ',')
           from json_each(${criteria}) e
           where e.value ->> 'kind' in ('fit', 'signal') and e.value ->> 'points' > 0)`;
}

interface CohortSqlRow {
  month: string;
  grade: string;
  stage: string;
  version: number;
  handed: number;
  held_back: number;
  scored: string | null;
  n: number | string;
  converted: number | string;
  accepted: number | string;
  rejected: number | string;
}

/**
 * The leads of each window month (before the suggestion's basis months: only the contacts handed then),
 * aggregated in SQL: for every contact and month its last history row (disqualified left out), handed when it became sales_ready that month, converted when its contact
 * snapshot reached opportunity/customer or has a deal, with its latest verdict. Grouped by month, grade,
 * stage, version, handed, held back by capacity and (report month only) the criteria that scored: a few
 * hundred rows at most. The window sort carries no criteria JSON; it is read by id for the report month only.
 */
export async function reportCohort(
  { db, engine }: DbContext,
  portalId: string,
  window: ReportWindow,
): Promise<CohortRow[]> {
  const month = monthOfColumn(window, sql.ref('h.at'));
  const qualifiedMonth = monthOfColumn(window, sql.ref('h.qualified_at'));
  const properties = sql.ref('c.properties');
  const deals = jsonProperty(engine, properties, 'num_associated_deals');
  // SQLite would otherwise walk the (portal_id, contact_id, at) index and fetch half the table row by row: the
  // covering index of migration 002 reads the window's rows without their criteria JSON (bench/report-bench.ts).
  const covering = sql.raw(engine === 'sqlite' ? `indexed by ${REPORT_HISTORY_INDEX}` : '');
  // Months before the suggestion's basis feed only the trend, which needs their handed leads alone: their other
  // leads (half the window's rows) are left out of the sort and the joins.
  const allLeadsFrom = window.bounds[window.months.length - 1 - SUGGESTION_BASIS_MONTHS] as number;
  const result = await sql<CohortSqlRow>`
    with month_rows as (
      select h.id, h.contact_id, h.tier, h.grade, h.stage, h.agreement_version, ${month} as month,
        row_number() over (partition by h.contact_id, ${month} order by h.at desc, h.id desc) as rn,
        max(case when h.tier = 'sales_ready' and ${qualifiedMonth} = ${month} then 1 else 0 end)
          over (partition by h.contact_id, ${month}) as handed,
        max(case when h.tier_reason = 'capacity' then 1 else 0 end) over (partition by h.contact_id, ${month}) as held_back
      from qualification_history h ${covering}
      where h.portal_id = ${portalId} and h.at >= ${sql.lit(window.start)} and h.at < ${sql.lit(window.end)}
        and (h.at >= ${sql.lit(allLeadsFrom)} or h.contact_id in (
          select q.contact_id from qualification_history q ${covering}
          where q.portal_id = ${portalId} and q.at >= ${sql.lit(window.start)} and q.at < ${sql.lit(allLeadsFrom)}
            and q.tier = 'sales_ready' and q.qualified_at >= ${sql.lit(window.start)}))
    ), leads as (
      select r.contact_id, r.month, r.grade, r.stage, r.agreement_version as version, r.handed, r.held_back,
        case when r.handed = 1
          then (select v.verdict from verdicts v where v.portal_id = ${portalId} and v.contact_id = r.contact_id
                order by v.at desc, v.id desc limit 1)
          else null end as verdict,
        case when r.month = ${sql.lit(window.month)}
          then (select ${scoredIds(engine, sql.ref('q.criteria'))} from qualification_history q where q.id = r.id)
          else null end as scored
      from month_rows r
      where r.rn = 1 and r.tier <> 'disqualified'
    )
    select l.month, l.grade, l.stage, l.version, l.handed, l.held_back, l.scored,
      count(*) as n,
      sum(case when ${jsonProperty(engine, properties, 'lifecyclestage')} in (${CONVERTED_STAGES})
               or coalesce(${deals}, '') not in ('', '0') then 1 else 0 end) as converted,
      sum(case when l.verdict = 'accepted' then 1 else 0 end) as accepted,
      sum(case when l.verdict = 'rejected' then 1 else 0 end) as rejected
    from leads l
    left join contacts c on c.portal_id = ${portalId} and c.contact_id = l.contact_id
    group by l.month, l.grade, l.stage, l.version, l.handed, l.held_back, l.scored`.execute(db);
  return result.rows.map(toCohortRow);
}

function toCohortRow(row: CohortSqlRow): CohortRow {
  const ids = row.scored ? row.scored.split(',') : [];
  return {
    month: row.month,
    grade: row.grade,
    stage: row.stage,
    version: Number(row.version),
    handed: Number(row.handed) === 1,
    heldBack: Number(row.held_back) === 1,
    rules: ids.filter((id) => id.startsWith('f:')).map((id) => id.slice(2)),
    signals: ids.filter((id) => id.startsWith('s:')).map((id) => id.slice(2)),
    count: Number(row.n),
    converted: Number(row.converted),
    accepted: Number(row.accepted),
    rejected: Number(row.rejected),
  };
}

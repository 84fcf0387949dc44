import { GRADES, type Grade } from '../../domain/agreement-schema';
import type { ReportDb } from './report-db';
import { storedValue } from './stored-value';

/** Contacts held back by capacity in [start, end) (history rows with tier_reason `capacity`), per grade. */
export async function loadHeldBack(
  { db }: ReportDb,
  portalId: string,
  range: { start: number; end: number },
): Promise<{ grade: Grade; count: number }[]> {
  const rows = await db
    .selectFrom('qualification_history')
    .select(['grade', (eb) => eb.fn.count<number>('contact_id').distinct().as('n')])
    .where('portal_id', '=', portalId)
    .where('tier_reason', '=', 'capacity')
    .where('at', '>=', range.start)
    .where('at', '<', range.end)
    .groupBy('grade')
    .execute();
  return rows.map((row) => ({
    grade: storedValue(GRADES, row.grade, 'qualification_history.grade'),
    count: Number(row.n),
  }));
}

import type { MonthlyReport } from './monthly-report';
import { RECYCLE_CAUSES, type RecycleEvent } from './report-input';

/** Contacts recycled during [start, end), by cause (a contact counts once per cause). */
export function countRecycles(
  recycles: readonly RecycleEvent[],
  range: { start: number; end: number },
): MonthlyReport['recycled'] {
  const seen = new Set<string>();
  for (const { contactId, cause, at } of recycles) {
    if (at >= range.start && at < range.end) seen.add(`${cause}\u0000${contactId}`);
  }
  const byCause = RECYCLE_CAUSES.map((cause) => ({
    cause,
    count: [...seen].filter((key) => key.startsWith(`${cause}\u0000`)).length,
  }));
  return { total: byCause.reduce((sum, { count }) => sum + count, 0), byCause };
}

import { z } from 'zod';
import type { QueuedJob, QueuedJobsPort, QueuedJobText } from '../../use-cases/ports/queued-jobs';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

/** The portal's queued jobs, read so that new work can join them (part of the jobs repository; locked on PostgreSQL). */
export function queuedJobs(ctx: DbContext) {
  const waitingPayloads = async (portalId: string, type: string): Promise<QueuedJobText[]> => {
    let query = ctx.db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('type', '=', type)
      .where('portal_id', '=', portalId)
      .where('status', '=', 'queued')
      .orderBy('id');
    if (ctx.engine === 'postgres') query = query.forUpdate();
    const rows = await query.execute();
    return rows.map((r) => ({ id: Number(r.id), payload: r.payload }));
  };
  return {
    async waiting(portalId: string, type: string): Promise<QueuedJob[]> {
      const rows = await waitingPayloads(portalId, type);
      return rows.map((r) => ({ id: r.id, payload: fromJson(z.unknown(), r.payload, 'jobs.payload') }));
    },
    waitingPayloads,
    async replacePayload(id: number, payload: unknown, now: number): Promise<string | undefined> {
      const text = toJson(payload);
      const result = await ctx.db
        .updateTable('jobs')
        .set({ payload: text, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? text : undefined;
    },
  } satisfies QueuedJobsPort;
}

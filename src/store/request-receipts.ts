import type { ContactLocksPort, RequestKey, RequestReceiptsPort } from '../use-cases/ports/request-receipts';
import { lockContact } from './contact-lock';
import type { DbContext } from './db-context';

export { requestKey, type RequestKey } from '../use-cases/ports/request-receipts';

/** `hubspot.fetch` retries within its 15 s timeout, so a receipt older than a day is never looked at again. */
export const RECEIPT_TTL_MS = 24 * 3_600_000;

/**
 * Records the request's receipt inside the caller's transaction, before its effect: true for the first copy, false
 * when a copy already committed (the caller then changes nothing). On PostgreSQL a concurrent copy's insert waits on
 * the first transaction's row and finds it once that commits; SQLite's write transactions already take turns.
 * Receipts of the portal older than a day go in the same step.
 */
async function claimReceipt(ctx: DbContext, key: RequestKey, at: number): Promise<boolean> {
  await ctx.db
    .deleteFrom('request_receipts')
    .where('portal_id', '=', key.portalId)
    .where('created_at', '<', at - RECEIPT_TTL_MS)
    .execute();
  const inserted = await ctx.db
    .insertInto('request_receipts')
    .values({
      portal_id: key.portalId,
      user_id: key.userId,
      route: key.route,
      request_id: key.requestId,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'user_id', 'route', 'request_id']).doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** RequestReceiptsPort on `ctx` (the store or a transaction). */
export function requestReceiptsRepository(ctx: DbContext): RequestReceiptsPort {
  return { claim: (key, at) => claimReceipt(ctx, key, at) };
}

/** ContactLocksPort on `ctx`: a PostgreSQL advisory lock held until the transaction ends (see contact-lock.ts). */
export function contactLocksRepository(ctx: DbContext): ContactLocksPort {
  return { lock: (portalId, contactId) => lockContact(ctx, portalId, contactId) };
}

/** Thrown from a receipt-claiming transaction when a copy of the request already did its work; nothing was written. */
export class RequestReplayed extends Error {
  constructor(readonly key: RequestKey) {
    super(`Request ${key.requestId} to ${key.route} was already applied`);
    this.name = 'RequestReplayed';
  }
}

/**
 * Runs an effect whose first transaction claims the request's receipt (composition/apply-once-on-store.ts):
 * `applied`, or `replayed` when a copy of the request already applied it.
 */
export async function applyOnce(effect: () => Promise<unknown>): Promise<'applied' | 'replayed'> {
  try {
    await effect();
    return 'applied';
  } catch (error) {
    if (error instanceof RequestReplayed) return 'replayed';
    throw error;
  }
}

import type { ApplyOnce } from '../http/routes/request-once';
import type { Store } from '../store/create-store';
import { applyOnce, RequestReplayed, requestKey, type RequestKey } from '../store/request-receipts';

/**
 * The store, except that its first write transaction claims the request's receipt before anything else, so the
 * effect and the receipt commit together or not at all; a copy of the request throws RequestReplayed from there.
 */
function claimingFirst(store: Store, key: RequestKey, at: number): Store {
  let claimed = false;
  return {
    ...store,
    transaction: (fn) =>
      store.transaction(async (tx) => {
        if (!claimed && !(await tx.receipts.claim(key, at))) throw new RequestReplayed(key);
        const result = await fn(tx);
        claimed = true; // committed with this transaction; a later one of the same request needs no second claim
        return result;
      }),
  };
}

/** `ApplyOnce` for ports built on the store by `portsOn`, the receipt kept in the store (request-receipts.ts). */
export function applyOnceOnStore<Ports>(
  store: Store,
  portsOn: (store: Store) => Ports,
  clock: { now(): number },
): ApplyOnce<Ports> {
  return (request, effect) => {
    const key = requestKey(request, request.route, request.requestId);
    const on = portsOn(key ? claimingFirst(store, key, clock.now()) : store);
    return applyOnce(() => effect(on));
  };
}

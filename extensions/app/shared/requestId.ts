import type { BackendRequest } from './backendClient';

/** A fresh id for one user action that changes state (crypto's UUID where the sandbox has it). */
export function newRequestId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`;
}

/**
 * A state-changing request with a fresh `requestId` in its body. `hubspot.fetch` retries a call once after a
 * connection failure or a 5xx with the same body, so the backend applies each id once. (Read-only POSTs such as
 * the simulation take no id.)
 */
export function withRequestId(request: BackendRequest): BackendRequest {
  return { ...request, body: { ...request.body, requestId: newRequestId() } };
}

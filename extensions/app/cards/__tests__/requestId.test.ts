import { requestIdSchema } from '@lead-pact/contracts';
import { newRequestId, withRequestId } from '../../shared/requestId';

describe('request ids of state-changing calls', () => {
  it('When two actions are sent, then each carries its own id the backend accepts, the body otherwise unchanged', () => {
    const request = { path: '/api/card/score-now', method: 'POST' as const, body: { objectId: '123' } };

    const [first, second] = [withRequestId(request), withRequestId(request)];

    expect(first.body).toEqual({ objectId: '123', requestId: expect.any(String) });
    expect(requestIdSchema.safeParse(first.body?.requestId).success).toBe(true);
    expect(first.body?.requestId).not.toBe(second.body?.requestId);
    expect(request.body).toEqual({ objectId: '123' });
  });

  it('When the sandbox has no crypto.randomUUID, then a fallback id still passes the contract', () => {
    // An own property hides Crypto.prototype.randomUUID; deleting it shows the real one again.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = [newRequestId(), newRequestId()];
      for (const id of ids) expect(requestIdSchema.safeParse(id).success).toBe(true);
      expect(ids[0]).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(ids[0]).not.toBe(ids[1]);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(newRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

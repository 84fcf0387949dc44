import { cardResponseSchema, verdictRequestSchema } from '../../../src/contracts';

describe('POST /api/card/verdict body', () => {
  it('rejects a rejection without a reason, naming the reason field', () => {
    const result = verdictRequestSchema.safeParse({ objectId: '101', verdict: 'rejected' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reason']);
  });

  it('accepts a rejection with one of the six reasons and a note', () => {
    const body = { objectId: '101', verdict: 'rejected', reason: 'too_small', note: 'twelve people' };
    expect(verdictRequestSchema.parse(body)).toEqual(body);
  });

  it('refuses an acceptance that carries a reason and an unknown reason', () => {
    expect(
      verdictRequestSchema.safeParse({ objectId: '1', verdict: 'accepted', reason: 'other' }).success,
    ).toBe(false);
    expect(
      verdictRequestSchema.safeParse({ objectId: '1', verdict: 'rejected', reason: 'rude' }).success,
    ).toBe(false);
  });
});

describe('GET /api/card answer', () => {
  it('knows the not-connected state and refuses a state it does not know', () => {
    expect(cardResponseSchema.parse({ state: 'not_connected' })).toEqual({ state: 'not_connected' });
    expect(cardResponseSchema.safeParse({ state: 'maybe' }).success).toBe(false);
  });
});

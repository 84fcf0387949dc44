import { retryDelay } from '../../src/jobs/retry-delay';

describe('retry delay', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it('doubles with each attempt, half of it random', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelay(a, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelay(30, policy, () => 1)).toBe(60_000);
  });
});

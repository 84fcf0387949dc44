import { RollingWindow } from '../../src/standin/rolling-window';

describe('RollingWindow', () => {
  it('When a token made 100 requests in the last 10 s, then the 101st is refused as TEN_SECONDLY_ROLLING', () => {
    const window = new RollingWindow({ perTenSeconds: 100 });
    for (let i = 0; i < 100; i += 1) expect(window.tryAcquire('t', 1_000 + i * 10).allowed).toBe(true);
    expect(window.tryAcquire('t', 2_000)).toEqual({
      allowed: false,
      policyName: 'TEN_SECONDLY_ROLLING',
      remaining: 0,
    });
  });

  it('When the oldest request leaves the window, then exactly one more is allowed', () => {
    const window = new RollingWindow({ perTenSeconds: 3 });
    window.tryAcquire('t', 0);
    window.tryAcquire('t', 4_000);
    window.tryAcquire('t', 8_000);
    expect(window.tryAcquire('t', 9_999).allowed).toBe(false);
    expect(window.tryAcquire('t', 10_000)).toEqual({ allowed: true, remaining: 0 });
    expect(window.tryAcquire('t', 10_001).allowed).toBe(false);
  });

  it('counts each token on its own', () => {
    const window = new RollingWindow({ perTenSeconds: 1 });
    expect(window.tryAcquire('portal-a', 0).allowed).toBe(true);
    expect(window.tryAcquire('portal-b', 0).allowed).toBe(true);
    expect(window.tryAcquire('portal-a', 1).allowed).toBe(false);
  });

  it('When the daily budget is spent, then requests are refused as DAILY until the next UTC day', () => {
    const window = new RollingWindow({ perTenSeconds: 100, daily: 2 });
    const day = 24 * 3600 * 1000;
    expect(window.tryAcquire('t', day + 1)).toEqual({ allowed: true, remaining: 99, dailyRemaining: 1 });
    expect(window.tryAcquire('t', day + 20_000).allowed).toBe(true);
    expect(window.tryAcquire('t', day + 40_000)).toMatchObject({ allowed: false, policyName: 'DAILY' });
    expect(window.tryAcquire('t', 2 * day).allowed).toBe(true);
  });

  it('never lets more than the limit through in any 10-second span', () => {
    const window = new RollingWindow({ perTenSeconds: 10 });
    const accepted: number[] = [];
    for (let t = 0; t < 60_000; t += 37) if (window.tryAcquire('t', t).allowed) accepted.push(t);
    for (const start of accepted) {
      expect(accepted.filter((t) => t >= start && t < start + 10_000).length).toBeLessThanOrEqual(10);
    }
    expect(accepted.length).toBeGreaterThanOrEqual(60);
  });

  it('When used for search with a 1-second window, then the 6th search in a second is refused as SECONDLY', () => {
    const window = new RollingWindow({ perTenSeconds: 5, windowMs: 1000, policyName: 'SECONDLY' });
    for (let i = 0; i < 5; i += 1) expect(window.tryAcquire('t', 100 * i).allowed).toBe(true);
    expect(window.tryAcquire('t', 999)).toMatchObject({ allowed: false, policyName: 'SECONDLY' });
    expect(window.tryAcquire('t', 1000).allowed).toBe(true);
  });
});

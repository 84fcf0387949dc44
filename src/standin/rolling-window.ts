/** HubSpot's burst limit window: requests are counted over the last 10 seconds, per token. */
export const TEN_SECONDS_MS = 10_000;
const DAY_MS = 24 * 3600 * 1000;

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

export type LimitVerdict =
  | { allowed: true; remaining: number; dailyRemaining?: number }
  | { allowed: false; policyName: RatePolicy; remaining: number; dailyRemaining?: number };

export interface RollingWindowOptions {
  /** Requests allowed per window (named for the default 10-second window). */
  perTenSeconds: number;
  /** Window length; 10 s by default, 1 s for the search API's per-second limit. */
  windowMs?: number;
  /** The policy a refusal names; TEN_SECONDLY_ROLLING by default. */
  policyName?: 'TEN_SECONDLY_ROLLING' | 'SECONDLY';
  /** Requests per token per UTC day; unlimited when undefined. */
  daily?: number;
}

interface TokenUsage {
  /** Accepted request times, oldest first; `head` skips the expired ones without shifting. */
  times: number[];
  head: number;
  day: number;
  dayCount: number;
}

/** Rolling 10-second and daily request counters per token, as HubSpot enforces them. */
export class RollingWindow {
  private readonly usage = new Map<string, TokenUsage>();

  private readonly windowMs: number;

  constructor(private readonly options: RollingWindowOptions) {
    this.windowMs = options.windowMs ?? TEN_SECONDS_MS;
  }

  /** Counts the request when it is allowed; a refused request is not counted. */
  tryAcquire(token: string, now: number): LimitVerdict {
    const usage = this.usageOf(token, now);
    while (usage.head < usage.times.length && (usage.times[usage.head] ?? 0) <= now - this.windowMs)
      usage.head += 1;
    if (usage.head > 1024 && usage.head * 2 > usage.times.length) {
      usage.times = usage.times.slice(usage.head);
      usage.head = 0;
    }
    const inWindow = usage.times.length - usage.head;
    const daily = this.options.daily;
    const dailyRemaining = daily === undefined ? undefined : Math.max(0, daily - usage.dayCount);
    if (dailyRemaining === 0) return { allowed: false, policyName: 'DAILY', remaining: 0, dailyRemaining };
    if (inWindow >= this.options.perTenSeconds) {
      return {
        allowed: false,
        policyName: this.options.policyName ?? 'TEN_SECONDLY_ROLLING',
        remaining: 0,
        dailyRemaining,
      };
    }
    usage.times.push(now);
    usage.dayCount += 1;
    return {
      allowed: true,
      remaining: this.options.perTenSeconds - inWindow - 1,
      dailyRemaining: dailyRemaining === undefined ? undefined : dailyRemaining - 1,
    };
  }

  private usageOf(token: string, now: number): TokenUsage {
    const day = Math.floor(now / DAY_MS);
    let usage = this.usage.get(token);
    if (!usage) {
      usage = { times: [], head: 0, day, dayCount: 0 };
      this.usage.set(token, usage);
    }
    if (usage.day !== day) {
      usage.day = day;
      usage.dayCount = 0;
    }
    return usage;
  }
}

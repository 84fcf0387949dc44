import { z } from 'zod';

/** One scripted failure: every `every`-th CRM request matching `path` is answered with `status`. */
export const failureRuleSchema = z
  .object({
    /** 429 answers HubSpot's TEN_SECONDLY_ROLLING body; 503 its HTML outage page. */
    status: z.union([z.literal(429), z.literal(503)]),
    every: z.number().int().min(1),
    /** Only requests whose path ends with this (e.g. `/batch/update`); every CRM request when absent. */
    path: z.string().min(1).optional(),
    /** Stop after this many failures (unlimited when absent). */
    times: z.number().int().min(1).optional(),
  })
  .strict();
export type FailureRule = z.infer<typeof failureRuleSchema>;

/** The body of `PUT /__standin/failures`. */
export const failurePlanSchema = z.object({ rules: z.array(failureRuleSchema) }).strict();

interface RuleState {
  rule: FailureRule;
  seen: number;
  failed: number;
}

/**
 * Deterministic failure injection for end-to-end tests: unlike `--fail-rate` (random), the same request
 * sequence always fails at the same places, so a test can count on 429s and 503s happening.
 */
export class FailurePlan {
  private rules: RuleState[] = [];

  /** Replaces the rules; counting starts again. */
  set(rules: readonly FailureRule[]): void {
    this.rules = rules.map((rule) => ({ rule, seen: 0, failed: 0 }));
  }

  /** The status to fail this request with, or undefined to serve it. The first rule that fires wins. */
  next(path: string): 429 | 503 | undefined {
    let answer: 429 | 503 | undefined;
    for (const state of this.rules) {
      const { rule } = state;
      if (rule.path !== undefined && !path.endsWith(rule.path)) continue;
      if (rule.times !== undefined && state.failed >= rule.times) continue;
      state.seen += 1;
      if (answer === undefined && state.seen % rule.every === 0) {
        state.failed += 1;
        answer = rule.status;
      }
    }
    return answer;
  }
}

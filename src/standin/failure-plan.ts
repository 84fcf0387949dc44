import { z } from 'zod';

/**
 * One scripted failure: every `every`-th CRM request matching `path` (and `method`) is answered with `status`, or,
 * for `hold`, served as usual but answered only after `holdMs` (HubSpot has done the work; the caller has not
 * heard of it yet, so a test can kill the caller in between).
 */
export const failureRuleSchema = z
  .object({
    /** 429 answers HubSpot's TEN_SECONDLY_ROLLING body; 503 its HTML outage page; `hold` delays the real answer. */
    status: z.union([z.literal(429), z.literal(503), z.literal('hold')]),
    /** How long a `hold` keeps the answer back (default 10 s). */
    holdMs: z.number().int().min(1).max(600_000).optional(),
    /** Only requests with this HTTP method (any when absent). */
    method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
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

/** A status to answer with, or an answer held back for `holdMs`. */
export type ScriptedFailure = 429 | 503 | { holdMs: number };

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

  /** The failure for this request (a status, or how long to hold its answer), or undefined to serve it as usual. */
  next(path: string, method = 'GET'): ScriptedFailure | undefined {
    let answer: ScriptedFailure | undefined;
    for (const state of this.rules) {
      const { rule } = state;
      if (rule.path !== undefined && !path.endsWith(rule.path)) continue;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.times !== undefined && state.failed >= rule.times) continue;
      state.seen += 1;
      if (answer === undefined && state.seen % rule.every === 0) {
        state.failed += 1;
        answer = rule.status === 'hold' ? { holdMs: rule.holdMs ?? 10_000 } : rule.status;
      }
    }
    return answer;
  }
}

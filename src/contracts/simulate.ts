import { z } from 'zod';
import { gradeSchema, monthSchema, requestMonthSchema, tierSchema } from './values';

/** `POST /api/simulate`: run a draft against the portal's stored contacts. */
export const simulateRequestSchema = z
  .object({ agreement: z.unknown(), month: requestMonthSchema.optional() })
  .strict();

/** Counts for one agreement over the stored contacts. */
export const simulationCountsSchema = z.object({
  tiers: z.array(z.object({ tier: tierSchema, count: z.number().int().nonnegative() })),
  grades: z.array(z.object({ grade: gradeSchema, count: z.number().int().nonnegative() })),
  salesReadyByMonth: z.array(
    z.object({
      month: monthSchema,
      count: z.number().int().nonnegative(),
      capacity: z.number().int().nonnegative(),
    }),
  ),
});

/** `POST /api/simulate` answer: the draft's numbers beside the active agreement's (null when none is active). */
export const simulateResponseSchema = z.object({
  contactsEvaluated: z.number().int().nonnegative(),
  draft: simulationCountsSchema,
  active: simulationCountsSchema.nullable(),
});

export type SimulateRequest = z.infer<typeof simulateRequestSchema>;
export type SimulationCounts = z.infer<typeof simulationCountsSchema>;
export type SimulateResponse = z.infer<typeof simulateResponseSchema>;

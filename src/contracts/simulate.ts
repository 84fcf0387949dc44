import { z } from 'zod';
import { gradeSchema, monthSchema, requestMonthSchema, routeSchema, tierSchema } from './values';

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
      /**
       * Each route against its own cap (null: only the total limits it): present only when the agreement caps a
       * route (`capacity.routes`), with every route capped that month or with eligible contacts.
       */
      routes: z
        .array(
          z.object({
            route: routeSchema,
            count: z.number().int().nonnegative(),
            capacity: z.number().int().nonnegative().nullable(),
          }),
        )
        .optional(),
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

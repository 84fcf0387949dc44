import { z } from 'zod';

/** One problem with an input, named by its path (`fit.rules[1].bands[0].min`, relative to the payload's document). */
export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });

/** Every non-2xx answer of the API: `{error: {code, message, details}}`; 400s carry `code: "invalid_input"`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.array(errorDetailSchema).default([]),
  }),
});

export type ErrorDetail = z.infer<typeof errorDetailSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;

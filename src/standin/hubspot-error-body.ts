import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { z } from 'zod';

/** Answers with HubSpot's standard error body: `{status: "error", message, correlationId, category, ...}`. */
export function sendHubSpotError(
  res: Response,
  status: number,
  message: string,
  category: string,
  extra: Record<string, unknown> = {},
): void {
  res.status(status).json({ status: 'error', message, correlationId: randomUUID(), category, ...extra });
}

/** A body HubSpot could not read as the endpoint's input: 400 `VALIDATION_ERROR` naming the first problem. */
export function sendInvalidInput(res: Response, error: z.ZodError): void {
  sendHubSpotError(
    res,
    400,
    `Invalid input JSON: ${error.issues[0]?.message ?? 'bad body'}`,
    'VALIDATION_ERROR',
  );
}

/** HubSpot's 429 body; `errorType` and `policyName` tell a burst limit from the daily one. */
export function sendRateLimited(
  res: Response,
  policyName: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY',
): void {
  const limit = policyName.toLowerCase();
  res.status(429).json({
    status: 'error',
    message: `You have reached your ${limit} limit.`,
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName,
    requestId: randomUUID(),
  });
}

/** A batch endpoint's envelope: 200 `COMPLETE`, or 207 with `errors[]` when some inputs failed. */
export function sendBatch(res: Response, results: unknown[], errors: unknown[], startedAt: string): void {
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    requestedAt: startedAt,
    startedAt,
    completedAt: new Date().toISOString(),
  };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
  }
  res.status(errors.length > 0 ? 207 : 200).json(body);
}

/** The per-input error HubSpot puts in `errors[]` for ids it does not know. */
export function notFoundError(objectType: string, ids: string[]): Record<string, unknown> {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${objectType} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
    links: {},
  };
}

import type { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { Job } from '../use-cases/ports/jobs';

/** What a handler gets besides its payload. */
export interface JobContext {
  job: Job;
  /** Aborted when the worker stops or loses the lease: stop at the next safe point. */
  signal: AbortSignal;
  /** Stores progress JSON, readable by anyone at any time. */
  progress(value: unknown): Promise<void>;
}

/** A thin handler: maps a parsed payload onto a use case. Its return value is stored as the result. */
export type JobHandler<P> = (payload: P, context: JobContext) => Promise<unknown>;

interface Registered {
  run(payload: unknown, context: JobContext): Promise<unknown>;
}

/** Handlers by job type; payloads are parsed with the handler's zod schema before it runs. */
export interface JobRegistry {
  register<P>(type: string, schema: z.ZodType<P>, handler: JobHandler<P>): JobRegistry;
  get(type: string): Registered | undefined;
  types(): string[];
}

/** An empty registry. */
export function createJobRegistry(): JobRegistry {
  const handlers = new Map<string, Registered>();
  const registry: JobRegistry = {
    register(type, schema, handler) {
      if (handlers.has(type))
        throw new AppError('conflict', `A handler for job type "${type}" is already registered`);
      handlers.set(type, {
        run(payload, context) {
          const parsed = schema.safeParse(payload);
          if (!parsed.success) {
            const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
            throw new AppError(
              'invalid_input',
              `Job ${context.job.id} (${type}) has an invalid payload`,
              details,
            );
          }
          return handler(parsed.data, context);
        },
      });
      return registry;
    },
    get: (type) => handlers.get(type),
    types: () => [...handlers.keys()],
  };
  return registry;
}

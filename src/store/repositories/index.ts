import type { DbContext } from '../db-context';
import { auditLogRepository } from './audit-log-repository';
import { checkpointsRepository } from './checkpoints-repository';

/** Every repository, bound to one context (the store or a transaction). */
export function createRepositories(ctx: DbContext) {
  return {
    checkpoints: checkpointsRepository(ctx),
    audit: auditLogRepository(ctx),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

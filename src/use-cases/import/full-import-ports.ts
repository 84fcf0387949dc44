import type { CheckpointsPort } from '../ports/checkpoints';
import type { JobsPort } from '../ports/jobs';
import type { Transactional } from '../ports/transactional';
import type { SyncContactsStore, SyncWrites } from '../intake/sync-ports';

/** What one import page writes in its transaction: a sync's writes, and the import's cursor. */
export type ImportPageWrites = SyncWrites & { checkpoints: Pick<CheckpointsPort, 'set' | 'delete'> };

/** What an import needs: a sync's reads, its saved cursor, then one transaction per page. */
export interface FullImportStore
  extends Omit<SyncContactsStore, 'transaction'>, Transactional<ImportPageWrites> {
  checkpoints: Pick<CheckpointsPort, 'get'>;
}

/** What deciding on a late first import needs: whether one ever finished, whether one is live, the queue. */
export interface ImportIfNeverFinishedStore {
  checkpoints: Pick<CheckpointsPort, 'get'>;
  jobs: Pick<JobsPort, 'list' | 'enqueue'>;
}

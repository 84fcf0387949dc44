import type { CompanyFanOutStore, SyncContactsStore } from '../intake/sync-ports';
import type { CheckpointsPort } from '../ports/checkpoints';
import type { InstallationsPort } from '../ports/installations';

/** Where a walk keeps its high-water mark, and the install it starts from on a portal's first run. */
export interface SafetyNetCheckpoints {
  checkpoints: Pick<CheckpointsPort, 'get' | 'set'>;
  installations: Pick<InstallationsPort, 'get'>;
}

/** What the safety net needs: its checkpoints, and what the syncs and company fan-outs it feeds need. */
export type SafetyNetStore = SafetyNetCheckpoints & SyncContactsStore & CompanyFanOutStore;

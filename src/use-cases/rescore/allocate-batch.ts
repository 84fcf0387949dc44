import type { Qualification } from '../../domain/qualification';
import type { QualificationSummary } from '../ports/qualifications';

/** One contact of a batch: its fresh qualification and what was stored before. */
export interface Scored {
  contactId: string;
  q: Qualification;
  current: QualificationSummary | null;
}

/** True when the contact already holds a sales_ready place (it keeps it without taking a new one). */
export function holdsPlace(s: Scored): boolean {
  return s.current?.tier === 'sales_ready';
}

/**
 * The contacts of a batch that newly ask for a capacity place, highest score first (ties by id, so a
 * re-run of the same batch picks the same ones). Capacity is allocated per batch, in contact-id
 * order of batches: across batches the earlier batch wins, inside a batch the higher score.
 */
export function placeCandidates(batch: readonly Scored[]): Scored[] {
  return batch
    .filter((s) => s.q.tier === 'sales_ready' && !holdsPlace(s))
    .sort((a, b) => b.q.score - a.q.score || (a.contactId < b.contactId ? -1 : 1));
}

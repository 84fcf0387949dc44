import type { SimulateResponse } from '../../contracts/simulate';
import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord } from '../../domain/qualification';
import type { SimulationBudget } from '../../domain/simulation/simulation-budget';

/** What a simulation runs: a draft (and the active agreement, to compare) over a portal's stored contacts. */
export interface SimulateInput {
  portalId: string;
  draft: Agreement;
  active: Agreement | null;
  /** The first month charted against capacity; default the current month in the draft's time zone. */
  month?: string;
  now: number;
}

/** The portal's stored contacts, a page at a time in id order, after `afterId`. */
export interface ContactPages {
  page(
    portalId: string,
    afterId: string | null,
    limit: number,
  ): Promise<ReadonlyArray<{ contact: ContactRecord }>>;
}

/** How many contacts the portal has stored: checked against the budget before any is read. */
export interface ContactCount {
  count(portalId: string): Promise<number>;
}

/**
 * Where a simulation runs: in a worker thread in the service (the web process's event loop stays free), or on
 * the calling thread in time slices. `total` is the portal's stored contacts, for the budget's messages.
 */
export type SimulationRunner = (
  input: SimulateInput,
  budget: SimulationBudget,
  total: number,
) => Promise<SimulateResponse>;

/**
 * What one simulation of stored contacts (`POST /api/simulate`) may cost the web process. It runs on the event loop in
 * slices, so `/healthz` and the card keep answering; past a budget it stops with a 4xx, never retried by
 * hubspot.fetch (which repeats a 5xx once). `lead-pact simulate` on a HubSpot export has no such budget.
 */
export const SIMULATION_BUDGET = {
  /** Stored contacts of the portal, checked before the first is read: 100,000 simulate in 2 to 4 s on this 2-core
   * machine while other work runs (example agreement, draft and active side by side; half of it reading the store). */
  maxContacts: 100_000,
  /** Wall time: below the settings page's 10 s wait for an answer, so nobody waits for a result that is thrown away. */
  maxSeconds: 8,
  /** Work between two yields to the event loop: a request that arrives meanwhile waits at most about this long. */
  sliceMs: 10,
  /** Simulations at once in one process: each takes a slice per loop turn, so two keep a turn near 20 ms. */
  concurrent: 2,
} as const;

export type SimulationBudget = { [K in keyof typeof SIMULATION_BUDGET]: number };

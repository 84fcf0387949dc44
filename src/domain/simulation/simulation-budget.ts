/**
 * What one simulation of stored contacts (`POST /api/simulate`) may cost the service. The compiled service runs it in
 * a worker thread (run from sources, on the event loop in slices), so `/healthz` and the card keep answering; past a
 * budget it stops with a 4xx, never retried by hubspot.fetch (which repeats a 5xx once). `lead-pact simulate` on a
 * HubSpot export has no such budget.
 */
export const SIMULATION_BUDGET = {
  /** Stored contacts of the portal, checked before the first is read: 100,000 simulate in 2 to 4 s on this 2-core
   * machine while other work runs (example agreement, draft and active side by side; half of it reading the store). */
  maxContacts: 100_000,
  /** Wall time: below the settings page's 10 s wait for an answer, so nobody waits for a result that is thrown away. */
  maxSeconds: 8,
  /** On the event loop (run from sources), work between two yields: a request that arrives meanwhile waits about this long. */
  sliceMs: 10,
  /** Simulations at once in one process: each is a thread with a database connection (on the event loop, a slice per turn). */
  concurrent: 2,
} as const;

export type SimulationBudget = { [K in keyof typeof SIMULATION_BUDGET]: number };

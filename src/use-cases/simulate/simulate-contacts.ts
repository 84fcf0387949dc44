import type { SimulateResponse, SimulationCounts } from '../../contracts/simulate';
import { monthOf } from '../../domain/allocate-capacity';
import type { Agreement } from '../../domain/agreement-schema';
import { qualify } from '../../domain/qualify';
import { createSimulation, type Simulation } from '../../domain/simulation/create-simulation';
import type { SimulationBudget } from '../../domain/simulation/simulation-budget';
import { budgetExceeded } from './simulation-refusals';
import type { ContactPages, SimulateInput } from './simulation-ports';

/** Contacts read per page: one page read (parsing its JSON) stays within a 10 ms slice; 500 made it 30+ ms. */
export const SIMULATION_PAGE = 250;
/** The chosen month and the next ones, so the page can chart volume against each month's capacity. */
const MONTHS = 3;

/** What the caller may do between contacts: yield the thread (a promise) or go on (undefined); hear progress. */
export interface SimulationHooks {
  pause?: () => Promise<void> | undefined;
  progress?: (evaluated: number) => void;
  /** Monotonic milliseconds, for the time budget. */
  now?: () => number;
}

function nextMonths(first: string, count: number): string[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function counts(sims: Simulation[]): SimulationCounts {
  const results = sims.map((s) => s.result());
  const first = results[0]!;
  return {
    tiers: Object.entries(first.tiers).map(([tier, count]) => ({ tier: tier as 'nurture', count })),
    grades: Object.entries(first.grades).map(([grade, count]) => ({ grade, count })),
    salesReadyByMonth: results.map((r) => ({
      month: r.month,
      count: r.capacity.salesReady,
      capacity: r.capacity.capacity,
      ...(r.capacity.routes
        ? {
            routes: r.capacity.routes.map((u) => ({
              route: u.route,
              count: u.salesReady,
              capacity: u.capacity,
            })),
          }
        : {}),
    })),
  };
}

/**
 * Every stored contact of the portal through the draft (and the active agreement, if any), page by page: counts per
 * tier and grade, and sales-ready volume against capacity for the month and the next two. Past the budget's
 * `maxSeconds` it stops with a 413 saying how far it got.
 */
export async function simulateContacts(
  contacts: ContactPages,
  input: SimulateInput,
  budget: SimulationBudget,
  total: number,
  hooks: SimulationHooks = {},
): Promise<SimulateResponse> {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const months = nextMonths(input.month ?? monthOf(input.now, input.draft.sla.timezone), MONTHS);
  const side = (agreement: Agreement) => ({
    agreement,
    sims: months.map((month) => createSimulation(agreement, { month, now: input.now })),
  });
  const sides = input.active ? [side(input.draft), side(input.active)] : [side(input.draft)];
  let after: string | null = null;
  let evaluated = 0;
  const withinBudget = async (pause: Promise<void> | undefined) => {
    if (pause) await pause;
    if (now() - started > budget.maxSeconds * 1000) throw budgetExceeded.time(budget, evaluated, total);
  };
  for (;;) {
    await withinBudget(hooks.pause?.());
    const rows = await contacts.page(input.portalId, after, SIMULATION_PAGE);
    if (rows.length === 0) break;
    for (const { contact } of rows) {
      for (const { agreement, sims } of sides) {
        const q = qualify(contact, agreement, input.now);
        for (const sim of sims) sim.record(contact, q);
      }
      evaluated++;
      const pause = hooks.pause?.();
      if (pause) await withinBudget(pause);
    }
    hooks.progress?.(evaluated);
    after = rows[rows.length - 1]!.contact.id;
  }
  const [draft, active] = sides;
  return {
    contactsEvaluated: evaluated,
    draft: counts(draft!.sims),
    active: active ? counts(active.sims) : null,
  };
}

import type { SimulateResponse, SimulationCounts } from '../../contracts/simulate';
import { monthOf } from '../../domain/allocate-capacity';
import type { Agreement } from '../../domain/agreement-schema';
import { qualify } from '../../domain/qualify';
import { createSimulation, type Simulation } from '../../domain/simulation/create-simulation';
import { SIMULATION_BUDGET, type SimulationBudget } from '../../domain/simulation/simulation-budget';
import type { Store } from '../../store/create-store';
import { budgetExceeded } from './simulation-refusals';
import { simulationGate, type SimulationGate } from './simulation-gate';
import { timeSlices } from './time-slices';

/** Contacts read per page: one page read (parsing its JSON) stays within a slice; 500 made the loop wait 30+ ms. */
const PAGE = 250;
/** The chosen month and the next ones, so the page can chart volume against each month's capacity. */
const MONTHS = 3;
/** One event loop per process, so one gate for every portal's simulations. */
const processGate = simulationGate(SIMULATION_BUDGET.concurrent);

type SimulateInput = {
  portalId: string;
  draft: Agreement;
  active: Agreement | null;
  month?: string;
  now: number;
};

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
    })),
  };
}

/** Streams the portal's contacts through both agreements, a time slice at a time, within the time budget. */
async function run(
  store: Pick<Store, 'contactBatches'>,
  input: SimulateInput,
  budget: SimulationBudget,
  total: number,
): Promise<SimulateResponse> {
  const months = nextMonths(input.month ?? monthOf(input.now, input.draft.sla.timezone), MONTHS);
  const side = (agreement: Agreement) => ({
    agreement,
    sims: months.map((month) => createSimulation(agreement, { month, now: input.now })),
  });
  const sides = input.active ? [side(input.draft), side(input.active)] : [side(input.draft)];
  const slices = timeSlices(budget.sliceMs);
  let after: string | null = null;
  let evaluated = 0;
  /** A turn of the event loop for whatever waits, then the time budget. */
  const breathe = async (pause: Promise<void>) => {
    await pause;
    if (slices.elapsedMs() > budget.maxSeconds * 1000) throw budgetExceeded.time(budget, evaluated, total);
  };
  for (;;) {
    const beforeRead = slices.tick();
    if (beforeRead) await breathe(beforeRead);
    const rows = await store.contactBatches.page(input.portalId, after, PAGE);
    if (rows.length === 0) break;
    for (const { contact } of rows) {
      for (const { agreement, sims } of sides) {
        const q = qualify(contact, agreement, input.now);
        for (const sim of sims) sim.record(contact, q);
      }
      evaluated++;
      const pause = slices.tick();
      if (pause) await breathe(pause);
    }
    after = rows[rows.length - 1]!.contact.id;
  }
  const [draft, active] = sides;
  return {
    contactsEvaluated: evaluated,
    draft: counts(draft!.sims),
    active: active ? counts(active.sims) : null,
  };
}

/**
 * Runs a draft (and the active agreement, if any) over every stored contact of the portal, streamed page by
 * page: counts per tier and grade, and sales-ready volume against capacity for the month and the next two. It
 * yields to the event loop every `sliceMs`, so health checks and the card answer meanwhile; a portal past
 * `maxContacts`, a run past `maxSeconds` (413) or more than `concurrent` runs at once (429) are refused.
 */
export async function simulateStored(
  store: Pick<Store, 'contactBatches' | 'contacts'>,
  input: SimulateInput,
  options: { budget?: SimulationBudget; gate?: SimulationGate } = {},
): Promise<SimulateResponse> {
  const budget = options.budget ?? SIMULATION_BUDGET;
  const total = await store.contacts.count(input.portalId);
  if (total > budget.maxContacts) throw budgetExceeded.contacts(budget, total);
  return (options.gate ?? processGate).run(() => run(store, input, budget, total));
}

import type { SimulateResponse, SimulationCounts } from '../../contracts/simulate';
import { monthOf } from '../../domain/allocate-capacity';
import type { Agreement } from '../../domain/agreement-schema';
import { createSimulation, type Simulation } from '../../domain/simulation/create-simulation';
import type { Store } from '../../store/create-store';

/** Contacts read per page: big enough for few round trips, small enough to keep memory flat. */
const PAGE = 1000;
/** The chosen month and the next ones, so the page can chart volume against each month's capacity. */
const MONTHS = 3;

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

/**
 * Runs a draft (and the active agreement, if any) over every stored contact of the portal, streamed page by
 * page: counts per tier and grade, and sales-ready volume against capacity for the month and the next two.
 */
export async function simulateStored(
  store: Pick<Store, 'contactBatches'>,
  input: { portalId: string; draft: Agreement; active: Agreement | null; month?: string; now: number },
): Promise<SimulateResponse> {
  const months = nextMonths(input.month ?? monthOf(input.now, input.draft.sla.timezone), MONTHS);
  const simulate = (agreement: Agreement) =>
    months.map((month) => createSimulation(agreement, { month, now: input.now }));
  const draft = simulate(input.draft);
  const active = input.active ? simulate(input.active) : [];
  let after: string | null = null;
  let evaluated = 0;
  for (;;) {
    const rows = await store.contactBatches.page(input.portalId, after, PAGE);
    if (rows.length === 0) break;
    for (const { contact } of rows) for (const sim of [...draft, ...active]) sim.add(contact);
    evaluated += rows.length;
    after = rows[rows.length - 1]!.contact.id;
  }
  return { contactsEvaluated: evaluated, draft: counts(draft), active: input.active ? counts(active) : null };
}

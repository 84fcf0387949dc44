import type { SimulateResponse } from '../../contracts/simulate';
import { SIMULATION_BUDGET, type SimulationBudget } from '../../domain/simulation/simulation-budget';
import { simulateContacts } from './simulate-contacts';
import { simulationGate, type SimulationGate } from './simulation-gate';
import { budgetExceeded } from './simulation-refusals';
import type { ContactCount, ContactPages, SimulateInput, SimulationRunner } from './simulation-ports';
import { timeSlices } from './time-slices';

/** One gate per process: simulations beyond `concurrent` are told to come back (429). */
const processGate = simulationGate(SIMULATION_BUDGET.concurrent);

/**
 * Runs on the calling thread, yielding to its event loop every `sliceMs` so health checks and the card answer
 * meanwhile: the runner of tests and of a service run from sources (the service, compiled, runs a thread).
 */
export function slicedSimulationRunner(contacts: ContactPages): SimulationRunner {
  return (input, budget, total) => {
    const slices = timeSlices(budget.sliceMs);
    return simulateContacts(contacts, input, budget, total, { pause: () => slices.tick() });
  };
}

/**
 * Simulates a draft (and the active agreement) on the portal's stored contacts: a portal past `maxContacts` is
 * refused (413) before any contact is read, more than `concurrent` runs at once are refused (429), and a run past
 * `maxSeconds` stops with a 413.
 */
export async function simulatePortal(
  ports: { contacts: ContactCount; runner: SimulationRunner },
  input: SimulateInput,
  options: { budget?: SimulationBudget; gate?: SimulationGate } = {},
): Promise<SimulateResponse> {
  const budget = options.budget ?? SIMULATION_BUDGET;
  const total = await ports.contacts.count(input.portalId);
  if (total > budget.maxContacts) throw budgetExceeded.contacts(budget, total);
  return (options.gate ?? processGate).run(() => ports.runner(input, budget, total));
}

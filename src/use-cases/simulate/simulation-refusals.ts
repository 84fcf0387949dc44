import type { SimulationBudget } from '../../domain/simulation/simulation-budget';
import { AppError } from '../../domain/app-error';

const n = (count: number) => count.toLocaleString('en-US');
const ELSEWHERE = 'Simulate a HubSpot export with `lead-pact simulate` instead, which has no such limit.';

/** The 413s of a simulation past its budget (a 4xx: hubspot.fetch repeats a 5xx, which would only run it again). */
export const budgetExceeded = {
  /** More stored contacts than a simulation here reads; said before any is read. */
  contacts(budget: SimulationBudget, total: number): AppError {
    return new AppError(
      'payload_too_large',
      `This portal has ${n(total)} stored contacts; a simulation here reads at most ${n(budget.maxContacts)}. ${ELSEWHERE}`,
      [{ path: 'contacts', message: `at most ${n(budget.maxContacts)} contacts (got ${n(total)})` }],
    );
  },
  /** The run took longer than its time budget and was stopped. */
  time(budget: SimulationBudget, evaluated: number, total: number): AppError {
    return new AppError(
      'payload_too_large',
      `The simulation was stopped after ${budget.maxSeconds} s with ${n(evaluated)} of ${n(total)} contacts done. ${ELSEWHERE}`,
      [{ path: 'contacts', message: `at most ${budget.maxSeconds} seconds` }],
    );
  },
};

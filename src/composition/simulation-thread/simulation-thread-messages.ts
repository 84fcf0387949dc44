import type { SimulateResponse } from '../../contracts/simulate';
import type { ErrorCode, ErrorDetail } from '../../domain/app-error';
import type { SimulationBudget } from '../../domain/simulation/simulation-budget';
import type { StoreOptions } from '../../store/create-store';
import type { SimulateInput } from '../../use-cases/simulate/simulation-ports';

/** What a simulation thread starts with: where the store is (never a secret) and the run. */
export interface SimulationThreadData {
  store: Pick<StoreOptions, 'dataDir' | 'databaseUrl'>;
  input: SimulateInput;
  budget: SimulationBudget;
  total: number;
}

/** The thread's messages: contacts done so far, then one result or one error. */
export type SimulationThreadAnswer =
  | { progress: number }
  | { result: SimulateResponse }
  | { error: { code: ErrorCode; message: string; details: ErrorDetail[] } };

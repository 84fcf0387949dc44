import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/app-error';
import type { StoreOptions } from '../../store/create-store';
import { budgetExceeded } from '../../use-cases/simulate/simulation-refusals';
import type { SimulationRunner } from '../../use-cases/simulate/simulation-ports';
import type { SimulationThreadAnswer, SimulationThreadData } from './simulation-thread-messages';

const COMPILED_WORKER = path.join(__dirname, 'simulation-worker.js');
/** Past the budget the thread stops itself with a 413; this backstop ends a thread stuck in one long read. */
const BACKSTOP_MS = 2_000;

/**
 * Runs each simulation in a worker thread on a connection of its own: the web process's event loop only waits
 * for the answer, so `/healthz` and the card answer as when idle (bench/healthz-during-simulation-bench.ts).
 */
export function threadSimulationRunner(
  store: Pick<StoreOptions, 'dataDir' | 'databaseUrl'>,
  workerFile: string = COMPILED_WORKER,
): SimulationRunner {
  return (input, budget, total) =>
    new Promise((resolve, reject) => {
      const workerData: SimulationThreadData = {
        store: { dataDir: store.dataDir, ...(store.databaseUrl ? { databaseUrl: store.databaseUrl } : {}) },
        input,
        budget,
        total,
      };
      const worker = new Worker(workerFile, { workerData });
      let evaluated = 0;
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(backstop);
        outcome();
        void worker.terminate();
      };
      const backstop = setTimeout(
        () => settle(() => reject(budgetExceeded.time(budget, evaluated, total))),
        budget.maxSeconds * 1000 + BACKSTOP_MS,
      );
      worker.on('message', (answer: SimulationThreadAnswer) => {
        if ('progress' in answer) evaluated = answer.progress;
        else if ('result' in answer) settle(() => resolve(answer.result));
        else
          settle(() => reject(new AppError(answer.error.code, answer.error.message, answer.error.details)));
      });
      worker.on('error', (error) =>
        settle(() => reject(new AppError('internal', `The simulation thread failed: ${error.message}`))),
      );
      worker.on('exit', (code) =>
        settle(() => reject(new AppError('internal', `The simulation thread exited with code ${code}.`))),
      );
    });
}

/** The thread runner when the service runs compiled (its entry is simulation-worker.js); none from sources. */
export function compiledThreadSimulationRunner(
  store: Pick<StoreOptions, 'dataDir' | 'databaseUrl'>,
): SimulationRunner | undefined {
  return fs.existsSync(COMPILED_WORKER) ? threadSimulationRunner(store) : undefined;
}

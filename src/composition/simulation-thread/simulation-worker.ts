// Entry of a simulation's worker thread: its own store connection, the simulation use-case, one answer.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../domain/app-error';
import { createStore, type StoreOptions } from '../../store/create-store';
import { simulateContacts } from '../../use-cases/simulate/simulate-contacts';
import type { SimulationThreadAnswer, SimulationThreadData } from './simulation-thread-messages';

async function run(port: NonNullable<typeof parentPort>, data: SimulationThreadData): Promise<void> {
  const options: StoreOptions = { ...data.store, migrated: true };
  const store = await createStore(options);
  try {
    const send = (answer: SimulationThreadAnswer) => port.postMessage(answer);
    const result = await simulateContacts(store.contactBatches, data.input, data.budget, data.total, {
      progress: (evaluated) => send({ progress: evaluated }),
    });
    send({ result });
  } finally {
    await store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as SimulationThreadData).catch((error: unknown) => {
    const answer: SimulationThreadAnswer = isAppError(error)
      ? { error: { code: error.code, message: error.message, details: error.details } }
      : {
          error: {
            code: 'internal',
            message: error instanceof Error ? error.message : String(error),
            details: [],
          },
        };
    port.postMessage(answer);
  });
}

import { SIMULATION_BUDGET } from '../../../src/domain/simulation/simulation-budget';
import path from 'node:path';
import { threadSimulationRunner } from '../../../src/composition/simulation-thread/thread-simulation-runner';
import type { SimulationBudget } from '../../../src/domain/simulation/simulation-budget';
import { simulatePortal, slicedSimulationRunner } from '../../../src/use-cases/simulate/simulate-portal';
import { simulationGate, type SimulationGate } from '../../../src/use-cases/simulate/simulation-gate';
import type { SimulateInput } from '../../../src/use-cases/simulate/simulation-ports';
import { isAppError } from '../../../src/domain/app-error';
import { exampleAgreement } from '../../domain/example-agreement';
import { NOW, PORTAL_A, startApi, type Api } from '../../http/routes/api-harness';
import { connectPortal, storeContacts } from '../../http/routes/api-seed';
import { tempPostgres, tempSqlite, type TestDatabase } from '../../store/test-databases';

let api: Api;
beforeEach(async () => {
  api = await startApi();
  await connectPortal(api);
  await storeContacts(api);
});
afterEach(async () => {
  await api.close();
});

/** The sliced runner on the test's own thread, as a service run from sources uses. */
const simulateStored = (
  store: Api['store'],
  run: SimulateInput,
  options: { budget?: SimulationBudget; gate?: SimulationGate } = {},
) =>
  simulatePortal(
    { contacts: store.contacts, runner: slicedSimulationRunner(store.contactBatches) },
    run,
    options,
  );

const input = { portalId: String(PORTAL_A), draft: exampleAgreement(), active: null, now: NOW };
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe('the simulation budget', () => {
  it('When the portal has more stored contacts than the budget, then 413 names the limit before any contact is read', async () => {
    const page = jest.spyOn(api.store.contactBatches, 'page');
    const budget = { ...SIMULATION_BUDGET, maxContacts: 2 };
    const error = await refusal(simulateStored(api.store, input, { budget }));
    expect(error).toMatchObject({
      code: 'payload_too_large',
      httpStatus: 413,
      message: expect.stringMatching(
        /^This portal has 3 stored contacts; a simulation here reads at most 2\. .*lead-pact simulate/,
      ),
      details: [{ path: 'contacts', message: 'at most 2 contacts (got 3)' }],
    });
    expect(page).not.toHaveBeenCalled();
  });

  it('When a run outlasts its time budget, then it is stopped with a 413 saying how far it got', async () => {
    const budget = { ...SIMULATION_BUDGET, maxSeconds: 0, sliceMs: 0 };
    const error = await refusal(simulateStored(api.store, input, { budget }));
    expect(error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/^The simulation was stopped after 0 s with 0 of 3 contacts done\./),
      details: [{ path: 'contacts', message: 'at most 0 seconds' }],
    });
  });

  it('When the gate is full, then a simulation is refused with 429 and runs again once a place is free', async () => {
    const gate = simulationGate(1);
    let release: () => void = () => undefined;
    const holding = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const error = await refusal(simulateStored(api.store, input, { gate }));
    expect(error).toMatchObject({ code: 'rate_limited', httpStatus: 429 });
    release();
    await holding;
    expect(await simulateStored(api.store, input, { gate })).toMatchObject({ contactsEvaluated: 3 });
  });

  it('When run within budget, then it counts every contact for the month and the next two', async () => {
    const result = await simulateStored(api.store, { ...input, month: '2026-12' });
    expect(result.contactsEvaluated).toBe(3);
    expect(result.draft.salesReadyByMonth.map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});

const WORKER_FILE = path.join(__dirname, '../../composition/children/simulation-worker-ts.js');

describe.each(['sqlite', 'postgres'] as const)('a simulation in a worker thread (%s)', (engine) => {
  let threaded: Api;
  let database: TestDatabase;
  beforeEach(async () => {
    database = engine === 'sqlite' ? tempSqlite() : await tempPostgres();
    threaded = await startApi({ database });
    await connectPortal(threaded);
    await storeContacts(threaded);
  });
  afterEach(async () => {
    await threaded.close();
    await database.drop();
  });

  it('When it runs in a thread, then it counts what the calling thread counts, and the web thread reads no contact', async () => {
    const run = { ...input, month: '2026-12' };
    const inline = await simulateStored(threaded.store, run);
    const page = jest.spyOn(threaded.store.contactBatches, 'page');
    const runner = threadSimulationRunner(database.options, WORKER_FILE);
    const result = await simulatePortal({ contacts: threaded.store.contacts, runner }, run);
    expect(page).not.toHaveBeenCalled();
    expect(result).toEqual(inline);
    expect(result.contactsEvaluated).toBe(3);
  });

  it('When the thread outlasts the time budget, then it stops with the same 413 saying how far it got', async () => {
    const runner = threadSimulationRunner(database.options, WORKER_FILE);
    const budget = { ...SIMULATION_BUDGET, maxSeconds: 0 };
    const error = await refusal(
      simulatePortal({ contacts: threaded.store.contacts, runner }, input, { budget }),
    );
    expect(error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/^The simulation was stopped after 0 s with 0 of 3 contacts done\./),
    });
  });
});

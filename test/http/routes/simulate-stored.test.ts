import { SIMULATION_BUDGET } from '../../../src/domain/simulation/simulation-budget';
import { simulateStored } from '../../../src/http/routes/simulate-stored';
import { simulationGate } from '../../../src/http/routes/simulation-gate';
import { isAppError } from '../../../src/domain/app-error';
import { exampleAgreement } from '../../domain/example-agreement';
import { NOW, PORTAL_A, startApi, type Api } from './api-harness';
import { connectPortal, storeContacts } from './api-seed';

let api: Api;
beforeEach(async () => {
  api = await startApi();
  await connectPortal(api);
  await storeContacts(api);
});
afterEach(async () => {
  await api.close();
});

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

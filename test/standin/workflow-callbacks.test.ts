import { AppError, isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { createStandin } from '../../src/standin/create-standin';

const running: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(running.map((close) => close())));

const VERDICT = {
  tier: 'A',
  grade: 'A1',
  score: '82',
  stage: 'sales_ready',
  route: 'field',
  hs_execution_state: 'SUCCESS',
};

/** A stand-in on a clock the test moves, the app's own gateway on it, and HTTP helpers for the rest. */
async function start() {
  let clock = Date.parse('2026-05-11T09:00:00Z');
  const standin = createStandin({ seed: { contacts: [], companies: [] }, now: () => clock });
  const { url, close } = await standin.listen(0);
  running.push(close);
  const send = (method: string, path: string, body?: unknown, token: string | null = 'tok-1') =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Plays HubSpot blocking an execution of the action: its callback id waits for a completion. */
  const block = async (callbackId: string, extra: Record<string, unknown> = {}) => {
    const res = await send('POST', '/__standin/workflow-callbacks', { callbackId, ...extra }, null);
    expect(res.status).toBe(201);
  };
  const callback = async (callbackId: string) =>
    (await (await send('GET', `/__standin/workflow-callbacks/${callbackId}`, undefined, null)).json()) as {
      state: string;
      outputFields?: Record<string, string>;
    };
  const gateway = createApiClientGateway({ accessToken: 'tok-1', basePath: url });
  const completePath = (callbackId: string) => `/automation/actions/callbacks/2026-03/${callbackId}/complete`;
  return {
    standin,
    gateway,
    send,
    block,
    callback,
    completePath,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('stand-in: completing a blocked workflow action execution', () => {
  it('When the app completes a blocked execution, then HubSpot answers 204 and the enrollment resumes with those fields', async () => {
    const { gateway, block, callback } = await start();
    await block('ap-62515-1001-1-0', { objectId: '201' });

    await gateway.completeWorkflowCallback('ap-62515-1001-1-0', { outputFields: VERDICT });

    expect(await callback('ap-62515-1001-1-0')).toMatchObject({
      state: 'completed',
      objectId: '201',
      outputFields: VERDICT,
      typedOutputs: {},
    });
  });

  it('When the app completes the same execution twice, then the second is refused 409 and the first fields stay', async () => {
    const { gateway, block, callback } = await start();
    await block('ap-62515-1001-2-0');
    await gateway.completeWorkflowCallback('ap-62515-1001-2-0', { outputFields: VERDICT });

    const error = await refusal(
      gateway.completeWorkflowCallback('ap-62515-1001-2-0', {
        outputFields: { ...VERDICT, tier: 'C' },
      }),
    );

    expect(error.code).toBe('conflict');
    expect(hubspotErrorInfo(error)).toMatchObject({ status: 409, category: 'CONFLICT' });
    expect((await callback('ap-62515-1001-2-0')).outputFields).toEqual(VERDICT);
  });

  it('When the callback id is unknown, then 404 OBJECT_NOT_FOUND in HubSpot’s error body', async () => {
    const { send, completePath } = await start();

    const res = await send('POST', completePath('ap-62515-9999-1-0'), {
      outputFields: VERDICT,
      typedOutputs: {},
    });

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: expect.stringContaining('ap-62515-9999-1-0'),
      correlationId: expect.any(String),
    });
  });

  it('When the enrollment stopped waiting (its expiration passed), then the completion is refused as unknown', async () => {
    const { gateway, block, callback, advance } = await start();
    await block('ap-62515-1001-3-0', { expiresInMs: 86_400_000 });
    advance(86_400_000);

    const error = await refusal(
      gateway.completeWorkflowCallback('ap-62515-1001-3-0', { outputFields: VERDICT }),
    );

    expect(error.code).toBe('not_found');
    expect((await callback('ap-62515-1001-3-0')).state).toBe('pending');
  });

  it('When the request has no token or a revoked one, then 401 and the execution stays blocked', async () => {
    const { send, block, callback, completePath } = await start();
    await block('ap-62515-1001-4-0');
    await send('POST', '/__standin/revoke', { token: 'tok-old' }, null);
    const body = { outputFields: VERDICT, typedOutputs: {} };

    expect((await send('POST', completePath('ap-62515-1001-4-0'), body, null)).status).toBe(401);
    const revoked = await send('POST', completePath('ap-62515-1001-4-0'), body, 'tok-old');
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    expect((await callback('ap-62515-1001-4-0')).state).toBe('pending');
  });

  it('When the app was not granted the automation scope, then 403 MISSING_SCOPES names it; granted, the completion goes through', async () => {
    const { gateway, send, block, callback } = await start();
    await block('ap-62515-1001-5-0');
    await send('PUT', '/__standin/scopes', { scopes: ['crm.objects.contacts.read'] }, null);

    const error = await refusal(
      gateway.completeWorkflowCallback('ap-62515-1001-5-0', { outputFields: VERDICT }),
    );
    expect(error.code).toBe('forbidden');
    expect(hubspotErrorInfo(error).category).toBe('MISSING_SCOPES');
    expect((await callback('ap-62515-1001-5-0')).state).toBe('pending');

    await send('PUT', '/__standin/scopes', { scopes: ['crm.objects.contacts.read', 'automation'] }, null);
    await gateway.completeWorkflowCallback('ap-62515-1001-5-0', { outputFields: VERDICT });
    expect((await callback('ap-62515-1001-5-0')).state).toBe('completed');
  });

  it('When the scope is missing, then the 403 body names automation as the required scope', async () => {
    const { send, block, completePath } = await start();
    await block('ap-62515-1001-6-0');
    await send('PUT', '/__standin/scopes', { scopes: [] }, null);

    const res = await send('POST', completePath('ap-62515-1001-6-0'), {
      outputFields: VERDICT,
      typedOutputs: {},
    });

    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['automation'] } }],
    });
  });

  it('When the body leaves out typedOutputs or outputFields, then 400 VALIDATION_ERROR names them and nothing resumes', async () => {
    const { send, block, callback, completePath } = await start();
    await block('ap-62515-1001-7-0');

    const noTyped = await send('POST', completePath('ap-62515-1001-7-0'), { outputFields: VERDICT });
    const empty = await send('POST', completePath('ap-62515-1001-7-0'), {});

    expect(noTyped.status).toBe(400);
    expect(await noTyped.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('[typedOutputs]'),
    });
    expect(await empty.json()).toMatchObject({
      message: expect.stringContaining('[outputFields, typedOutputs]'),
    });
    expect((await callback('ap-62515-1001-7-0')).state).toBe('pending');
  });

  it('When an output value is a number instead of a string, then 400 and the execution stays blocked', async () => {
    const { send, block, callback, completePath } = await start();
    await block('ap-62515-1001-8-0');

    const res = await send('POST', completePath('ap-62515-1001-8-0'), {
      outputFields: { ...VERDICT, score: 82 },
      typedOutputs: {},
    });

    expect(res.status).toBe(400);
    expect((await callback('ap-62515-1001-8-0')).state).toBe('pending');
  });

  it('When HubSpot rate limits the completion, then the app hears rate_limited and the execution stays blocked', async () => {
    const { gateway, send, block, callback } = await start();
    await block('ap-62515-1001-9-0');
    await send(
      'PUT',
      '/__standin/failures',
      { rules: [{ status: 429, every: 1, path: '/complete', times: 1 }] },
      null,
    );

    const error = await refusal(
      gateway.completeWorkflowCallback('ap-62515-1001-9-0', { outputFields: VERDICT }),
    );

    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect((await callback('ap-62515-1001-9-0')).state).toBe('pending');
    await gateway.completeWorkflowCallback('ap-62515-1001-9-0', { outputFields: VERDICT });
    expect((await callback('ap-62515-1001-9-0')).state).toBe('completed');
  });

  it('When a test registers the same callback id twice, then the second is refused and the list shows one pending', async () => {
    const { send, block } = await start();
    await block('ap-62515-1001-10-0');

    const again = await send(
      'POST',
      '/__standin/workflow-callbacks',
      { callbackId: 'ap-62515-1001-10-0' },
      null,
    );
    const list = (await (await send('GET', '/__standin/workflow-callbacks', undefined, null)).json()) as {
      total: number;
      completed: number;
      callbacks: Array<{ callbackId: string; state: string }>;
    };

    expect(again.status).toBe(409);
    expect(list).toMatchObject({
      total: 1,
      completed: 0,
      callbacks: [{ callbackId: 'ap-62515-1001-10-0', state: 'pending' }],
    });
  });
});

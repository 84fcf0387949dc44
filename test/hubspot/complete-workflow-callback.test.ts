import nock from 'nock';
import { isAppError, type AppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
/** A callback id as HubSpot's custom action reference shows one. */
const CALLBACK = 'ap-102670506-56777914962-11-0';
const PATH = `/automation/actions/callbacks/2026-03/${CALLBACK}/complete`;
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });
const outputFields = {
  tier: 'sales_ready',
  grade: 'A2',
  score: '78',
  stage: 'decision',
  route: 'field_sales',
  hs_execution_state: 'SUCCESS',
};

useNock();

describe('completing a blocked workflow action (POST /automation/actions/callbacks/2026-03/{callbackId}/complete)', () => {
  it('When HubSpot takes the completion (204), then the output fields went as strings with the typed outputs, under the token', async () => {
    let sent: unknown;
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .post(PATH, (body) => {
        sent = body;
        return true;
      })
      .reply(204);
    await gateway().completeWorkflowCallback(CALLBACK, { outputFields });
    expect(sent).toEqual({ outputFields, typedOutputs: {} });
  });

  it('When HubSpot answers its ten-second limit, then it fails as rate limited with the wait HubSpot asked for', async () => {
    nock(API).post(PATH).reply(429, fixture('error-429-ten-secondly'), { 'Retry-After': '2' });
    const error = await gateway()
      .completeWorkflowCallback(CALLBACK, { outputFields })
      .catch((e: unknown) => e);
    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(hubspotErrorInfo(error as AppError)).toMatchObject({ status: 429, retryAfterMs: 2000 });
  });

  it('When the token lacks the automation scope (403), then it fails as forbidden', async () => {
    const missing = fixture<{ errors: Array<{ context: object }> }>('error-403-missing-scopes');
    missing.errors[0]!.context = { requiredGranularScopes: ['automation'] };
    nock(API).post(PATH).reply(403, missing);
    const error = await gateway()
      .completeWorkflowCallback(CALLBACK, { outputFields })
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
  });

  it('When the callback id is not one HubSpot hands out, then nothing is sent and it fails naming it', async () => {
    const error = await gateway()
      .completeWorkflowCallback('../../crm/v3/objects/contacts', { outputFields })
      .catch((e: unknown) => e);
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toContain('is not a HubSpot callback id');
  });
});

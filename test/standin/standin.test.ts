import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { LEAD_PACT_PROPERTIES } from '../../src/hubspot/lead-pact-properties';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { createStandin, type StandinOptions } from '../../src/standin/create-standin';

const seed = {
  contacts: [
    { id: '1', properties: { email: 'a@one.example', jobtitle: '部長' }, companyId: '900' },
    { id: '2', properties: { email: 'b@two.example', jobtitle: 'Engineer' } },
    { id: '3', properties: { email: 'c@three.example', jobtitle: 'VP Sales' }, companyId: '901' },
  ],
  companies: [
    { id: '900', properties: { numberofemployees: '1200', industry: 'MACHINERY' } },
    { id: '901', properties: { numberofemployees: '30', industry: 'RETAIL' } },
  ],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin answers are asserted field by field
const getJson = async (url: string): Promise<any> => (await fetch(url)).json();

let clock = Date.UTC(2026, 10, 27, 9);
const running: Array<() => Promise<void>> = [];
async function start(options: StandinOptions = {}) {
  const standin = createStandin({ seed, now: () => clock, ...options });
  const { url, close } = await standin.listen(0);
  running.push(close);
  const gateway = createApiClientGateway({ accessToken: 'tok-1', basePath: url });
  return { standin, url, gateway };
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

describe('the HubSpot stand-in, driven by the real gateway', () => {
  it('When contacts are read, then they come with their primary company and unknown ids are missing', async () => {
    const { gateway } = await start();
    const result = await gateway.readContacts(
      ['1', '2', '404'],
      ['email', 'jobtitle'],
      ['numberofemployees'],
    );
    expect(result.missing).toEqual(['404']);
    expect(
      result.contacts.map((c) => [c.id, c.properties.jobtitle, c.companyId, c.company?.numberofemployees]),
    ).toEqual([
      ['1', '部長', '900', '1200'],
      ['2', 'Engineer', null, undefined],
    ]);
  });

  it('When a batch names an unknown contact, then it is rejected (207) and the others are stored and recorded', async () => {
    const { standin, url, gateway } = await start();
    await gateway.ensureProperties();
    const result = await gateway.updateContacts([
      { id: '1', properties: { lead_pact_tier: 'sales_ready' } },
      { id: '999', properties: { lead_pact_tier: 'nurture' } },
    ]);
    expect(result.written).toEqual(['1']);
    expect(result.rejected).toEqual([
      { id: '999', category: 'OBJECT_NOT_FOUND', message: expect.any(String) },
    ]);
    const contact = await getJson(`${url}/__standin/contacts/1`);
    expect(contact.properties.lead_pact_tier).toBe('sales_ready');
    const { updates } = await getJson(`${url}/__standin/batch-updates`);
    expect(updates).toEqual([
      {
        at: clock,
        token: 'tok-1',
        status: 207,
        inputs: [
          { id: '1', properties: { lead_pact_tier: 'sales_ready' } },
          { id: '999', properties: { lead_pact_tier: 'nurture' } },
        ],
      },
    ]);
    expect(standin.state.stats.contactsWritten).toBe(1);
  });

  it('When properties are ensured twice, then the second run creates nothing and invalid options are refused', async () => {
    const { standin, gateway } = await start();
    const first = await gateway.ensureProperties();
    expect(first.groupCreated).toBe(true);
    expect(first.created).toHaveLength(12);
    const second = await gateway.ensureProperties();
    expect(second).toMatchObject({ groupCreated: false, created: [], optionsAdded: [] });
    expect(standin.state.stats.byRoute['POST /crm/v3/properties/contacts']).toBe(12);

    const result = await gateway.updateContacts([
      { id: '1', properties: { lead_pact_tier: 'platinum' } },
      { id: '3', properties: { lead_pact_tier: 'nurture' } },
    ]);
    expect(result.written).toEqual(['3']);
    expect(result.rejected).toEqual([
      { id: '1', category: 'VALIDATION_ERROR', message: expect.stringContaining('platinum') },
    ]);
  });

  it('When a batch names properties that were never created, then HubSpot’s 400 lists each one and nothing is written', async () => {
    const { standin, url } = await start();
    const response = await fetch(`${url}/crm/v3/objects/contacts/batch/update`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-1', 'content-type': 'application/json' },
      body: JSON.stringify({
        inputs: [
          { id: '1', properties: { lead_pact_tier: 'sales_ready', jobtitle: 'CEO' } },
          { id: '3', properties: { lead_pact_grade: 'A1' } },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string };
    expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const listed = JSON.parse(String(body.message).replace(/^Property values were not valid: /, ''));
    expect(listed.map((p: { error: string; name: string }) => [p.error, p.name])).toEqual([
      ['PROPERTY_DOESNT_EXIST', 'lead_pact_tier'],
      ['PROPERTY_DOESNT_EXIST', 'lead_pact_grade'],
    ]);
    expect((await getJson(`${url}/__standin/contacts/1`)).properties.jobtitle).toBe('部長');
    expect(standin.state.stats.contactsWritten).toBe(0);
  });

  it('When the Lead Pact properties do not exist yet, then the gateway creates them once and the write goes through', async () => {
    const { standin, url, gateway } = await start();
    const result = await gateway.updateContacts([
      { id: '1', properties: { lead_pact_tier: 'sales_ready' } },
      { id: '3', properties: { lead_pact_tier: 'nurture' } },
    ]);
    expect(result).toEqual({ written: ['1', '3'], rejected: [] });
    expect((await getJson(`${url}/__standin/contacts/1`)).properties.lead_pact_tier).toBe('sales_ready');
    expect((await getJson(`${url}/__standin/contacts/3`)).properties.lead_pact_tier).toBe('nurture');
    // Every Lead Pact property now exists as the contract defines it (type, group, options), each created once.
    expect([...standin.state.properties.values()]).toEqual(
      LEAD_PACT_PROPERTIES.map(({ name, label, type, fieldType, groupName, options = [] }) =>
        expect.objectContaining({ name, label, type, fieldType, groupName, options }),
      ),
    );
    const created = standin.state.requestLog.filter(
      (request) => request.method === 'POST' && request.path === '/crm/v3/properties/contacts',
    );
    expect(created.map((request) => request.status)).toEqual(LEAD_PACT_PROPERTIES.map(() => 201));
    // The batch was refused once for the missing properties, then sent again unchanged and written.
    const sent = [
      { id: '1', properties: { lead_pact_tier: 'sales_ready' } },
      { id: '3', properties: { lead_pact_tier: 'nurture' } },
    ];
    expect(standin.state.updates.map(({ status, inputs }) => ({ status, inputs }))).toEqual([
      { status: 400, inputs: sent },
      { status: 200, inputs: sent },
    ]);
  });

  it('When a batch names a property nobody can create, then only its contacts are rejected with HubSpot’s reason', async () => {
    const { gateway } = await start();
    await gateway.ensureProperties();
    const result = await gateway.updateContacts([
      { id: '1', properties: { lead_pact_tier: 'nurture' } },
      { id: '3', properties: { no_such_property: 'x' } },
    ]);
    expect(result.written).toEqual(['1']);
    expect(result.rejected).toEqual([
      { id: '3', category: 'VALIDATION_ERROR', message: expect.stringContaining('PROPERTY_DOESNT_EXIST') },
    ]);
  });

  it('When a batch carries more than 100 inputs, then the whole request is refused', async () => {
    const { standin, url } = await start();
    const inputs = Array.from({ length: 101 }, (_, i) => ({
      id: String(i + 1),
      properties: { jobtitle: 'x' },
    }));
    const response = await fetch(`${url}/crm/v3/objects/contacts/batch/update`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-1', 'content-type': 'application/json' },
      body: JSON.stringify({ inputs }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('101'),
    });
    expect(standin.state.stats.contactsWritten).toBe(0);
  });

  it('When the account-info API is asked without a token, then 401; with one, the account’s time zone', async () => {
    const { url, gateway } = await start({ timeZone: 'Europe/Berlin' });
    expect((await fetch(`${url}/account-info/v3/details`)).status).toBe(401);
    expect(await gateway.getAccountDetails()).toMatchObject({ timeZone: 'Europe/Berlin' });
  });

  it('When listing, then the after cursor walks every contact exactly once', async () => {
    const many = {
      contacts: Array.from({ length: 250 }, (_, i) => ({ id: String(i + 1), properties: {} })),
      companies: [],
    };
    const { gateway } = await start({ seed: many });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await gateway.listContacts(after, ['email']);
      seen.push(...page.contacts.map((c) => c.id));
      after = page.after;
    } while (after !== undefined);
    expect(seen).toEqual(many.contacts.map((c) => c.id));
  });

  it('When searching by last-modified window, then only contacts written in it are found', async () => {
    const { gateway } = await start();
    await gateway.ensureProperties();
    const before = clock;
    clock += 60_000;
    await gateway.updateContacts([{ id: '2', properties: { lead_pact_tier: 'nurture' } }]);
    const page = await gateway.searchModifiedSince({ from: before + 1, to: clock + 1 }, undefined, ['email']);
    expect(page.total).toBe(1);
    expect(page.contacts.map((c) => c.id)).toEqual(['2']);
  });

  it('When a token exceeds its 10-second budget, then HubSpot’s 429 body comes back and is counted', async () => {
    const { standin, gateway } = await start({ perTenSeconds: 2 });
    await gateway.listContacts(undefined, []);
    await gateway.listContacts(undefined, []);
    const error = await gateway.listContacts(undefined, []).catch((e: unknown) => e);
    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(hubspotErrorInfo(error as never)).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMIT',
    });
    expect(standin.state.stats.rateLimited.TEN_SECONDLY_ROLLING).toBe(1);
    clock += 10_000;
    await expect(gateway.listContacts(undefined, [])).resolves.toBeDefined();
  });

  it('When a token searches more than 5 times in one second, then the 429 says SECONDLY', async () => {
    const { standin, gateway } = await start();
    const window = { from: 0, to: clock + 1 };
    for (let i = 0; i < 5; i += 1) await gateway.searchModifiedSince(window, undefined, []);
    const error = await gateway.searchModifiedSince(window, undefined, []).catch((e: unknown) => e);
    expect(hubspotErrorInfo(error as never)).toMatchObject({ status: 429, policyName: 'SECONDLY' });
    expect(standin.state.stats.rateLimited.SECONDLY).toBe(1);
    clock += 1000;
    await expect(gateway.searchModifiedSince(window, undefined, [])).resolves.toMatchObject({ total: 3 });
  });

  it('When the daily budget is spent, then the 429 says DAILY', async () => {
    const { gateway } = await start({ daily: 1 });
    await gateway.listContacts(undefined, []);
    const error = await gateway.listContacts(undefined, []).catch((e: unknown) => e);
    expect(hubspotErrorInfo(error as never).policyName).toBe('DAILY');
  });

  it('When failures are injected, then requests fail with 503 as upstream_failed and are counted', async () => {
    const { standin, gateway } = await start({ failureRate: 0.5, random: () => 0.1 });
    const error = await gateway.listContacts(undefined, []).catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
    expect(hubspotErrorInfo(error as never).status).toBe(503);
    expect(standin.state.stats.injectedFailures).toBe(1);
  });

  it('When the token is missing or revoked, then it answers 401', async () => {
    const { url, gateway } = await start();
    expect((await fetch(`${url}/crm/v3/objects/contacts`)).status).toBe(401);
    await fetch(`${url}/__standin/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'tok-1' }),
    });
    const error = await gateway.listContacts(undefined, []).catch((e: unknown) => e);
    expect(isAppError(error, 'unauthorized')).toBe(true);
  });

  it('reports what it saw on /__standin/stats', async () => {
    const { url, gateway } = await start();
    await gateway.readContacts(['1'], ['email'], []);
    const stats = await getJson(`${url}/__standin/stats`);
    expect(stats).toMatchObject({ requests: 1, contacts: 3, companies: 2 });
    expect(stats.byRoute).toEqual({ 'POST /crm/v3/objects/contacts/batch/read': 1 });
  });
});

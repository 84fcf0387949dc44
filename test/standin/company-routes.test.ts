import express from 'express';
import type { AddressInfo } from 'node:net';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import type { CompanyContactsPage } from '../../src/hubspot/hubspot-gateway';
import { requireHubSpotSignature } from '../../src/hubspot/require-hubspot-signature';
import { parseWebhookEvents, type WebhookEvent } from '../../src/hubspot/webhook-events';
import { createStandin, type StandinOptions } from '../../src/standin/create-standin';
import { generateSeed } from '../../src/standin/generate-seed';

const clientSecret = 'standin-secret';
const publicBaseUrl = 'https://leadpact.example.com';
const HOUR = 3_600_000;
let clock = Date.UTC(2026, 10, 27, 9);

// 1,201 contacts over two companies (600 and 601 each), so each company's contacts come in more than one page.
const seed = generateSeed({ contacts: 1201, companies: 2 });
seed.companies.push({ id: '200000', properties: { name: 'Empty KK', numberofemployees: '10' } });

const running: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

/** A receiver built like the app's webhook route: signature first, then the event schema. */
async function startReceiver() {
  const received: WebhookEvent[] = [];
  const app = express();
  app.post(
    '/webhooks/hubspot',
    requireHubSpotSignature({ clientSecret, publicBaseUrl, now: () => clock }),
    (req, res) => {
      received.push(...parseWebhookEvents(req.body).events);
      res.status(204).end();
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  running.push(() => new Promise((resolve) => server.close(resolve)));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot` };
}

async function start(options: StandinOptions = {}) {
  const standin = createStandin({ seed, now: () => clock, ...options });
  const { url, close } = await standin.listen(0);
  running.push(close);
  const gateway = createApiClientGateway({ accessToken: 'tok-1', basePath: url });
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { standin, url, gateway, post };
}

describe('the stand-in for company changes', () => {
  it("When a company's employee count is changed, then it is stored, hs_lastmodifieddate moves and the app receives HubSpot's signed company event", async () => {
    const receiver = await startReceiver();
    const signedUrl = `${publicBaseUrl}/webhooks/hubspot`;
    const { standin, url, post } = await start({
      portalId: 777,
      webhook: { targetUrl: receiver.url, signedUrl, clientSecret },
    });
    clock += HOUR;
    const answer = await post('/__standin/companies/100000', { properties: { numberofemployees: '1500' } });
    expect(await answer.json()).toEqual({ id: '100000', webhook: { status: 204, eventIds: [1] } });
    expect(receiver.received).toEqual([
      {
        eventId: '1',
        portalId: 777,
        occurredAt: clock,
        kind: 'company_changed',
        companyId: '100000',
        propertyName: 'numberofemployees',
        propertyValue: '1500',
      },
    ]);
    const company = standin.state.companies.get('100000');
    expect(company?.properties).toMatchObject({
      numberofemployees: '1500',
      hs_lastmodifieddate: new Date(clock).toISOString(),
    });
    const read = (await (await fetch(`${url}/__standin/companies/100000`)).json()) as {
      contactIds: string[];
    };
    expect(read.contactIds).toHaveLength(601);
    expect((await post('/__standin/companies/424242', { properties: { name: 'x' } })).status).toBe(404);
  });

  it('When a contact is given another primary company, then the association is stored and the app receives one event from each side', async () => {
    const receiver = await startReceiver();
    const signedUrl = `${publicBaseUrl}/webhooks/hubspot`;
    const { standin, post } = await start({ webhook: { targetUrl: receiver.url, signedUrl, clientSecret } });
    const answer = await post('/__standin/associations', { contactId: '1', companyId: '100001' });
    expect(answer.status).toBe(200);
    expect(standin.state.associations.get('1')).toEqual(['100001', '100000']);
    expect(receiver.received.map((e) => [e.kind, 'contactId' in e && e.contactId, e.companyId])).toEqual([
      ['association_changed', '1', '100001'],
      ['association_changed', '1', '100001'],
    ]);
    await post('/__standin/associations', { contactId: '1', companyId: '100001', removed: true });
    expect(standin.state.associations.get('1')).toEqual(['100000']);
    expect(receiver.received.at(-1)).toMatchObject({ associationRemoved: true });
    expect((await post('/__standin/associations', { contactId: 'x', companyId: '1' })).status).toBe(400);
  });

  it("When the gateway reads companies' contacts, then each company's contacts come page by page with its own cursor; a company without contacts has none", async () => {
    const { gateway } = await start();
    const contacts = new Map<string, string[]>();
    let pending = [{ companyId: '100000' }, { companyId: '100001' }, { companyId: '200000' }] as Array<{
      companyId: string;
      after?: string;
    }>;
    let requests = 0;
    while (pending.length > 0) {
      const pages: CompanyContactsPage[] = await gateway.readCompanyContacts(pending);
      requests += 1;
      for (const page of pages)
        contacts.set(page.companyId, [...(contacts.get(page.companyId) ?? []), ...page.contactIds]);
      pending = pages.filter((p) => p.after).map((p) => ({ companyId: p.companyId, after: p.after }));
    }
    expect(requests).toBe(2);
    expect(contacts.get('100000')).toHaveLength(601);
    expect(new Set(contacts.get('100001')).size).toBe(600);
    expect(contacts.has('200000')).toBe(false);
    await expect(
      gateway.readCompanyContacts([{ companyId: '100000', after: 'not-a-cursor' }]),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('When companies are searched by hs_lastmodifieddate, then only those changed in the window are found, oldest first', async () => {
    const { gateway, post, url } = await start();
    const from = clock + 1;
    clock += HOUR;
    await post('/__standin/companies/100001', { properties: { industry: 'MACHINERY' } });
    clock += 1;
    await post('/__standin/companies/100000', { properties: { numberofemployees: '20' } });
    const page = await gateway.searchCompaniesModifiedSince({ from, to: clock + 1 }, undefined);
    expect(page).toEqual({ companyIds: ['100001', '100000'], total: 2 });
    const before = await gateway.searchCompaniesModifiedSince({ from: 0, to: from }, undefined);
    expect(before).toEqual({ companyIds: ['200000'], total: 1 });
    // Companies have no `lastmodifieddate` (a contact property): a search on it finds nothing, as on HubSpot.
    const filters = [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: '0' }];
    const wrong = await fetch(`${url}/crm/v3/objects/companies/search`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-1', 'content-type': 'application/json' },
      body: JSON.stringify({ filterGroups: [{ filters }], limit: 100 }),
    });
    expect(await wrong.json()).toMatchObject({ total: 0, results: [] });
  });
});

import nock from 'nock';
import { propertiesResponseSchema } from '../../../src/contracts/properties';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { connectPortal, storeContacts } from './api-seed';

const HUBSPOT = 'https://api.hubapi.com';
let api: Api;
useNock();
beforeEach(async () => {
  api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  await connectPortal(api);
  await storeContacts(api);
});
afterEach(async () => {
  await api.close();
});

const properties = async () => {
  const res = await api.call('GET', '/api/properties', { portalId: PORTAL_A, user: 'm1' });
  expect(res.status).toBe(200);
  return propertiesResponseSchema.parse(await res.json());
};
const hubspotAnswers = (times = 1) => {
  nock(HUBSPOT)
    .get('/crm/v3/properties/contacts')
    .query(true)
    .times(times)
    .reply(200, fixture('properties-contacts'));
  nock(HUBSPOT)
    .get('/crm/v3/properties/companies')
    .query(true)
    .times(times)
    .reply(200, fixture('properties-companies'));
};

describe('GET /api/properties', () => {
  it("When HubSpot answers, then the pickers get the portal's real properties with labels and options", async () => {
    hubspotAnswers();
    const list = await properties();
    expect(list.source).toBe('hubspot');
    expect(list.contact.find((p) => p.name === 'webinar_survey_answered_at')).toMatchObject({
      label: 'ウェビナーアンケート回答日',
      type: 'datetime',
    });
    expect(list.company.find((p) => p.name === 'industry')?.options).toContainEqual({
      value: 'MACHINERY',
      label: 'Machinery',
    });
  });

  it('When the page is opened again within minutes, then HubSpot is not asked again', async () => {
    hubspotAnswers(1);
    const first = await properties();
    // nock would answer "no match" (and the list fall back) if HubSpot were asked a second time.
    expect(await properties()).toEqual(first);
  });

  it('When HubSpot is unreachable, then the names seen on stored contacts come back, marked as such, and the next open asks again', async () => {
    nock(HUBSPOT).get('/crm/v3/properties/contacts').query(true).replyWithError('connect ECONNREFUSED');
    nock(HUBSPOT).get('/crm/v3/properties/companies').query(true).reply(502, fixture('error-502'));
    const fallback = await properties();
    expect(fallback.source).toBe('stored_contacts');
    expect(fallback.contact.map((p) => p.name)).toEqual(
      expect.arrayContaining(['jobtitle', 'email', 'lifecyclestage']),
    );
    expect(fallback.company.map((p) => p.name)).toEqual(['industry', 'numberofemployees']);

    hubspotAnswers();
    expect((await properties()).source).toBe('hubspot');
  });
});

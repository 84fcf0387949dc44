import nock from 'nock';
import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });

useNock();

describe('listProperties', () => {
  it('When HubSpot lists the contact properties, then the visible ones come back by label with their visible options', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/crm/v3/properties/contacts')
      .query({ archived: 'false' })
      .reply(200, fixture('properties-contacts'));

    const properties = await gateway().listProperties('contacts');

    expect(properties.map((p) => p.label)).toEqual([
      'Email',
      'Job Title',
      'Lifecycle Stage',
      'Marketing emails last clicked',
      'Recent Conversion',
      'Recent Conversion Date',
      'ウェビナーアンケート回答日',
    ]);
    expect(properties.find((p) => p.name === 'hs_all_accessible_team_ids')).toBeUndefined();
    const stage = properties.find((p) => p.name === 'lifecyclestage');
    expect(stage).toMatchObject({ type: 'enumeration', fieldType: 'radio', groupName: 'contactinformation' });
    expect(stage?.options.map((o) => o.value)).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
    ]);
    expect(stage?.options[0]).toEqual({ value: 'subscriber', label: 'Subscriber' });
  });

  it('When HubSpot lists the company properties, then the number and enumeration types come through', async () => {
    nock(API).get('/crm/v3/properties/companies').query(true).reply(200, fixture('properties-companies'));

    const properties = await gateway().listProperties('companies');

    expect(properties.map((p) => p.name)).toEqual(['annualrevenue', 'name', 'industry', 'numberofemployees']);
    expect(properties.find((p) => p.name === 'numberofemployees')).toMatchObject({ type: 'number' });
  });

  it('When HubSpot fails (502), then it fails as an upstream error naming what was asked', async () => {
    nock(API).get('/crm/v3/properties/contacts').query(true).reply(502, fixture('error-502'));

    const error = await gateway()
      .listProperties('contacts')
      .catch((e: unknown) => e);

    expect(isAppError(error, 'upstream_failed')).toBe(true);
    expect((error as Error).message).toContain('contacts properties');
  });
});

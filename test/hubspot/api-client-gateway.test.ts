import nock from 'nock';
import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import type { ContactUpdate } from '../../src/hubspot/hubspot-gateway';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });
const update = (id: string, tier = 'nurture'): ContactUpdate => ({
  id,
  properties: { lead_pact_tier: tier },
});

useNock();

describe('readContacts', () => {
  it('When contacts have companies, then each comes back with its primary company properties', async () => {
    const sent: unknown[] = [];
    const capture = (body: unknown) => (sent.push(body), true);
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .post('/crm/v3/objects/contacts/batch/read', capture)
      .query({ archived: 'false' })
      .reply(200, fixture('contacts-batch-read'))
      .post('/crm/v4/associations/contacts/companies/batch/read', capture)
      .reply(200, fixture('associations-contacts-companies-batch-read'))
      .post('/crm/v3/objects/companies/batch/read', capture)
      .query({ archived: 'false' })
      .reply(200, fixture('companies-batch-read'));

    const result = await gateway().readContacts(
      ['51', '52'],
      ['email', 'jobtitle'],
      ['numberofemployees', 'industry'],
    );

    expect(sent).toEqual([
      { inputs: [{ id: '51' }, { id: '52' }], properties: ['email', 'jobtitle'], propertiesWithHistory: [] },
      { inputs: [{ id: '51' }, { id: '52' }] },
      {
        inputs: [{ id: '7002' }, { id: '7003' }],
        properties: ['numberofemployees', 'industry'],
        propertiesWithHistory: [],
      },
    ]);
    expect(result.missing).toEqual([]);
    const [tanaka, lee] = result.contacts;
    expect(tanaka).toMatchObject({ id: '51', companyId: '7002', properties: { jobtitle: '営業部長' } });
    expect(tanaka?.company).toMatchObject({ numberofemployees: '1200', industry: 'MACHINERY' });
    expect(tanaka?.updatedAt).toBe('2026-11-26T12:00:00.000Z');
    // No primary label: the only associated company is used.
    expect(lee).toMatchObject({ id: '52', companyId: '7003', company: { numberofemployees: '12' } });
  });

  it('When an id is unknown, then it is reported missing and the others are returned', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(207, fixture('contacts-batch-read-207'));
    const result = await gateway().readContacts(['51', '999'], ['email'], []);
    expect(result.contacts.map((c) => c.id)).toEqual(['51']);
    expect(result.missing).toEqual(['999']);
  });

  it('When 250 ids are asked for, then they are read in batches of 100, 100 and 50', async () => {
    const sizes: number[] = [];
    nock(API)
      .post(
        '/crm/v3/objects/contacts/batch/read',
        (body: { inputs: unknown[] }) => (sizes.push(body.inputs.length), true),
      )
      .query(true)
      .times(3)
      .reply(200, {
        status: 'COMPLETE',
        results: [],
        startedAt: '2026-11-27T09:00:00Z',
        completedAt: '2026-11-27T09:00:01Z',
      });
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const result = await gateway().readContacts(ids, ['email'], ['industry']);
    expect(sizes).toEqual([100, 100, 50]);
    expect(result.missing).toHaveLength(250);
  });
});

describe('updateContacts', () => {
  it('When HubSpot answers COMPLETE, then every contact is written and the payload is exactly ours', async () => {
    let sent: unknown;
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update', (body) => ((sent = body), true))
      .reply(200, fixture('contacts-batch-update'));
    const inputs = [update('51', 'sales_ready'), update('52')];
    await expect(gateway().updateContacts(inputs)).resolves.toEqual({ written: ['51', '52'], rejected: [] });
    expect(sent).toEqual({
      inputs: [
        { id: '51', properties: { lead_pact_tier: 'sales_ready' } },
        { id: '52', properties: { lead_pact_tier: 'nurture' } },
      ],
    });
  });

  it('When HubSpot answers 207, then the unknown contact is rejected with its message and the rest written', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(207, fixture('contacts-batch-update-207'));
    const result = await gateway().updateContacts([update('51', 'sales_ready'), update('999')]);
    expect(result).toEqual({
      written: ['51'],
      rejected: [
        {
          id: '999',
          category: 'OBJECT_NOT_FOUND',
          message:
            'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
        },
      ],
    });
  });

  it('When 150 contacts are written, then two batches of 100 and 50 are sent', async () => {
    const sizes: number[] = [];
    nock(API)
      .post(
        '/crm/v3/objects/contacts/batch/update',
        (body: { inputs: unknown[] }) => (sizes.push(body.inputs.length), true),
      )
      .times(2)
      .reply(200, {
        status: 'COMPLETE',
        results: [],
        startedAt: '2026-11-27T09:00:00Z',
        completedAt: '2026-11-27T09:00:01Z',
      });
    const result = await gateway().updateContacts(
      Array.from({ length: 150 }, (_, i) => update(String(i + 1))),
    );
    expect(sizes).toEqual([100, 50]);
    expect(result.written).toHaveLength(150);
  });

  it('When one value makes HubSpot refuse the whole batch, then that contact alone is rejected', async () => {
    const ok = {
      status: 'COMPLETE',
      results: [],
      startedAt: '2026-11-27T09:00:00Z',
      completedAt: '2026-11-27T09:00:01Z',
    };
    const hasBad = (body: { inputs: ContactUpdate[] }) =>
      body.inputs.some((i) => i.properties.lead_pact_tier === 'platinum');
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update', hasBad)
      .times(3)
      .reply(400, fixture('error-400-invalid-option'))
      .post('/crm/v3/objects/contacts/batch/update', (body) => !hasBad(body))
      .times(2)
      .reply(200, ok);
    const result = await gateway().updateContacts([
      update('1'),
      update('2'),
      update('3', 'platinum'),
      update('4'),
    ]);
    expect(result.written).toEqual(['1', '2', '4']);
    expect(result.rejected).toEqual([
      {
        id: '3',
        category: 'VALIDATION_ERROR',
        message: expect.stringContaining('platinum was not one of the allowed options'),
      },
    ]);
  });

  it('When the ten-secondly limit is hit, then it fails as rate_limited with the policy and a retry hint', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(429, fixture('error-429-ten-secondly'));
    const error = await gateway()
      .updateContacts([update('1')])
      .catch((e: unknown) => e);
    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(hubspotErrorInfo(error as never)).toMatchObject({
      status: 429,
      category: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      retryAfterMs: 1000,
    });
  });

  it('When the daily limit is hit, then the retry hint waits for the daily reset', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(429, fixture('error-429-daily'));
    const error = await gateway()
      .updateContacts([update('1')])
      .catch((e: unknown) => e);
    const info = hubspotErrorInfo(error as never);
    expect(info.policyName).toBe('DAILY');
    expect(info.retryAfterMs).toBeGreaterThan(0);
    expect(info.retryAfterMs).toBeLessThanOrEqual(24 * 3600 * 1000);
  });

  it('When HubSpot fails with 502, then it is upstream_failed', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(502, fixture('error-502'));
    const error = await gateway()
      .updateContacts([update('1')])
      .catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
  });

  it('When the token expired or was revoked, then it is unauthorized with the HubSpot category', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(401, fixture('error-401-expired'));
    const error = await gateway()
      .updateContacts([update('1')])
      .catch((e: unknown) => e);
    expect(isAppError(error, 'unauthorized')).toBe(true);
    expect(hubspotErrorInfo(error as never).category).toBe('EXPIRED_AUTHENTICATION');
  });

  it('When HubSpot cannot be reached, then it is upstream_failed', async () => {
    const unreachable = createApiClientGateway({ accessToken: 'token-abc', basePath: 'http://127.0.0.1:9' });
    const error = await unreachable.updateContacts([update('1')]).catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
  });
});

describe('listContacts and searchModifiedSince', () => {
  it('When listing, then pages of 100 follow the after cursor to the end', async () => {
    nock(API)
      .get('/crm/v3/objects/contacts')
      .query({ limit: '100', properties: ['email', 'jobtitle'] })
      .reply(200, fixture('contacts-list-page-1'))
      .get('/crm/v3/objects/contacts')
      .query({ limit: '100', after: '3', properties: ['email', 'jobtitle'] })
      .reply(200, fixture('contacts-list-page-2'));
    const first = await gateway().listContacts(undefined, ['email', 'jobtitle']);
    expect(first.contacts.map((c) => c.id)).toEqual(['1', '2']);
    expect(first.after).toBe('3');
    const last = await gateway().listContacts(first.after, ['email', 'jobtitle']);
    expect(last.contacts.map((c) => c.id)).toEqual(['3']);
    expect(last.after).toBeUndefined();
  });

  it('When searching a window, then it filters lastmodifieddate on [from, to) sorted ascending', async () => {
    let sent: unknown;
    nock(API)
      .post('/crm/v3/objects/contacts/search', (body) => ((sent = body), true))
      .reply(200, fixture('contacts-search'));
    const page = await gateway().searchModifiedSince({ from: 1764115200000, to: 1764201600000 }, undefined, [
      'email',
    ]);
    expect(sent).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lastmodifieddate', operator: 'GTE', value: '1764115200000' },
            { propertyName: 'lastmodifieddate', operator: 'LT', value: '1764201600000' },
          ],
        },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['email'],
      limit: 100,
    });
    expect(page).toMatchObject({ total: 3, after: '2' });
    expect(page.contacts.map((c) => c.id)).toEqual(['2', '3']);
  });
});

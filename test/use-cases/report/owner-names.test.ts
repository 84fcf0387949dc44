import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { OWNER_NAMES_TTL_MS, ownerNames } from '../../../src/use-cases/names/owner-names';
import { NAMES_FAILURE_TTL_MS } from '../../../src/use-cases/names/team-names';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { HANA_SATO, YUKI_TANAKA } from './seed-november';

const API = 'https://api.hubapi.com';
const PORTAL = '42';

useNock();

/** Owner names over the real gateway against nock, on a clock the test moves. */
function lookup() {
  const clock = { now: Date.parse('2026-11-27T09:00:00Z') };
  const logger = { warn: jest.fn() };
  const namesOf = ownerNames({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
    logger,
    now: () => clock.now,
  });
  const warnings = () => logger.warn.mock.calls.map(([, message]) => message as string);
  return { namesOf, clock, warnings };
}

const activeOwners = () =>
  nock(API)
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'false' })
    .reply(200, fixture('crm-owners-page-1'))
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'false', after: 'MjA=' })
    .reply(200, fixture('crm-owners-page-2'));
const archivedOwners = () =>
  nock(API)
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'true' })
    .reply(200, fixture('crm-owners-archived'));

describe('owner names for the report', () => {
  it('When the owners span two pages, then every active owner is named and archived ones are not asked for', async () => {
    activeOwners();
    const { namesOf } = lookup();

    const { names, status } = await namesOf(PORTAL, [HANA_SATO, '41629782']);

    expect(status).toEqual({ source: 'hubspot' });
    expect(names.get(HANA_SATO)).toBe('Hana Sato');
    expect(names.get('41629782')).toBe('sales-desk@example.co.jp'); // no first or last name: the email
  });

  it('When a lead belongs to a deactivated user, then the name comes from the archived owners', async () => {
    activeOwners();
    archivedOwners();
    const { namesOf } = lookup();

    const { names } = await namesOf(PORTAL, [HANA_SATO, YUKI_TANAKA]);

    expect([names.get(HANA_SATO), names.get(YUKI_TANAKA)]).toEqual(['Hana Sato', 'Yuki Tanaka']);
  });

  it('When HubSpot was asked within the last ten minutes, then the names are reused; after that, asked again', async () => {
    activeOwners();
    const { namesOf, clock } = lookup();
    await namesOf(PORTAL, [HANA_SATO]);

    clock.now += OWNER_NAMES_TTL_MS - 1;
    expect((await namesOf(PORTAL, [HANA_SATO])).names.get(HANA_SATO)).toBe('Hana Sato'); // no stub left: cached

    activeOwners();
    clock.now += 1;
    await namesOf(PORTAL, [HANA_SATO]);
    expect(nock.isDone()).toBe(true);
  });

  it('When the token lacks crm.objects.owners.read, then no names, the reason and the scope to grant; asked again a minute later', async () => {
    nock(API).get('/crm/v3/owners/').query(true).reply(403, fixture('error-403-missing-scopes'));
    const { namesOf, clock, warnings } = lookup();

    const missing = await namesOf(PORTAL, [HANA_SATO]);
    expect(missing).toEqual({
      names: new Map(),
      status: { source: 'ids', reason: 'missing_scope', scope: 'crm.objects.owners.read' },
    });
    expect(await namesOf(PORTAL, [HANA_SATO])).toEqual(missing); // the refusal is kept: HubSpot not asked again
    expect(warnings()).toEqual(['reading HubSpot owners failed; showing ids']);

    activeOwners();
    clock.now += NAMES_FAILURE_TTL_MS;
    expect((await namesOf(PORTAL, [HANA_SATO])).status).toEqual({ source: 'hubspot' });
  });

  it('When HubSpot cannot be reached, then no names and the reason says so', async () => {
    nock(API).get('/crm/v3/owners/').query(true).replyWithError('connect ECONNREFUSED');
    const { namesOf } = lookup();

    expect((await namesOf(PORTAL, [HANA_SATO])).status).toEqual({
      source: 'ids',
      reason: 'unreachable',
      scope: 'crm.objects.owners.read',
    });
  });

  it('When HubSpot is not configured, then no names and the reason says so, without asking anyone', async () => {
    const namesOf = ownerNames({});

    expect((await namesOf(PORTAL, [HANA_SATO])).status).toMatchObject({ reason: 'not_configured' });
  });
});

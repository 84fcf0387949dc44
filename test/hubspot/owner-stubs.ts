import nock from 'nock';
import { fixture } from './fixture';

// HubSpot's owners as nock answers them, from the recorded pages in test/fixtures/hubspot
// (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide).

/** The active owners, on two pages (crm-owners-page-1/2.json: Hana Sato, Kenji Ito, sales-desk@). */
export const stubActiveOwners = (api: string) =>
  nock(api)
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'false' })
    .reply(200, fixture('crm-owners-page-1'))
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'false', after: 'MjA=' })
    .reply(200, fixture('crm-owners-page-2'));

/** The archived owners (crm-owners-archived.json: Yuki Tanaka, deactivated). */
export const stubArchivedOwners = (api: string) =>
  nock(api)
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'true' })
    .reply(200, fixture('crm-owners-archived'));

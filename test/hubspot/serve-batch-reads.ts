import nock from 'nock';
import { fixture } from './fixture';

interface BatchBody {
  status: string;
  results: Array<{ id?: string; from?: { id: string } }>;
}

const requestedIds = (body: unknown): Set<string> =>
  new Set((body as { inputs: Array<{ id: string }> }).inputs.map((input) => String(input.id)));

/** Answers with the recorded batch body, keeping only the results whose id (or `from.id`) was asked for. */
const only = (name: string) => (_uri: string, body: unknown) => {
  const recorded = fixture<BatchBody>(name);
  const ids = requestedIds(body);
  return { ...recorded, results: recorded.results.filter((r) => ids.has(String(r.id ?? r.from?.id))) };
};

/** HubSpot's contact, contact-to-company association and company batch reads, served from recorded bodies. */
export function serveBatchReads(
  api: string,
  names: { contacts: string; associations: string; companies: string },
): nock.Scope {
  return nock(api)
    .persist()
    .post('/crm/v3/objects/contacts/batch/read')
    .query(true)
    .reply(200, only(names.contacts))
    .post('/crm/v4/associations/contacts/companies/batch/read')
    .query(true)
    .reply(200, only(names.associations))
    .post('/crm/v3/objects/companies/batch/read')
    .query(true)
    .reply(200, only(names.companies));
}

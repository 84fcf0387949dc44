import example from '../../../examples/agreement.json';
import type { Api } from './api-harness';
import { DAY, NOW, PORTAL_A } from './api-harness';

export const EXAMPLE_AGREEMENT = example;

/** A director at a 1,200-person software company who asked for a quote three days ago: A2, sales-ready. */
export const DIRECTOR = {
  id: '101',
  properties: {
    jobtitle: 'Director of IT',
    recent_conversion_event_name: 'Newsletter: get a quote',
    recent_conversion_date: new Date(NOW - 3 * DAY).toISOString(),
    email: 'kenji@buyer.example',
  },
  company: { numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
};
/** An existing customer: disqualified. */
export const CUSTOMER = {
  id: '102',
  properties: { jobtitle: 'Manager', lifecyclestage: 'customer', email: 'aiko@client.example' },
  company: { numberofemployees: '50', industry: 'RETAIL' },
};
/** Stored but never scored. */
export const NEWCOMER = { id: '103', properties: { jobtitle: 'Engineer' }, company: null };

/** Connects a portal (no tokens needed for the API) and maps team 11 to marketing and 22 to sales. */
export async function connectPortal(api: Api, portalId = PORTAL_A): Promise<void> {
  await api.store.installations.connect(String(portalId), null, [], NOW);
  await api.store.installations.setTeamMapping(
    String(portalId),
    { marketingTeamIds: ['11'], salesTeamIds: ['22'] },
    NOW,
  );
}

/** Marketing drafts and proposes `agreement` with `rationale`, sales approves it, all over HTTP. */
export async function activateAgreement(
  api: Api,
  agreement: unknown,
  rationale: string,
  portalId = PORTAL_A,
): Promise<void> {
  const ok = async (res: Promise<Response>) => {
    const r = await res;
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return (await r.json()) as { open: { version: number } | null };
  };
  const as = (user: string, method: string, path: string, body: unknown) =>
    ok(api.call(method, path, { portalId, user, body }));
  const draft = await as('m1', 'PUT', '/api/agreements/draft', { agreement });
  const version = draft.open!.version;
  await as('m1', 'POST', '/api/agreements/propose', { version, rationale });
  await as('s1', 'POST', '/api/agreements/approve', { version });
}

/** Marketing drafts and proposes the example agreement, sales approves it, all over HTTP. */
export async function activateExample(api: Api, portalId = PORTAL_A): Promise<void> {
  await activateAgreement(api, example, 'First agreement', portalId);
}

/** Stores the three seed contacts of a portal. */
export async function storeContacts(api: Api, portalId = PORTAL_A): Promise<void> {
  await api.store.contacts.upsertMany(String(portalId), [DIRECTOR, CUSTOMER, NEWCOMER], NOW);
}

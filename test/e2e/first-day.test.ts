import { agreement, expectedVerdict, QUOTE, NO_QUOTE, type Profile } from './e2e-agreement';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import { PORTAL, PUBLIC_URL, SECRET, startWorld, type E2eWorld } from './e2e-processes';
import { installThroughOAuth } from './oauth-install';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// A real admin's first day, in static-token mode and through an OAuth install: the service starts against a portal
// that already has contacts, with no agreement yet; marketing and sales approve the first agreement later. No
// webhook is ever delivered.
jest.setTimeout(180_000);

const profiles: Record<string, Profile> = {
  '11': { jobtitle: 'Director of Sales', quote: true },
  '12': { jobtitle: 'Director of Sales', quote: false },
  '13': { jobtitle: 'Sales Manager', quote: true },
  '14': { jobtitle: 'Sales Manager', quote: false },
  '15': { jobtitle: 'Engineer', quote: true },
  '16': { jobtitle: 'Engineer', quote: false },
};
const seed = {
  contacts: Object.entries(profiles).map(([id, p]) => ({
    id,
    properties: { jobtitle: p.jobtitle, recent_conversion_event_name: p.quote ? QUOTE : NO_QUOTE },
  })),
  companies: [],
};

type Engine = 'sqlite' | 'postgres';

/** Every seeded contact, as the stand-in holds it, carries the verdict worked out by hand; each was written once. */
async function expectEveryContactGraded(world: E2eWorld) {
  const written = (await world.updates())
    .filter((update) => update.status === 200)
    .flatMap((update) => update.inputs.map((input) => input.id));
  expect(written.sort()).toEqual(Object.keys(profiles).sort());
  for (const [id, profile] of Object.entries(profiles)) {
    const stored = await world.standin<{ properties: Record<string, string> }>(`/__standin/contacts/${id}`);
    expect({ id, ...stored.properties }).toMatchObject({ id, ...expectedVerdict(profile) });
  }
  expect(await world.store.inbox.pending(String(PORTAL), 1)).toEqual([]);
}

/** A world started before any agreement, for the describe block it is called in; stopped (and dropped) after it. */
function dayOneWorld(engine: Engine, auth: 'static-token' | 'oauth'): () => E2eWorld {
  let world: E2eWorld | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = engine === 'postgres' ? await tempPostgres() : undefined;
    world = await startWorld({
      seed,
      agreement,
      auth,
      agreementWhen: 'after-start',
      ...(database?.options.databaseUrl ? { databaseUrl: database.options.databaseUrl } : {}),
    });
  });
  afterAll(async () => {
    await world?.stop();
    await database?.drop();
  });
  return () => {
    if (!world) throw new Error('the world did not start');
    return world;
  };
}

describe.each<Engine>(['sqlite', 'postgres'])('first day through an OAuth install on %s', (engine) => {
  const world = dayOneWorld(engine, 'oauth');

  it('When the admin installs before any agreement, then the page says the contacts wait for the first one', async () => {
    const install = await installThroughOAuth(world());
    expect(install.status).toBe(200);
    expect(install.page).toContain('no approved agreement yet');
    await world().idle();
    expect(await world().updates()).toEqual([]);
  });

  it('When the first agreement is approved after the install, then every existing contact is written once with its verdict', async () => {
    world().applyAgreement();
    await world().idle();
    await expectEveryContactGraded(world());
  });
});

describe.each<Engine>(['sqlite', 'postgres'])('first day in static-token mode on %s', (engine) => {
  const world = dayOneWorld(engine, 'static-token');

  it('When the service starts before any agreement, then it creates the properties and waits for one to import', async () => {
    await world().idle();
    const tier = await fetch(`${world().standinUrl}/crm/v3/properties/contacts/lead_pact_tier`, {
      headers: { authorization: 'Bearer pat-e2e-token' },
    });
    expect(tier.status).toBe(200);
    expect(await world().updates()).toEqual([]);
    const [setUp] = await world().store.jobs.list({ type: 'set-up-portal', portalId: String(PORTAL) });
    expect(setUp).toMatchObject({ status: 'succeeded', result: { importQueued: true } });
    const imports = await world().store.jobs.list({ type: 'full-import', portalId: String(PORTAL) });
    expect(imports.map((job) => [job.status, job.result])).toEqual([
      ['succeeded', expect.objectContaining({ skipped: 'no_active_agreement' })],
    ]);
  });

  it('When someone opens the settings page of the static-token portal, then it answers as for an installed one', async () => {
    const path = `/api/settings/teams?userId=501&userEmail=m%40maker.example&appId=77&portalId=${PORTAL}`;
    const headers = signHubSpotRequest({ clientSecret: SECRET, method: 'GET', url: `${PUBLIC_URL}${path}` });
    const answer = await fetch(`${world().serviceUrl}${path}`, { headers });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ marketingTeamIds: [], salesTeamIds: [] });
  });

  it('When the first agreement is approved later, then every existing contact is written once with its verdict', async () => {
    world().applyAgreement();
    await world().idle();
    await expectEveryContactGraded(world());
  });
});

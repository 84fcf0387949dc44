import { agreement, expectedVerdict, NO_QUOTE, QUOTE, type Profile } from './e2e-agreement';
import { PORTAL, PUBLIC_URL, SECRET, startWorld, waitFor, type E2eWorld } from './e2e-processes';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import type { StandinWorkflowCallback } from '../../src/standin/workflow-callback-state';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// "Qualify with Lead Pact" as a workflow reaches it, with the service and the stand-in as two processes: HubSpot
// posts a signed execution for the enrolled contact and branches on the output fields of the answer; when the
// contact must first be read from HubSpot and HubSpot is rate limiting, the answer blocks the enrollment and the
// service later completes HubSpot's callback with the verdict. On SQLite and PostgreSQL.
jest.setTimeout(120_000);

const ACTION_PATH = '/workflow-actions/qualify';
const DIRECTOR: Profile = { jobtitle: 'Director of Sales', quote: true };
const MANAGER: Profile = { jobtitle: 'Sales Manager', quote: false };

const seedContact = (id: string, profile: Profile) => ({
  id,
  properties: {
    jobtitle: profile.jobtitle,
    recent_conversion_event_name: profile.quote ? QUOTE : NO_QUOTE,
  },
});

/** The action's output fields a workflow branches on, as the hand-worked verdict gives them. */
function expectedFields(profile: Profile): Record<string, string> {
  const verdict = expectedVerdict(profile);
  return {
    tier: verdict.lead_pact_tier!,
    grade: verdict.lead_pact_grade!,
    score: verdict.lead_pact_score!,
    stage: verdict.lead_pact_stage!,
    route: verdict.lead_pact_route!,
  };
}

/** HubSpot's execution request for the enrolled contact (custom workflow action reference, "Example function"). */
function execution(callbackId: string, contactId: string): string {
  return JSON.stringify({
    callbackId,
    origin: { portalId: PORTAL, actionDefinitionId: 1_234_567, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 98_765 },
    object: { objectId: Number(contactId), objectType: 'CONTACT' },
    inputFields: {},
  });
}

type Engine = 'sqlite' | 'postgres';

describe.each<Engine>(['sqlite', 'postgres'])(
  'the "Qualify with Lead Pact" workflow action on %s',
  (engine) => {
    let world: E2eWorld;
    let database: TestDatabase | undefined;

    beforeAll(async () => {
      database = engine === 'postgres' ? await tempPostgres() : undefined;
      world = await startWorld({
        seed: { contacts: [seedContact('501', DIRECTOR), seedContact('502', MANAGER)], companies: [] },
        agreement,
        ...(database?.options.databaseUrl ? { databaseUrl: database.options.databaseUrl } : {}),
      });
      await world.idle();
    });
    afterAll(async () => {
      await world?.stop();
      await database?.drop();
    });

    /** Posts an execution to the service as HubSpot does, signed (v3, over the public URL) unless `signed` is false. */
    function execute(body: string, signed = true): Promise<Response> {
      const headers = signed
        ? signHubSpotRequest({
            clientSecret: SECRET,
            method: 'POST',
            url: `${PUBLIC_URL}${ACTION_PATH}`,
            body,
          })
        : { 'content-type': 'application/json' };
      return fetch(`${world.serviceUrl}${ACTION_PATH}`, { method: 'POST', body, headers });
    }

    /** Plays HubSpot holding a blocked execution: the stand-in waits for `callbackId`'s completion. */
    async function registerExecution(callbackId: string, contactId: string): Promise<void> {
      const answer = await world.admin('POST', '/__standin/workflow-callbacks', {
        callbackId,
        objectId: contactId,
      });
      expect(answer.status).toBe(201);
    }

    const callbackOf = (callbackId: string) =>
      world.standin<StandinWorkflowCallback & { state: string }>(
        `/__standin/workflow-callbacks/${callbackId}`,
      );

    const completionRequests = async (callbackId: string) =>
      (await world.requests()).filter(
        (r) => r.path === `/automation/actions/callbacks/2026-03/${callbackId}/complete`,
      );

    it('When HubSpot runs the action on a stored contact, then the answer carries its verdict for the workflow to branch on', async () => {
      expect(await world.store.contacts.get(String(PORTAL), '501')).toBeDefined();

      const director = await execute(execution('ap-62515-700-1-0', '501'));
      const manager = await execute(execution('ap-62515-700-2-0', '502'));

      expect(director.status).toBe(200);
      expect(await director.json()).toEqual({
        outputFields: { ...expectedFields(DIRECTOR), hs_execution_state: 'SUCCESS' },
      });
      expect(manager.status).toBe(200);
      expect(await manager.json()).toEqual({
        outputFields: { ...expectedFields(MANAGER), hs_execution_state: 'SUCCESS' },
      });
      // Answered at once: nothing was left for a callback.
      expect(await completionRequests('ap-62515-700-1-0')).toEqual([]);
    });

    it('When the execution is not signed, then 401 and no verdict is given', async () => {
      const answer = await execute(execution('ap-62515-700-3-0', '501'), false);

      expect(answer.status).toBe(401);
      expect(JSON.stringify(await answer.json())).not.toContain('outputFields');
    });

    it('When the contact is new and HubSpot rate limits its read, then the enrollment is blocked and later resumed with the verdict through the callback', async () => {
      // Created in HubSpot after the import, with no webhook: Lead Pact has not stored it.
      const created = await world.admin('POST', '/__standin/contacts/503', {
        properties: seedContact('503', DIRECTOR).properties,
      });
      expect(created.status).toBe(200);
      expect(await world.store.contacts.get(String(PORTAL), '503')).toBeUndefined();
      const since = (await world.requests()).length;
      // HubSpot answers the next two reads of contacts 429: the action's own and the completion job's first.
      const limited = { status: 429, every: 1, times: 2, method: 'POST', path: '/contacts/batch/read' };
      expect((await world.admin('PUT', '/__standin/failures', { rules: [limited] })).status).toBe(204);
      await registerExecution('ap-62515-700-4-0', '503');

      const answer = await execute(execution('ap-62515-700-4-0', '503'));

      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({
        outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'P1D' },
      });
      const completed = await waitFor(
        async () => {
          const callback = await callbackOf('ap-62515-700-4-0');
          return callback.state === 'completed' ? callback : undefined;
        },
        'the service to complete the blocked execution',
        world.diagnostics,
        60_000,
      );
      expect(completed.outputFields).toEqual({ ...expectedFields(DIRECTOR), hs_execution_state: 'SUCCESS' });
      // A 429 is answered before the body is read, so the refused reads name no ids: every contact read since.
      const reads = (await world.requests())
        .slice(since)
        .filter((r) => r.path.endsWith('/contacts/batch/read'));
      expect(reads.slice(0, 2).map((r) => r.status)).toEqual([429, 429]);
      expect(reads.find((r) => r.status === 200)?.ids).toEqual(['503']);
      expect((await completionRequests('ap-62515-700-4-0')).map((r) => r.status)).toEqual([204]);
      expect(await world.store.contacts.get(String(PORTAL), '503')).toBeDefined();
    });
  },
);

import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { createStandin } from '../../src/standin/create-standin';

const seed = {
  contacts: [
    { id: '1', properties: { jobtitle: 'Director' } },
    { id: '2', properties: { jobtitle: 'Engineer' } },
  ],
  companies: [],
};

async function start() {
  const standin = createStandin({ seed, now: () => Date.UTC(2026, 10, 27, 9) });
  const { url, close } = await standin.listen(0);
  const gateway = createApiClientGateway({ accessToken: 'tok-1', basePath: url });
  const plan = (body: unknown) =>
    fetch(`${url}/__standin/failures`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { standin, url, gateway, plan, close };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) =>
      isAppError(error)
        ? `${hubspotErrorInfo(error).status} ${hubspotErrorInfo(error).policyName ?? ''}`.trim()
        : 'other',
  );

describe('the stand-in failure plan and request log', () => {
  it('When every 2nd update fails with 503 and every 3rd with 429, then the same requests fail on every run and the log shows each answer', async () => {
    const { url, gateway, plan, close } = await start();
    try {
      await gateway.ensureProperties();
      const planned = await plan({
        rules: [
          { status: 503, every: 2, path: '/batch/update' },
          { status: 429, every: 3, path: '/batch/update' },
        ],
      });
      expect(planned.status).toBe(204);
      const update = (id: string) =>
        gateway.updateContacts([{ id, properties: { lead_pact_tier: 'nurture' } }]);
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await outcome(update('1')));
      // 2nd, 4th, 6th: 503 (first rule wins on the 6th); 3rd: 429 TEN_SECONDLY_ROLLING.
      expect(answers).toEqual(['ok', '503', '429 TEN_SECONDLY_ROLLING', '503', 'ok', '503']);
      expect(await outcome(gateway.readContacts(['2'], ['jobtitle'], []))).toBe('ok');

      const log = (await (await fetch(`${url}/__standin/requests`)).json()) as {
        requests: Array<{ path: string; status: number; ids?: string[] }>;
      };
      const updates = log.requests.filter((r) => r.path.endsWith('/batch/update'));
      expect(updates.map((r) => r.status)).toEqual([200, 503, 429, 503, 200, 503]);
      expect(updates.filter((r) => r.status === 200).map((r) => r.ids)).toEqual([['1'], ['1']]);
      expect(log.requests.find((r) => r.path.endsWith('/contacts/batch/read'))?.ids).toEqual(['2']);
      const stats = (await (await fetch(`${url}/__standin/stats`)).json()) as Record<string, unknown>;
      expect(stats.scriptedFailures).toEqual({ '429': 1, '503': 3 });

      await plan({ rules: [] });
      expect(await outcome(update('2'))).toBe('ok');
    } finally {
      await close();
    }
  });

  it('When a rule is malformed, then the plan is refused with 400 naming the field', async () => {
    const { plan, close } = await start();
    try {
      const answer = await plan({ rules: [{ status: 500, every: 1 }] });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(await answer.json())).toContain('rules.0.status');
    } finally {
      await close();
    }
  });

  it('When a rule has `times`, then it stops failing after that many', async () => {
    const { gateway, plan, close } = await start();
    try {
      await plan({ rules: [{ status: 503, every: 1, times: 2 }] });
      const read = () => outcome(gateway.readContacts(['1'], ['jobtitle'], []));
      expect([await read(), await read(), await read()]).toEqual(['503', '503', 'ok']);
    } finally {
      await close();
    }
  });
  it('When a POST is held, then HubSpot has done the work before the caller hears of it, and other methods pass', async () => {
    const { standin, url, gateway, plan, close } = await start();
    try {
      await gateway.ensureProperties();
      await plan({
        rules: [{ status: 'hold', holdMs: 400, every: 1, times: 1, method: 'POST', path: '/batch/update' }],
      });
      let answered = false;
      const update = gateway
        .updateContacts([{ id: '1', properties: { lead_pact_tier: 'nurture' } }])
        .then((answer) => ((answered = true), answer));
      // The write lands while the answer is still held back.
      for (let i = 0; i < 50 && standin.state.contacts.get('1')?.properties.lead_pact_tier !== 'nurture'; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(standin.state.contacts.get('1')?.properties.lead_pact_tier).toBe('nurture');
      expect(answered).toBe(false);
      expect((await update).written).toEqual(['1']);
      // `times: 1`: the next POST is answered at once; GETs were never held.
      expect(
        await outcome(gateway.updateContacts([{ id: '2', properties: { lead_pact_tier: 'nurture' } }])),
      ).toBe('ok');
      expect(
        (
          await fetch(`${url}/__standin/failures`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ rules: [{ status: 'hold', every: 1, method: 'TRACE' }] }),
          })
        ).status,
      ).toBe(400);
    } finally {
      await close();
    }
  });
});

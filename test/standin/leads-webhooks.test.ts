import express from 'express';
import type { AddressInfo } from 'node:net';
import { requireHubSpotSignature } from '../../src/hubspot/require-hubspot-signature';
import { createApiClientLeadsGateway } from '../../src/hubspot/leads/api-client-leads-gateway';
import { createStandin } from '../../src/standin/create-standin';
import { webhooksDelivered } from '../../src/standin/lead-state';
import { fixture } from '../hubspot/fixture';

const clientSecret = 'standin-secret';
const publicBaseUrl = 'https://leadpact.example.com';
const clock = Date.UTC(2026, 11, 1, 9);
const APP_ID = 456789;

/** A receiver that checks HubSpot's v3 signature like the app's webhook route and keeps the events as sent. */
async function startReceiver() {
  const received: Array<Record<string, unknown>> = [];
  const app = express();
  app.post(
    '/webhooks/hubspot',
    requireHubSpotSignature({ clientSecret, publicBaseUrl, now: () => clock }),
    (req, res) => {
      received.push(...(req.body as Array<Record<string, unknown>>));
      res.status(204).end();
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return { received, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function start() {
  const receiver = await startReceiver();
  const standin = createStandin({
    now: () => clock,
    portalId: 777,
    seed: { contacts: [{ id: '501', properties: { firstname: 'Aiko' } }], companies: [] },
    webhook: { targetUrl: receiver.url, signedUrl: `${publicBaseUrl}/webhooks/hubspot`, clientSecret },
  });
  const { url, close } = await standin.listen(0);
  await fetch(`${url}/__standin/owners`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fixture('crm-owners-page-1')),
  });
  const gateway = createApiClientLeadsGateway({ accessToken: 'tok', basePath: url });
  await gateway.ensureLeadProperties();
  const lead = await gateway.createLead({
    handoffKey: '501:1',
    name: 'Aiko (A1)',
    contactId: '501',
    companyId: null,
    ownerId: '41629779',
    reasons: 'r',
    grade: 'A1',
    route: 'field_sales',
  });
  await webhooksDelivered(standin.state.leads);
  const admin = (path: string, method: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
  return {
    standin,
    gateway,
    lead,
    receiver,
    admin,
    close: async () => {
      await close();
      await receiver.close();
    },
  };
}

const stageEvent = (leadId: string, stage: string, source: Record<string, string>) => ({
  eventId: expect.any(Number),
  subscriptionId: expect.any(Number),
  portalId: 777,
  appId: APP_ID,
  occurredAt: clock,
  attemptNumber: 0,
  subscriptionType: 'object.propertyChange',
  objectId: Number(leadId),
  objectTypeId: '0-136',
  propertyName: 'hs_pipeline_stage',
  propertyValue: stage,
  isSensitive: false,
  ...source,
});

describe('stand-in lead webhooks', () => {
  it('When a rep moves the Lead in the prospecting workspace, then the app receives a signed stage change from CRM_UI with the rep as userId', async () => {
    const { lead, receiver, admin, standin, close } = await start();
    try {
      receiver.received.length = 0;
      const answer = await admin(`/__standin/leads/${lead.id}/stage`, 'POST', {
        stage: 'attempting-stage-id',
        userId: '9911',
      });
      expect(answer).toMatchObject({ status: 200, body: { id: lead.id, webhook: { status: 204 } } });
      expect(receiver.received).toEqual([
        stageEvent(lead.id, 'attempting-stage-id', { changeSource: 'CRM_UI', sourceId: 'userId:9911' }),
      ]);
      expect(standin.state.leads.records.get(lead.id)?.properties.hs_pipeline_stage).toBe(
        'attempting-stage-id',
      );
    } finally {
      await close();
    }
  });

  it('When Lead Pact creates and moves a Lead through the API, then each stage change arrives as INTEGRATION with the app’s id', async () => {
    const { lead, receiver, gateway, standin, close } = await start();
    try {
      expect(receiver.received).toEqual([
        stageEvent(lead.id, 'new-stage-id', { changeSource: 'INTEGRATION', sourceId: String(APP_ID) }),
      ]);
      await gateway.moveLead({ leadId: lead.id, stage: 'attempting-stage-id' });
      await webhooksDelivered(standin.state.leads);
      expect(receiver.received.at(-1)).toEqual(
        stageEvent(lead.id, 'attempting-stage-id', { changeSource: 'INTEGRATION', sourceId: String(APP_ID) }),
      );
    } finally {
      await close();
    }
  });

  it('When Lead Pact disqualifies a Lead through the API, then the stage and the reason it set arrive as its own changes', async () => {
    const { lead, receiver, gateway, standin, close } = await start();
    try {
      receiver.received.length = 0;
      await gateway.moveLead({
        leadId: lead.id,
        stage: 'unqualified-stage-id',
        disqualification: { reason: 'rejected', note: 'Five seats' },
      });
      await webhooksDelivered(standin.state.leads);
      const own = { changeSource: 'INTEGRATION', sourceId: String(APP_ID) };
      expect(receiver.received).toEqual([
        stageEvent(lead.id, 'unqualified-stage-id', own),
        {
          ...stageEvent(lead.id, expect.any(String) as unknown as string, own),
          propertyName: 'hs_lead_disqualification_reason',
        },
      ]);
    } finally {
      await close();
    }
  });

  it('When an update leaves the stage as it was, then no stage event is sent', async () => {
    const { lead, receiver, gateway, standin, close } = await start();
    try {
      receiver.received.length = 0;
      await gateway.moveLead({ leadId: lead.id, stage: 'new-stage-id' });
      await webhooksDelivered(standin.state.leads);
      expect(receiver.received).toEqual([]);
    } finally {
      await close();
    }
  });

  it('When a rep disqualifies in the workspace, then the reason is required, and with it the stage and reason events follow in one delivery', async () => {
    const { lead, receiver, admin, close } = await start();
    try {
      receiver.received.length = 0;
      const refused = await admin(`/__standin/leads/${lead.id}/stage`, 'POST', {
        stage: 'unqualified-stage-id',
        userId: '9911',
      });
      expect(refused.status).toBe(400);
      const bad = await admin(`/__standin/leads/${lead.id}/stage`, 'POST', {
        stage: 'unqualified-stage-id',
        userId: '9911',
        reason: 'TOO_EXPENSIVE',
      });
      expect(bad.status).toBe(400);
      expect(receiver.received).toEqual([]);
      const moved = await admin(`/__standin/leads/${lead.id}/stage`, 'POST', {
        stage: 'unqualified-stage-id',
        userId: '9911',
        reason: 'BAD_TIMING',
      });
      // One delivery with both events.
      expect(moved).toMatchObject({
        body: { webhook: { status: 204, eventIds: [expect.any(Number), expect.any(Number)] } },
      });
      const rep = { changeSource: 'CRM_UI', sourceId: 'userId:9911' };
      expect(receiver.received).toEqual([
        stageEvent(lead.id, 'unqualified-stage-id', rep),
        { ...stageEvent(lead.id, 'BAD_TIMING', rep), propertyName: 'hs_lead_disqualification_reason' },
      ]);
    } finally {
      await close();
    }
  });

  it('When a rep deletes the Lead in HubSpot, then an object.deletion for 0-136 arrives and the Lead is gone', async () => {
    const { lead, receiver, admin, gateway, close } = await start();
    try {
      receiver.received.length = 0;
      await admin(`/__standin/leads/${lead.id}`, 'DELETE', { userId: '9911' });
      expect(receiver.received).toEqual([
        expect.objectContaining({
          subscriptionType: 'object.deletion',
          objectTypeId: '0-136',
          objectId: Number(lead.id),
          changeSource: 'CRM_UI',
          sourceId: 'userId:9911',
        }),
      ]);
      expect(await gateway.getLead(lead.id)).toBeNull();
    } finally {
      await close();
    }
  });
});

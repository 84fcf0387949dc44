import express from 'express';
import type { AddressInfo } from 'node:net';
import { requireHubSpotSignature } from '../../src/hubspot/require-hubspot-signature';
import { parseWebhookEvents, type WebhookEvent } from '../../src/hubspot/webhook-events';
import { createStandin } from '../../src/standin/create-standin';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';

const clientSecret = 'standin-secret';
const publicBaseUrl = 'https://leadpact.example.com';
const clock = Date.UTC(2026, 10, 27, 9);

/** A receiver built like the app's webhook route: signature first, then the event schema. */
async function startReceiver() {
  const received: WebhookEvent[] = [];
  const app = express();
  app.post(
    '/webhooks/hubspot',
    requireHubSpotSignature({ clientSecret, publicBaseUrl, now: () => clock }),
    (req, res) => {
      received.push(...parseWebhookEvents(req.body).events);
      res.status(204).end();
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return { received, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('stand-in webhooks', () => {
  it('When a contact is changed on the stand-in, then the app receives signed HubSpot events it accepts', async () => {
    const receiver = await startReceiver();
    const standin = createStandin({
      now: () => clock,
      portalId: 777,
      webhook: { targetUrl: receiver.url, signedUrl: `${publicBaseUrl}/webhooks/hubspot`, clientSecret },
    });
    const { url, close } = await standin.listen(0);
    try {
      const answer = await fetch(`${url}/__standin/contacts/5000`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          properties: { jobtitle: 'Director', recent_conversion_event_name: 'Get a quote' },
        }),
      });
      expect(await answer.json()).toEqual({ id: '5000', webhook: { status: 204, eventIds: [1, 2, 3] } });
      expect(receiver.received).toEqual([
        { eventId: '1', portalId: 777, occurredAt: clock, kind: 'created', contactId: '5000' },
        {
          eventId: '2',
          portalId: 777,
          occurredAt: clock,
          kind: 'property_changed',
          contactId: '5000',
          propertyName: 'jobtitle',
          propertyValue: 'Director',
        },
        {
          eventId: '3',
          portalId: 777,
          occurredAt: clock,
          kind: 'property_changed',
          contactId: '5000',
          propertyName: 'recent_conversion_event_name',
          propertyValue: 'Get a quote',
        },
      ]);
      expect(standin.state.contacts.get('5000')?.properties.jobtitle).toBe('Director');
    } finally {
      await close();
      await receiver.close();
    }
  });

  it('When the stand-in signs with the wrong secret, then the app answers 401 and keeps nothing', async () => {
    const receiver = await startReceiver();
    const body = '[]';
    const headers = signHubSpotRequest({
      clientSecret: 'wrong',
      method: 'POST',
      url: `${publicBaseUrl}/webhooks/hubspot`,
      body,
      timestamp: clock,
    });
    try {
      const response = await fetch(receiver.url, { method: 'POST', headers, body });
      expect(response.status).toBe(401);
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

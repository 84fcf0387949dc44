import fc from 'fast-check';
import { isAppError } from '../../src/errors/app-error';
import { parseWebhookEvents } from '../../src/hubspot/webhook-events';
import { fixture } from './fixture';

describe('parseWebhookEvents', () => {
  it('When HubSpot sends generic object.* events, then contact events are normalized and others ignored', () => {
    const { events, ignored } = parseWebhookEvents(fixture('webhook-events-generic'));
    expect(events).toEqual([
      { eventId: '1001', portalId: 62515, occurredAt: 1764230400000, kind: 'created', contactId: '51' },
      {
        eventId: '1002',
        portalId: 62515,
        occurredAt: 1764230401000,
        kind: 'property_changed',
        contactId: '51',
        propertyName: 'recent_conversion_event_name',
        propertyValue: '料金表ダウンロード',
      },
      {
        eventId: '1003',
        portalId: 62515,
        occurredAt: 1764230402000,
        kind: 'property_changed',
        contactId: '52',
        propertyName: 'jobtitle',
        propertyValue: '',
      },
      {
        eventId: '1004',
        portalId: 62515,
        occurredAt: 1764230403000,
        kind: 'merged',
        contactId: '53',
        mergedIds: ['54'],
      },
      { eventId: '1005', portalId: 62515, occurredAt: 1764230404000, kind: 'deleted', contactId: '55' },
    ]);
    // a company property change (0-2) and a restore are not contact events we act on
    expect(ignored).toBe(2);
  });

  it('When HubSpot sends legacy contact.* events, then they come out in the same shape', () => {
    const { events, ignored } = parseWebhookEvents(fixture('webhook-events-legacy'));
    expect(ignored).toBe(0);
    expect(events.map((e) => [e.kind, e.contactId])).toEqual([
      ['created', '61'],
      ['property_changed', '61'],
      ['merged', '65'],
      ['deleted', '66'],
      ['privacy_deleted', '67'],
    ]);
    expect(events[2]?.mergedIds).toEqual(['63', '64', '62']);
    expect(events[1]).toMatchObject({ propertyName: 'lifecyclestage', propertyValue: 'salesqualifiedlead' });
  });

  it('When the body is not an array of events, then it fails as invalid_input naming the field', () => {
    const body = fixture<Array<Record<string, unknown>>>('webhook-events-legacy');
    delete body[3]?.objectId;
    const error = (() => {
      try {
        return parseWebhookEvents(body);
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as { details: unknown }).details).toEqual([
      { path: '[3].objectId', message: expect.any(String) },
    ]);
    expect(() => parseWebhookEvents({ eventId: 1 })).toThrow('not a list of HubSpot events');
  });

  it('never throws anything but an AppError, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseWebhookEvents(value);
          return true;
        } catch (error) {
          return isAppError(error, 'invalid_input');
        }
      }),
    );
  });
});

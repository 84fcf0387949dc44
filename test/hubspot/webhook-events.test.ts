import fc from 'fast-check';
import { isAppError } from '../../src/domain/app-error';
import { parseWebhookEvents } from '../../src/hubspot/webhook-events';
import { fixture } from './fixture';

describe('parseWebhookEvents', () => {
  it('When HubSpot sends generic object.* events, then contact, company and association events are normalized and others ignored', () => {
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
      {
        eventId: '1006',
        portalId: 62515,
        occurredAt: 1764230405000,
        kind: 'company_changed',
        companyId: '7002',
        propertyName: 'numberofemployees',
        propertyValue: '1500',
      },
      { eventId: '1007', portalId: 62515, occurredAt: 1764230406000, kind: 'restored', contactId: '56' },
      {
        eventId: '1008',
        portalId: 62515,
        occurredAt: 1764230407000,
        kind: 'association_changed',
        contactId: '51',
        companyId: '7002',
        associationRemoved: false,
      },
      {
        eventId: '1009',
        portalId: 62515,
        occurredAt: 1764230408000,
        kind: 'association_changed',
        contactId: '51',
        companyId: '7002',
        associationRemoved: false,
      },
      {
        eventId: '1011',
        portalId: 62515,
        occurredAt: 1764230410000,
        kind: 'company_changed',
        companyId: '7003',
      },
    ]);
    // a deal-contact association (0-3 to 0-1) and a company creation are not events we act on
    expect(ignored).toBe(2);
  });

  it("When a contact-company association changes, then both of HubSpot's events (one from each side) name the same contact and company", () => {
    const { events } = parseWebhookEvents(fixture('webhook-events-generic'));
    const associations = events.filter((e) => e.kind === 'association_changed');
    expect(associations.map((e) => [e.eventId, 'contactId' in e && e.contactId, e.companyId])).toEqual([
      ['1008', '51', '7002'],
      ['1009', '51', '7002'],
    ]);
  });

  it('When an association is reported from either side, in either format, then the same contact and company come out', () => {
    const id = fc.integer({ min: 1, max: 2 ** 40 });
    fc.assert(
      fc.property(id, id, fc.boolean(), (contact, company, removed) => {
        const base = { eventId: 1, portalId: 62515, occurredAt: 0, associationRemoved: removed };
        const sides = [
          {
            ...base,
            subscriptionType: 'object.associationChange',
            objectId: contact,
            fromObjectId: contact,
            toObjectId: company,
            fromObjectTypeId: '0-1',
            toObjectTypeId: '0-2',
          },
          {
            ...base,
            subscriptionType: 'object.associationChange',
            objectId: company,
            fromObjectId: company,
            toObjectId: contact,
            fromObjectTypeId: '0-2',
            toObjectTypeId: '0-1',
          },
          {
            ...base,
            subscriptionType: 'contact.associationChange',
            objectId: contact,
            fromObjectId: contact,
            toObjectId: company,
            associationType: 'CONTACT_TO_COMPANY_UNLABELED',
          },
          {
            ...base,
            subscriptionType: 'company.associationChange',
            objectId: company,
            fromObjectId: company,
            toObjectId: contact,
            associationType: 'COMPANY_TO_CONTACT',
          },
        ];
        const { events } = parseWebhookEvents(sides);
        const expected = {
          kind: 'association_changed',
          contactId: String(contact),
          companyId: String(company),
          associationRemoved: removed,
        };
        return events.length === 4 && events.every((e) => expect(e).toMatchObject(expected) === undefined);
      }),
    );
  });

  it('When HubSpot sends legacy contact.* events, then they come out in the same shape', () => {
    const { events, ignored } = parseWebhookEvents(fixture('webhook-events-legacy'));
    // a deal-contact association is not one we act on
    expect(ignored).toBe(1);
    expect(events.map((e) => [e.kind, 'contactId' in e ? e.contactId : e.companyId])).toEqual([
      ['created', '61'],
      ['property_changed', '61'],
      ['merged', '65'],
      ['deleted', '66'],
      ['privacy_deleted', '67'],
      ['company_changed', '7002'],
      ['association_changed', '61'],
      ['association_changed', '61'],
      ['restored', '68'],
    ]);
    expect(events[5]).toMatchObject({ propertyName: 'industry', propertyValue: 'MACHINERY' });
    expect(events[6]).toMatchObject({ companyId: '7002', associationRemoved: true });
    expect(events[7]).toMatchObject({ companyId: '7002', associationRemoved: true });
    expect(events[2]).toMatchObject({ mergedIds: ['63', '64', '62'] });
    expect(events[1]).toMatchObject({ propertyName: 'lifecyclestage', propertyValue: 'salesqualifiedlead' });
  });

  it("When HubSpot sends lead (0-136) events, then stage changes and deletions come out as lead events, telling Lead Pact's own writes from a rep's (named by their user id), and nothing about a Lead is taken for a contact", () => {
    const { events, ignored } = parseWebhookEvents(fixture('webhook-events-leads'));
    expect(events).toEqual([
      {
        eventId: '2101',
        portalId: 62515,
        occurredAt: 1764316800000,
        kind: 'lead_stage_changed',
        leadId: '90001',
        stage: 'attempting-stage-id',
        byThisApp: false,
        userId: '98499705',
      },
      // INTEGRATION with the receiving app's own id: Lead Pact moved it
      {
        eventId: '2102',
        portalId: 62515,
        occurredAt: 1764316801000,
        kind: 'lead_stage_changed',
        leadId: '90002',
        stage: 'unqualified-stage-id',
        byThisApp: true,
      },
      // another app's write is not Lead Pact's
      {
        eventId: '2103',
        portalId: 62515,
        occurredAt: 1764316802000,
        kind: 'lead_stage_changed',
        leadId: '90003',
        stage: 'connected-stage-id',
        byThisApp: false,
      },
      {
        eventId: '2105',
        portalId: 62515,
        occurredAt: 1764316804000,
        kind: 'lead_deleted',
        leadId: '90001',
        byThisApp: false,
        userId: '98499705',
      },
      {
        eventId: '2107',
        portalId: 62515,
        occurredAt: 1764316806000,
        kind: 'lead_stage_changed',
        leadId: '90005',
        stage: 'qualified-stage-id',
        byThisApp: false,
      },
    ]);
    // a lead creation and a change of another lead property
    expect(ignored).toBe(2);
  });

  it('When a rep disqualifies a Lead with a reason, then the reason change comes out beside the stage change, and an emptied reason is ignored', () => {
    const rep = { changeSource: 'CRM_UI', sourceId: 'userId:98499705' };
    const event = (eventId: number, propertyName: string, propertyValue: string) => ({
      ...{ eventId, subscriptionId: 7662305, portalId: 62515, appId: 456789, occurredAt: 1764316900000 },
      ...{
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: 90001,
        objectTypeId: '0-136',
      },
      ...{ propertyName, propertyValue, isSensitive: false, ...rep },
    });
    const { events, ignored } = parseWebhookEvents([
      event(2201, 'hs_pipeline_stage', 'unqualified-stage-id'),
      event(2202, 'hs_lead_disqualification_reason', 'NOT_A_GOOD_FIT'),
      event(2203, 'hs_lead_disqualification_reason', ''),
    ]);
    expect(events.map((e) => ({ ...e }))).toEqual([
      expect.objectContaining({
        kind: 'lead_stage_changed',
        stage: 'unqualified-stage-id',
        userId: '98499705',
      }),
      {
        eventId: '2202',
        portalId: 62515,
        occurredAt: 1764316900000,
        kind: 'lead_reason_changed',
        leadId: '90001',
        reason: 'NOT_A_GOOD_FIT',
        byThisApp: false,
        userId: '98499705',
      },
    ]);
    expect(ignored).toBe(1);
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

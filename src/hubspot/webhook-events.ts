import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { contactCompanyPair } from './webhook-association';

/** HubSpot's object type id for contacts in generic (`object.*`) webhook events. */
export const CONTACT_OBJECT_TYPE_ID = '0-1';
/** HubSpot's object type id for companies in generic (`object.*`) webhook events. */
export const COMPANY_OBJECT_TYPE_ID = '0-2';
/**
 * HubSpot's object type id for Leads (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/leads/object-definition).
 * Leads arrive only as generic `object.*` events (https://developers.hubspot.com/changelog/public-beta-generic-webhook-subscriptions).
 */
export const LEAD_OBJECT_TYPE_ID = '0-136';
/** The lead property that holds its stage in the lead pipeline. */
export const LEAD_STAGE_PROPERTY = 'hs_pipeline_stage';
/**
 * The lead property HubSpot's prospecting workspace asks a rep to fill when disqualifying a Lead (recorded from real
 * portals, docs/hubspot-leads-facts.md section 4). Lead Pact subscribes to it beside the stage: one change of both
 * arrives as one event per property.
 */
export const LEAD_DISQUALIFICATION_REASON_PROPERTY = 'hs_lead_disqualification_reason';

/** What can happen to a contact (an association change re-reads its primary company). */
export const CONTACT_EVENT_KINDS = [
  'created',
  'deleted',
  'merged',
  'privacy_deleted',
  'property_changed',
  'restored',
  'association_changed',
] as const;
/**
 * What can happen to a HubSpot Lead that Lead Pact follows: a rep moves it through the pipeline (disqualifying it
 * with a reason), or deletes it.
 */
export const LEAD_EVENT_KINDS = ['lead_stage_changed', 'lead_deleted', 'lead_reason_changed'] as const;
export const WEBHOOK_EVENT_KINDS = [...CONTACT_EVENT_KINDS, 'company_changed', ...LEAD_EVENT_KINDS] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

interface EventBase {
  eventId: string;
  portalId: number;
  /** Epoch ms when it happened in HubSpot. */
  occurredAt: number;
}

/** An event about one contact, whatever format HubSpot delivered it in. */
export interface ContactEvent extends EventBase {
  kind: (typeof CONTACT_EVENT_KINDS)[number];
  /** For merges, the contact that survives. */
  contactId: string;
  propertyName?: string;
  propertyValue?: string;
  /** For merges, the ids that no longer exist on their own. */
  mergedIds?: string[];
  /** For association changes, the company the contact was associated with or removed from. */
  companyId?: string;
  associationRemoved?: boolean;
}

/** A company changed (a subscribed property, or a restore): every contact of it reads it as `company.*`. */
export interface CompanyEvent extends EventBase {
  kind: 'company_changed';
  companyId: string;
  propertyName?: string;
  propertyValue?: string;
}

/** A HubSpot Lead's stage changed (`stage` set), its disqualification reason changed (`reason` set), or it was deleted. */
export interface LeadEvent extends EventBase {
  kind: (typeof LEAD_EVENT_KINDS)[number];
  leadId: string;
  /** The new `hs_pipeline_stage`, for stage changes. */
  stage?: string;
  /** The new `hs_lead_disqualification_reason` (the option's internal value), for reason changes. */
  reason?: string;
  /** The HubSpot user who made the change in HubSpot (`sourceId` `userId:<id>`), when the event names one. */
  userId?: string;
  /**
   * True when the app that receives the event made the change itself through the API (Lead Pact's own write):
   * `changeSource` `INTEGRATION` (or `API`) with `sourceId` the event's `appId`. A rep in HubSpot shows as `CRM_UI`
   * with `sourceId` `userId:<id>`. (Field list: https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/create-generic-webhook-subscriptions;
   * the values as recorded from real portals in docs/hubspot-leads-facts.md section 6.)
   */
  byThisApp: boolean;
  /** Never set: lets code that reads `companyId` off any event (association tests) keep compiling. */
  companyId?: never;
}

/** One normalized event. */
export type WebhookEvent = ContactEvent | CompanyEvent | LeadEvent;

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

/** One element of the JSON array HubSpot posts (generic `object.*` and legacy `contact.*`/`company.*` forms). */
export const webhookEventSchema = z
  .object({
    eventId: id,
    portalId: z.coerce.number().int().positive(),
    occurredAt: z.number().int().nonnegative(),
    subscriptionType: z.string().min(1),
    objectId: id,
    objectTypeId: z.string().optional(),
    propertyName: z.string().optional(),
    propertyValue: z.unknown().optional(),
    primaryObjectId: id.optional(),
    mergedObjectIds: z.array(id).optional(),
    newObjectId: id.optional(),
    associationType: z.string().optional(),
    fromObjectId: id.optional(),
    toObjectId: id.optional(),
    fromObjectTypeId: z.string().optional(),
    toObjectTypeId: z.string().optional(),
    associationRemoved: z.boolean().optional(),
    appId: id.optional(),
    changeSource: z.string().optional(),
    sourceId: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .loose();
export type RawWebhookEvent = z.infer<typeof webhookEventSchema>;

/** The request body: HubSpot sends up to ~100 events per request. */
export const webhookBodySchema = z.array(webhookEventSchema).max(1000);

const CONTACT_KIND_BY_ACTION: Record<string, ContactEvent['kind']> = {
  creation: 'created',
  deletion: 'deleted',
  merge: 'merged',
  privacyDeletion: 'privacy_deleted',
  propertyChange: 'property_changed',
  restore: 'restored',
};

/**
 * The base fields followed by `rest`'s. Not `{ ...base, kind, ... }`: on Node 20 a spread followed by more
 * properties costs microseconds per object, half of parsing a 100-event delivery (bench/webhook-backlog-scenario.ts).
 */
const withBase = <const T extends object>(base: EventBase, rest: T): EventBase & T =>
  Object.assign({ eventId: base.eventId, portalId: base.portalId, occurredAt: base.occurredAt }, rest);

const valueOf = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function contactEvent(event: RawWebhookEvent, base: EventBase, action: string): ContactEvent | undefined {
  const kind = CONTACT_KIND_BY_ACTION[action];
  if (kind === undefined || (kind === 'property_changed' && !event.propertyName)) return undefined;
  if (kind === 'property_changed') {
    const propertyValue = valueOf(event.propertyValue);
    return withBase(base, {
      kind,
      contactId: event.objectId,
      propertyName: event.propertyName,
      propertyValue,
    });
  }
  if (kind === 'merged') {
    const contactId = event.newObjectId ?? event.primaryObjectId ?? event.objectId;
    const candidates = [...(event.mergedObjectIds ?? []), event.primaryObjectId, event.objectId];
    const mergedIds = [...new Set(candidates.filter((c): c is string => c !== undefined && c !== contactId))];
    return withBase(base, { kind, contactId, mergedIds });
  }
  return withBase(base, { kind, contactId: event.objectId });
}

// Only changes of a subscribed property or a restore reach us: creation, deletion and merge are not subscribed.
function companyEvent(event: RawWebhookEvent, base: EventBase, action: string): CompanyEvent | undefined {
  if (action === 'restore') return withBase(base, { kind: 'company_changed', companyId: event.objectId });
  if (action !== 'propertyChange' || !event.propertyName) return undefined;
  const { propertyName } = event;
  const propertyValue = valueOf(event.propertyValue);
  return withBase(base, { kind: 'company_changed', companyId: event.objectId, propertyName, propertyValue });
}

function associationEvent(event: RawWebhookEvent, base: EventBase): ContactEvent | undefined {
  const pair = contactCompanyPair(event);
  if (!pair) return undefined;
  const removed = event.associationRemoved === true;
  return withBase(base, {
    kind: 'association_changed',
    contactId: pair.contactId,
    companyId: pair.companyId,
    associationRemoved: removed,
  });
}

/** Sources of a change made through the API by an app (`sourceId` is then the app's id). */
const APP_CHANGE_SOURCES = new Set(['INTEGRATION', 'API']);

/**
 * Stage changes, disqualification reason changes and deletions of Leads, with the HubSpot user who made them when
 * the event names one (a rep disqualifying a Lead is recorded as theirs). A creation tells nothing Lead Pact needs: it
 * learns its own Leads' ids from its create calls, and a Lead a rep created by hand is no handoff of Lead Pact's (the
 * creation's stage, when subscribed, arrives as a property change).
 */
function leadEvent(event: RawWebhookEvent, base: EventBase, action: string): LeadEvent | undefined {
  const byThisApp =
    event.changeSource !== undefined &&
    APP_CHANGE_SOURCES.has(event.changeSource) &&
    event.appId !== undefined &&
    event.sourceId === event.appId;
  const user = /^userId:(\d+)$/.exec(event.sourceId ?? '')?.[1];
  const by = user === undefined ? { byThisApp } : { byThisApp, userId: user };
  if (action === 'deletion') return withBase(base, { kind: 'lead_deleted', leadId: event.objectId, ...by });
  if (action !== 'propertyChange') return undefined;
  const value = valueOf(event.propertyValue);
  if (value === '') return undefined;
  if (event.propertyName === LEAD_STAGE_PROPERTY)
    return withBase(base, { kind: 'lead_stage_changed', leadId: event.objectId, stage: value, ...by });
  if (event.propertyName === LEAD_DISQUALIFICATION_REASON_PROPERTY)
    return withBase(base, { kind: 'lead_reason_changed', leadId: event.objectId, reason: value, ...by });
  return undefined;
}

/** The event we act on, or undefined for one about something we do not track (deals, company creations...). */
function normalize(event: RawWebhookEvent): WebhookEvent | undefined {
  const [scope, action] = event.subscriptionType.split('.');
  if (action === undefined) return undefined;
  const base = { eventId: event.eventId, portalId: event.portalId, occurredAt: event.occurredAt };
  if (action === 'associationChange') return associationEvent(event, base);
  const generic = scope === 'object';
  if (scope === 'contact' || (generic && event.objectTypeId === CONTACT_OBJECT_TYPE_ID))
    return contactEvent(event, base, action);
  if (scope === 'company' || (generic && event.objectTypeId === COMPANY_OBJECT_TYPE_ID))
    return companyEvent(event, base, action);
  if (generic && event.objectTypeId === LEAD_OBJECT_TYPE_ID) return leadEvent(event, base, action);
  return undefined;
}

/** Normalized events plus how many events were about something we do not track (deals, company creations...). */
export interface ParsedWebhookBody {
  events: WebhookEvent[];
  ignored: number;
}

/** Parses a webhook request body; a malformed body is an `invalid_input` AppError with paths like `[3].objectId`. */
export function parseWebhookEvents(body: unknown): ParsedWebhookBody {
  const parsed = webhookBodySchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join(''),
      message: issue.message,
    }));
    throw new AppError('invalid_input', 'The webhook body is not a list of HubSpot events.', details);
  }
  const events: WebhookEvent[] = [];
  for (const raw of parsed.data) {
    const event = normalize(raw);
    if (event) events.push(event);
  }
  return { events, ignored: parsed.data.length - events.length };
}

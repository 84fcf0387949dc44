import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** HubSpot's object type id for contacts in generic (`object.*`) webhook events. */
export const CONTACT_OBJECT_TYPE_ID = '0-1';

export const WEBHOOK_EVENT_KINDS = [
  'created',
  'deleted',
  'merged',
  'privacy_deleted',
  'property_changed',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** One contact event, whatever format HubSpot delivered it in. */
export interface WebhookEvent {
  eventId: string;
  portalId: number;
  /** Epoch ms when it happened in HubSpot. */
  occurredAt: number;
  kind: WebhookEventKind;
  /** For merges, the contact that survives. */
  contactId: string;
  propertyName?: string;
  propertyValue?: string;
  /** For merges, the ids that no longer exist on their own. */
  mergedIds?: string[];
}

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

/** One element of the JSON array HubSpot posts (generic `object.*` and legacy `contact.*` forms). */
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
  })
  .loose();
export type RawWebhookEvent = z.infer<typeof webhookEventSchema>;

/** The request body: HubSpot sends up to ~100 events per request. */
export const webhookBodySchema = z.array(webhookEventSchema).max(1000);

const KIND_BY_ACTION: Record<string, WebhookEventKind> = {
  creation: 'created',
  deletion: 'deleted',
  merge: 'merged',
  privacyDeletion: 'privacy_deleted',
  propertyChange: 'property_changed',
};

function kindOf(event: RawWebhookEvent): WebhookEventKind | undefined {
  const [scope, action] = event.subscriptionType.split('.');
  if (action === undefined) return undefined;
  const isContact =
    scope === 'contact' || (scope === 'object' && event.objectTypeId === CONTACT_OBJECT_TYPE_ID);
  return isContact ? KIND_BY_ACTION[action] : undefined;
}

function normalize(event: RawWebhookEvent, kind: WebhookEventKind): WebhookEvent {
  const base = { eventId: event.eventId, portalId: event.portalId, occurredAt: event.occurredAt, kind };
  if (kind === 'property_changed') {
    const value = event.propertyValue;
    const propertyValue = value === undefined || value === null ? '' : String(value);
    return { ...base, contactId: event.objectId, propertyName: event.propertyName ?? '', propertyValue };
  }
  if (kind === 'merged') {
    const contactId = event.newObjectId ?? event.primaryObjectId ?? event.objectId;
    const candidates = [...(event.mergedObjectIds ?? []), event.primaryObjectId, event.objectId];
    const mergedIds = [...new Set(candidates.filter((c): c is string => c !== undefined && c !== contactId))];
    return { ...base, contactId, mergedIds };
  }
  return { ...base, contactId: event.objectId };
}

/** Normalized contact events plus how many events were about something we do not track (other objects, restores...). */
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
  let ignored = 0;
  for (const raw of parsed.data) {
    const kind = kindOf(raw);
    if (kind === undefined || (kind === 'property_changed' && !raw.propertyName)) ignored += 1;
    else events.push(normalize(raw, kind));
  }
  return { events, ignored };
}

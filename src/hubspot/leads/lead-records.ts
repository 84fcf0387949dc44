import { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error';
import type { HubSpotLead, LeadStageChange, NewLead } from '../leads-gateway';
import { hubspotErrorInfo } from '../translate-hubspot-error';
import { LEAD_ASSOCIATION_TYPES, LEAD_PROPERTIES_PATH, LEAD_PROPERTY, LEADS_PATH } from './lead-facts';
import { LEAD_PACT_LEAD_PROPERTY } from './lead-properties';
import type { LeadsSend } from './leads-http';

/** The properties every read asks for, so a `HubSpotLead` can be built from any answer. */
export const LEAD_READ_PROPERTIES = [
  LEAD_PROPERTY.name,
  LEAD_PROPERTY.pipeline,
  LEAD_PROPERTY.stage,
  LEAD_PROPERTY.owner,
  LEAD_PACT_LEAD_PROPERTY.handoffKey,
] as const;

const leadObject = z
  .object({ id: z.coerce.string(), properties: z.record(z.string(), z.string().nullable().optional()) })
  .loose();
type LeadObject = z.infer<typeof leadObject>;

function toLead(operation: string, body: unknown): HubSpotLead {
  const parsed = leadObject.safeParse(body);
  if (!parsed.success) throw new AppError('upstream_failed', `${operation}: HubSpot answered unexpectedly.`);
  return fromObject(parsed.data);
}

function fromObject(object: LeadObject): HubSpotLead {
  const p = object.properties;
  return {
    id: object.id,
    name: p[LEAD_PROPERTY.name] ?? '',
    stage: p[LEAD_PROPERTY.stage] ?? '',
    ownerId: p[LEAD_PROPERTY.owner] || null,
    handoffKey: p[LEAD_PACT_LEAD_PROPERTY.handoffKey] || null,
  };
}

const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED';
const association = (id: string, associationTypeId: number) => ({
  to: { id },
  types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId }],
});

/**
 * The create body: the lead named, owned (or left to HubSpot's "sync lead owner" setting when null) and keyed by its
 * handoff, associated with its contact as primary contact (578: a lead must have a contact) and with the contact's
 * company as primary company (580). https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide
 */
export function createLeadBody(lead: NewLead) {
  return {
    properties: {
      [LEAD_PROPERTY.name]: lead.name,
      ...(lead.ownerId ? { [LEAD_PROPERTY.owner]: lead.ownerId } : {}),
      [LEAD_PACT_LEAD_PROPERTY.handoffKey]: lead.handoffKey,
      [LEAD_PACT_LEAD_PROPERTY.reasons]: lead.reasons,
      [LEAD_PACT_LEAD_PROPERTY.grade]: lead.grade,
      [LEAD_PACT_LEAD_PROPERTY.route]: lead.route,
    },
    associations: [
      association(lead.contactId, LEAD_ASSOCIATION_TYPES.primaryContact),
      ...(lead.companyId ? [association(lead.companyId, LEAD_ASSOCIATION_TYPES.primaryCompany)] : []),
    ],
  };
}

/**
 * Whether HubSpot refused a create because the unique handoff key is taken. HubSpot's documents do not say which
 * answer that is (docs/hubspot-leads-facts.md §5): 409 (as for a contact's email), or a 400 naming the value as already taken.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (isAppError(error, 'conflict')) return true;
  if (!isAppError(error, 'invalid_input')) return false;
  return (
    error.message.includes(LEAD_PACT_LEAD_PROPERTY.handoffKey) ||
    /already has that value|DUPLICATE_UNIQUE_PROPERTY_VALUE/i.test(error.message) ||
    hubspotErrorInfo(error).category === 'CONFLICT'
  );
}

const batchRead = z.object({ results: z.array(leadObject) }).loose();
const searchAnswer = z.object({ results: z.array(leadObject) }).loose();

/**
 * The lead holding `key` in its unique handoff property: a batch read by `idProperty` (documented for a custom
 * unique property, and not subject to the search index's delay), then a search; undefined when neither finds it.
 */
export async function findLeadByHandoffKey(send: LeadsSend, key: string): Promise<HubSpotLead | undefined> {
  const read = batchRead.safeParse(
    await send('Reading a lead by its Lead Pact handoff key', {
      method: 'POST',
      path: `${LEADS_PATH}/batch/read`,
      body: {
        idProperty: LEAD_PACT_LEAD_PROPERTY.handoffKey,
        inputs: [{ id: key }],
        properties: [...LEAD_READ_PROPERTIES],
      },
    }).catch((error: unknown) => {
      // A refused read by key (the property not yet unique, say) still leaves the search.
      if (isAppError(error, 'invalid_input') || isAppError(error, 'not_found')) return undefined;
      throw error;
    }),
  );
  const byId = read.success ? read.data.results[0] : undefined;
  if (byId) return fromObject(byId);
  const found = searchAnswer.safeParse(
    await send('Searching a lead by its Lead Pact handoff key', {
      method: 'POST',
      path: `${LEADS_PATH}/search`,
      body: {
        filterGroups: [
          { filters: [{ propertyName: LEAD_PACT_LEAD_PROPERTY.handoffKey, operator: 'EQ', value: key }] },
        ],
        properties: [...LEAD_READ_PROPERTIES],
        limit: 1,
      },
    }),
  );
  const hit = found.success ? found.data.results[0] : undefined;
  return hit && fromObject(hit);
}

/**
 * Creates the handoff's Lead, or adopts the one an earlier attempt created (a crash after HubSpot's answer, a retry
 * after a lost response): the handoff key is unique in HubSpot, so a second create is refused and the first Lead is
 * read back by its key. When HubSpot refuses the key but the Lead cannot be read yet, the call fails to be retried
 * (`upstream_failed`) rather than create anything else.
 */
export async function createLead(send: LeadsSend, lead: NewLead): Promise<HubSpotLead> {
  const operation = 'Creating a lead';
  try {
    return toLead(
      operation,
      await send(operation, { method: 'POST', path: LEADS_PATH, body: createLeadBody(lead) }),
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await findLeadByHandoffKey(send, lead.handoffKey);
    if (existing) return existing;
    throw new AppError(
      'upstream_failed',
      `${operation}: HubSpot has a lead for handoff ${lead.handoffKey} that it cannot read back yet; try again.`,
      [],
      { cause: error },
    );
  }
}

/** `GET /crm/objects/2026-03/leads/{id}`; null when HubSpot no longer has it. */
export async function getLead(send: LeadsSend, leadId: string): Promise<HubSpotLead | null> {
  const operation = `Reading lead ${leadId}`;
  try {
    return toLead(
      operation,
      await send(operation, {
        method: 'GET',
        path: `${LEADS_PATH}/${encodeURIComponent(leadId)}`,
        qs: { properties: LEAD_READ_PROPERTIES.join(',') },
      }),
    );
  } catch (error) {
    if (isAppError(error, 'not_found')) return null;
    throw error;
  }
}

const reasonProperty = z
  .object({
    options: z.array(z.object({ value: z.string(), hidden: z.boolean().optional() }).loose()).default([]),
  })
  .loose();

/**
 * HubSpot's option for Lead Pact's reason. The options of `hs_lead_disqualification_reason` are the portal's own
 * (docs/hubspot-leads-facts.md §4), so the value is chosen from them: a rep's rejection is "not a good fit", an SLA recycle "no
 * response", a return to nurturing "bad timing", when the portal has those; an option equal to the reason itself
 * wins; else the first visible option.
 */
export function disqualificationOption(reason: string, options: readonly string[]): string | undefined {
  const closest = reason.startsWith('sla_')
    ? 'NO_RESPONSE'
    : reason === 'nurture'
      ? 'BAD_TIMING'
      : 'NOT_A_GOOD_FIT';
  const wanted = [reason, reason.toUpperCase(), closest];
  return wanted.find((value) => options.includes(value)) ?? options[0];
}

export async function disqualificationOptions(send: LeadsSend): Promise<string[]> {
  const operation = `Reading the lead property ${LEAD_PROPERTY.disqualificationReason}`;
  const parsed = reasonProperty.safeParse(
    await send(operation, {
      method: 'GET',
      path: `${LEAD_PROPERTIES_PATH}/${LEAD_PROPERTY.disqualificationReason}`,
    }),
  );
  if (!parsed.success) throw new AppError('upstream_failed', `${operation}: HubSpot answered unexpectedly.`);
  return parsed.data.options.filter((option) => !option.hidden).map((option) => option.value);
}

/**
 * `PATCH /crm/objects/2026-03/leads/{id}` with the new `hs_pipeline_stage`; the answer carries the properties written
 * (name and owner only if HubSpot echoes them: read `getLead` for those). A disqualification also writes HubSpot's
 * reason (one of the portal's options, see `disqualificationOption`), the note (Lead Pact's reason and the rep's
 * words) and Lead Pact's own reason property, in the same request.
 */
export async function moveLead(
  send: LeadsSend,
  change: LeadStageChange,
  reasonOptions: () => Promise<string[]>,
): Promise<HubSpotLead> {
  const operation = `Moving lead ${change.leadId} to ${change.stage}`;
  const properties: Record<string, string> = { [LEAD_PROPERTY.stage]: change.stage };
  if (change.disqualification) {
    const { reason, note } = change.disqualification;
    const option = disqualificationOption(reason, await reasonOptions());
    if (option) properties[LEAD_PROPERTY.disqualificationReason] = option;
    properties[LEAD_PROPERTY.disqualificationNote] = note ? `${reason}: ${note}` : reason;
    properties[LEAD_PACT_LEAD_PROPERTY.disqualificationReason] = reason;
  }
  return toLead(
    operation,
    await send(operation, {
      method: 'PATCH',
      path: `${LEADS_PATH}/${encodeURIComponent(change.leadId)}`,
      body: { properties },
    }),
  );
}

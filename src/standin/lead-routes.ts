import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { notFoundError, sendBatch, sendHubSpotError, sendInvalidInput } from './hubspot-error-body';
import { defaultStart, type StandinLead, type StandinLeadAssociation } from './lead-state';
import {
  leadAssociations,
  leadPropertyProblems,
  missingDisqualificationReason,
  refuseProblems,
  uniqueCollision,
} from './lead-validation';
import { changedByApp, sendLeadWebhook } from './lead-webhooks';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';
import type { WebhookSender } from './webhook-sender';

/** The 2026-03 leads paths (https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide). */
const LEADS = '/crm/objects/2026-03/leads';
const READ = 'crm.objects.leads.read';
const WRITE = 'crm.objects.leads.write';
const DEFAULT_PROPERTIES = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
const MAX_INPUTS = 100;

const value = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const createBody = z.object({
  properties: z.record(z.string(), value).default({}),
  associations: z
    .array(
      z.object({
        to: z.object({ id: z.coerce.string() }),
        types: z.array(
          z.object({ associationCategory: z.string(), associationTypeId: z.coerce.number().int() }),
        ),
      }),
    )
    .default([]),
});
const updateBody = z.object({ properties: z.record(z.string(), value) });
const batchReadBody = z.object({
  inputs: z.array(z.object({ id: z.coerce.string() })),
  properties: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
});
const filter = z.object({
  propertyName: z.string(),
  operator: z.enum(['EQ', 'NEQ', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']),
  value: value.optional(),
  values: z.array(value).optional(),
});
const searchBody = z.object({
  filterGroups: z
    .array(z.object({ filters: z.array(filter) }))
    .max(5)
    .default([]),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(1).max(200).default(10),
  after: z.coerce.number().int().min(0).default(0),
});

/** A lead as HubSpot answers it: the asked properties (null when unset, left out when undefined) and the defaults. */
function shown(state: StandinState, lead: StandinLead, properties: readonly string[]) {
  const picked: Record<string, string | null> = {};
  for (const name of [...DEFAULT_PROPERTIES, ...properties]) {
    if (!state.leads.properties.has(name)) continue;
    picked[name] = lead.properties[name] ?? null;
  }
  return {
    id: lead.id,
    properties: picked,
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
    archived: false,
  };
}

const TYPE_LABELS: Record<number, string> = { 578: 'lead_to_primary_contact', 608: 'lead_to_contact' };
const COMPANY_LABELS: Record<number, string> = { 580: 'lead_to_primary_company', 610: 'lead_to_company' };

/** `?associations=contacts,companies` on a read: the v3 shape HubSpot embeds in a record. */
function associationsOf(lead: StandinLead, wanted: readonly string[]) {
  const list = (items: StandinLeadAssociation[], labels: Record<number, string>) => ({
    results: items.flatMap((a) =>
      a.typeIds.map((typeId) => ({ id: a.id, type: labels[typeId] ?? String(typeId) })),
    ),
  });
  const out: Record<string, unknown> = {};
  if (wanted.includes('contacts') && lead.contacts.length > 0)
    out.contacts = list(lead.contacts, TYPE_LABELS);
  if (wanted.includes('companies') && lead.companies.length > 0)
    out.companies = list(lead.companies, COMPANY_LABELS);
  return out;
}

function leadOr404(state: StandinState, req: Request, res: Response): StandinLead | undefined {
  const lead = state.leads.records.get(String(req.params.leadId));
  if (!lead)
    sendHubSpotError(res, 404, 'Object not found.  objectId are usually numeric.', 'OBJECT_NOT_FOUND');
  return lead;
}

function conflict(res: Response, found: { name: string; value: string; existingId: string }): void {
  sendHubSpotError(
    res,
    409,
    `A lead with ${found.name}=${found.value} already exists. Existing ID: ${found.existingId}`,
    'CONFLICT',
  );
}

function create(state: StandinState, now: () => number, portalId: number, sender?: WebhookSender) {
  return (req: Request, res: Response) => {
    const body = createBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    const properties = { ...body.data.properties };
    if (refuseProblems(res, leadPropertyProblems(state, portalId, properties))) return;
    if (!properties.hs_lead_name?.trim())
      return sendHubSpotError(
        res,
        400,
        'A lead must have a name: hs_lead_name is required.',
        'VALIDATION_ERROR',
      );
    const associated = leadAssociations(state, body.data.associations);
    if ('refusal' in associated) return sendHubSpotError(res, 400, associated.refusal, 'VALIDATION_ERROR');
    const start = defaultStart(state.leads);
    if (!properties.hs_pipeline_stage && !start)
      return sendHubSpotError(res, 400, 'The portal has no lead pipeline.', 'VALIDATION_ERROR');
    if (!properties.hs_pipeline_stage && start) {
      properties.hs_pipeline = properties.hs_pipeline ?? start.pipeline;
      properties.hs_pipeline_stage = start.stage;
    }
    if (!properties.hs_pipeline && start) properties.hs_pipeline = start.pipeline;
    const taken = uniqueCollision(state, properties);
    if (taken) return conflict(res, taken);
    const missing = missingDisqualificationReason(properties);
    if (missing) return sendHubSpotError(res, 400, missing, 'VALIDATION_ERROR');
    const at = new Date(now()).toISOString();
    const id = String(state.leads.nextId++);
    const lead: StandinLead = {
      id,
      properties: { ...properties, hs_object_id: id, hs_createdate: at, hs_lastmodifieddate: at },
      createdAt: at,
      updatedAt: at,
      contacts: associated.contacts,
      companies: associated.companies,
    };
    state.leads.records.set(id, lead);
    // A created lead's stage (and reason) are property changes too (Lead Pact's subscriptions), made by this app.
    changedByApp(state, sender, id, {}, lead.properties, now());
    res.status(201).json({
      ...shown(state, lead, Object.keys(lead.properties)),
      url: `https://app.hubspot.com/contacts/${portalId}/record/0-136/${id}`,
    });
  };
}

function update(state: StandinState, now: () => number, portalId: number, sender?: WebhookSender) {
  return (req: Request, res: Response) => {
    const lead = leadOr404(state, req, res);
    if (!lead) return;
    const body = updateBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    const properties = body.data.properties;
    if (refuseProblems(res, leadPropertyProblems(state, portalId, properties, lead))) return;
    if (properties.hs_lead_name !== undefined && !properties.hs_lead_name.trim())
      return sendHubSpotError(
        res,
        400,
        'A lead must have a name: hs_lead_name is required.',
        'VALIDATION_ERROR',
      );
    const taken = uniqueCollision(state, properties, lead.id);
    if (taken) return conflict(res, taken);
    const missing = missingDisqualificationReason({ ...lead.properties, ...properties });
    if (missing) return sendHubSpotError(res, 400, missing, 'VALIDATION_ERROR');
    const before = { ...lead.properties };
    const at = new Date(now()).toISOString();
    Object.assign(lead.properties, properties, { hs_lastmodifieddate: at });
    lead.updatedAt = at;
    changedByApp(state, sender, lead.id, before, lead.properties, now());
    res.json(shown(state, lead, Object.keys(properties)));
  };
}

function batchRead(state: StandinState) {
  return (req: Request, res: Response) => {
    const startedAt = new Date().toISOString();
    const body = batchReadBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    const { inputs, properties, idProperty } = body.data;
    if (inputs.length > MAX_INPUTS)
      return sendHubSpotError(
        res,
        400,
        `Batch input of size ${inputs.length} exceeds the limit of ${MAX_INPUTS} inputs`,
        'VALIDATION_ERROR',
      );
    if (idProperty !== undefined && !state.leads.properties.get(idProperty)?.hasUniqueValue)
      return sendHubSpotError(
        res,
        400,
        `Unable to perform read by non-unique 0-136 property ${idProperty}`,
        'VALIDATION_ERROR',
      );
    const find = (id: string) =>
      idProperty === undefined
        ? state.leads.records.get(id)
        : [...state.leads.records.values()].find((lead) => lead.properties[idProperty] === id);
    const found = inputs.map((input) => find(input.id));
    const results = found.filter((lead) => lead !== undefined).map((lead) => shown(state, lead, properties));
    const missing = inputs.filter((_, i) => found[i] === undefined).map((input) => input.id);
    sendBatch(res, results, missing.length > 0 ? [notFoundError('LEAD', missing)] : [], startedAt);
  };
}

function matches(lead: StandinLead, f: z.infer<typeof filter>): boolean {
  const current = lead.properties[f.propertyName];
  switch (f.operator) {
    case 'EQ':
      return current === f.value;
    case 'NEQ':
      return current !== f.value;
    case 'IN':
      return current !== null && current !== undefined && (f.values ?? []).includes(current);
    case 'NOT_IN':
      return !(f.values ?? []).includes(current ?? '');
    case 'HAS_PROPERTY':
      return current !== null && current !== undefined && current !== '';
    case 'NOT_HAS_PROPERTY':
      return current === null || current === undefined || current === '';
  }
}

function search(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = searchBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    const { filterGroups, properties, limit, after } = body.data;
    const unknown = filterGroups
      .flatMap((group) => group.filters)
      .find((f) => !state.leads.properties.has(f.propertyName));
    if (unknown)
      return sendHubSpotError(
        res,
        400,
        `There was a problem with the request: property ${unknown.propertyName} does not exist`,
        'VALIDATION_ERROR',
      );
    const all = [...state.leads.records.values()].filter(
      (lead) =>
        filterGroups.length === 0 ||
        filterGroups.some((group) => group.filters.every((f) => matches(lead, f))),
    );
    const page = all.slice(after, after + limit).map((lead) => shown(state, lead, properties));
    const next = after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
    res.json({ total: all.length, results: page, ...next });
  };
}

/** `GET .../leads/{id}/associations/{toObjectType}`: the v4 shape (`toObjectId`, `associationTypes`). */
function readAssociations(state: StandinState) {
  return (req: Request, res: Response) => {
    const lead = leadOr404(state, req, res);
    if (!lead) return;
    const to = String(req.params.toObjectType);
    const list = ['contacts', 'contact', '0-1'].includes(to)
      ? { items: lead.contacts, labels: { 578: 'Primary' } as Record<number, string> }
      : ['companies', 'company', '0-2'].includes(to)
        ? { items: lead.companies, labels: { 580: 'Primary' } as Record<number, string> }
        : undefined;
    if (!list)
      return sendHubSpotError(res, 400, `Unable to infer object type from: ${to}`, 'VALIDATION_ERROR');
    res.json({
      results: list.items.map((a) => ({
        toObjectId: Number(a.id),
        associationTypes: a.typeIds.map((typeId) => ({
          category: 'HUBSPOT_DEFINED',
          typeId,
          label: list.labels[typeId] ?? null,
        })),
      })),
    });
  };
}

/** `GET /crm/objects/2026-03/contacts/{id}/associations/leads`: a contact's leads (for a card). */
function contactLeads(state: StandinState) {
  return (req: Request, res: Response) => {
    const contactId = String(req.params.contactId);
    if (!state.contacts.has(contactId))
      return sendHubSpotError(
        res,
        404,
        'Object not found.  objectId are usually numeric.',
        'OBJECT_NOT_FOUND',
      );
    const results = [...state.leads.records.values()].flatMap((lead) => {
      const association = lead.contacts.find((a) => a.id === contactId);
      if (!association) return [];
      // From the contact's side the types are the reverse ones (579 primary, 609 unlabeled).
      const typeIds = association.typeIds.map((typeId) => (typeId === 578 ? 579 : 609));
      return [
        {
          toObjectId: Number(lead.id),
          associationTypes: typeIds.map((typeId) => ({
            category: 'HUBSPOT_DEFINED',
            typeId,
            label: typeId === 579 ? 'Primary' : null,
          })),
        },
      ];
    });
    res.json({ results });
  };
}

/**
 * The Leads API of platform 2026.03: create (strict: name, a primary contact, known records, owners, stages and
 * properties, unique values), read (`properties`, `associations`), update, delete, batch read (also by a unique
 * `idProperty`), search, association reads. Reads need `crm.objects.leads.read`, writes `crm.objects.leads.write`.
 * Stage changes send the `hs_pipeline_stage` webhook (`INTEGRATION`, this app's id), deletions `object.deletion`.
 */
export function leadRoutes(
  state: StandinState,
  now: () => number,
  portalId: number,
  sender?: WebhookSender,
): Router {
  const router = Router();
  const read = requireScope(state, READ);
  const write = requireScope(state, WRITE);
  router.post(`${LEADS}/batch/read`, read, batchRead(state));
  router.post(`${LEADS}/search`, read, search(state));
  router.post(LEADS, write, create(state, now, portalId, sender));
  router.get(`${LEADS}/:leadId/associations/:toObjectType`, read, readAssociations(state));
  router.get('/crm/objects/2026-03/contacts/:contactId/associations/leads', read, contactLeads(state));
  router.get(`${LEADS}/:leadId`, read, (req, res) => {
    const lead = leadOr404(state, req, res);
    if (!lead) return;
    const list = (name: string) =>
      String(req.query[name] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const associations = associationsOf(lead, list('associations'));
    res.json({
      ...shown(state, lead, list('properties')),
      ...(Object.keys(associations).length > 0 ? { associations } : {}),
    });
  });
  router.patch(`${LEADS}/:leadId`, write, update(state, now, portalId, sender));
  router.delete(`${LEADS}/:leadId`, write, (req, res) => {
    const lead = leadOr404(state, req, res);
    if (!lead) return;
    state.leads.records.delete(lead.id);
    if (sender)
      void sendLeadWebhook(
        state,
        sender,
        { leadId: lead.id, change: { deleted: true }, source: { appId: sender.appId } },
        now(),
      );
    res.status(204).end();
  });
  return router;
}

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import type { StandinLeadProperty } from './lead-state';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';

/** Lead properties and groups (https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide). */
const PROPS = '/crm/properties/2026-03/leads';

const option = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
});
const groupBody = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().default(-1),
});
const propertyBody = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  type: z.enum(['enumeration', 'number', 'string', 'datetime', 'date', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(option).default([]),
  hasUniqueValue: z.boolean().default(false),
});

function shownProperty(property: StandinLeadProperty) {
  const at = '2026-10-01T00:00:00.000Z';
  return {
    ...property,
    createdAt: at,
    updatedAt: at,
    archived: false,
    hidden: false,
    formField: false,
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue ?? false,
    },
  };
}

function createGroup(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = groupBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property group', 'VALIDATION_ERROR');
    if (state.leads.groups.has(body.data.name))
      return sendHubSpotError(
        res,
        409,
        `Property group ${body.data.name} already exists`,
        'OBJECT_ALREADY_EXISTS',
      );
    state.leads.groups.set(body.data.name, body.data);
    res.status(201).json({ ...body.data, archived: false });
  };
}

function createProperty(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = propertyBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property definition', 'VALIDATION_ERROR');
    const { name, groupName, hasUniqueValue, type } = body.data;
    if (state.leads.properties.has(name))
      return sendHubSpotError(res, 409, `Property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS', {
        subCategory: 'PropertyValidationError.PROPERTY_EXISTS',
        context: { name: [name] },
      });
    if (!state.leads.groups.has(groupName))
      return sendHubSpotError(res, 400, `Property group ${groupName} does not exist`, 'VALIDATION_ERROR');
    if (hasUniqueValue && type !== 'string' && type !== 'number')
      return sendHubSpotError(
        res,
        400,
        `Property ${name}: only string and number properties can require unique values`,
        'VALIDATION_ERROR',
      );
    const property: StandinLeadProperty = { ...body.data, hubspotDefined: false };
    state.leads.properties.set(name, property);
    res.status(201).json(shownProperty(property));
  };
}

/**
 * Lead property groups and definitions: list (HubSpot's and the portal's), read one, create (409 when present;
 * `hasUniqueValue` for a unique property). Reads need `crm.objects.leads.read`; creating needs
 * `crm.schemas.leads.write` (leads-facts.md §7).
 */
export function leadPropertyRoutes(state: StandinState): Router {
  const router = Router();
  const read = requireScope(state, 'crm.objects.leads.read');
  const schemaWrite = requireScope(state, 'crm.schemas.leads.write');
  router.get(`${PROPS}/groups/:name`, read, (req, res) => {
    const group = state.leads.groups.get(String(req.params.name));
    if (!group)
      return sendHubSpotError(
        res,
        404,
        `Unable to find property group ${req.params.name}`,
        'OBJECT_NOT_FOUND',
      );
    res.json({ ...group, archived: false });
  });
  router.post(`${PROPS}/groups`, schemaWrite, createGroup(state));
  router.get(PROPS, read, (_req, res) => {
    res.json({ results: [...state.leads.properties.values()].map(shownProperty) });
  });
  router.get(`${PROPS}/:name`, read, (req, res) => {
    const property = state.leads.properties.get(String(req.params.name));
    if (!property)
      return sendHubSpotError(res, 404, `Property ${req.params.name} does not exist`, 'OBJECT_NOT_FOUND');
    res.json(shownProperty(property));
  });
  router.post(PROPS, schemaWrite, createProperty(state));
  // The lead pipelines (https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/guide, 2026-03 path).
  router.get('/crm/pipelines/2026-03/leads', read, (_req, res) => {
    const at = '2024-01-10T00:00:00.000Z';
    res.json({
      results: state.leads.pipelines.map((pipeline) => ({
        ...pipeline,
        createdAt: at,
        updatedAt: at,
        stages: pipeline.stages.map((stage) => ({ ...stage, createdAt: at, updatedAt: at })),
      })),
    });
  });
  return router;
}

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import {
  createGroup,
  definitionFields,
  propertyBody,
  readGroup,
  readProperty,
  refusedNewProperty,
} from './property-definitions';
import type { StandinLeadProperty } from './lead-state';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';

/** Lead properties and groups (https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide). */
const PROPS = '/crm/properties/2026-03/leads';

const leadPropertyBody = propertyBody.extend({ hasUniqueValue: z.boolean().default(false) });

function shownProperty(property: StandinLeadProperty) {
  return {
    ...property,
    ...definitionFields(),
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue ?? false,
    },
  };
}

function createProperty(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = leadPropertyBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property definition', 'VALIDATION_ERROR');
    const { name, hasUniqueValue, type } = body.data;
    if (refusedNewProperty(res, body.data, state.leads.properties, state.leads.groups)) return;
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
 * `crm.schemas.leads.write` (docs/hubspot-leads-facts.md §7).
 */
export function leadPropertyRoutes(state: StandinState): Router {
  const router = Router();
  const read = requireScope(state, 'crm.objects.leads.read');
  const schemaWrite = requireScope(state, 'crm.schemas.leads.write');
  router.get(`${PROPS}/groups/:name`, read, readGroup(state.leads.groups));
  router.post(`${PROPS}/groups`, schemaWrite, createGroup(state.leads.groups));
  router.get(PROPS, read, (_req, res) => {
    res.json({ results: [...state.leads.properties.values()].map(shownProperty) });
  });
  router.get(`${PROPS}/:name`, read, readProperty(state.leads.properties, shownProperty));
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

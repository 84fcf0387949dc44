import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import type { StandinProperty, StandinState } from './standin-state';
import { standardProperties, type StandinLanguage } from './standard-properties';

const PROPS = '/crm/v3/properties/contacts';

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
});
const patchBody = z.object({ label: z.string().optional(), options: z.array(option).optional() }).loose();

function shown(property: StandinProperty, hubspotDefined = false) {
  const at = '2026-10-01T00:00:00.000Z';
  return {
    ...property,
    createdAt: at,
    updatedAt: at,
    archived: false,
    hidden: false,
    formField: false,
    hubspotDefined,
  };
}

function createGroup(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = groupBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property group', 'VALIDATION_ERROR');
    if (state.groups.has(body.data.name)) {
      return sendHubSpotError(
        res,
        409,
        `Property group ${body.data.name} already exists`,
        'OBJECT_ALREADY_EXISTS',
      );
    }
    state.groups.set(body.data.name, body.data);
    res.status(201).json({ ...body.data, archived: false });
  };
}

function createProperty(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = propertyBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property definition', 'VALIDATION_ERROR');
    const { name, groupName } = body.data;
    if (state.properties.has(name)) {
      return sendHubSpotError(res, 409, `Property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS', {
        subCategory: 'PropertyValidationError.PROPERTY_EXISTS',
        context: { name: [name] },
      });
    }
    if (!state.groups.has(groupName)) {
      return sendHubSpotError(res, 400, `Property group ${groupName} does not exist`, 'VALIDATION_ERROR');
    }
    state.properties.set(name, body.data);
    res.status(201).json(shown(body.data));
  };
}

function updateProperty(state: StandinState) {
  return (req: Request, res: Response) => {
    const existing = state.properties.get(String(req.params.name));
    if (!existing)
      return sendHubSpotError(res, 404, `Property ${req.params.name} does not exist`, 'OBJECT_NOT_FOUND');
    const body = patchBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property update', 'VALIDATION_ERROR');
    // Like HubSpot, `options` replaces the whole list.
    if (body.data.options) existing.options = body.data.options;
    if (body.data.label) existing.label = body.data.label;
    res.json(shown(existing));
  };
}

/**
 * Contact property groups and definitions: create (409 when present), read, and PATCH options. Listing contacts' or
 * companies' properties also returns the HubSpot-defined ones, labelled in the account's language (`language`).
 */
export function propertyRoutes(state: StandinState, options: { language?: StandinLanguage } = {}): Router {
  const language = options.language ?? 'en';
  const router = Router();
  router.get(`${PROPS}/groups/:name`, (req, res) => {
    const group = state.groups.get(req.params.name);
    if (!group)
      return sendHubSpotError(
        res,
        404,
        `Unable to find property group ${req.params.name}`,
        'OBJECT_NOT_FOUND',
      );
    res.json({ ...group, archived: false });
  });
  router.post(`${PROPS}/groups`, createGroup(state));
  router.get(PROPS, (_req, res) => {
    const created = [...state.properties.values()];
    const standard = standardProperties('contacts', language).filter((p) => !state.properties.has(p.name));
    res.json({ results: [...standard.map((p) => shown(p, true)), ...created.map((p) => shown(p))] });
  });
  router.get('/crm/v3/properties/companies', (_req, res) => {
    res.json({ results: standardProperties('companies', language).map((p) => shown(p, true)) });
  });
  router.get(`${PROPS}/:name`, (req, res) => {
    const property = state.properties.get(req.params.name);
    if (!property)
      return sendHubSpotError(res, 404, `Property ${req.params.name} does not exist`, 'OBJECT_NOT_FOUND');
    res.json(shown(property));
  });
  router.post(PROPS, createProperty(state));
  router.patch(`${PROPS}/:name`, updateProperty(state));
  return router;
}

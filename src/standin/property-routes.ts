import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import {
  createGroup,
  definitionFields,
  optionBody,
  propertyBody,
  readGroup,
  readProperty,
  refusedNewProperty,
} from './property-definitions';
import type { StandinProperty, StandinState } from './standin-state';
import { standardProperties, type StandinLanguage } from './standard-properties';

const PROPS = '/crm/v3/properties/contacts';

const patchBody = z.object({ label: z.string().optional(), options: z.array(optionBody).optional() }).loose();

function shown(property: StandinProperty, hubspotDefined = false) {
  return { ...property, ...definitionFields(), hubspotDefined };
}

function createProperty(state: StandinState) {
  return (req: Request, res: Response) => {
    const body = propertyBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property definition', 'VALIDATION_ERROR');
    if (refusedNewProperty(res, body.data, state.properties, state.groups)) return;
    state.properties.set(body.data.name, body.data);
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
  router.get(`${PROPS}/groups/:name`, readGroup(state.groups));
  router.post(`${PROPS}/groups`, createGroup(state.groups));
  router.get(PROPS, (_req, res) => {
    const created = [...state.properties.values()];
    const standard = standardProperties('contacts', language).filter((p) => !state.properties.has(p.name));
    res.json({ results: [...standard.map((p) => shown(p, true)), ...created.map((p) => shown(p))] });
  });
  router.get('/crm/v3/properties/companies', (_req, res) => {
    res.json({ results: standardProperties('companies', language).map((p) => shown(p, true)) });
  });
  router.get(
    `${PROPS}/:name`,
    readProperty(state.properties, (property) => shown(property)),
  );
  router.post(PROPS, createProperty(state));
  router.patch(`${PROPS}/:name`, updateProperty(state));
  return router;
}

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { notFoundError, sendBatch, sendHubSpotError, sendInvalidInput } from './hubspot-error-body';
import { contactPropertyExists } from './known-properties';
import type { StandinRecord, StandinState } from './standin-state';

const DEFAULT_PROPERTIES = ['createdate', 'hs_object_id', 'lastmodifieddate'];
const MAX_INPUTS = 100;

const readBody = z.object({
  inputs: z.array(z.object({ id: z.coerce.string() })),
  properties: z.array(z.string()).default([]),
});
const updateBody = z.object({
  inputs: z.array(z.object({ id: z.coerce.string(), properties: z.record(z.string(), z.coerce.string()) })),
});

/** A record as HubSpot returns it: the asked properties (null when unset) plus the default ones. */
export function project(record: StandinRecord, properties: readonly string[]) {
  const picked: Record<string, string | null> = {};
  for (const name of [...DEFAULT_PROPERTIES, ...properties]) picked[name] = record.properties[name] ?? null;
  return {
    id: record.id,
    properties: picked,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: false,
  };
}

/** HubSpot's batch endpoints take at most 100 inputs and refuse the whole request above that. */
function tooMany(res: Response, inputs: readonly unknown[]): boolean {
  if (inputs.length <= MAX_INPUTS) return false;
  const message = `Batch input of size ${inputs.length} exceeds the limit of ${MAX_INPUTS} inputs`;
  sendHubSpotError(res, 400, message, 'VALIDATION_ERROR');
  return true;
}

/** One entry of the list HubSpot embeds in a refused batch's message, as its API writes it. */
interface PropertyProblem {
  isValid: false;
  message: string;
  error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_OPTION';
  name: string;
  localizedErrorMessage: string;
  portalId: number;
}

/**
 * What HubSpot refuses a whole batch for: a property that does not exist in the portal (`PROPERTY_DOESNT_EXIST`,
 * one entry per property) and an enumeration value outside the property's options (`INVALID_OPTION`).
 */
function propertyProblems(
  state: StandinState,
  portalId: number,
  inputs: z.infer<typeof updateBody>['inputs'],
): PropertyProblem[] {
  const problems = new Map<string, PropertyProblem>();
  const add = (key: string, error: PropertyProblem['error'], name: string, message: string) =>
    problems.set(key, { isValid: false, message, error, name, localizedErrorMessage: message, portalId });
  for (const input of inputs) {
    for (const [name, value] of Object.entries(input.properties)) {
      if (!contactPropertyExists(state, name)) {
        add(name, 'PROPERTY_DOESNT_EXIST', name, `Property "${name}" does not exist`);
        continue;
      }
      const definition = state.properties.get(name);
      if (definition?.type !== 'enumeration' || value === '') continue;
      if (!definition.options.some((option) => option.value === value)) {
        const allowed = definition.options.map((o) => `[option label: ${o.label}\nvalue: ${o.value}]`);
        add(
          `${name}=${value}`,
          'INVALID_OPTION',
          name,
          `${value} was not one of the allowed options: ${allowed.join(', ')}`,
        );
      }
    }
  }
  return [...problems.values()];
}

function batchRead(state: StandinState) {
  return (req: Request, res: Response) => {
    const startedAt = new Date().toISOString();
    const objectType = req.params.objectType;
    const store =
      objectType === 'contacts' ? state.contacts : objectType === 'companies' ? state.companies : undefined;
    if (!store) return sendHubSpotError(res, 400, `Unknown object type ${objectType}`, 'VALIDATION_ERROR');
    const body = readBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    if (tooMany(res, body.data.inputs)) return;
    const found = body.data.inputs.map((input) => store.get(input.id));
    const results = found
      .filter((record) => record !== undefined)
      .map((r) => project(r, body.data.properties));
    const missing = body.data.inputs.filter((_, i) => found[i] === undefined).map((input) => input.id);
    const label = objectType === 'contacts' ? 'CONTACT' : 'COMPANY';
    sendBatch(res, results, missing.length > 0 ? [notFoundError(label, missing)] : [], startedAt);
  };
}

function batchUpdate(state: StandinState, now: () => number, portalId: number) {
  return (req: Request, res: Response) => {
    const startedAt = new Date(now()).toISOString();
    const body = updateBody.safeParse(req.body);
    if (!body.success) return sendInvalidInput(res, body.error);
    if (tooMany(res, body.data.inputs)) return;
    const token = String(res.locals.token ?? '');
    const record = (status: number) =>
      state.updates.push({ at: now(), token, status, inputs: body.data.inputs.map((i) => ({ ...i })) });
    const problems = propertyProblems(state, portalId, body.data.inputs);
    if (problems.length > 0) {
      record(400);
      const message = `Property values were not valid: ${JSON.stringify(problems)}`;
      return sendHubSpotError(res, 400, message, 'VALIDATION_ERROR');
    }
    const results = [];
    const missing: string[] = [];
    for (const input of body.data.inputs) {
      const contact = state.contacts.get(input.id);
      if (!contact) {
        missing.push(input.id);
        continue;
      }
      Object.assign(contact.properties, input.properties, { lastmodifieddate: startedAt });
      contact.updatedAt = startedAt;
      results.push(project(contact, Object.keys(input.properties)));
    }
    state.stats.batchUpdates += 1;
    state.stats.contactsWritten += results.length;
    record(missing.length > 0 ? 207 : 200);
    sendBatch(res, results, missing.length > 0 ? [notFoundError('CONTACT', missing)] : [], startedAt);
  };
}

/** `POST /crm/v3/objects/{type}/batch/read` and `POST /crm/v3/objects/contacts/batch/update`. */
export function batchRoutes(state: StandinState, now: () => number, portalId: number): Router {
  const router = Router();
  router.post('/crm/v3/objects/contacts/batch/update', batchUpdate(state, now, portalId));
  router.post('/crm/v3/objects/:objectType/batch/read', batchRead(state));
  return router;
}

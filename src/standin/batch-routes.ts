import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { notFoundError, sendBatch, sendHubSpotError } from './hubspot-error-body';
import type { StandinRecord, StandinState } from './standin-state';

const DEFAULT_PROPERTIES = ['createdate', 'hs_object_id', 'lastmodifieddate'];
const MAX_INPUTS = 100;

const readBody = z.object({
  inputs: z.array(z.object({ id: z.coerce.string() })).max(MAX_INPUTS),
  properties: z.array(z.string()).default([]),
});
const updateBody = z.object({
  inputs: z
    .array(z.object({ id: z.coerce.string(), properties: z.record(z.string(), z.coerce.string()) }))
    .max(MAX_INPUTS),
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

function invalid(res: Response, error: z.ZodError): void {
  sendHubSpotError(
    res,
    400,
    `Invalid input JSON: ${error.issues[0]?.message ?? 'bad body'}`,
    'VALIDATION_ERROR',
  );
}

/** Values an enumeration property does not allow; HubSpot refuses the whole batch for them. */
function invalidOptions(state: StandinState, inputs: z.infer<typeof updateBody>['inputs']): string[] {
  const problems: string[] = [];
  for (const input of inputs) {
    for (const [name, value] of Object.entries(input.properties)) {
      const definition = state.properties.get(name);
      if (definition?.type !== 'enumeration' || value === '') continue;
      if (!definition.options.some((option) => option.value === value)) {
        problems.push(`${value} was not one of the allowed options for ${name}`);
      }
    }
  }
  return problems;
}

function batchRead(state: StandinState) {
  return (req: Request, res: Response) => {
    const startedAt = new Date().toISOString();
    const objectType = req.params.objectType;
    const store =
      objectType === 'contacts' ? state.contacts : objectType === 'companies' ? state.companies : undefined;
    if (!store) return sendHubSpotError(res, 400, `Unknown object type ${objectType}`, 'VALIDATION_ERROR');
    const body = readBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const found = body.data.inputs.map((input) => store.get(input.id));
    const results = found
      .filter((record) => record !== undefined)
      .map((r) => project(r, body.data.properties));
    const missing = body.data.inputs.filter((_, i) => found[i] === undefined).map((input) => input.id);
    const label = objectType === 'contacts' ? 'CONTACT' : 'COMPANY';
    sendBatch(res, results, missing.length > 0 ? [notFoundError(label, missing)] : [], startedAt);
  };
}

function batchUpdate(state: StandinState, now: () => number) {
  return (req: Request, res: Response) => {
    const startedAt = new Date(now()).toISOString();
    const body = updateBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const token = String(res.locals.token ?? '');
    const record = (status: number) =>
      state.updates.push({ at: now(), token, status, inputs: body.data.inputs.map((i) => ({ ...i })) });
    const problems = invalidOptions(state, body.data.inputs);
    if (problems.length > 0) {
      record(400);
      return sendHubSpotError(
        res,
        400,
        `Property values were not valid: ${problems.join('; ')}`,
        'VALIDATION_ERROR',
      );
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
export function batchRoutes(state: StandinState, now: () => number): Router {
  const router = Router();
  router.post('/crm/v3/objects/contacts/batch/update', batchUpdate(state, now));
  router.post('/crm/v3/objects/:objectType/batch/read', batchRead(state));
  return router;
}

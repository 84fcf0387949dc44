import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { project } from './batch-routes';
import { associationsHandler, companyContactsHandler } from './associations-handler';
import { sendHubSpotError } from './hubspot-error-body';
import { MODIFIED_PROPERTY, type StandinRecord, type StandinState } from './standin-state';

/** HubSpot serves at most 10,000 results per search query. */
const SEARCH_RESULT_CAP = 10_000;

const searchBody = z.object({
  filterGroups: z
    .array(
      z.object({
        filters: z.array(
          z.object({ propertyName: z.string(), operator: z.string(), value: z.coerce.string().optional() }),
        ),
      }),
    )
    .default([]),
  properties: z.array(z.string()).default([]),
  limit: z.coerce.number().int().min(1).max(200).default(10),
  after: z.coerce.number().int().min(0).default(0),
});

function queryList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => String(v).split(',')).filter((v) => v.length > 0);
}

function timeOf(record: StandinRecord, property: string): number {
  const raw = record.properties[property] ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  GTE: (a, b) => a >= b,
  GT: (a, b) => a > b,
  LTE: (a, b) => a <= b,
  LT: (a, b) => a < b,
  EQ: (a, b) => a === b,
};

const byId = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

/** Contact ids in list order, re-sorted only when contacts were added (the stand-in never deletes). */
function sortedIds(state: StandinState): () => string[] {
  let cache: string[] = [];
  return () => {
    if (cache.length !== state.contacts.size) cache = [...state.contacts.keys()].sort(byId);
    return cache;
  };
}

/** Index of the first id at or after the cursor (binary search). */
function startOf(ids: string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byId(ids[middle] as string, after) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function list(state: StandinState) {
  const ids = sortedIds(state);
  return (req: Request, res: Response) => {
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 10) || 10));
    const properties = queryList(req.query.properties);
    const all = ids();
    const start = startOf(all, req.query.after === undefined ? undefined : String(req.query.after));
    const page = all.slice(start, start + limit);
    const body: Record<string, unknown> = {
      results: page.map((id) => project(state.contacts.get(id) as StandinRecord, properties)),
    };
    const next = all[start + limit];
    if (next !== undefined) body.paging = { next: { after: next, link: `?after=${next}` } };
    res.json(body);
  };
}

/** A search over one object type, sorted the way our searches ask: by the type's last-modified date. */
function search(records: Map<string, StandinRecord>, modified: string) {
  return (req: Request, res: Response) => {
    const body = searchBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid search request', 'VALIDATION_ERROR');
    const { filterGroups, properties, limit, after } = body.data;
    if (after + limit > SEARCH_RESULT_CAP) {
      return sendHubSpotError(res, 400, 'Searches are limited to 10000 results.', 'VALIDATION_ERROR');
    }
    const matches = (record: StandinRecord) =>
      filterGroups.length === 0 ||
      filterGroups.some((group) =>
        group.filters.every(
          (f) => COMPARE[f.operator]?.(timeOf(record, f.propertyName), Number(f.value)) ?? false,
        ),
      );
    const found = [...records.values()]
      .filter(matches)
      .sort((a, b) => timeOf(a, modified) - timeOf(b, modified) || Number(a.id) - Number(b.id));
    const response: Record<string, unknown> = {
      total: found.length,
      results: found.slice(after, after + limit).map((record) => project(record, properties)),
    };
    if (after + limit < found.length) response.paging = { next: { after: String(after + limit) } };
    res.json(response);
  };
}

/**
 * Contact list paging, contact and company search on dates (a filter on a property the record lacks, such as
 * `lastmodifieddate` on companies, matches nothing), and v4 associations both ways between contacts and companies.
 */
export function queryRoutes(state: StandinState): Router {
  const router = Router();
  router.get('/crm/v3/objects/contacts', list(state));
  router.post('/crm/v3/objects/contacts/search', search(state.contacts, MODIFIED_PROPERTY.contacts));
  router.post('/crm/v3/objects/companies/search', search(state.companies, MODIFIED_PROPERTY.companies));
  router.post('/crm/v4/associations/contacts/companies/batch/read', associationsHandler(state));
  router.post('/crm/v4/associations/companies/contacts/batch/read', companyContactsHandler(state));
  return router;
}

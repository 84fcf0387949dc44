import type { Request, Response } from 'express';
import { z } from 'zod';
import { sendBatch, sendHubSpotError } from './hubspot-error-body';
import type { StandinState } from './standin-state';

const associationsBody = z.object({ inputs: z.array(z.object({ id: z.coerce.string() })).max(1000) });

/** `POST /crm/v4/associations/contacts/companies/batch/read`: the primary company carries typeId 1 "Primary". */
export function associationsHandler(state: StandinState) {
  return (req: Request, res: Response) => {
    const startedAt = new Date().toISOString();
    const body = associationsBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid input JSON', 'VALIDATION_ERROR');
    const results = [];
    const errors = [];
    for (const { id } of body.data.inputs) {
      const companyIds = state.associations.get(id) ?? [];
      if (companyIds.length === 0) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `No company is associated with contact ${id}.`,
          context: { fromObjectId: [id] },
        });
        continue;
      }
      const to = companyIds.map((companyId, index) => ({
        toObjectId: Number(companyId),
        associationTypes: [
          ...(index === 0 ? [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }] : []),
          { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
        ],
      }));
      results.push({ from: { id }, to });
    }
    sendBatch(res, results, errors, startedAt);
  };
}

/** Associations per company per page: HubSpot pages each object's associations with its own cursor. */
export const ASSOCIATIONS_PAGE_SIZE = 500;

const pagedBody = z.object({
  inputs: z.array(z.object({ id: z.coerce.string(), after: z.string().optional() })).max(1000),
});

// HubSpot's cursor is opaque: base64 of `<toObjectTypeId>-<last id>`, URL-encoded (e.g. `MC0xLTUwMA%3D%3D`).
const cursorOf = (lastId: string) => encodeURIComponent(Buffer.from(`0-1-${lastId}`).toString('base64'));
function lastIdOf(after: string): string | undefined {
  const decoded = Buffer.from(decodeURIComponent(after), 'base64').toString('utf8');
  return /^0-1-(\d+)$/.exec(decoded)?.[1];
}

/** Contact ids by company, for the companies asked only (one pass over the contacts' associations). */
function contactsByCompany(state: StandinState, companyIds: Set<string>): Map<string, string[]> {
  const byCompany = new Map<string, string[]>();
  for (const [contactId, companies] of state.associations) {
    for (const companyId of companies) {
      if (!companyIds.has(companyId)) continue;
      const list = byCompany.get(companyId) ?? [];
      list.push(contactId);
      byCompany.set(companyId, list);
    }
  }
  for (const list of byCompany.values()) list.sort((a, b) => Number(a) - Number(b));
  return byCompany;
}

/**
 * `POST /crm/v4/associations/companies/contacts/batch/read`: each company's contacts, ASSOCIATIONS_PAGE_SIZE at a
 * time with a per-company `paging.next.after` that the next request sends back beside the id. A company without
 * contacts is an error entry, as on the contacts side; a cursor that is not HubSpot's is refused.
 */
export function companyContactsHandler(state: StandinState) {
  return (req: Request, res: Response) => {
    const startedAt = new Date().toISOString();
    const body = pagedBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid input JSON', 'VALIDATION_ERROR');
    const starts = body.data.inputs.map((input) => (input.after === undefined ? '0' : lastIdOf(input.after)));
    if (starts.includes(undefined))
      return sendHubSpotError(res, 400, 'Invalid paging cursor', 'VALIDATION_ERROR');
    const byCompany = contactsByCompany(state, new Set(body.data.inputs.map((input) => input.id)));
    const results = [];
    const errors = [];
    for (const [index, { id }] of body.data.inputs.entries()) {
      const after = Number(starts[index]);
      const contactIds = (byCompany.get(id) ?? []).filter((contactId) => Number(contactId) > after);
      if (contactIds.length === 0) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `No contact is associated with company ${id}.`,
          context: { fromObjectId: [id] },
        });
        continue;
      }
      const page = contactIds.slice(0, ASSOCIATIONS_PAGE_SIZE);
      const to = page.map((contactId) => {
        const primary = state.associations.get(contactId)?.[0] === id;
        const types = [
          ...(primary ? [{ category: 'HUBSPOT_DEFINED', typeId: 2, label: 'Primary' }] : []),
          { category: 'HUBSPOT_DEFINED', typeId: 280, label: null },
        ];
        return { toObjectId: Number(contactId), associationTypes: types };
      });
      const last = page[page.length - 1] as string;
      const more = contactIds.length > page.length;
      results.push({ from: { id }, to, ...(more ? { paging: { next: { after: cursorOf(last) } } } : {}) });
    }
    sendBatch(res, results, errors, startedAt);
  };
}

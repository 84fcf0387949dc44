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

import type { Client } from '@hubspot/api-client';
import { isAppError } from '../domain/app-error';
import type { ContactUpdate, RejectedUpdate, UpdateContactsResult } from './hubspot-gateway';
import { chunk } from './read-contacts-with-company';
import { hubspotErrorInfo, translateHubSpotError } from './translate-hubspot-error';

interface SdkBatchError {
  message?: string;
  category?: string;
  context?: Record<string, unknown>;
}

function idsOf(error: SdkBatchError): string[] {
  const ids = error.context?.ids;
  return Array.isArray(ids) ? ids.map(String) : [];
}

/** Per-contact rejections from a 207 multi-status answer (`errors[].context.ids`). */
function rejectionsOf(errors: SdkBatchError[] | undefined, inputIds: Set<string>): RejectedUpdate[] {
  const rejected: RejectedUpdate[] = [];
  for (const error of errors ?? []) {
    for (const id of idsOf(error)) {
      if (!inputIds.has(id)) continue;
      rejected.push({
        id,
        message: error.message ?? 'Rejected by HubSpot',
        category: error.category ?? 'UNKNOWN',
      });
    }
  }
  return rejected;
}

async function sendBatch(client: Client, inputs: ContactUpdate[]): Promise<UpdateContactsResult> {
  const response = await client.crm.contacts.batchApi
    .update({ inputs: inputs.map((input) => ({ id: input.id, properties: { ...input.properties } })) })
    .catch((error: unknown) => {
      throw translateHubSpotError(error, 'Updating contacts');
    });
  const errors = 'errors' in response ? (response.errors as SdkBatchError[] | undefined) : undefined;
  const rejected = rejectionsOf(errors, new Set(inputs.map((input) => input.id)));
  const rejectedIds = new Set(rejected.map((r) => r.id));
  return { written: inputs.map((input) => input.id).filter((id) => !rejectedIds.has(id)), rejected };
}

/**
 * HubSpot refuses a whole batch that names a property the portal does not have (400, `PROPERTY_DOESNT_EXIST` in the
 * message's list): no contact is at fault, so halving the batch would only reject every one of them.
 */
export function isMissingPropertyError(error: unknown): boolean {
  return isAppError(error, 'invalid_input') && error.message.includes('PROPERTY_DOESNT_EXIST');
}

/**
 * One batch; when HubSpot refuses the whole batch as invalid (400), halves it until the offending contacts
 * are isolated, so one bad value never blocks the other 99. With `passMissing`, a missing property is thrown
 * to the caller (which can create it) instead.
 */
async function sendIsolatingInvalid(
  client: Client,
  inputs: ContactUpdate[],
  passMissing = false,
): Promise<UpdateContactsResult> {
  try {
    return await sendBatch(client, inputs);
  } catch (error) {
    if (!isAppError(error, 'invalid_input')) throw error;
    if (passMissing && isMissingPropertyError(error)) throw error;
    if (inputs.length === 1) {
      const category = hubspotErrorInfo(error).category ?? 'VALIDATION_ERROR';
      return { written: [], rejected: [{ id: inputs[0]?.id ?? '', message: error.message, category }] };
    }
    const middle = Math.ceil(inputs.length / 2);
    const left = await sendIsolatingInvalid(client, inputs.slice(0, middle));
    const right = await sendIsolatingInvalid(client, inputs.slice(middle));
    return { written: [...left.written, ...right.written], rejected: [...left.rejected, ...right.rejected] };
  }
}

/** One batch; when a property is missing, `createProperties` runs once and the batch is sent again. */
async function sendCreatingProperties(
  client: Client,
  inputs: ContactUpdate[],
  createProperties: (() => Promise<void>) | undefined,
): Promise<UpdateContactsResult> {
  if (!createProperties) return sendIsolatingInvalid(client, inputs);
  try {
    return await sendIsolatingInvalid(client, inputs, true);
  } catch (error) {
    if (!isMissingPropertyError(error)) throw error;
    await createProperties();
    return sendIsolatingInvalid(client, inputs);
  }
}

/**
 * Writes contact properties in batches of 100; rate limits and 5xx propagate as AppErrors for the caller to retry.
 * A batch refused because a Lead Pact property is missing (deleted by an admin, or never created) runs
 * `createProperties` and is sent once more; a property still missing then rejects the contacts that name it.
 */
export async function updateContactsInBatches(
  client: Client,
  inputs: readonly ContactUpdate[],
  createProperties?: () => Promise<void>,
): Promise<UpdateContactsResult> {
  const result: UpdateContactsResult = { written: [], rejected: [] };
  for (const batch of chunk(inputs)) {
    const part = await sendCreatingProperties(client, batch, createProperties);
    result.written.push(...part.written);
    result.rejected.push(...part.rejected);
  }
  return result;
}

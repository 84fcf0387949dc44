import type { CompanyContactsRequest, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { COMPANY_BATCH_SIZE } from './intake-jobs';

/** One association request's worth: the contact ids found and what is left to read afterwards. */
export interface CompanyContactsStep {
  contactIds: string[];
  /** Companies not asked yet, then those HubSpot has more pages of (with its cursor). */
  rest: CompanyContactsRequest[];
}

/**
 * Reads one page of contacts for each of the first 100 pending companies (one association batch read, one request
 * of the portal's budget) and returns the contact ids found, deduplicated, with what remains to be read.
 */
export async function nextCompanyContacts(
  gateway: Pick<HubSpotGateway, 'readCompanyContacts'>,
  pending: readonly CompanyContactsRequest[],
): Promise<CompanyContactsStep> {
  const asked = pending.slice(0, COMPANY_BATCH_SIZE);
  const pages = asked.length === 0 ? [] : await gateway.readCompanyContacts(asked);
  const contactIds = [...new Set(pages.flatMap((page) => page.contactIds))];
  const more = pages
    .filter((page) => page.after !== undefined)
    .map((page) => ({ companyId: page.companyId, after: page.after }));
  return { contactIds, rest: [...pending.slice(COMPANY_BATCH_SIZE), ...more] };
}

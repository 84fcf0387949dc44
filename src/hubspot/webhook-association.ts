/** The association fields of an `object.associationChange` (or legacy `contact.`/`company.associationChange`) event. */
export interface RawAssociationChange {
  objectId: string;
  associationType?: string;
  fromObjectId?: string;
  toObjectId?: string;
  fromObjectTypeId?: string;
  toObjectTypeId?: string;
}

const CONTACT = '0-1';
const COMPANY = '0-2';

/**
 * Which side is the contact and which the company, or undefined when the association is not contact-company.
 * Generic events name each side's object type (`fromObjectTypeId`, `toObjectTypeId`); legacy ones only carry
 * `associationType` (`CONTACT_TO_COMPANY`, `COMPANY_TO_CONTACT`, with a suffix such as `_UNLABELED` for
 * unlabeled ones). HubSpot sends one event per side, so a change arrives twice, once from each end.
 */
export function contactCompanyPair(
  event: RawAssociationChange,
): { contactId: string; companyId: string } | undefined {
  const from = event.fromObjectId ?? event.objectId;
  const to = event.toObjectId;
  if (to === undefined) return undefined;
  const types = event.fromObjectTypeId !== undefined && event.toObjectTypeId !== undefined;
  const type = event.associationType?.toUpperCase() ?? '';
  const contactToCompany = types
    ? event.fromObjectTypeId === CONTACT && event.toObjectTypeId === COMPANY
    : type.startsWith('CONTACT_TO_COMPANY');
  const companyToContact = types
    ? event.fromObjectTypeId === COMPANY && event.toObjectTypeId === CONTACT
    : type.startsWith('COMPANY_TO_CONTACT');
  if (contactToCompany) return { contactId: from, companyId: to };
  if (companyToContact) return { contactId: to, companyId: from };
  return undefined;
}

import { cardLocations } from './card-locations';

/**
 * The CRM objects an app card can name in `objectTypes`, with the read scope HubSpot's app card reference says the
 * app needs for each. @hubspot/ui-extensions 0.17 carries no list of object types (its CRM context has only an
 * `objectTypeId` string), so this table is the documented subset Lead Pact may use; HubSpot's own templates also
 * write the legacy upper-case names (`CONTACT`). Custom objects (`p_<name>`) need `crm.objects.custom.read`.
 */
const CARD_OBJECT_READ_SCOPES: Record<string, string> = {
  contacts: 'crm.objects.contacts.read',
  companies: 'crm.objects.companies.read',
  deals: 'crm.objects.deals.read',
  tickets: 'tickets',
};
const LEGACY_NAMES: Record<string, string> = {
  CONTACT: 'contacts',
  COMPANY: 'companies',
  DEAL: 'deals',
  TICKET: 'tickets',
};

function readScopeFor(objectType: string): string | undefined {
  if (/^p_[a-z0-9_]+$/i.test(objectType)) return 'crm.objects.custom.read';
  return CARD_OBJECT_READ_SCOPES[LEGACY_NAMES[objectType] ?? objectType];
}

/** What HubSpot would refuse in a card's config: its location and its object types (with the scopes they need). */
export function cardProblems(
  file: string,
  config: Record<string, unknown>,
  appScopes: readonly string[],
): string[] {
  const problems: string[] = [];
  const locations = cardLocations();
  if (typeof config.location !== 'string' || !locations.includes(config.location))
    problems.push(
      `${file}: config.location ${JSON.stringify(config.location)} is not a card location ` +
        `(@hubspot/ui-extensions: ${locations.join(', ')})`,
    );
  const objectTypes = config.objectTypes;
  if (!Array.isArray(objectTypes) || objectTypes.length === 0) {
    problems.push(
      `${file}: config.objectTypes must list the CRM objects the card shows on, e.g. ["contacts"]`,
    );
    return problems;
  }
  for (const objectType of objectTypes) {
    const scope = typeof objectType === 'string' ? readScopeFor(objectType) : undefined;
    if (!scope)
      problems.push(
        `${file}: config.objectTypes ${JSON.stringify(objectType)} is not a card object type ` +
          `(${Object.keys(CARD_OBJECT_READ_SCOPES).join(', ')} or p_<custom object>)`,
      );
    else if (!appScopes.includes(scope))
      problems.push(
        `${file}: config.objectTypes "${objectType}" needs the app to ask for the "${scope}" scope`,
      );
  }
  return problems;
}

const LIFECYCLE_PROPERTIES = new Set(['lifecyclestage']);
const INDUSTRY_PROPERTIES = new Set(['industry', 'company.industry']);
const EXPORT_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * Turns a value as HubSpot's export writes it into the value its API returns:
 * option labels of lifecycle stage ("Marketing Qualified Lead" -> "marketingqualifiedlead") and industry
 * ("Computer Software" -> "COMPUTER_SOFTWARE"), and "YYYY-MM-DD HH:MM" dates into ISO form.
 */
export function exportValue(property: string, raw: string): string {
  const value = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (LIFECYCLE_PROPERTIES.has(property)) return value.toLowerCase().replace(/\s+/g, '');
  if (INDUSTRY_PROPERTIES.has(property) && /[a-z ]/.test(value)) {
    return value
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
  }
  // Cheap pre-check: only "YYYY-MM-DD HH:MM[:SS]" (16 or 19 characters, a space at 10) can need rewriting.
  if ((value.length !== 16 && value.length !== 19) || value.charCodeAt(10) !== 32) return value;
  const dateTime = EXPORT_DATE_TIME.exec(value);
  return dateTime ? `${dateTime[1]}T${dateTime[2]}` : value;
}

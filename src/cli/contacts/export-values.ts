import { DateTime } from 'luxon';

const LIFECYCLE_PROPERTIES = new Set(['lifecyclestage']);
const INDUSTRY_PROPERTIES = new Set(['industry', 'company.industry']);
const EXPORT_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;
/** Offset-less dates converted per zone are kept for reuse (an export has few distinct minutes); bounded. */
const MAX_KEPT_DATES = 10_000;

/**
 * How an export's values are read: the time zone its offset-less dates are in (HubSpot exports them in the account's
 * time zone), and the portal's option labels (`properties pull`) by property (`company.<name>` for companies),
 * lower-cased label -> internal value.
 */
export interface ExportContext {
  zone: string;
  optionLabels?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Turns a value as HubSpot's export writes it into the value its API returns (see `exportValue`). */
export type ExportValueReader = (property: string, raw: string) => string;

/**
 * A reader of export values in `context`: option labels of the portal's properties (when a properties file is given)
 * or, without one, of lifecycle stage ("Marketing Qualified Lead" -> "marketingqualifiedlead") and industry
 * ("Computer Software" -> "COMPUTER_SOFTWARE"); "YYYY-MM-DD HH:MM[:SS]" dates, which carry no offset, as ISO dates
 * with the offset of `context.zone` at that moment ("2026-11-20 09:00" in Asia/Tokyo -> "2026-11-20T09:00:00.000+09:00").
 */
export function exportValueReader(context: ExportContext): ExportValueReader {
  const dates = new Map<string, string>();
  const zonedDate = (date: string, time: string): string => {
    const key = `${date}T${time}`;
    let iso = dates.get(key);
    if (iso === undefined) {
      iso = DateTime.fromISO(key, { zone: context.zone }).toISO() ?? key;
      if (dates.size >= MAX_KEPT_DATES) dates.clear();
      dates.set(key, iso);
    }
    return iso;
  };
  return (property, raw) => {
    const value = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
    const labels = context.optionLabels?.get(property);
    if (labels) return optionValue(labels, value);
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
    return dateTime ? zonedDate(dateTime[1]!, dateTime[2]!) : value;
  };
}

/** An option label as its internal value; a multiple-checkbox value ("A;B") option by option; unknown text as it is. */
function optionValue(labels: ReadonlyMap<string, string>, value: string): string {
  const whole = labels.get(value.toLowerCase());
  if (whole !== undefined) return whole;
  if (!value.includes(';')) return value;
  return value
    .split(';')
    .map((part) => labels.get(part.trim().toLowerCase()) ?? part.trim())
    .join(';');
}

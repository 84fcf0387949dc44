import { DateTime } from 'luxon';

const LIFECYCLE_PROPERTIES = new Set(['lifecyclestage']);
const INDUSTRY_PROPERTIES = new Set(['industry', 'company.industry']);
const EXPORT_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;
/** UTC offsets kept per hour of local time (zones change offset on the hour); bounded. */
const MAX_KEPT_HOURS = 100_000;

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
 * with the offset of `context.zone` at that moment ("2026-11-20 09:00" in Asia/Tokyo -> "2026-11-20T09:00+09:00").
 */
export function exportValueReader(context: ExportContext): ExportValueReader {
  const offsets = new Map<string, string>();
  /** The zone's offset at a local hour ("2026-11-20T09"), "+09:00" or "Z"; a date runs for every row, so kept. */
  const offsetAt = (hour: string): string => {
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const minutes = DateTime.fromISO(`${hour}:00`, { zone: context.zone }).offset;
      offset = Number.isFinite(minutes) ? isoOffset(minutes) : 'Z';
      if (offsets.size >= MAX_KEPT_HOURS) offsets.clear();
      offsets.set(hour, offset);
    }
    return offset;
  };
  const zonedDate = (date: string, time: string): string => {
    const local = `${date}T${time}`;
    return `${local}${offsetAt(local.slice(0, 13))}`;
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

function isoOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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

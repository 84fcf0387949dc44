const DAY_MS = 86_400_000;
/** Epoch ms after 9999-12-31 are not dates a CRM holds; anything beyond is treated as unparsable. */
const MAX_EPOCH_MS = 253_402_300_799_999;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Epoch ms of a real calendar day `YYYY-MM-DD` (UTC midnight), or NaN when it is not one. */
export function parseCalendarDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(text.charCodeAt(i))) return NaN;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : NaN;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
}

/**
 * Parses a HubSpot date value to epoch ms, or NaN when it is not a date: epoch milliseconds ("1767225600000"),
 * a calendar day `YYYY-MM-DD` (UTC midnight, as HubSpot stores date properties) or an ISO timestamp
 * (without an offset it is read as UTC, so the result never depends on the machine's time zone).
 */
export function parseDate(raw: string): number {
  const text = raw.trim();
  if (allDigits(text)) {
    const ms = Number(text);
    return ms <= MAX_EPOCH_MS ? ms : NaN;
  }
  const day = parseCalendarDay(text);
  if (day === day) return day;
  if (!ISO_LIKE.test(text) || Number.isNaN(parseCalendarDay(text.slice(0, 10)))) return NaN;
  const last = text.charCodeAt(text.length - 1);
  const zoned = last === 90 || last === 122 || /[+-]\d{2}:?\d{2}$/.test(text.slice(10));
  const ms = Date.parse(zoned ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? ms : NaN;
}

/** Whole and fractional days between two epoch ms instants. */
export function daysBetween(from: number, to: number): number {
  return (to - from) / DAY_MS;
}

const DAY_MS = 86_400_000;
/** Epoch ms after 9999-12-31 are not dates a CRM holds; anything beyond is treated as unparsable. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/** The two decimal digits at `at` as a number, NaN when either is not a digit (or is past the end). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : NaN;
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without a Date object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function dayAt(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS;
}

/** Epoch ms of a real calendar day `YYYY-MM-DD` (UTC midnight), or NaN when it is not one. */
export function parseCalendarDay(text: string): number {
  return text.length === 10 ? dayAt(text) : NaN;
}

function offsetMs(text: string, at: number): number {
  if (at === text.length) return 0; // no offset: read as UTC, never as the machine's zone
  const sign = text.charCodeAt(at);
  if ((sign === 90 || sign === 122) && at + 1 === text.length) return 0;
  if (sign !== 43 && sign !== 45) return NaN;
  const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0;
  if (text.length !== at + 5 + colon) return NaN;
  const minutes = twoDigits(text, at + 1) * 60 + twoDigits(text, at + 3 + colon);
  return (sign === 43 ? -minutes : minutes) * 60_000;
}

function timeAt(text: string): number {
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || text.charCodeAt(13) !== 58) return NaN;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  let ms = 0;
  let at = 16;
  if (text.charCodeAt(16) === 58) {
    ms = twoDigits(text, 17) * 1000;
    at = 19;
    if (text.charCodeAt(19) === 46) {
      let scale = 100;
      for (at = 20; at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57; at++) {
        ms += (text.charCodeAt(at) - 48) * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
      if (at === 20) return NaN;
    }
  }
  if (!(hours <= 23 && minutes <= 59 && ms < 60_000)) return NaN;
  return (hours * 60 + minutes) * 60_000 + ms + offsetMs(text, at);
}

/**
 * Parses a HubSpot date value to epoch ms, or NaN when it is not a date: epoch milliseconds ("1767225600000"),
 * a calendar day `YYYY-MM-DD` (UTC midnight, as HubSpot stores date properties) or an ISO timestamp
 * `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` (without an offset it is read as UTC, so the result never depends
 * on the machine's time zone). Hand-parsed because it runs for every signal of every contact.
 */
export function parseDate(raw: string): number {
  const first = raw.charCodeAt(0);
  const text = first > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (text.length === 0) return NaN;
  if (text.charCodeAt(4) !== 45) {
    const ms = text.length <= 16 ? digits(text, 0, text.length) : NaN;
    return ms <= MAX_EPOCH_MS ? ms : NaN;
  }
  const day = dayAt(text);
  if (text.length === 10 || day !== day) return day;
  if (text.length < 16) return NaN;
  const time = timeAt(text);
  return time === time ? day + time : NaN;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Parses a HubSpot number value ("1200", "1,200", "1200.5", " 42 ") or returns NaN.
 * Thousands separators must be commas in groups of three, so "1,2" is not silently read as 12.
 * Full-width digits ("１２００") are accepted after NFKC.
 */
export function parseNumber(raw: string): number {
  const whole = wholeNumber(raw);
  if (whole === whole) return whole;
  const grouped = groupedWholeNumber(raw);
  if (grouped === grouped) return grouped;
  let text = raw.trim();
  if (PLAIN_NUMBER.test(text)) return finiteOrNaN(Number(text));
  if (GROUPED_NUMBER.test(text)) return finiteOrNaN(Number(text.replace(/,/g, '')));
  if (text.length === 0 || text.charCodeAt(0) < 0xff00) return NaN;
  text = text.normalize('NFKC');
  if (PLAIN_NUMBER.test(text)) return finiteOrNaN(Number(text));
  if (GROUPED_NUMBER.test(text)) return finiteOrNaN(Number(text.replace(/,/g, '')));
  return NaN;
}

function finiteOrNaN(value: number): number {
  return Number.isFinite(value) ? value : NaN;
}

/** Fast path for the common case, digits only (at most 15, so exact); NaN otherwise. */
function wholeNumber(text: string): number {
  if (text.length === 0 || text.length > 15) return NaN;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Fast path for "1,234,567": one to three digits, then groups of a comma and three digits (at most 15 digits). */
function groupedWholeNumber(text: string): number {
  const length = text.length;
  const lead = length % 4; // digits before the first comma: length = lead + 4 * groups
  if (length < 5 || length > 19 || lead === 0) return NaN;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if ((i - lead) % 4 === 0) {
      if (c !== 44) return NaN;
    } else if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else return NaN;
  }
  return n;
}

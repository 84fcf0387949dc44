/** A HubSpot date value (epoch ms as a string, or ISO) as epoch ms; null when absent or unparsable. */
export function parseInstant(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const at = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(at) ? at : null;
}

import type { ContactRecord } from '../qualification';

/** A property an agreement reads: a contact property, or `company.<name>` from the primary company. */
export class PropertyRead {
  /** True for `company.<name>`. */
  declare readonly company: boolean;
  /** The property name without `company.`. */
  declare readonly key: string;
  /** As the agreement names it. */
  declare readonly property: string;

  constructor(property: string) {
    this.property = property;
    this.company = property.startsWith('company.');
    this.key = this.company ? property.slice('company.'.length) : property;
  }
}

/**
 * The value a property read finds on a contact, or null when it is unknown (unset, empty or blank).
 * Numbers and booleans handed over by a loose caller are read as their text; other types are unknown.
 */
export function readValue(contact: ContactRecord, read: PropertyRead): string | null {
  const source = read.company ? contact.company : contact.properties;
  if (source === null || source === undefined || typeof source !== 'object') return null;
  const value: unknown = source[read.key];
  if (typeof value === 'string') return isBlank(value) ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** True for an empty or whitespace-only string. */
export function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return false;
  return value.trim() === '';
}

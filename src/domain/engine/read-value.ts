import type { ContactRecord, PropertyMap } from '../qualification';

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

function mapOrNull(source: unknown): PropertyMap | null {
  return source !== null && typeof source === 'object' ? (source as PropertyMap) : null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return isBlank(value) ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Writes into `into[i]` the value `reads[i]` finds on the contact, or null when it is unknown (unset, empty or
 * blank, or no company). Numbers and booleans handed over by a loose caller are read as their text; other types
 * are unknown.
 */
export function readValues(
  contact: ContactRecord,
  reads: readonly PropertyRead[],
  into: (string | null)[],
): void {
  const properties = mapOrNull(contact.properties);
  const company = mapOrNull(contact.company);
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i]!;
    const source = read.company ? company : properties;
    into[i] = source === null ? null : textOf(source[read.key]);
  }
}

/** True for an empty or whitespace-only string. */
export function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return false;
  return value.trim() === '';
}

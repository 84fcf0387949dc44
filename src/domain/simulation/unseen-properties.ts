import type { Agreement } from '../agreement-schema';
import type { ContactRecord } from '../qualification';

/** Every property an agreement reads (fit rules, signals and their dates, disqualifiers), `company.` prefixed where so. */
function propertiesOf(agreement: Agreement): string[] {
  const names = [
    ...agreement.fit.rules.map((r) => r.property),
    ...agreement.intent.signals.flatMap((s) =>
      s.at === undefined ? [s.when.property] : [s.when.property, s.at],
    ),
    ...agreement.disqualify.map((d) => d.property),
  ];
  return [...new Set(names)];
}

function has(contact: ContactRecord, property: string): boolean {
  const value = property.startsWith('company.')
    ? contact.company?.[property.slice('company.'.length)]
    : contact.properties[property];
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Tracks which properties the agreement reads that no contact has had a value for (a column missing from an
 * export, or named so it was not recognised): every criterion on them is "unknown". Checks stop once all are seen.
 */
export function createUnseenProperties(agreement: Agreement) {
  let unseen = propertiesOf(agreement);
  return {
    see(contact: ContactRecord): void {
      if (unseen.length > 0) unseen = unseen.filter((property) => !has(contact, property));
    },
    list(): string[] {
      return [...unseen];
    },
  };
}

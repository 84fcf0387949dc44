import { z } from 'zod';
import { propertiesResponseSchema, type PropertyOption } from '../../contracts/properties';
import { AppError } from '../../domain/app-error';
import type { PortalLabels } from './hubspot-labels';
import { readJsonFile } from './read-json-file';

/**
 * What `lead-pact properties pull` saves: the portal's contact and company property definitions as HubSpot's
 * properties API returns them, labels and option labels in the account's language. `GET /api/properties` answers the
 * same shape, so a file saved from the service works as well.
 */
export const propertiesFileSchema = propertiesResponseSchema.extend({
  portalId: z.string().optional(),
  pulledAt: z.string().optional(),
});
export type PropertiesFile = z.infer<typeof propertiesFileSchema>;

/** How an export's headers and option labels map to internal names and values, from a properties file. */
export interface PortalDictionary {
  labels: PortalLabels;
  /** By property (`company.<name>` for companies): lower-cased option label or value -> internal value. */
  optionLabels: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Reads `--properties FILE`; a file of another shape is refused with every problem's path. */
export async function readPropertiesFile(file: string): Promise<PortalDictionary> {
  const parsed = propertiesFileSchema.safeParse(await readJsonFile(file));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const lines = details.map((d) => `${file}: ${d.path}: ${d.message}`).join('\n');
    throw new AppError(
      'invalid_input',
      `${lines}\n(expected the output of "lead-pact properties pull")`,
      details,
    );
  }
  return portalDictionary(parsed.data);
}

/** The label and option tables of a portal's properties; the first property with a label keeps it. */
export function portalDictionary(file: Pick<PropertiesFile, 'contact' | 'company'>): PortalDictionary {
  const optionLabels = new Map<string, ReadonlyMap<string, string>>();
  const labelsOf = (properties: readonly PropertyOption[], prefix: string): Map<string, string> => {
    const labels = new Map<string, string>();
    for (const property of properties) {
      const label = property.label.trim().toLowerCase();
      if (label && !labels.has(label)) labels.set(label, property.name);
      if (property.options.length === 0) continue;
      const options = new Map<string, string>();
      for (const option of property.options) {
        const optionLabel = option.label.trim().toLowerCase();
        if (optionLabel && !options.has(optionLabel)) options.set(optionLabel, option.value);
      }
      // An export written with internal values still reads: each value stands for itself.
      for (const option of property.options) {
        const value = option.value.toLowerCase();
        if (!options.has(value)) options.set(value, option.value);
      }
      optionLabels.set(`${prefix}${property.name}`, options);
    }
    return labels;
  };
  return {
    labels: { contact: labelsOf(file.contact, ''), company: labelsOf(file.company, 'company.') },
    optionLabels,
  };
}

import { z } from 'zod';
import type { ContactRecord, PropertyMap } from '../../domain/qualification';

/** One row of a contacts file: a contact, or the reason it was skipped; `line` is 1-based (JSON arrays: item number). */
export type ContactRow = { line: number; contact: ContactRecord } | { line: number; problem: string };

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const propertyMap = z.record(z.string(), scalar);

/** A contact as the HubSpot API returns it (`{id, properties}`), optionally with its primary company's properties. */
const contactObjectSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).optional(),
  properties: propertyMap,
  company: propertyMap.nullish(),
});

/** Validates one parsed JSON value as a contact; the problem names the first failing field. */
export function contactFromObject(value: unknown, line: number): ContactRow {
  const parsed = contactObjectSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || 'row';
    return { line, problem: `${path}: ${issue?.message ?? 'invalid contact'}` };
  }
  const properties = toPropertyMap(parsed.data.properties);
  const id = parsed.data.id ?? properties.hs_object_id;
  if (id === undefined || id === null || id === '') return { line, problem: 'missing id' };
  const company = parsed.data.company ? toPropertyMap(parsed.data.company) : undefined;
  return {
    line,
    contact: company ? { id: String(id), properties, company } : { id: String(id), properties },
  };
}

function toPropertyMap(values: Record<string, string | number | boolean | null>): PropertyMap {
  const map: PropertyMap = {};
  for (const [key, value] of Object.entries(values)) map[key] = value === null ? null : String(value);
  return map;
}

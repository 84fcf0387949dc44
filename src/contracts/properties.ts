import { z } from 'zod';

/** One CRM property offered in a picker. */
export const propertyOptionSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  /** HubSpot's property group (`contactinformation`...); empty when unknown. */
  groupName: z.string().default(''),
  options: z.array(z.object({ value: z.string(), label: z.string() })).default([]),
});

/**
 * Where the list came from: HubSpot's properties API, or, when HubSpot could not be asked (unreachable, token
 * revoked, not configured), the property names seen on the portal's stored contacts; the page says so.
 */
export const propertiesSourceSchema = z.enum(['hubspot', 'stored_contacts']);

/** `GET /api/properties`: the portal's contact and company properties. */
export const propertiesResponseSchema = z.object({
  source: propertiesSourceSchema.default('hubspot'),
  contact: z.array(propertyOptionSchema),
  company: z.array(propertyOptionSchema),
});

export type PropertyOption = z.infer<typeof propertyOptionSchema>;
export type PropertiesResponse = z.infer<typeof propertiesResponseSchema>;

import { z } from 'zod';

/** One CRM property offered in a picker. */
export const propertyOptionSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).default([]),
});

/** `GET /api/properties`: the portal's contact and company properties. */
export const propertiesResponseSchema = z.object({
  contact: z.array(propertyOptionSchema),
  company: z.array(propertyOptionSchema),
});

export type PropertyOption = z.infer<typeof propertyOptionSchema>;
export type PropertiesResponse = z.infer<typeof propertiesResponseSchema>;

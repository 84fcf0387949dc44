import type { Request, Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';

/**
 * What the contact and lead property endpoints share: the bodies they read, a group read and create, and the
 * refusals of a new property whose name is taken or whose group is unknown
 * (https://developers.hubspot.com/docs/api-reference/crm-properties-v3/guide).
 */

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
}

export const optionBody = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
});

const groupBody = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().default(-1),
});

export const propertyBody = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  type: z.enum(['enumeration', 'number', 'string', 'datetime', 'date', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionBody).default([]),
});

/** The fields HubSpot adds to every property definition it answers (the stand-in's fixed dates). */
export function definitionFields() {
  const at = '2026-10-01T00:00:00.000Z';
  return { createdAt: at, updatedAt: at, archived: false, hidden: false, formField: false };
}

/** `GET .../groups/:name`: the group, or 404 OBJECT_NOT_FOUND. */
export function readGroup(groups: ReadonlyMap<string, PropertyGroup>) {
  return (req: Request, res: Response) => {
    const group = groups.get(String(req.params.name));
    if (!group)
      return sendHubSpotError(
        res,
        404,
        `Unable to find property group ${req.params.name}`,
        'OBJECT_NOT_FOUND',
      );
    res.json({ ...group, archived: false });
  };
}

/** `POST .../groups`: 201 with the group; 400 for a bad body, 409 OBJECT_ALREADY_EXISTS for a taken name. */
export function createGroup(groups: Map<string, PropertyGroup>) {
  return (req: Request, res: Response) => {
    const body = groupBody.safeParse(req.body);
    if (!body.success) return sendHubSpotError(res, 400, 'Invalid property group', 'VALIDATION_ERROR');
    if (groups.has(body.data.name))
      return sendHubSpotError(
        res,
        409,
        `Property group ${body.data.name} already exists`,
        'OBJECT_ALREADY_EXISTS',
      );
    groups.set(body.data.name, body.data);
    res.status(201).json({ ...body.data, archived: false });
  };
}

/**
 * Answers HubSpot's refusal of a new property when its name is taken (409 PROPERTY_EXISTS) or its group unknown
 * (400); true when it refused.
 */
export function refusedNewProperty(
  res: Response,
  { name, groupName }: { name: string; groupName: string },
  properties: ReadonlyMap<string, unknown>,
  groups: ReadonlyMap<string, unknown>,
): boolean {
  if (properties.has(name)) {
    sendHubSpotError(res, 409, `Property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS', {
      subCategory: 'PropertyValidationError.PROPERTY_EXISTS',
      context: { name: [name] },
    });
    return true;
  }
  if (!groups.has(groupName)) {
    sendHubSpotError(res, 400, `Property group ${groupName} does not exist`, 'VALIDATION_ERROR');
    return true;
  }
  return false;
}

/** `GET .../:name`: the definition as `shown` answers it, or 404 OBJECT_NOT_FOUND. */
export function readProperty<P>(properties: ReadonlyMap<string, P>, shown: (property: P) => unknown) {
  return (req: Request, res: Response) => {
    const property = properties.get(String(req.params.name));
    if (!property)
      return sendHubSpotError(res, 404, `Property ${req.params.name} does not exist`, 'OBJECT_NOT_FOUND');
    res.json(shown(property));
  };
}

import type { Response } from 'express';
import { AppError } from '../../domain/app-error';
import { signedContext } from '../../hubspot/require-hubspot-signature';

/** The portal and user a signed hubspot.fetch call came from. */
export interface Caller {
  portalId: string;
  userId: string;
}

/**
 * The caller, taken only from the signed URL (HubSpot appends `portalId` and `userId` before signing).
 * Ids in the body or anywhere else are never trusted.
 */
export function signedCaller(res: Response): Caller {
  const { portalId, userId } = signedContext(res);
  if (portalId === undefined || userId === undefined) {
    throw new AppError('unauthorized', 'The signed request does not name its HubSpot portal and user.');
  }
  return { portalId: String(portalId), userId: String(userId) };
}

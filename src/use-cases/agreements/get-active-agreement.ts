import { AppError } from '../../domain/app-error';
import type { AgreementPorts, AgreementVersion } from './ports';

/** The portal's active agreement version; `not_found` when none was approved yet. */
export async function getActiveAgreement(
  ports: Pick<AgreementPorts, 'versions'>,
  portalId: string,
): Promise<AgreementVersion> {
  const active = await ports.versions.active(portalId);
  if (!active) {
    throw new AppError(
      'not_found',
      `Portal ${portalId} has no active agreement yet; propose one and have it approved.`,
    );
  }
  return active;
}

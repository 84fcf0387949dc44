import type { Agreement } from '../../domain/agreement-schema';
import { parseAgreement } from '../../domain/parse-agreement';
import type { AgreementRef } from '../../contracts/card';
import { AppError } from '../../domain/app-error';
import type { AgreementVersion } from '../../store/repositories/agreement-versions-repository';

/** Epoch ms as the ISO-8601 instant the API speaks. */
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** The version, name and approval time the card shows under the verdict. */
export function agreementRef(version: AgreementVersion): AgreementRef {
  return {
    version: version.version,
    name: version.name,
    approvedAt: iso(version.approvedAt ?? version.createdAt),
  };
}

/**
 * The stored agreement document, parsed; a stored document that no longer parses is our bug, not the user's.
 * The card keeps parsed approved versions per store (approved-agreements.ts), so this runs once per version there.
 */
export function storedAgreement(version: AgreementVersion): Agreement {
  const parsed = parseAgreement(version.body);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `Stored agreement version ${version.version} does not parse.`,
      parsed.errors,
    );
  }
  return parsed.data;
}

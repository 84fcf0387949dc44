import type { Agreement } from '../../domain/agreement-schema';
import { parseAgreement } from '../../domain/parse-agreement';
import type { AgreementRef } from '../../contracts/card';
import { AppError } from '../../errors/app-error';
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

/** Parsed approved versions, by portal and version (approved documents never change). Bounded: cleared when full. */
const parsedApproved = new Map<string, Agreement>();
const PARSED_APPROVED_MAX = 1000;

/**
 * The stored agreement document, parsed; a stored document that no longer parses is our bug, not the user's.
 * Approved versions are parsed once: the same object each time also lets qualify reuse its compiled rules, which
 * keeps GET /api/card under its p99 budget (bench/card-api-bench.ts).
 */
export function storedAgreement(version: AgreementVersion): Agreement {
  const approved = version.approvedAt !== null && version.status !== 'draft';
  const key = `${version.portalId}:${version.version}:${version.approvedAt}`;
  const cached = approved ? parsedApproved.get(key) : undefined;
  if (cached) return cached;
  const parsed = parseAgreement(version.body);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `Stored agreement version ${version.version} does not parse.`,
      parsed.errors,
    );
  }
  if (approved) {
    if (parsedApproved.size >= PARSED_APPROVED_MAX) parsedApproved.clear();
    parsedApproved.set(key, parsed.data);
  }
  return parsed.data;
}

import type { Agreement } from '../../domain/agreement-schema';
import { AppError } from '../../domain/app-error';
import { parseAgreement } from '../../domain/parse-agreement';

/** Bodies kept per process; far more than portals times the versions their contacts are scored with. */
const MAX_BODIES = 1000;

/** Parsed bodies by portal and version, with the stored text they were parsed from. */
const parsed = new Map<string, { text: string; agreement: Agreement }>();

/**
 * The stored agreement JSON of one version, parsed with `parseAgreement` once per portal and version: a later read
 * of the same text (every read of an approved version, which never changes) gets the parsed agreement back.
 * A draft saved over, or another database with the same portal and version, has other text and is parsed again.
 * A stored document that no longer parses is our bug, not the user's. Bounded: cleared when full.
 */
export function storedAgreementBody(portalId: string, version: number, text: string): Agreement {
  const key = `${portalId}:${version}`;
  const hit = parsed.get(key);
  if (hit && hit.text === text) return hit.agreement;
  const result = parseAgreement(parseJson(text, version));
  if (!result.success) {
    throw new AppError(
      'internal',
      `Stored agreement version ${version} of portal ${portalId} does not parse.`,
      result.errors,
    );
  }
  if (parsed.size >= MAX_BODIES) parsed.clear();
  parsed.set(key, { text, agreement: result.data });
  return result.data;
}

function parseJson(text: string, version: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError(
      'internal',
      `Stored agreement version ${version} is not valid JSON`,
      [{ path: 'agreement_versions.body', message: 'invalid JSON' }],
      { cause },
    );
  }
}

import example from '../../examples/agreement.json';
import type { Agreement } from '../../src/domain/agreement-schema';
import { parseAgreement } from '../../src/domain/parse-agreement';

/** The example agreement as parsed data; each call returns a fresh copy the test may change. */
export function exampleAgreement(): Agreement {
  const parsed = parseAgreement(structuredClone(example));
  if (!parsed.success) throw new Error(`example agreement is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** The example agreement as raw JSON, for tests that break it. */
export function exampleJson(): Record<string, unknown> & typeof example {
  return structuredClone(example);
}

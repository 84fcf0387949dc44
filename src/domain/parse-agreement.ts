import { agreementShape, type Agreement } from './agreement-schema';
import { AGREEMENT_LIMITS } from './agreement/agreement-limits';
import { checkAgreement, type AgreementProblem } from './agreement/check-agreement';
import { checkLimits } from './agreement/check-limits';
import { formatPath } from './agreement/format-path';
import { plainZodMessage } from './agreement/zod-messages';

export type { AgreementProblem } from './agreement/check-agreement';

/** The outcome of parsing an agreement: the agreement, or every problem at once. */
export type ParseAgreementResult =
  { success: true; data: Agreement } | { success: false; errors: AgreementProblem[] };

function shapeProblems(
  issues: readonly { code: string; path: PropertyKey[]; message: string }[],
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of (issue as unknown as { keys: string[] }).keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
      }
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}

function dedupe(problems: AgreementProblem[]): AgreementProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first problems, and how many more there are: a hostile document cannot make a huge answer. */
function firstProblems(problems: AgreementProblem[]): AgreementProblem[] {
  const max = AGREEMENT_LIMITS.problems;
  if (problems.length <= max) return problems;
  const more = (problems.length - max + 1).toLocaleString('en-US');
  return [...problems.slice(0, max - 1), { path: '(root)', message: `and ${more} more problems` }];
}

/**
 * Parses a `lead-pact/agreement@1` document. Returns every problem at once (shape and meaning), each with a
 * path like `fit.rules[1].bands[0].min` and a plain message. A document over a limit (AGREEMENT_LIMITS) gets only
 * its limit problems ("fit.rules: at most 50 rules (got 10,000)"), before anything else reads it. Never throws.
 */
export function parseAgreement(input: unknown): ParseAgreementResult {
  const limits = checkLimits(input);
  if (limits.length > 0) return { success: false, errors: firstProblems(limits) };
  const shape = agreementShape.safeParse(input, { error: plainZodMessage });
  const errors = dedupe([
    ...(shape.success ? [] : shapeProblems(shape.error.issues)),
    ...checkAgreement(input),
  ]);
  if (errors.length > 0 || !shape.success) return { success: false, errors: firstProblems(errors) };
  return { success: true, data: shape.data };
}

import { publicHttpsUrlProblem } from '../../../src/cli/backend-url';

/** `auth.type` and `distribution` values HubSpot CLI 8 knows (its APP_AUTH_TYPES and APP_DISTRIBUTION_TYPES). */
const AUTH_TYPES = ['oauth', 'static'];
const DISTRIBUTIONS = ['private', 'marketplace'];

/** The scopes this code asks for, which the app component must declare exactly. */
export interface ExpectedScopes {
  requiredScopes: readonly string[];
  optionalScopes: readonly string[];
}

function scopeProblems(
  file: string,
  field: string,
  declared: unknown,
  expected: readonly string[],
): string[] {
  if (!Array.isArray(declared)) return [`${file}: config.auth.${field} must be an array of scopes`];
  const invented = declared.filter((scope) => !expected.includes(scope));
  const missing = expected.filter((scope) => !declared.includes(scope));
  return [
    ...invented.map(
      (scope) =>
        `${file}: config.auth.${field} ${JSON.stringify(scope)} is not one src/hubspot/oauth.ts asks for (invented or unused scope)`,
    ),
    ...missing.map(
      (scope) => `${file}: config.auth.${field} lacks "${scope}", which src/hubspot/oauth.ts asks for`,
    ),
  ];
}

/** What HubSpot would refuse, or what would break the install, in the app component's config. */
export function appProblems(
  file: string,
  config: Record<string, unknown>,
  expected: ExpectedScopes,
): string[] {
  const auth = (config.auth ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof auth.type !== 'string' || !AUTH_TYPES.includes(auth.type))
    problems.push(
      `${file}: config.auth.type ${JSON.stringify(auth.type)} must be one of ${AUTH_TYPES.join(', ')}`,
    );
  if (typeof config.distribution !== 'string' || !DISTRIBUTIONS.includes(config.distribution))
    problems.push(`${file}: config.distribution must be one of ${DISTRIBUTIONS.join(', ')}`);
  else if (config.distribution === 'marketplace' && auth.type !== 'oauth')
    problems.push(`${file}: a marketplace app must use auth.type "oauth"`);
  if (auth.type === 'oauth' && (!Array.isArray(auth.redirectUrls) || auth.redirectUrls.length === 0))
    problems.push(`${file}: config.auth.redirectUrls: an oauth app needs its redirect URL`);
  problems.push(...scopeProblems(file, 'requiredScopes', auth.requiredScopes, expected.requiredScopes));
  problems.push(...scopeProblems(file, 'optionalScopes', auth.optionalScopes ?? [], expected.optionalScopes));
  const fetchUrls = (config.permittedUrls as { fetch?: unknown } | undefined)?.fetch ?? [];
  for (const url of Array.isArray(fetchUrls) ? fetchUrls : [fetchUrls]) {
    const problem = typeof url === 'string' ? publicHttpsUrlProblem(url) : 'not a URL';
    if (problem) problems.push(`${file}: config.permittedUrls.fetch "${url}": ${problem}`);
  }
  return problems;
}

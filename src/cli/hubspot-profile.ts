import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/app-error';
import { backendUrlProblem } from './backend-url';

/**
 * A HubSpot project profile, `<srcDir>/hsprofile.<name>.json`: `{"accountId": <id>, "variables": {...}}`.
 * `hs project upload --profile <name>` uploads to `accountId` (the option conflicts with `--account`), so CLI 8
 * refuses a profile without one ("Profile hsprofile.<name>.json is missing an account id").
 */
export interface HubSpotProfile {
  accountId?: unknown;
  variables?: Record<string, unknown>;
  [other: string]: unknown;
}

/** True when `value` can be a HubSpot account id (hub ID): a positive whole number. */
export function isAccountId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Where the HubSpot CLI looks for profile `name`: `<srcDir>/hsprofile.<name>.json`. */
export async function profilePath(projectDir: string, name: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new AppError('invalid_input', `profile "${name}": use letters, digits, - and _`);
  }
  const project = JSON.parse(await readFile(path.join(projectDir, 'hsproject.json'), 'utf8')) as {
    srcDir?: string;
  };
  return path.join(projectDir, project.srcDir ?? 'src', `hsprofile.${name}.json`);
}

/** The profile in `file`, {} when there is none yet; an AppError naming the file when it is not a JSON object. */
export async function readProfile(file: string): Promise<HubSpotProfile> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_input', `${file}: not valid JSON; fix or delete it`, [], { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AppError('invalid_input', `${file}: a profile is a JSON object`);
  return parsed as HubSpotProfile;
}

/** What HubSpot CLI 8 (or HubSpot, once uploaded) would refuse in a profile, each naming the field. */
export function profileProblems(profile: unknown, file: string): string[] {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile))
    return [`${file}: a profile is a JSON object {"accountId": <id>, "variables": {...}}`];
  const { accountId, variables } = profile as HubSpotProfile;
  const problems: string[] = [];
  if (accountId === undefined)
    problems.push(
      `${file}: accountId is missing; HubSpot CLI 8 refuses the profile ("Profile ${file} is missing an account id"). ` +
        'Set it with `lead-pact set-backend-url <url> --account <id>`',
    );
  else if (!isAccountId(accountId))
    problems.push(
      `${file}: accountId must be a HubSpot account id (a positive whole number), got ${JSON.stringify(accountId)}`,
    );
  const backendUrl = (variables as Record<string, unknown> | undefined)?.BACKEND_URL;
  if (typeof backendUrl !== 'string') problems.push(`${file}: variables.BACKEND_URL is missing (a string)`);
  else {
    const problem = backendUrlProblem(backendUrl, { allowPlaceholder: true });
    if (problem) problems.push(`${file}: variables.BACKEND_URL "${backendUrl}": ${problem}`);
  }
  return problems;
}

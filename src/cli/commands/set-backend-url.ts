import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error';
import { isPlaceholderUrl, parseBackendUrl } from '../backend-url';
import { isAccountId, profilePath, readProfile, type HubSpotProfile } from '../hubspot-profile';

/** The `--account` value as a HubSpot account id, or an AppError naming the option. */
function parseAccount(input: string): number {
  const id = /^\d+$/.test(input.trim()) ? Number(input.trim()) : NaN;
  if (!isAccountId(id))
    throw new AppError(
      'invalid_input',
      `--account "${input}": give the numeric HubSpot account id, e.g. --account 12345678`,
    );
  return id;
}

/**
 * The account to upload to: `--account` when given, else the profile's own, unless the profile is still the
 * committed template (placeholder BACKEND_URL, whose accountId is a placeholder too).
 */
function targetAccount(existing: HubSpotProfile, account: string | undefined, where: string): number {
  if (account !== undefined) return parseAccount(account);
  const backendUrl = existing.variables?.BACKEND_URL;
  const template = typeof backendUrl === 'string' && isPlaceholderUrl(backendUrl);
  if (isAccountId(existing.accountId) && !template) return existing.accountId;
  throw new AppError(
    'invalid_input',
    `${where} has no target account${template ? ' yet (it is still the committed template)' : ''}: ` +
      'give it with --account <id>, the HubSpot account to upload to (`hs account list` shows the ones the CLI knows). ' +
      'HubSpot CLI 8 refuses a profile without an accountId.',
  );
}

/** Writes `accountId` and `variables.BACKEND_URL` into the profile, keeping everything else in it. */
export async function setBackendUrl(options: {
  url: string;
  profile: string;
  projectDir: string;
  account?: string;
}): Promise<{ file: string; origin: string; accountId: number; accountKept: boolean }> {
  const origin = parseBackendUrl(options.url);
  const file = await profilePath(options.projectDir, options.profile);
  const existing = await readProfile(file);
  const where = `profile "${options.profile}" (${path.relative(options.projectDir, file)})`;
  const accountId = targetAccount(existing, options.account, where);
  const { accountId: _old, variables, ...rest } = existing;
  const next = { accountId, variables: { ...variables, BACKEND_URL: origin }, ...rest };
  await writeFile(file, `${JSON.stringify(next, null, 2)}\n`);
  return { file, origin, accountId, accountKept: options.account === undefined };
}

/** `lead-pact set-backend-url URL [--account ID] [--profile NAME]`: points the HubSpot app at the backend. */
export function registerSetBackendUrlCommand(program: Command): void {
  program
    .command('set-backend-url')
    .description(
      "set the backend's public https origin and the target account in the HubSpot project profile (then `hs project upload`)",
    )
    .argument('<url>', 'the https origin HubSpot calls, e.g. https://lead-pact.example.com')
    .option('--account <id>', 'HubSpot account id to upload to (required the first time; kept afterwards)')
    .option('--profile <name>', 'HubSpot project profile to write', 'production')
    .option('--project-dir <dir>', 'directory holding hsproject.json', '.')
    .action(async (url: string, options: { profile: string; projectDir: string; account?: string }) => {
      const { file, origin, accountId, accountKept } = await setBackendUrl({ url, ...options });
      process.stdout.write(
        `${path.relative(process.cwd(), file)}: accountId = ${accountId}${accountKept ? ' (kept)' : ''}, ` +
          `BACKEND_URL = ${origin}\n` +
          `next: hs project upload --profile ${options.profile} (account ${accountId} must be authenticated: hs account auth)\n`,
      );
    });
}

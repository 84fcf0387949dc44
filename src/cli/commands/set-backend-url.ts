import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error';

/** Words that mark a URL nobody filled in (the committed profile holds one of them). */
const PLACEHOLDER = /replace|your[-_.]?backend|changeme|placeholder|<|>|\{|\}|xxx/i;

/** Host names HubSpot's servers cannot reach: this machine and private networks. */
function isUnreachableHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
  if (isIP(name) === 6) return name === '::1' || name === '::' || /^f[cd]|^fe80/.test(name);
  if (isIP(name) !== 4) return false;
  const [a = 0, b = 0] = name.split('.').map(Number);
  return a === 127 || a === 0 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** The backend's public https origin from what the user typed, or an AppError saying what is wrong with it. */
export function parseBackendUrl(input: string): string {
  const refuse = (why: string) => new AppError('invalid_input', `backend URL "${input}": ${why}`);
  if (PLACEHOLDER.test(input))
    throw refuse('this is a placeholder; give the https address your backend answers on');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    throw new AppError('invalid_input', `backend URL "${input}": not a URL (expected https://host)`, [], {
      cause: error,
    });
  }
  if (url.protocol !== 'https:') throw refuse('HubSpot only calls https URLs (plain http is refused)');
  if (isUnreachableHost(url.hostname))
    throw refuse('HubSpot cannot reach localhost or a private network address');
  if (url.username || url.password) throw refuse('no user name or password in the URL');
  if (url.pathname !== '/' || url.search || url.hash)
    throw refuse('give the origin only (no path, query or #)');
  return url.origin;
}

/** Where the HubSpot CLI looks for profile `name`: `<srcDir>/hsprofile.<name>.json`. */
async function profilePath(projectDir: string, profile: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(profile)) {
    throw new AppError('invalid_input', `profile "${profile}": use letters, digits, - and _`);
  }
  const project = JSON.parse(await readFile(path.join(projectDir, 'hsproject.json'), 'utf8')) as {
    srcDir?: string;
  };
  return path.join(projectDir, project.srcDir ?? 'src', `hsprofile.${profile}.json`);
}

/** Writes `variables.BACKEND_URL` into the profile, keeping everything else in it. Returns the file and the origin. */
export async function setBackendUrl(options: {
  url: string;
  profile: string;
  projectDir: string;
}): Promise<{ file: string; origin: string }> {
  const origin = parseBackendUrl(options.url);
  const file = await profilePath(options.projectDir, options.profile);
  type Profile = { variables?: Record<string, unknown> };
  const existing = await readFile(file, 'utf8').then(
    (text): Profile => JSON.parse(text) as Profile,
    (error: NodeJS.ErrnoException): Profile => {
      if (error.code === 'ENOENT') return {};
      throw error;
    },
  );
  const next = { ...existing, variables: { ...existing.variables, BACKEND_URL: origin } };
  await writeFile(file, `${JSON.stringify(next, null, 2)}\n`);
  return { file, origin };
}

/** `lead-pact set-backend-url URL [--profile NAME]`: points the HubSpot app (fetch, OAuth redirect) at the backend. */
export function registerSetBackendUrlCommand(program: Command): void {
  program
    .command('set-backend-url')
    .description(
      "set the backend's public https origin in the HubSpot project profile (then `hs project upload`)",
    )
    .argument('<url>', 'the https origin HubSpot calls, e.g. https://lead-pact.example.com')
    .option('--profile <name>', 'HubSpot project profile to write', 'production')
    .option('--project-dir <dir>', 'directory holding hsproject.json', '.')
    .action(async (url: string, options: { profile: string; projectDir: string }) => {
      const { file, origin } = await setBackendUrl({ url, ...options });
      process.stdout.write(
        `${path.relative(process.cwd(), file)}: BACKEND_URL = ${origin}\n` +
          `next: hs project upload --profile ${options.profile}\n`,
      );
    });
}

import { isIP } from 'node:net';
import { AppError } from '../domain/app-error';

/** Words that mark a URL nobody filled in (the committed profile holds one of them). */
const PLACEHOLDER = /replace|your[-_.]?backend|changeme|placeholder|<|>|\{|\}|xxx/i;

/** True when `url` is the committed template value or another obvious placeholder. */
export function isPlaceholderUrl(url: string): boolean {
  return PLACEHOLDER.test(url);
}

/** Host names HubSpot's servers cannot reach: this machine and private networks. */
function isUnreachableHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
  if (isIP(name) === 6) return name === '::1' || name === '::' || /^f[cd]|^fe80/.test(name);
  if (isIP(name) !== 4) return false;
  const [a = 0, b = 0] = name.split('.').map(Number);
  return a === 127 || a === 0 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * What keeps HubSpot from calling `input` (hubspot.fetch, webhooks and the OAuth redirect only reach public https),
 * or undefined. Paths are allowed: this is for URLs built from the origin (`${BACKEND_URL}/webhooks/hubspot`).
 */
export function publicHttpsUrlProblem(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return 'not a URL (expected https://host)';
  }
  if (url.protocol !== 'https:') return 'HubSpot only calls https URLs (plain http is refused)';
  if (isUnreachableHost(url.hostname)) return 'HubSpot cannot reach localhost or a private network address';
  if (url.username || url.password) return 'no user name or password in the URL';
  return undefined;
}

/** What is wrong with `input` as the backend's origin (the profile's BACKEND_URL), or undefined. */
export function backendUrlProblem(input: string, options: { allowPlaceholder: boolean }): string | undefined {
  if (!options.allowPlaceholder && isPlaceholderUrl(input))
    return 'this is a placeholder; give the https address your backend answers on';
  const problem = publicHttpsUrlProblem(input);
  if (problem) return problem;
  const url = new URL(input.trim());
  if (url.pathname !== '/' || url.search || url.hash) return 'give the origin only (no path, query or #)';
  return undefined;
}

/** The backend's public https origin from what the user typed, or an AppError saying what is wrong with it. */
export function parseBackendUrl(input: string): string {
  const problem = backendUrlProblem(input, { allowPlaceholder: false });
  if (problem) throw new AppError('invalid_input', `backend URL "${input}": ${problem}`);
  return new URL(input.trim()).origin;
}

import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * A throw-away copy of the HubSpot project (hsproject.json, extensions/ and the `file:` packages it uploads:
 * src/contracts/, src/domain/i18n/), to break on purpose.
 */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lead-pact-project-'));
  await cp(path.join(ROOT, 'hsproject.json'), path.join(dir, 'hsproject.json'));
  await cp(path.join(ROOT, 'extensions'), path.join(dir, 'extensions'), {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  await cp(path.join(ROOT, 'src/contracts'), path.join(dir, 'src/contracts'), { recursive: true });
  await cp(path.join(ROOT, 'src/domain/i18n'), path.join(dir, 'src/domain/i18n'), { recursive: true });
  return dir;
}

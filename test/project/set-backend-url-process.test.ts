import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Runs the built CLI (`npm test` builds first), as a person types it after cloning.
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/lead-pact.js');

let projectDir: string;
beforeEach(async () => {
  projectDir = await mkdtemp(path.join(tmpdir(), 'lead-pact-cli-'));
  await cp(path.join(ROOT, 'hsproject.json'), path.join(projectDir, 'hsproject.json'));
  await cp(
    path.join(ROOT, 'extensions/hsprofile.production.json'),
    path.join(projectDir, 'extensions/hsprofile.production.json'),
  );
});
afterEach(() => rm(projectDir, { recursive: true, force: true }));

const setBackendUrl = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'set-backend-url', ...args, '--project-dir', projectDir], {
    encoding: 'utf8',
  });

describe('lead-pact set-backend-url, on the committed profile', () => {
  it('When run without --account, then it exits 2 and says to give --account', async () => {
    const before = await readFile(path.join(projectDir, 'extensions/hsprofile.production.json'), 'utf8');
    const run = setBackendUrl('https://lead-pact.example.com');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /has no target account yet \(it is still the committed template\): give it with --account <id>/,
    );
    expect(await readFile(path.join(projectDir, 'extensions/hsprofile.production.json'), 'utf8')).toBe(
      before,
    );
  });

  it('When run with --account, then it writes the profile HubSpot CLI 8 uploads with', async () => {
    const run = setBackendUrl('https://lead-pact.example.com', '--account', '7654321');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('next: hs project upload --profile production');
    expect(
      JSON.parse(await readFile(path.join(projectDir, 'extensions/hsprofile.production.json'), 'utf8')),
    ).toEqual({
      accountId: 7654321,
      variables: { BACKEND_URL: 'https://lead-pact.example.com' },
    });
  });
});

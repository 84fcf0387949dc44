import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import {
  parseBackendUrl,
  registerSetBackendUrlCommand,
  setBackendUrl,
} from '../../src/cli/commands/set-backend-url';

let projectDir: string;
const profileFile = (name = 'production') => path.join(projectDir, 'extensions', `hsprofile.${name}.json`);
const readProfile = async (name?: string) => JSON.parse(await readFile(profileFile(name), 'utf8'));

beforeEach(async () => {
  projectDir = await mkdtemp(path.join(tmpdir(), 'lead-pact-profile-'));
  await writeFile(path.join(projectDir, 'hsproject.json'), JSON.stringify({ srcDir: 'extensions' }));
  await mkdir(path.join(projectDir, 'extensions'));
  await writeFile(
    profileFile(),
    JSON.stringify({
      accountId: 42,
      variables: { BACKEND_URL: 'https://REPLACE-WITH-YOUR-BACKEND.example.com', X: 1 },
    }),
  );
});
afterEach(() => rm(projectDir, { recursive: true, force: true }));

describe('lead-pact set-backend-url', () => {
  it('When given an https origin, then it writes BACKEND_URL into the production profile and keeps the rest', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    registerSetBackendUrlCommand(program);
    await program.parseAsync(
      ['set-backend-url', 'https://lead-pact.example.com/', '--project-dir', projectDir],
      {
        from: 'user',
      },
    );
    const printed = out.mock.calls.map((call) => String(call[0])).join('');
    out.mockRestore();
    expect(await readProfile()).toEqual({
      accountId: 42,
      variables: { BACKEND_URL: 'https://lead-pact.example.com', X: 1 },
    });
    expect(printed).toContain('BACKEND_URL = https://lead-pact.example.com');
    expect(printed).toContain('next: hs project upload --profile production');
  });

  it('When the profile does not exist yet, then --profile creates it', async () => {
    await setBackendUrl({
      url: 'https://staging.lead-pact.example.com:8443',
      profile: 'staging',
      projectDir,
    });
    expect(await readProfile('staging')).toEqual({
      variables: { BACKEND_URL: 'https://staging.lead-pact.example.com:8443' },
    });
  });

  it.each([
    ['the committed placeholder', 'https://REPLACE-WITH-YOUR-BACKEND.example.com', /placeholder/],
    ['plain http', 'http://lead-pact.example.com', /https/],
    ['localhost', 'https://localhost:3000', /localhost/],
    ['a loopback address', 'https://127.0.0.2', /localhost/],
    ['a private address', 'https://192.168.1.20', /private/],
    ['a path', 'https://lead-pact.example.com/api', /origin only/],
    ['a query', 'https://lead-pact.example.com/?x=1', /origin only/],
    ['not a URL', 'lead-pact.example.com', /not a URL/],
  ])('refuses %s and leaves the profile untouched', async (_what, url, message) => {
    const before = await readFile(profileFile(), 'utf8');
    await expect(setBackendUrl({ url, profile: 'production', projectDir })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(message),
    });
    expect(await readFile(profileFile(), 'utf8')).toBe(before);
  });

  it('refuses a profile name that is not a plain word', async () => {
    await expect(
      setBackendUrl({ url: 'https://lead-pact.example.com', profile: '../evil', projectDir }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('normalises the origin (lower-case host, default port dropped)', () => {
    expect(parseBackendUrl('https://Lead-Pact.Example.com:443')).toBe('https://lead-pact.example.com');
  });
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parseBackendUrl } from '../../src/cli/backend-url';
import { registerSetBackendUrlCommand, setBackendUrl } from '../../src/cli/commands/set-backend-url';

const COMMITTED_TEMPLATE = {
  accountId: 12345678,
  variables: { BACKEND_URL: 'https://REPLACE-WITH-YOUR-BACKEND.example.com' },
};

let projectDir: string;
const profileFile = (name = 'production') => path.join(projectDir, 'extensions', `hsprofile.${name}.json`);
const readProfile = async (name?: string) => JSON.parse(await readFile(profileFile(name), 'utf8'));
const writeProfile = (profile: unknown, name?: string) =>
  writeFile(profileFile(name), JSON.stringify(profile));

beforeEach(async () => {
  projectDir = await mkdtemp(path.join(tmpdir(), 'lead-pact-profile-'));
  await writeFile(path.join(projectDir, 'hsproject.json'), JSON.stringify({ srcDir: 'extensions' }));
  await mkdir(path.join(projectDir, 'extensions'));
  await writeProfile({
    accountId: 42,
    variables: { BACKEND_URL: 'https://old.lead-pact.example.com', X: 1 },
  });
});
afterEach(() => rm(projectDir, { recursive: true, force: true }));

/** Runs `lead-pact set-backend-url ...args` in-process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const program = new Command().exitOverride();
    registerSetBackendUrlCommand(program);
    await program.parseAsync(['set-backend-url', ...args, '--project-dir', projectDir], { from: 'user' });
    return out.mock.calls.map((call) => String(call[0])).join('');
  } finally {
    out.mockRestore();
  }
}

describe('lead-pact set-backend-url', () => {
  it('When given an https origin, then it writes BACKEND_URL, keeps the accountId and the rest, and says what is next', async () => {
    const printed = await run('https://lead-pact.example.com/');
    expect(await readProfile()).toEqual({
      accountId: 42,
      variables: { BACKEND_URL: 'https://lead-pact.example.com', X: 1 },
    });
    expect(printed).toContain('accountId = 42 (kept), BACKEND_URL = https://lead-pact.example.com');
    expect(printed).toContain('next: hs project upload --profile production');
  });

  it('When --account is given, then it sets the target account', async () => {
    const printed = await run('https://lead-pact.example.com', '--account', '7654321');
    expect(await readProfile()).toMatchObject({ accountId: 7654321 });
    expect(printed).toContain('accountId = 7654321, BACKEND_URL');
  });

  it('When the profile does not exist yet, then --profile with --account creates it', async () => {
    await setBackendUrl({
      url: 'https://staging.lead-pact.example.com:8443',
      profile: 'staging',
      projectDir,
      account: '99',
    });
    expect(await readProfile('staging')).toEqual({
      accountId: 99,
      variables: { BACKEND_URL: 'https://staging.lead-pact.example.com:8443' },
    });
  });

  it.each([
    ['a new profile', 'staging', undefined],
    [
      'a profile without accountId',
      'production',
      { variables: { BACKEND_URL: 'https://old.lead-pact.example.com' } },
    ],
    ['the committed template (placeholder URL and account)', 'production', COMMITTED_TEMPLATE],
  ])(
    'When %s gets no --account, then it refuses naming the option and writes nothing',
    async (_what, name, profile) => {
      if (profile) await writeProfile(profile, name);
      const before = await readFile(profileFile(name), 'utf8').catch(() => 'absent');
      await expect(
        setBackendUrl({ url: 'https://lead-pact.example.com', profile: name, projectDir }),
      ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--account <id>') });
      expect(await readFile(profileFile(name), 'utf8').catch(() => 'absent')).toBe(before);
    },
  );

  it.each(['abc', '0', '-5', '12.5', '99999999999999999999'])(
    'refuses --account %s naming the option',
    async (account) => {
      await expect(
        setBackendUrl({ url: 'https://lead-pact.example.com', profile: 'production', projectDir, account }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/^--account ".*": give the numeric/),
      });
    },
  );

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
    await expect(
      setBackendUrl({ url, profile: 'production', projectDir, account: '42' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(message),
    });
    expect(await readFile(profileFile(), 'utf8')).toBe(before);
  });

  it('When the profile file is not JSON, then it names the file', async () => {
    await writeFile(profileFile(), '{ not json');
    await expect(
      setBackendUrl({ url: 'https://lead-pact.example.com', profile: 'production', projectDir }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('hsprofile.production.json'),
    });
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

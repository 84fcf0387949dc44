import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CHECKER = path.join(__dirname, 'check-project.mjs');

interface IrNode {
  uid: string;
  componentType: string;
  config: Record<string, unknown> & {
    auth?: Record<string, unknown>;
    permittedUrls?: Record<string, unknown>;
  };
}
interface CheckResult {
  problems: string[];
  ir?: { intermediateNodesIndexedByUid: Record<string, IrNode> };
  profileFile?: { variables: { BACKEND_URL: string } };
}

/** HubSpot's parser (ESM only) runs in a child `node`; it prints what it found wrong. */
function checkProject(projectDir: string, profile = 'production'): CheckResult {
  return JSON.parse(execFileSync(process.execPath, [CHECKER, projectDir, profile], { encoding: 'utf8' }));
}

/** A throw-away copy of the HubSpot project, to break on purpose. */
async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lead-pact-project-'));
  await cp(path.join(ROOT, 'hsproject.json'), path.join(dir, 'hsproject.json'));
  await cp(path.join(ROOT, 'extensions'), path.join(dir, 'extensions'), {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  await cp(path.join(ROOT, 'src/contracts'), path.join(dir, 'src/contracts'), { recursive: true });
  return dir;
}

describe('the HubSpot project, as HubSpot parses it', () => {
  const result = checkProject(ROOT);
  const nodes = Object.values(result.ir?.intermediateNodesIndexedByUid ?? {});
  const app = nodes.find((node) => node.componentType === 'APPLICATION');

  it('parses with no error, no skipped -hsmeta.json file, no duplicate uid and every entrypoint present', () => {
    expect(result.problems).toEqual([]);
    expect(nodes.map((node) => node.componentType).sort()).toEqual([
      'APPLICATION',
      'CARD',
      'SETTINGS',
      'WEBHOOKS',
    ]);
  });

  it('substitutes ${BACKEND_URL} from the profile in fetch origins and the OAuth redirect', () => {
    const backend = result.profileFile?.variables.BACKEND_URL;
    expect(backend).toMatch(/^https:\/\//);
    expect(app?.config.permittedUrls?.fetch).toEqual([backend]);
    expect(app?.config.auth?.redirectUrls).toEqual([`${backend}/oauth/callback`]);
  });

  it('asks for exactly the OAuth scopes the app needs', () => {
    expect(app?.config.auth).toMatchObject({ type: 'oauth' });
    expect(app?.config.auth?.requiredScopes).toEqual([
      'oauth',
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
      'crm.schemas.contacts.write',
      'crm.objects.companies.read',
      'settings.users.read',
    ]);
  });

  it('puts the card in the contact record sidebar', () => {
    const card = nodes.find((node) => node.componentType === 'CARD');
    expect(card?.config).toMatchObject({ location: 'crm.record.sidebar', objectTypes: ['contacts'] });
  });
});

describe('the project check itself', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyProject();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const card = () => path.join(dir, 'extensions/app/cards/lead-quality-card-hsmeta.json');

  it('When a -hsmeta.json file sits in a folder HubSpot ignores, then it reports the skipped file', async () => {
    const misplaced = path.join(dir, 'extensions/app/card/other-card-hsmeta.json');
    await cp(card(), misplaced);
    await writeFile(
      misplaced,
      (await readFile(misplaced, 'utf8')).replace('lead_pact_lead_quality_card', 'other'),
    );
    expect(checkProject(dir).problems).toEqual([
      'skipped (wrong name or folder): app/card/other-card-hsmeta.json',
    ]);
  });

  it('When two components share a uid, then it fails', async () => {
    await cp(card(), path.join(dir, 'extensions/app/cards/copy-hsmeta.json'));
    expect(checkProject(dir).problems.join('\n')).toMatch(/lead_pact_lead_quality_card/);
  });

  it('When an entrypoint is missing, then it names it', async () => {
    await rm(path.join(dir, 'extensions/app/cards/LeadQualityCard.tsx'));
    expect(checkProject(dir).problems).toEqual([
      expect.stringContaining('LeadQualityCard.tsx does not exist'),
    ]);
  });

  it('When a -hsmeta.json file is not valid JSON, then it reports it', async () => {
    await writeFile(card(), (await readFile(card(), 'utf8')).replace('{', '{,'));
    expect(checkProject(dir).problems.join('\n')).toMatch(/lead-quality-card-hsmeta\.json/);
  });

  it('When the profile lacks BACKEND_URL, then it fails', async () => {
    await writeFile(path.join(dir, 'extensions/hsprofile.production.json'), '{"variables": {}}');
    expect(checkProject(dir).problems.join('\n')).toMatch(/BACKEND_URL/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('what the repository hands HubSpot CLI 8', () => {
  it('has no project-local hubspot.config.yml: CLI 8 keeps accounts in ~/.hscli/config.yml', () => {
    // CLI 8 reads a hubspot.config.yml found upwards from the working directory only when there is no global config,
    // calls it deprecated, and `hs account auth` offers to migrate it (`hs config migrate`) and rename it
    // archived.hubspot.config.yml; one without accounts makes every command fail config validation.
    for (const name of ['hubspot.config.yml', 'hubspot.config.yaml', 'archived.hubspot.config.yml'])
      expect({ name, exists: existsSync(path.join(ROOT, name)) }).toEqual({ name, exists: false });
  });

  it('commits profiles that hold an account id and variables, never a key', () => {
    const dir = path.join(ROOT, 'extensions');
    const profiles = readdirSync(dir).filter((name) => /^hsprofile\.[^.]+\.json$/.test(name));
    expect(profiles).toContain('hsprofile.production.json');
    for (const name of profiles) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect({ name, keys: Object.keys(JSON.parse(text)).sort() }).toEqual({
        name,
        keys: ['accountId', 'variables'],
      });
      expect({ name, keyLike: text.match(/pat-[a-z0-9]{2,}-|[A-Za-z0-9_\-=+/]{40,}/g) }).toEqual({
        name,
        keyLike: null,
      });
    }
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Lines of a CLI config that look like they carry a secret. */
function keyLikeLines(yaml: string): string[] {
  const secretKey =
    /^\s*-?\s*(personalAccessKey|apiKey|accessToken|refreshToken|clientSecret|privateAppKey|token|password)\s*:/i;
  const longToken = /[A-Za-z0-9_\-=+/]{30,}/;
  return yaml
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .filter((line) => secretKey.test(line) || longToken.test(line) || /\bpat-[a-z0-9]{2,}-/i.test(line));
}

describe('hubspot.config.yml', () => {
  const committed = readFileSync(path.resolve(__dirname, '../../hubspot.config.yml'), 'utf8');

  it('carries no key (keys come from `hs account auth` or HUBSPOT_PERSONAL_ACCESS_KEY)', () => {
    expect(keyLikeLines(committed)).toEqual([]);
  });

  it.each([
    ['a personal access key', '    personalAccessKey: CiRuYTEtZmFrZS1rZXktZm9yLXRlc3Rz'],
    ['an API key', 'apiKey: 1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a bare long token', '    auth: pat-na1-0f3e8c2a-1b2c-4d5e-8f90-abcdefabcdef'],
    ['an OAuth token block', '      accessToken: short'],
  ])('would catch %s', (_what, line) => {
    expect(keyLikeLines(`${committed}\n${line}\n`)).toEqual([line]);
  });
});

import path from 'node:path';
import { REQUIRED_SCOPES } from '../../src/hubspot/oauth';
import { checkProject } from './checks/check-project';

const ROOT = path.resolve(__dirname, '../..');

describe('the HubSpot project, as HubSpot parses and validates it', () => {
  const result = checkProject(ROOT);
  const app = result.nodes.find((node) => node.componentType === 'APPLICATION');
  const card = result.nodes.find((node) => node.componentType === 'CARD');

  it('passes the parser with validation on and every config check, with its four components', () => {
    expect(result.problems).toEqual([]);
    expect(result.nodes.map((node) => node.componentType).sort()).toEqual([
      'APPLICATION',
      'CARD',
      'SETTINGS',
      'WEBHOOKS',
    ]);
  });

  it('carries the account HubSpot CLI 8 uploads to, and substitutes ${BACKEND_URL} from the profile', () => {
    const profile = result.profile as { accountId: number; variables: { BACKEND_URL: string } };
    expect(profile.accountId).toEqual(expect.any(Number));
    const backend = profile.variables.BACKEND_URL;
    expect(backend).toMatch(/^https:\/\//);
    expect(app?.config.permittedUrls).toMatchObject({ fetch: [backend] });
    expect(app?.config.auth).toMatchObject({ redirectUrls: [`${backend}/oauth/callback`] });
  });

  it('asks for exactly the OAuth scopes the code asks for', () => {
    expect(app?.config.auth).toMatchObject({ type: 'oauth', requiredScopes: [...REQUIRED_SCOPES] });
  });

  it('puts the card in the contact record sidebar', () => {
    expect(card?.config).toMatchObject({ location: 'crm.record.sidebar', objectTypes: ['contacts'] });
  });
});

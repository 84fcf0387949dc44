import { readFileSync } from 'node:fs';
import path from 'node:path';
import { webhookProblems } from './checks/webhook-problems';

const FILE = 'app/webhooks/webhooks-hsmeta.json';
/** The committed webhooks-hsmeta.json as HubSpot's parser hands it on, ${BACKEND_URL} substituted. */
const committed = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../extensions', FILE), 'utf8').replaceAll(
    '${BACKEND_URL}',
    'https://lead-pact.example.com',
  ),
) as { config: { settings: Record<string, unknown>; subscriptions: Record<string, unknown[]> } };

/** The committed webhooks config with `subscriptions` lists replaced or added. */
const withSubscriptions = (subscriptions: Record<string, unknown[]>) => ({
  ...committed.config,
  subscriptions: { ...committed.config.subscriptions, ...subscriptions },
});

describe('the webhooks check', () => {
  it('accepts the committed subscriptions', () => {
    expect(webhookProblems(FILE, committed.config)).toEqual([]);
  });

  it('When the app subscribes to company property changes, association changes and restores, then it accepts them', () => {
    const config = withSubscriptions({
      crmObjects: [
        ...committed.config.subscriptions.crmObjects!,
        {
          subscriptionType: 'object.propertyChange',
          objectType: 'company',
          propertyName: 'numberofemployees',
          active: true,
        },
        {
          subscriptionType: 'object.propertyChange',
          objectType: 'company',
          propertyName: 'industry',
          active: true,
        },
        { subscriptionType: 'object.associationChange', objectType: 'contact', active: true },
        { subscriptionType: 'object.restore', objectType: 'contact', active: true },
      ],
      legacyCrmObjects: [
        { subscriptionType: 'contact.associationChange', active: true },
        { subscriptionType: 'company.propertyChange', propertyName: 'industry', active: true },
      ],
    });
    expect(webhookProblems(FILE, config)).toEqual([]);
  });

  it('When the app subscribes to a Lead property by the plural object name, then it is refused: generic subscriptions name it "lead"', () => {
    const config = withSubscriptions({
      crmObjects: [
        {
          subscriptionType: 'object.propertyChange',
          objectType: 'leads',
          propertyName: 'hs_pipeline_stage',
          active: true,
        },
        { subscriptionType: 'object.deletion', objectType: 'lead', active: true },
      ],
    });
    expect(webhookProblems(FILE, config)).toEqual([
      `${FILE}: config.subscriptions.crmObjects[0].objectType "leads" is not a webhook object type (singular: "contact", "company", ...)`,
    ]);
  });

  it('When a subscription sits in the wrong list or lacks what its type needs, then it names the entry', () => {
    const config = withSubscriptions({
      crmObjects: [{ subscriptionType: 'contact.creation', objectType: 'contact', active: true }],
      legacyCrmObjects: [
        { subscriptionType: 'contact.propertyChange', objectType: 'contact', active: 'yes' },
      ],
      hubEvents: [{ subscriptionType: 'object.creation', active: true }],
    });
    expect(webhookProblems(FILE, config)).toEqual([
      expect.stringMatching(/crmObjects\[0\]\.subscriptionType "contact\.creation" is not one of object\./),
      expect.stringMatching(
        /hubEvents\[0\]\.subscriptionType "object\.creation" is not one of contact\.privacyDeletion/,
      ),
      `${FILE}: config.subscriptions.legacyCrmObjects[0].objectType: only crmObjects subscriptions name an objectType`,
      `${FILE}: config.subscriptions.legacyCrmObjects[0].propertyName: a propertyChange subscription names its property`,
      `${FILE}: config.subscriptions.legacyCrmObjects[0].active must be true or false`,
    ]);
  });

  it.each([4, 101, 10.5])('refuses maxConcurrentRequests %s', (value) => {
    const config = {
      ...committed.config,
      settings: { ...committed.config.settings, maxConcurrentRequests: value },
    };
    expect(webhookProblems(FILE, config)).toEqual([expect.stringContaining('maxConcurrentRequests')]);
  });
});

import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkProject } from './checks/check-project';
import { copyProject } from './checks/copy-project';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
beforeEach(async () => {
  dir = await copyProject();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const file = (relative: string) => path.join(dir, 'extensions', relative);
const CARD = 'app/cards/lead-quality-card-hsmeta.json';
const APP = 'app/app-hsmeta.json';
const WEBHOOKS = 'app/webhooks/webhooks-hsmeta.json';
const ACTION = 'app/workflow-actions/qualify-with-lead-pact-hsmeta.json';
const PROFILE = 'hsprofile.production.json';

/** Rewrites a JSON file of the copy. */
async function edit(relative: string, change: (json: Json) => void): Promise<void> {
  const json = JSON.parse(await readFile(file(relative), 'utf8')) as Json;
  change(json);
  await writeFile(file(relative), JSON.stringify(json, null, 2));
}
const problems = () => checkProject(dir).problems;

describe('the project check, on a broken copy of the project', () => {
  it('When the card is typed "crm-card", then it fails: HubSpot knows no such component', async () => {
    await edit(CARD, (card) => (card.type = 'crm-card'));
    expect(problems()).toContainEqual(`${CARD}: Unsupported type: crm-card`);
  });

  it('When the card names an invented location, then it fails listing the ui-extensions card locations', async () => {
    await edit(CARD, (card) => (card.config.location = 'crm.record.middle'));
    expect(problems()).toEqual([
      `${CARD}: config.location "crm.record.middle" is not a card location ` +
        '(@hubspot/ui-extensions: crm.record.tab, crm.record.sidebar, crm.preview, helpdesk.sidebar)',
    ]);
  });

  it('When a -hsmeta.json file has an extra top-level field, then it fails naming the field', async () => {
    await edit(CARD, (card) => (card.description = 'top-level by mistake'));
    expect(problems()).toEqual([`${CARD}: Unexpected top-level properties found: description`]);
  });

  it('When auth.type is "OAUTH2" with an invented scope, then it fails on both', async () => {
    await edit(APP, (app) => {
      app.config.auth.type = 'OAUTH2';
      app.config.auth.requiredScopes.push('crm.objects.leadpact.read');
    });
    expect(problems()).toEqual([
      `${APP}: config.auth.type "OAUTH2" must be one of oauth, static`,
      `${APP}: config.auth.requiredScopes "crm.objects.leadpact.read" is not one src/hubspot/oauth.ts asks for (invented or unused scope)`,
    ]);
  });

  it("When the card's -hsmeta.json is moved into settings/, then it fails: wrong folder for a card", async () => {
    await rename(file(CARD), file('app/settings/lead-quality-card-hsmeta.json'));
    expect(problems()).toEqual([
      expect.stringMatching(
        /^app\/settings\/lead-quality-card-hsmeta\.json: The directory 'app\/settings' is incorrect for type 'card'/,
      ),
    ]);
  });

  it('When app-hsmeta.json is deleted, then it fails: every feature needs the app component', async () => {
    await rm(file(APP));
    expect(problems()).toEqual(
      expect.arrayContaining([
        `${CARD}: This 'card' component must be a child of the 'app' component. No *-hsmeta.json files were found with type 'app'`,
      ]),
    );
  });

  it('When a webhook subscribes objectType "contacts" with maxConcurrentRequests 1000, then it fails on both', async () => {
    await edit(WEBHOOKS, (webhooks) => {
      webhooks.config.settings.maxConcurrentRequests = 1000;
      webhooks.config.subscriptions.crmObjects[0].objectType = 'contacts';
    });
    expect(problems()).toEqual([
      `${WEBHOOKS}: config.settings.maxConcurrentRequests 1000 must be a whole number from 5 to 100`,
      `${WEBHOOKS}: config.subscriptions.crmObjects[0].objectType "contacts" is not a webhook object type (singular: "contact", "company", ...)`,
    ]);
  });

  it('When BACKEND_URL is http://localhost, then it fails on the profile and on every URL built from it', async () => {
    await edit(PROFILE, (profile) => (profile.variables.BACKEND_URL = 'http://localhost:3000'));
    const found = problems();
    expect(found).toContainEqual(
      `${PROFILE}: variables.BACKEND_URL "http://localhost:3000": HubSpot only calls https URLs (plain http is refused)`,
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^app\/app-hsmeta\.json: config\.permittedUrls\.fetch/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^app\/webhooks\/webhooks-hsmeta\.json: config\.settings\.targetUrl/),
    );
    expect(found).toContainEqual(expect.stringMatching(/^app\/workflow-actions\/.*: config\.actionUrl/));
  });

  it('When the workflow action adds an output without a Japanese label, typed "text", then it fails on both', async () => {
    await edit(ACTION, (action) => {
      action.config.outputFields.push({ typeDefinition: { name: 'reasons', type: 'text' } });
      action.config.labels.en.outputFieldLabels.reasons = 'Reasons';
    });
    expect(problems()).toEqual([
      `${ACTION}: config.outputFields[5].typeDefinition.type "text" is not one of bool, date, datetime, enumeration, json, number, object_coordinates, phone_number, string`,
      `${ACTION}: config.labels.ja.outputFieldLabels has no label for "reasons"`,
    ]);
  });

  it("When the workflow action's -hsmeta.json sits in cards/, then it fails: wrong folder for a workflow action", async () => {
    await rename(file(ACTION), file('app/cards/qualify-with-lead-pact-hsmeta.json'));
    expect(problems()).toEqual([
      expect.stringMatching(
        /^app\/cards\/qualify-with-lead-pact-hsmeta\.json: The directory 'app\/cards' is incorrect for type 'workflow-action'/,
      ),
    ]);
  });

  it('When BACKEND_URL is https on localhost, then it fails: HubSpot cannot reach it', async () => {
    await edit(PROFILE, (profile) => (profile.variables.BACKEND_URL = 'https://localhost'));
    expect(problems()).toContainEqual(
      `${PROFILE}: variables.BACKEND_URL "https://localhost": HubSpot cannot reach localhost or a private network address`,
    );
  });

  it('When the profile has no accountId, then it fails the way HubSpot CLI 8 does', async () => {
    await edit(PROFILE, (profile) => delete profile.accountId);
    expect(problems()).toEqual([
      expect.stringContaining(`${PROFILE}: accountId is missing; HubSpot CLI 8 refuses`),
    ]);
  });

  it('When the profile lacks BACKEND_URL, then it fails naming the variable', async () => {
    await edit(PROFILE, (profile) => (profile.variables = {}));
    expect(problems().join('\n')).toMatch(/BACKEND_URL/);
  });

  it('When a -hsmeta.json file sits in a folder HubSpot ignores, then it reports the skipped file', async () => {
    const misplaced = file('app/card/other-card-hsmeta.json');
    await cp(file(CARD), misplaced);
    await edit('app/card/other-card-hsmeta.json', (card) => (card.uid = 'other'));
    expect(problems()).toEqual(['skipped (wrong name or folder): app/card/other-card-hsmeta.json']);
  });

  it('When two components share a uid, then it fails naming it', async () => {
    await cp(file(CARD), file('app/cards/copy-hsmeta.json'));
    expect(problems().join('\n')).toMatch(/lead_pact_lead_quality_card/);
  });

  it('When an entrypoint is missing, then it names it', async () => {
    await rm(file('app/cards/LeadQualityCard.tsx'));
    expect(problems()).toEqual([expect.stringContaining('LeadQualityCard.tsx does not exist')]);
  });

  it('When a -hsmeta.json file is not valid JSON, then it reports it', async () => {
    await writeFile(file(CARD), (await readFile(file(CARD), 'utf8')).replace('{', '{,'));
    expect(problems().join('\n')).toMatch(/lead-quality-card-hsmeta\.json/);
  });
});

import path from 'node:path';
import { GRADES, ROUTES, STAGES } from '../../src/domain/agreement-schema';
import { LABELS } from '../../src/domain/i18n';
import { TIERS } from '../../src/domain/qualification';
import { WORKFLOW_ACTION_PATH } from '../../src/http/routes/workflow-action-router';
import { LEAD_PACT_PROPERTIES } from '../../src/hubspot/lead-pact-properties';
import { REQUIRED_SCOPES } from '../../src/hubspot/oauth';
import {
  QUALIFY_OUTPUT_FIELDS,
  WORKFLOW_FAILURES,
} from '../../src/use-cases/workflow-action/workflow-action-outputs';
import { checkProject } from './checks/check-project';

const ROOT = path.resolve(__dirname, '../..');

describe('the HubSpot project, as HubSpot parses and validates it', () => {
  const result = checkProject(ROOT);
  const app = result.nodes.find((node) => node.componentType === 'APPLICATION');
  const card = result.nodes.find((node) => node.componentType === 'CARD');
  const action = result.nodes.find((node) => node.componentType === 'WORKFLOW_ACTION');

  it('passes the parser with validation on and every config check, with its five components', () => {
    expect(result.problems).toEqual([]);
    expect(result.nodes.map((node) => node.componentType).sort()).toEqual([
      'APPLICATION',
      'CARD',
      'SETTINGS',
      'WEBHOOKS',
      'WORKFLOW_ACTION',
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

  describe('the "Qualify with Lead Pact" workflow action', () => {
    type Field = {
      typeDefinition: { name: string; type: string; options?: { value: string; label: string }[] };
    };
    const config = (action?.config ?? {}) as {
      actionUrl?: string;
      objectTypes?: string[];
      outputFields?: Field[];
      executionRules?: { labelName: string; conditions: { errorCode: string } }[];
      labels?: Record<string, { actionName: string; outputFieldLabels: Record<string, string> }>;
    };
    const output = (name: string) => config.outputFields?.find((f) => f.typeDefinition.name === name);

    it('posts to the route the service serves, on the backend the profile names, for contacts', () => {
      const backend = (result.profile as { variables: { BACKEND_URL: string } }).variables.BACKEND_URL;
      expect(config.actionUrl).toBe(`${backend}${WORKFLOW_ACTION_PATH}`);
      expect(config.objectTypes).toEqual(['CONTACT']);
    });

    it('returns tier, grade, score, stage and route, each enumeration with the options and labels of its written-back property', () => {
      expect(config.outputFields?.map((f) => f.typeDefinition.name)).toEqual([...QUALIFY_OUTPUT_FIELDS]);
      const property = (name: string) => LEAD_PACT_PROPERTIES.find((p) => p.name === `lead_pact_${name}`);
      for (const [name, values] of [
        ['tier', TIERS],
        ['grade', GRADES],
        ['stage', STAGES],
        ['route', ROUTES],
      ] as const) {
        const field = output(name)!.typeDefinition;
        expect(field.type).toBe('enumeration');
        expect(field.options?.map((o) => o.value)).toEqual([...values]);
        const labels = property(name)?.options?.map(({ value, label }) => ({ value, label }));
        expect(field.options?.map(({ value, label }) => ({ value, label }))).toEqual(labels);
      }
      expect(output('score')!.typeDefinition).toMatchObject({ type: 'number' });
    });

    it('names the action and its outputs in English and Japanese with the words the card uses', () => {
      for (const language of ['en', 'ja'] as const) {
        const labels = config.labels?.[language];
        expect(labels?.actionName).toBeTruthy();
        for (const name of QUALIFY_OUTPUT_FIELDS)
          expect(labels?.outputFieldLabels[name]).toBe(LABELS[language][`term.${name}`]);
      }
      expect(config.labels?.en?.actionName).toBe('Qualify with Lead Pact');
    });

    it('has a message in the workflow history for each reason it cannot score', () => {
      expect(config.executionRules?.map((rule) => rule.conditions.errorCode).sort()).toEqual(
        [...WORKFLOW_FAILURES].sort(),
      );
    });
  });
});

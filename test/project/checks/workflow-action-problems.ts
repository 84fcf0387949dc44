import { publicHttpsUrlProblem } from '../../../src/cli/backend-url';

/**
 * Field types an action's input and output fields take: `type` of the 2026-03 action definition's field type
 * (HubSpot's generated client, HubSpot/hubspot-sdk-typescript `PublicFieldTypeDefinition`,
 * https://developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/definitions/create-action-definition).
 */
const FIELD_TYPES = [
  'bool',
  'date',
  'datetime',
  'enumeration',
  'json',
  'number',
  'object_coordinates',
  'phone_number',
  'string',
];
/** Where an action may appear (`supportedClients[].client`): HubSpot's 2026.03 workflow action templates. */
const CLIENTS = ['WORKFLOWS', 'AGENTS'];
/** The CRM objects an action can run on, as the action definition names them (upper case). */
const OBJECT_TYPES = ['CONTACT', 'COMPANY', 'DEAL', 'TICKET', 'QUOTE', 'LINE_ITEM', 'LEAD'];
/** The languages Lead Pact speaks: every label of the action in each. */
const LANGUAGES = ['en', 'ja'];

type Json = Record<string, unknown>;

const fieldsOf = (config: Json, key: 'inputFields' | 'outputFields') =>
  (Array.isArray(config[key]) ? config[key] : []) as Array<{ typeDefinition?: Json }>;

function fieldProblems(where: string, field: { typeDefinition?: Json }): string[] {
  const type = field.typeDefinition ?? {};
  const problems: string[] = [];
  if (typeof type.name !== 'string' || type.name === '')
    problems.push(`${where}.typeDefinition.name is missing`);
  if (typeof type.type !== 'string' || !FIELD_TYPES.includes(type.type))
    problems.push(
      `${where}.typeDefinition.type ${JSON.stringify(type.type)} is not one of ${FIELD_TYPES.join(', ')}`,
    );
  if (type.type === 'enumeration' && (!Array.isArray(type.options) || type.options.length === 0))
    problems.push(`${where}: an enumeration lists its options`);
  return problems;
}

/**
 * What HubSpot would refuse, or what would leave the workflow editor half labelled, in a workflow action's config
 * (the fields HubSpot's 2026.03 `workflow-action` template and the 2026-03 action definition document): a public
 * https `actionUrl`, known clients and object types, typed fields, and every field and execution rule labelled in
 * English and Japanese.
 */
export function workflowActionProblems(file: string, config: Json): string[] {
  const problems: string[] = [];
  const url = config.actionUrl;
  const urlProblem = typeof url === 'string' ? publicHttpsUrlProblem(url) : 'missing';
  if (urlProblem) problems.push(`${file}: config.actionUrl ${JSON.stringify(url)}: ${urlProblem}`);
  if (typeof config.isPublished !== 'boolean')
    problems.push(`${file}: config.isPublished must be true or false`);
  const clients = Array.isArray(config.supportedClients) ? (config.supportedClients as Json[]) : [];
  if (clients.length === 0 || clients.some((c) => !CLIENTS.includes(c.client as string)))
    problems.push(`${file}: config.supportedClients must name clients among ${CLIENTS.join(', ')}`);
  const objectTypes = Array.isArray(config.objectTypes) ? (config.objectTypes as unknown[]) : [];
  if (objectTypes.length === 0 || objectTypes.some((t) => !OBJECT_TYPES.includes(t as string)))
    problems.push(`${file}: config.objectTypes must name objects among ${OBJECT_TYPES.join(', ')}`);
  for (const key of ['inputFields', 'outputFields'] as const)
    fieldsOf(config, key).forEach((field, i) =>
      problems.push(...fieldProblems(`${file}: config.${key}[${i}]`, field)),
    );
  const rules = (Array.isArray(config.executionRules) ? config.executionRules : []) as Json[];
  const labels = (config.labels ?? {}) as Record<string, Json>;
  for (const language of LANGUAGES) {
    const these = labels[language];
    if (!these) {
      problems.push(`${file}: config.labels.${language} is missing`);
      continue;
    }
    if (typeof these.actionName !== 'string' || these.actionName === '')
      problems.push(`${file}: config.labels.${language}.actionName is missing`);
    for (const [key, labelKey] of [
      ['inputFields', 'inputFieldLabels'],
      ['outputFields', 'outputFieldLabels'],
    ] as const) {
      const named = (these[labelKey] ?? {}) as Record<string, unknown>;
      for (const field of fieldsOf(config, key)) {
        const name = field.typeDefinition?.name as string;
        if (typeof named[name] !== 'string')
          problems.push(`${file}: config.labels.${language}.${labelKey} has no label for "${name}"`);
      }
    }
    const messages = (these.executionRules ?? {}) as Record<string, unknown>;
    for (const rule of rules)
      if (typeof messages[rule.labelName as string] !== 'string')
        problems.push(
          `${file}: config.labels.${language}.executionRules has no message for "${rule.labelName}"`,
        );
  }
  return problems;
}

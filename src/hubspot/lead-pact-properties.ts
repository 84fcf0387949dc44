import { GRADES, ROUTES, STAGES } from '../domain/agreement-schema';
import { REJECT_REASONS, SLA_STATUSES, TIERS, VERDICTS } from '../domain/qualification';
import { OPTION_LABELS } from './option-labels';

/** The contact property group every Lead Pact property lives in. */
export const LEAD_PACT_GROUP = { name: 'lead_pact', label: 'Lead Pact', displayOrder: -1 } as const;

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

/** A HubSpot contact property definition, shaped as `POST /crm/v3/properties/contacts` takes it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: 'enumeration' | 'number' | 'string' | 'datetime' | 'date';
  fieldType: 'select' | 'number' | 'textarea' | 'text' | 'date';
  options?: PropertyOption[];
}

function options(values: readonly string[]): PropertyOption[] {
  return values.map((value, displayOrder) => ({
    label: OPTION_LABELS[value] ?? value,
    value,
    displayOrder,
    hidden: false,
  }));
}

function define(
  name: string,
  label: string,
  description: string,
  kind: Pick<PropertyDefinition, 'type' | 'fieldType'>,
  values?: readonly string[],
): PropertyDefinition {
  const definition: PropertyDefinition = {
    name,
    label,
    description,
    groupName: LEAD_PACT_GROUP.name,
    ...kind,
  };
  if (values) definition.options = options(values);
  return definition;
}

const SELECT = { type: 'enumeration', fieldType: 'select' } as const;
const NUMBER = { type: 'number', fieldType: 'number' } as const;
const DATETIME = { type: 'datetime', fieldType: 'date' } as const;

/** Every property of DESIGN.md section 4: the contract workflows trigger on. */
export const LEAD_PACT_PROPERTIES: readonly PropertyDefinition[] = [
  define(
    'lead_pact_tier',
    'Lead Pact tier',
    'Handoff decision: sales ready, nurture, recycled or disqualified.',
    SELECT,
    TIERS,
  ),
  define(
    'lead_pact_grade',
    'Lead Pact grade',
    'Fit letter and intent level, A1 (best) to D4.',
    SELECT,
    GRADES,
  ),
  define(
    'lead_pact_score',
    'Lead Pact score',
    'Rank from 0 to 100 inside a grade and against capacity.',
    NUMBER,
  ),
  define(
    'lead_pact_stage',
    'Lead Pact stage',
    'Stage of consideration of the strongest signal.',
    SELECT,
    STAGES,
  ),
  define(
    'lead_pact_route',
    'Lead Pact route',
    'Who follows up: field sales, inside sales or marketing.',
    SELECT,
    ROUTES,
  ),
  define('lead_pact_reasons', 'Lead Pact reasons', 'Why the contact got this verdict, in plain words.', {
    type: 'string',
    fieldType: 'textarea',
  }),
  define(
    'lead_pact_agreement_version',
    'Lead Pact agreement version',
    'Agreement version behind the verdict.',
    NUMBER,
  ),
  define(
    'lead_pact_qualified_at',
    'Lead Pact qualified at',
    'When the contact became sales ready.',
    DATETIME,
  ),
  define(
    'lead_pact_follow_up_due',
    'Lead Pact follow-up due',
    'SLA deadline for the first sales touch.',
    DATETIME,
  ),
  define(
    'lead_pact_sla_status',
    'Lead Pact SLA status',
    'First-touch SLA: on track, met or breached.',
    SELECT,
    SLA_STATUSES,
  ),
  define('lead_pact_verdict', 'Lead Pact verdict', "The sales rep's verdict on the lead.", SELECT, VERDICTS),
  define(
    'lead_pact_reject_reason',
    'Lead Pact reject reason',
    'Why the rep rejected the lead.',
    SELECT,
    REJECT_REASONS,
  ),
];

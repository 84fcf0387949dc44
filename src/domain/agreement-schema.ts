import { z } from 'zod';

/** Stages of consideration, coolest first. */
export const STAGES = ['awareness', 'interest', 'comparison', 'decision'] as const;
export type Stage = (typeof STAGES)[number];

/** Where a sales-ready lead is routed. */
export const ROUTES = ['field_sales', 'inside_sales', 'marketing'] as const;
export type Route = (typeof ROUTES)[number];

export const FIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type FitGrade = (typeof FIT_GRADES)[number];

export const INTENT_LEVELS = [1, 2, 3, 4] as const;
export type IntentLevel = (typeof INTENT_LEVELS)[number];

/** Every grade, `A1` (great fit, hot) .. `D4`. */
export const GRADES = FIT_GRADES.flatMap((fit) => INTENT_LEVELS.map((level) => `${fit}${level}`)) as Grade[];
export type Grade = `${FitGrade}${IntentLevel}`;

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lowercase id (letters, digits, - and _)');
const label = z.string().trim().min(1, 'expected a non-empty label');
/** A contact property name, or `company.<name>` for the primary associated company. */
const propertyName = z
  .string()
  .regex(/^(company\.)?[a-z0-9_]+$/i, 'expected a HubSpot property name, optionally prefixed by "company."');
const points = z.number().finite();
const nonEmptyStrings = z.array(z.string().min(1)).min(1, 'expected at least one value');
const dateLike = z.string().min(1, 'expected a date (YYYY-MM-DD, ISO timestamp or epoch milliseconds)');

/** Conditions shared by fit rules, signal `when` clauses and disqualifiers. Exactly one operator each. */
const operatorShapes = {
  bands: z.array(z.object({ min: z.number().finite(), points }).strict()).min(1),
  /** `except`: words that cancel the keyword occurrence they contain (部長代理 for 部長). */
  keywords: z
    .array(z.object({ any: nonEmptyStrings, except: nonEmptyStrings.optional(), points }).strict())
    .min(1),
  in: nonEmptyStrings,
  notIn: nonEmptyStrings,
  equals: z.string(),
  contains: nonEmptyStrings,
  endsWith: nonEmptyStrings,
  known: z.boolean(),
  between: z.object({ from: dateLike.optional(), to: dateLike.optional() }),
} as const;
export const OPERATORS = Object.keys(operatorShapes) as (keyof typeof operatorShapes)[];
export type Operator = (typeof OPERATORS)[number];

const conditionFields = {
  property: propertyName,
  bands: operatorShapes.bands.optional(),
  keywords: operatorShapes.keywords.optional(),
  in: operatorShapes.in.optional(),
  notIn: operatorShapes.notIn.optional(),
  equals: operatorShapes.equals.optional(),
  contains: operatorShapes.contains.optional(),
  endsWith: operatorShapes.endsWith.optional(),
  known: operatorShapes.known.optional(),
  between: operatorShapes.between.optional(),
};

export const conditionSchema = z.object(conditionFields).strict();
export type Condition = z.infer<typeof conditionSchema>;

export const fitRuleSchema = z.object({ id, label, ...conditionFields, points: points.optional() }).strict();
export type FitRule = z.infer<typeof fitRuleSchema>;

export const signalSchema = z
  .object({
    id,
    label,
    stage: z.enum(STAGES),
    when: conditionSchema,
    at: propertyName.optional(),
    points,
    halfLifeDays: z.number().positive('expected a positive number of days'),
  })
  .strict();
export type Signal = z.infer<typeof signalSchema>;

export const disqualifierSchema = z.object({ id, label, ...conditionFields }).strict();
export type Disqualifier = z.infer<typeof disqualifierSchema>;

const nonNegativeInt = z.number().int('expected a whole number').nonnegative('expected 0 or more');

/**
 * One route's monthly cap (`capacity.routes.<route>`), counted besides the total: `months` overrides `default`; a
 * month with neither leaves the route uncapped (the total still applies).
 */
const routeCapacity = z
  .object({
    default: nonNegativeInt.optional(),
    months: z.record(z.string(), nonNegativeInt).default({}),
  })
  .strict();
export type RouteCapacity = z.infer<typeof routeCapacity>;
const routeCapacities = z
  .object({
    field_sales: routeCapacity.optional(),
    inside_sales: routeCapacity.optional(),
    marketing: routeCapacity.optional(),
  })
  .strict();

/** A HubSpot owner or team id (`GET /crm/v3/owners`, `GET /settings/v3/users/teams`): digits, as a string. */
const hubspotId = (what: string) => {
  const message = `expected a HubSpot ${what} id (digits, as a string such as "101")`;
  return z.string({ error: message }).regex(/^\d+$/, message);
};

/**
 * Who gets the HubSpot Lead of a route's handoff (`handoff.leadOwners.<route>`): one owner, or a team (its member
 * owner with the fewest open Lead Pact Leads). Exactly one of the two (checked in check-agreement).
 */
const leadOwner = z
  .object({ ownerId: hubspotId('owner').optional(), teamId: hubspotId('team').optional() })
  .strict();
export type LeadOwner = z.infer<typeof leadOwner>;
const leadOwners = z
  .object({
    field_sales: leadOwner.optional(),
    inside_sales: leadOwner.optional(),
    marketing: leadOwner.optional(),
  })
  .strict();

/**
 * `handoff`: the grades handed to sales; `createLeads` (absent means false) also hands each one over as a HubSpot
 * Lead, owned per route by `leadOwners` (a route with no entry: the contact's owner, else unassigned).
 */
const handoff = z
  .object({
    salesReady: z.array(z.string()),
    createLeads: z.boolean().optional(),
    leadOwners: leadOwners.optional(),
  })
  .strict();

/** The shape of `lead-pact/agreement@1`. Semantic checks (unique ids, ordered thresholds...) live in parse-agreement. */
export const agreementShape = z
  .object({
    schema: z.literal('lead-pact/agreement@1'),
    name: label,
    fit: z
      .object({
        rules: z.array(fitRuleSchema),
        grades: z.object({ A: points, B: points, C: points }).strict(),
      })
      .strict(),
    intent: z
      .object({
        signals: z.array(signalSchema),
        levels: z.object({ '1': points, '2': points, '3': points }).strict(),
      })
      .strict(),
    disqualify: z.array(disqualifierSchema).default([]),
    handoff,
    routing: z.record(z.string(), z.enum(ROUTES)),
    sla: z
      .object({
        firstTouchBusinessDays: nonNegativeInt,
        progressDays: nonNegativeInt,
        timezone: z.string().min(1),
        holidays: z.array(z.string()).default([]),
      })
      .strict(),
    capacity: z
      .object({
        default: nonNegativeInt,
        months: z.record(z.string(), nonNegativeInt).default({}),
        routes: routeCapacities.optional(),
      })
      .strict(),
  })
  .strict();

/** A parsed, valid agreement. */
export type Agreement = z.infer<typeof agreementShape>;
/** An agreement as written in JSON (defaults not yet applied). */
export type AgreementInput = z.input<typeof agreementShape>;

import { SubscriptionCreateRequestEventTypeEnum } from '@hubspot/api-client/lib/codegen/webhooks/models/SubscriptionCreateRequest';
import { publicHttpsUrlProblem } from '../../../src/cli/backend-url';

/** Every webhook subscription type HubSpot's webhooks API accepts (its own client's enum). */
const EVENT_TYPES: readonly string[] = Object.values(SubscriptionCreateRequestEventTypeEnum);
/** `crmObjects` take the generic `object.*` types with an `objectType`. */
const GENERIC_TYPES = EVENT_TYPES.filter((type) => type.startsWith('object.'));
/** `hubEvents`: what HubSpot keeps out of the generic format (contact.privacyDeletion, conversation.*). */
const HUB_EVENT_TYPES = EVENT_TYPES.filter(
  (type) => type.endsWith('.privacyDeletion') || type.startsWith('conversation.'),
);
/** `legacyCrmObjects`: the per-object types (`contact.propertyChange`, `company.associationChange`, ...). */
const LEGACY_TYPES = EVENT_TYPES.filter(
  (type) => !GENERIC_TYPES.includes(type) && !HUB_EVENT_TYPES.includes(type),
);
/**
 * Object types of generic (`object.*`) subscriptions, singular and lower-case in `-hsmeta.json` ("contact"), as
 * HubSpot's generic webhook subscriptions announcement lists them.
 */
const GENERIC_OBJECT_TYPES = [
  'call',
  'cart',
  'commerce_payment',
  'communication',
  'company',
  'contact',
  'deal',
  'discount',
  'fee',
  'feedback_submission',
  'goal_target',
  'line_item',
  'meeting_event',
  'note',
  'order',
  'postal_mail',
  'product',
  'quote',
  'quote_template',
  'task',
  'tax',
  'ticket',
  'invoice',
  'lead',
  'subscription',
  'user',
  'partner_client',
];
/**
 * `settings.maxConcurrentRequests` bounds. HubSpot's API references give the field no minimum or maximum; 5 and
 * 100 are the lowest and highest values its webhook settings are known to take (10 in its examples, 20 here).
 * Stricter than HubSpot if HubSpot takes more; `hs project validate` online has the last word.
 */
const MAX_CONCURRENT_REQUESTS = { min: 5, max: 100 };

type Subscription = Record<string, unknown>;

function subscriptionProblems(
  where: string,
  entry: Subscription,
  allowed: readonly string[],
  generic: boolean,
): string[] {
  const problems: string[] = [];
  const type = entry.subscriptionType;
  if (typeof type !== 'string' || !allowed.includes(type))
    problems.push(`${where}.subscriptionType ${JSON.stringify(type)} is not one of ${allowed.join(', ')}`);
  if (generic && !GENERIC_OBJECT_TYPES.includes(entry.objectType as string))
    problems.push(
      `${where}.objectType ${JSON.stringify(entry.objectType)} is not a webhook object type (singular: "contact", "company", ...)`,
    );
  if (!generic && entry.objectType !== undefined)
    problems.push(`${where}.objectType: only crmObjects subscriptions name an objectType`);
  if (typeof type === 'string' && type.endsWith('.propertyChange') && typeof entry.propertyName !== 'string')
    problems.push(`${where}.propertyName: a propertyChange subscription names its property`);
  if (typeof entry.active !== 'boolean') problems.push(`${where}.active must be true or false`);
  return problems;
}

const LISTS: Record<string, { allowed: readonly string[]; generic: boolean }> = {
  crmObjects: { allowed: GENERIC_TYPES, generic: true },
  legacyCrmObjects: { allowed: LEGACY_TYPES, generic: false },
  hubEvents: { allowed: HUB_EVENT_TYPES, generic: false },
};

/** What HubSpot would refuse in the webhooks component's config (settings and each subscription). */
export function webhookProblems(file: string, config: Record<string, unknown>): string[] {
  const settings = (config.settings ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const target = settings.targetUrl;
  const targetProblem = typeof target === 'string' ? publicHttpsUrlProblem(target) : 'missing';
  if (targetProblem)
    problems.push(`${file}: config.settings.targetUrl ${JSON.stringify(target)}: ${targetProblem}`);
  const max = settings.maxConcurrentRequests;
  const { min: low, max: high } = MAX_CONCURRENT_REQUESTS;
  if (!Number.isInteger(max) || (max as number) < low || (max as number) > high)
    problems.push(
      `${file}: config.settings.maxConcurrentRequests ${JSON.stringify(max)} must be a whole number from ${low} to ${high}`,
    );
  const subscriptions = (config.subscriptions ?? {}) as Record<string, unknown>;
  for (const [list, entries] of Object.entries(subscriptions)) {
    const rule = LISTS[list];
    if (!rule || !Array.isArray(entries)) {
      problems.push(
        `${file}: config.subscriptions.${list}: expected arrays crmObjects, legacyCrmObjects, hubEvents`,
      );
      continue;
    }
    entries.forEach((entry: Subscription, index) =>
      problems.push(
        ...subscriptionProblems(
          `${file}: config.subscriptions.${list}[${index}]`,
          entry,
          rule.allowed,
          rule.generic,
        ),
      ),
    );
  }
  return problems;
}

import { Alert, DescriptionList, DescriptionListItem, Flex, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { LEAD_OBJECT_TYPE_ID, type CardLead, type ScoredCard } from '@lead-pact/contracts';
import type { CardMessages } from '../i18n/en';
import { useCardMessages } from '../i18n/useCardMessages';

/** A stage's name: the portal's own label for a stage it renamed or added, else the card's word for the default. */
export function leadStageName(t: CardMessages, stage: { id: string; label: string | null }): string {
  return stage.label ?? t.leadStage[stage.id] ?? stage.id;
}

function pendingText(t: CardMessages, lead: CardLead): string | null {
  switch (lead.pending) {
    case 'create':
      return t.leadCreating;
    case 'accept':
      // A Lead a rep already works in HubSpot is not moved back (the lead-sync leaves it where it is).
      return lead.stage === null || lead.stage.id === 'new-stage-id'
        ? t.leadMoving(t.leadStage['attempting-stage-id'] ?? '')
        : null;
    case 'disqualify':
      return t.leadDisqualifying;
    default:
      return null;
  }
}

/**
 * The contact's HubSpot Lead, the rep's queue item: its stage and owner, what Lead Pact is still sending to HubSpot
 * (or what HubSpot refused), why it was disqualified, and a link that opens the Lead's record in HubSpot. Nothing
 * when Lead Pact hands over no Leads.
 */
export function LeadSection({ card }: { card: ScoredCard }) {
  const { t } = useCardMessages();
  const { lead } = card;
  if (!lead) return null;
  const pending = pendingText(t, lead);
  const owner = lead.owner === null ? t.leadUnassigned : (lead.owner.name ?? lead.owner.id);
  const reason = lead.disqualification
    ? (t.leadReason[lead.disqualification.reason] ?? lead.disqualification.reason)
    : null;
  return (
    <Flex direction="column" gap="xs" testId="card-lead">
      <Text format={{ fontWeight: 'demibold' }} testId="card-lead-name">
        {t.leadHeading(lead.name)}
      </Text>
      <DescriptionList direction="row">
        <DescriptionListItem label={t.leadStageLabel}>
          <Text testId="card-lead-stage">{lead.stage ? leadStageName(t, lead.stage) : '—'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.leadOwnerLabel}>
          <Text testId="card-lead-owner">{owner}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {lead.deleted ? (
        <Text variant="microcopy" testId="card-lead-deleted">
          {t.leadDeleted}
        </Text>
      ) : null}
      {reason ? (
        <Text variant="microcopy" testId="card-lead-disqualified">
          {t.leadDisqualified(reason, lead.disqualification?.note ?? null)}
        </Text>
      ) : null}
      {pending ? (
        <Text variant="microcopy" testId="card-lead-pending">
          {pending}
        </Text>
      ) : null}
      {lead.failed !== null ? (
        <Alert title={t.leadFailedTitle} variant="warning" testId="card-lead-failed">
          {lead.failed}
        </Alert>
      ) : null}
      {/* HubSpot opens the record in the portal's own app domain (app.hubspot.com, app-eu1...), with a Back button
          to this contact (includeEschref): https://developers.hubspot.com/docs/platform/ui-components/crm-action-components#navigate-to-a-crm-record */}
      {lead.leadId !== null && !lead.deleted ? (
        <CrmActionLink
          actionType="RECORD_APP_LINK"
          actionContext={{
            objectTypeId: LEAD_OBJECT_TYPE_ID,
            objectId: Number(lead.leadId),
            includeEschref: true,
          }}
          testId="card-open-lead"
        >
          {t.openLead}
        </CrmActionLink>
      ) : null}
    </Flex>
  );
}

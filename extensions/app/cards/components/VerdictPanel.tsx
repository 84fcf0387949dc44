import { useState } from 'react';
import { Button, ButtonRow, Flex, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { REJECT_REASON_VALUES, type RejectReason, type ScoredCard } from '@lead-pact/contracts';
import { formatDate } from '../../shared/locale';
import type { VerdictInput } from '../hooks/useCardActions';
import { useCardMessages } from '../i18n/useCardMessages';

/** The rep's verdict: what was decided, or Accept / Reject (with a reason and an optional note) for a sales-ready lead. */
export function VerdictPanel(props: {
  card: ScoredCard;
  busy: boolean;
  onVerdict: (input: VerdictInput) => void;
}) {
  const { card, busy, onVerdict } = props;
  const { t, locale } = useCardMessages();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<RejectReason | undefined>(undefined);
  const [note, setNote] = useState('');

  if (card.verdict) {
    const date = formatDate(card.verdict.at, locale, card.portalTimezone);
    const text =
      card.verdict.verdict === 'accepted'
        ? t.acceptedOn(date)
        : t.rejectedOn(card.verdict.reason ? t.reason[card.verdict.reason] : '', date);
    return <Text testId="card-verdict">{text}</Text>;
  }
  if (card.tier !== 'sales_ready') return null;
  // With an open HubSpot Lead, each button says what it does to the Lead: Accept moves a new Lead on.
  const { lead } = card;
  const leadOpen = lead?.wanted === 'open' && lead.failed === null && !lead.deleted;
  const leadIsNew = leadOpen && (lead.stage === null || lead.stage.id === 'new-stage-id');
  if (!rejecting) {
    const buttons = (
      <ButtonRow>
        <Button
          variant="primary"
          disabled={busy}
          onClick={() => onVerdict({ verdict: 'accepted' })}
          testId="card-accept"
        >
          {t.accept}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => setRejecting(true)} testId="card-reject">
          {t.reject}
        </Button>
      </ButtonRow>
    );
    if (!leadOpen) return buttons;
    return (
      <Flex direction="column" gap="xs">
        {buttons}
        {leadIsNew ? (
          <Text variant="microcopy" testId="card-accept-moves-lead">
            {t.acceptMovesLead(t.leadStage['attempting-stage-id'] ?? '')}
          </Text>
        ) : null}
        <Text variant="microcopy" testId="card-reject-disqualifies-lead">
          {t.rejectDisqualifiesLead}
        </Text>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm" testId="card-reject-form">
      <Select
        label={t.reasonLabel}
        name="reason"
        required
        placeholder={t.reasonPlaceholder}
        value={reason}
        options={REJECT_REASON_VALUES.map((value) => ({ value, label: t.reason[value] }))}
        onChange={(value) => setReason(value as RejectReason)}
        testId="card-reject-reason"
      />
      <TextArea
        label={t.noteLabel}
        name="note"
        value={note}
        onChange={setNote}
        maxLength={1000}
        testId="card-reject-note"
      />
      {leadOpen ? (
        <Text variant="microcopy" testId="card-reject-disqualifies-lead">
          {t.rejectDisqualifiesLead}
        </Text>
      ) : null}
      <ButtonRow>
        <Button
          variant="destructive"
          disabled={busy || reason === undefined}
          onClick={() => reason && onVerdict({ verdict: 'rejected', reason, note })}
          testId="card-confirm-reject"
        >
          {t.confirmReject}
        </Button>
        <Button variant="secondary" onClick={() => setRejecting(false)} testId="card-cancel-reject">
          {t.cancel}
        </Button>
      </ButtonRow>
    </Flex>
  );
}

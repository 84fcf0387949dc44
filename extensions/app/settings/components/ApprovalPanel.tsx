import { useState } from 'react';
import { Alert, Button, ButtonRow, Flex, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { SIDE_VALUES, type AgreementsResponse, type Side } from '@lead-pact/contracts';
import type { AgreementsApi } from '../hooks/useAgreements';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { NextStepLine } from './NextStepLine';

/** Propose (with a rationale) for the author's side; approve or send back (with a comment) for the other side. */
export function ApprovalPanel({ data, api }: { data: AgreementsResponse; api: AgreementsApi }) {
  const { t } = useSettingsMessages();
  const { open, viewer } = data;
  const [actingAs, setActingAs] = useState<Side | undefined>(undefined);
  const [rationale, setRationale] = useState('');
  const [comment, setComment] = useState('');
  const mySide = viewer.sides.length === 1 ? viewer.sides[0] : actingAs;
  const bothSides = viewer.sides.length > 1 ? actingAs : undefined;
  const canReview = open?.status === 'proposed' && mySide !== undefined && mySide !== open.proposedSide;

  return (
    <Flex direction="column" gap="md" testId="approval">
      <NextStepLine next={data.next} mySide={mySide} />
      {viewer.sides.length === 0 ? <Alert title={t.noSide} variant="warning" testId="no-side" /> : null}
      {viewer.sides.length > 1 ? (
        <Select
          label={t.actingAs}
          name="actingAs"
          value={actingAs}
          testId="acting-as"
          options={SIDE_VALUES.map((side) => ({ value: side, label: t.side[side] }))}
          onChange={(v) => setActingAs(v as Side)}
        />
      ) : null}
      {open ? <Text testId="open-version">{t.openVersion(open.version, t.status[open.status])}</Text> : null}
      {open?.status === 'sent_back' && open.sentBackComment ? (
        <Alert
          title={
            open.sentBackReason === 'team_mapping_changed'
              ? t.sentBackByMapping(open.sentBackBy ?? '?')
              : t.sentBackNote(open.sentBackBy ?? '?', open.sentBackComment)
          }
          variant="warning"
          testId="sent-back-note"
        />
      ) : null}
      {open?.status === 'draft' && mySide ? (
        <Flex direction="column" gap="xs">
          <TextArea
            label={t.rationale}
            name="rationale"
            value={rationale}
            onChange={setRationale}
            testId="rationale"
          />
          <Button
            variant="primary"
            disabled={api.busy || !rationale.trim()}
            testId="propose"
            onClick={() => {
              void api
                .propose(open.version, rationale.trim(), bothSides)
                .then((done) => done && setRationale(''));
            }}
          >
            {t.propose}
          </Button>
        </Flex>
      ) : null}
      {canReview ? (
        <Flex direction="column" gap="xs">
          {open.rationale ? <Text testId="proposal-rationale">{t.why(open.rationale)}</Text> : null}
          <TextArea
            label={t.comment}
            name="comment"
            value={comment}
            onChange={setComment}
            testId="send-back-comment"
          />
          <ButtonRow>
            <Button
              variant="primary"
              disabled={api.busy}
              onClick={() => void api.approve(open.version, bothSides)}
              testId="approve"
            >
              {t.approve}
            </Button>
            <Button
              disabled={api.busy || !comment.trim()}
              testId="send-back"
              onClick={() => {
                void api
                  .sendBack(open.version, comment.trim(), bothSides)
                  .then((done) => done && setComment(''));
              }}
            >
              {t.sendBack}
            </Button>
          </ButtonRow>
        </Flex>
      ) : null}
    </Flex>
  );
}

import { Alert, Button, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { verdictResponseSchema } from '@lead-pact/contracts';
import { ok } from '../../testing/fakeBackend';
import { recordedCard, recordedCards, recordedLeadCards } from './cardFixtures';
import { renderCard, restoreCardTest } from './cardHarness';
import verdictLeadAccepted from './fixtures/verdict-lead-accepted.json';

// The backend's answers were recorded from the real card routes (test/http/routes/record-card-lead-responses.ts):
// the director (A2, sales-ready) handed over as a HubSpot Lead owned by Hana Sato, id 9001.

afterEach(restoreCardTest);

const text = (card: ReturnType<typeof renderCard>, testId: string) => card.findByTestId(Text, testId).text;
const shown = (card: ReturnType<typeof renderCard>) =>
  card.waitFor(() => expect(card.maybeFindByTestId(Text, 'card-lead-name')).not.toBeNull());

describe("the card's HubSpot Lead", () => {
  it('When the Lead is in HubSpot, then it shows its stage and owner, and a link that opens it', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.created));
    await shown(card);
    expect(text(card, 'card-lead-name')).toBe('HubSpot Lead: Director of IT · A2');
    expect(text(card, 'card-lead-stage')).toBe('New');
    expect(text(card, 'card-lead-owner')).toBe('Hana Sato');
    const link = card.findByTestId(CrmActionLink, 'card-open-lead');
    expect(link.text).toBe('Open the Lead');
    expect(link.props).toMatchObject({
      actionType: 'RECORD_APP_LINK',
      actionContext: { objectTypeId: '0-136', objectId: 9001, includeEschref: true },
    });
    expect(card.maybeFindByTestId(Text, 'card-lead-pending')).toBeNull();
  });

  it('When the rep is about to decide, then Accept and Reject say what they do to the Lead', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.created));
    await shown(card);
    expect(text(card, 'card-accept-moves-lead')).toBe('Accept: the Lead moves to Attempting');
    expect(text(card, 'card-reject-disqualifies-lead')).toBe(
      'Reject: the Lead is disqualified with your reason',
    );
    card.findByTestId(Button, 'card-reject').trigger('onClick');
    expect(text(card, 'card-reject-disqualifies-lead')).toBe(
      'Reject: the Lead is disqualified with your reason',
    );
  });

  it('When the rep already works the Lead in HubSpot, then Accept does not promise to move it, and accepting leaves it there', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.worked));
    await shown(card);
    expect(text(card, 'card-lead-stage')).toBe('Connected');
    expect(card.maybeFindByTestId(Text, 'card-accept-moves-lead')).toBeNull();
    expect(text(card, 'card-reject-disqualifies-lead')).toBe(
      'Reject: the Lead is disqualified with your reason',
    );

    const accepted = renderCard(recordedCard(recordedLeadCards.workedAccepted));
    await shown(accepted);
    expect(text(accepted, 'card-lead-stage')).toBe('Connected');
    expect(accepted.maybeFindByTestId(Text, 'card-lead-pending')).toBeNull();
  });

  it('When Lead Pact has not created the Lead yet, then it says so and offers no link', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.creating));
    await shown(card);
    expect(text(card, 'card-lead-pending')).toBe('Being created in HubSpot…');
    expect(text(card, 'card-lead-stage')).toBe('—');
    expect(card.maybeFindByTestId(CrmActionLink, 'card-open-lead')).toBeNull();
  });

  it('When the rep accepts, then the card shows the Lead moving to Attempting, then in Attempting', async () => {
    const state = { card: () => recordedCard(recordedLeadCards.created) };
    const card = renderCard(() => state.card(), {
      routes: {
        'POST /api/card/verdict': () => {
          state.card = () => recordedCard(recordedLeadCards.accepted);
          return ok(verdictResponseSchema, verdictLeadAccepted.body);
        },
      },
    });
    await shown(card);
    card.findByTestId(Button, 'card-accept').trigger('onClick');
    await card.waitFor(() =>
      expect(text(card, 'card-lead-pending')).toBe('Moving to Attempting in HubSpot…'),
    );
    expect(text(card, 'card-verdict')).toBe('Accepted on Nov 27, 2026');
    expect(card.maybeFindByTestId(Text, 'card-accept-moves-lead')).toBeNull();

    const moved = renderCard(recordedCard(recordedLeadCards.attempting));
    await shown(moved);
    expect(text(moved, 'card-lead-stage')).toBe('Attempting');
    expect(moved.maybeFindByTestId(Text, 'card-lead-pending')).toBeNull();
  });

  it('When the rep rejected it, then the card shows it being disqualified with the reason and their words', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.rejected));
    await shown(card);
    expect(text(card, 'card-lead-disqualified')).toBe('Disqualified: Rejected by a rep (Only five seats)');
    expect(text(card, 'card-lead-pending')).toBe('Being disqualified in HubSpot…');
  });

  it('When HubSpot refused the change for good, then the card shows its message', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.refused));
    await shown(card);
    const alert = card.findByTestId(Alert, 'card-lead-failed');
    expect(alert.props.title).toBe('HubSpot refused this Lead');
    expect(alert.text).toBe(
      'Property values were not valid: hs_lead_disqualification_reason is required for the disqualified stage',
    );
    expect(card.maybeFindByTestId(Text, 'card-lead-pending')).toBeNull();
  });

  it('When someone deleted the Lead in HubSpot, then the card says so and offers no link to it', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.deleted));
    await shown(card);
    expect(text(card, 'card-lead-deleted')).toBe('Deleted in HubSpot');
    expect(text(card, 'card-lead-stage')).toBe('—');
    expect(card.maybeFindByTestId(CrmActionLink, 'card-open-lead')).toBeNull();
  });

  it('When Lead Pact hands over no Leads, then the card shows no Lead and the buttons say nothing of one', async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady));
    await card.waitFor(() => expect(card.maybeFindByTestId(Button, 'card-accept')).not.toBeNull());
    expect(card.maybeFindByTestId(Text, 'card-lead-name')).toBeNull();
    expect(card.maybeFindByTestId(Text, 'card-accept-moves-lead')).toBeNull();
  });
});

describe("the card's HubSpot Lead in Japanese", () => {
  it('names the stage, the link and what Accept and Reject do in Japanese', async () => {
    const card = renderCard(recordedCard(recordedLeadCards.created), { locale: 'ja-JP' });
    await shown(card);
    expect(text(card, 'card-lead-name')).toBe('HubSpot のリード：Director of IT · A2');
    expect(text(card, 'card-lead-stage')).toBe('新規');
    expect(card.findByTestId(CrmActionLink, 'card-open-lead').text).toBe('リードを開く');
    expect(text(card, 'card-accept-moves-lead')).toBe('受け入れると、リードは「アプローチ中」に進みます');
    expect(text(card, 'card-reject-disqualifies-lead')).toBe(
      '却下すると、リードは選んだ理由で不適格になります',
    );
  });

  it('says in Japanese that the Lead is being created, and why it was disqualified', async () => {
    const creating = renderCard(recordedCard(recordedLeadCards.creating), { locale: 'ja' });
    await shown(creating);
    expect(text(creating, 'card-lead-pending')).toBe('HubSpot でリードを作成しています…');

    const rejected = renderCard(recordedCard(recordedLeadCards.rejected), { locale: 'ja' });
    await shown(rejected);
    expect(text(rejected, 'card-lead-disqualified')).toBe('不適格：営業が却下（Only five seats）');
    expect(text(rejected, 'card-lead-pending')).toBe('HubSpot でリードを不適格にしています…');
  });
});

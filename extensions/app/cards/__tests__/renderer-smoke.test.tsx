import { Button, hubspot, ScoreCircle, StatusTag, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { BACKEND_URL, fakeBackend } from '../../testing/fakeBackend';
import cardMeta from '../lead-quality-card-hsmeta.json';
import '../LeadQualityCard';
import { NOW, recordedCard, recordedCards } from './cardFixtures';

type RenderCard = Parameters<typeof hubspot.extend<'crm.record.sidebar'>>[0];

// The card's entrypoint calls hubspot.extend when it loads: capture what it registers, as HubSpot's worker would.
jest.mock('@hubspot/ui-extensions', () => {
  const actual = jest.requireActual('@hubspot/ui-extensions');
  return { ...actual, hubspot: { ...actual.hubspot, extend: jest.fn() } };
});

let restore: () => void = () => undefined;
afterEach(() => {
  restore();
  jest.restoreAllMocks();
});

describe('the card HubSpot loads (the entrypoint of lead-quality-card-hsmeta.json)', () => {
  it('When a rep opens a sales-ready contact, then the registered card shows the verdict, why, and accept / reject', async () => {
    expect(cardMeta.config.entrypoint).toBe('/app/cards/LeadQualityCard.tsx');
    const registered = jest.mocked(hubspot.extend).mock.calls;
    expect(registered).toHaveLength(1);
    const renderCard = registered[0]![0] as RenderCard;
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const backend = fakeBackend({ 'GET /api/card': () => recordedCard(recordedCards.salesReady) });
    restore = backend.restore;
    const renderer = createRenderer('crm.record.sidebar');
    renderer.mocks.context.variables = { BACKEND_URL };
    renderer.mocks.context.user.locale = 'en-US';
    renderer.render(renderCard({ context: renderer.mocks.context } as Parameters<RenderCard>[0]));

    await renderer.waitFor(
      () => expect(renderer.findByTestId(ScoreCircle, 'card-score').props.score).toBe(76),
      { timeoutInMs: 5000 },
    );
    const text = (testId: string) => renderer.findByTestId(Text, testId).text;
    expect(text('card-grade')).toBe('Grade A2');
    expect(renderer.findByTestId(StatusTag, 'card-tier').text).toBe('Sales-ready');
    expect(text('card-stage')).toBe('Decision');
    expect(text('card-route')).toBe('Field sales');
    expect(renderer.findByTestId(Tag, 'criterion-quote-click-outcome').text).toBe('Met');
    expect(text('criterion-quote-click-seen')).toBe('Seen: Newsletter: get a quote · 3 days ago');
    expect(text('card-countdown')).toBe('due in 4 d 5 h');
    expect(renderer.findByTestId(Button, 'card-accept').text).toBe('Accept');
    expect(renderer.findByTestId(Button, 'card-reject').text).toBe('Reject');
    expect(backend.calls.map((call) => call.query)).toEqual([{ objectId: '123' }]);
  });
});

import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { ownerDirectory } from '../../../src/use-cases/names/owner-names';
import { resultWithNames, roundsWithNames } from '../../../src/use-cases/quiz/with-user-names';
import { quizResultSchema, quizRoundListSchema } from '../../../src/contracts/quiz';
import { fixture } from '../../hubspot/fixture';
import { stubActiveOwners, stubArchivedOwners } from '../../hubspot/owner-stubs';
import { useNock } from '../../hubspot/use-nock';

const API = 'https://api.hubapi.com';
const PORTAL = '42';

useNock();

/*
 * HubSpot's owners carry the user behind them: `userId` ("the ID of the user ... used to specify users in the settings
 * API"), and for a deactivated user only `userIdIncludingInactive`
 * (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide). Quiz answers are recorded under the
 * signed request's HubSpot user id, so names come from the owners list by that id.
 *   active: crm-owners-page-1/2.json: Hana Sato (user 9001), Kenji Ito (9003), sales-desk@ (9004)
 *   archived: crm-owners-archived.json: Yuki Tanaka (userIdIncludingInactive 9002)
 */
const owners = () => stubActiveOwners(API);
const archivedOwners = () => stubArchivedOwners(API);

const directory = () =>
  ownerDirectory({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
    logger: { warn: jest.fn() },
    now: () => Date.parse('2026-11-27T09:00:00Z'),
  });

const participant = (userId: string, side: 'marketing' | 'sales') => ({
  userId,
  side,
  answered: 4,
  yes: 2,
  lean: 0.5,
});
const round = {
  id: '1',
  status: 'closed' as const,
  size: 4,
  agreementVersion: 1,
  startedAt: '2026-11-27T09:00:00.000Z',
  startedBy: '9001',
  closedAt: '2026-11-27T10:00:00.000Z',
  closedBy: '9003',
  participants: { marketing: 2, sales: 2 },
};
const lean = { participants: 2, answers: 8, yes: 4, lean: 0.5, leads: 4, majorityYes: 2 };
const result = quizResultSchema.parse({
  round,
  oneSided: false,
  answeredSide: null,
  participants: [
    participant('9001', 'marketing'),
    participant('9002', 'marketing'),
    participant('9003', 'sales'),
    participant('777', 'sales'),
  ],
  sides: { marketing: lean, sales: lean },
  betweenSides: null,
  vsVerdict: { marketing: null, sales: null },
  leads: [],
  suggestions: [],
});

describe('quiz participants by name', () => {
  it('When HubSpot has an owner for each user, then the result names them; a deactivated user is found among the archived owners; a user with no owner stays an id', async () => {
    owners();
    archivedOwners();
    const { userNames } = directory();

    const named = await resultWithNames(result, (ids) => userNames(PORTAL, ids));

    expect(named.participants.map((p) => [p.userId, p.name])).toEqual([
      ['9001', 'Hana Sato'],
      ['9002', 'Yuki Tanaka'],
      ['9003', 'Kenji Ito'],
      ['777', null],
    ]);
    expect(named.round.startedByName).toBe('Hana Sato');
    expect(quizResultSchema.parse(named)).toEqual(named);
  });

  it('When every user is an active owner, then the archived owners are not asked for, and owner ids do not pass for user ids', async () => {
    owners();
    const { userNames, ownerNames } = directory();

    const list = await roundsWithNames(quizRoundListSchema.parse({ rounds: [round] }), (ids) =>
      userNames(PORTAL, ids),
    );
    expect(list.rounds[0]!.startedByName).toBe('Hana Sato');
    expect(nock.pendingMocks()).toEqual([]); // the archived list was not read
    archivedOwners(); // read now: no active owner has user id 41629779
    // 41629779 is Hana Sato's owner id, not a user id; the one owners list (read once) serves both lookups.
    expect((await userNames(PORTAL, ['41629779'])).names.get('41629779')).toBeUndefined();
    expect((await ownerNames(PORTAL, ['41629779'])).names.get('41629779')).toBe('Hana Sato');
  });

  it('When the token lacks the owners scope, then participants keep their ids and the reason is kept', async () => {
    nock(API).get('/crm/v3/owners/').query(true).reply(403, fixture('error-403-missing-scopes'));
    const { userNames } = directory();

    const names = await userNames(PORTAL, ['9001']);
    expect(names).toEqual({
      names: new Map(),
      status: { source: 'ids', reason: 'missing_scope', scope: 'crm.objects.owners.read' },
    });
    const named = await resultWithNames(result, async () => names);
    expect(named.participants.every((p) => p.name === null)).toBe(true);
  });
});

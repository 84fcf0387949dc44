import example from '../../../examples/agreement.json';
import {
  changeTeamMapping,
  MAPPING_CHANGED_COMMENT,
  ONLY_SUPER_ADMINS,
} from '../../../src/use-cases/agreements/change-team-mapping';
import { approveVersion } from '../../../src/use-cases/agreements/approve-version';
import type { TeamMapping } from '../../../src/use-cases/agreements/ports';
import { proposeVersion } from '../../../src/use-cases/agreements/propose-version';
import { saveDraft } from '../../../src/use-cases/agreements/save-draft';
import { sendBackVersion } from '../../../src/use-cases/agreements/send-back-version';
import { whoActsNext } from '../../../src/use-cases/agreements/who-acts-next';
import { AppError } from '../../../src/domain/app-error';
import type { World } from './in-memory-world';
import { rejection } from './lifecycle-suite';

const portalId = '4242';
const HOUR = 3_600_000;
/** The mapping the lifecycle suite starts from: m1 marketing, s1 and s2 sales. */
const START: TeamMapping = { marketingTeamIds: ['m1'], salesTeamIds: ['s1', 's2'] };
const SWAPPED: TeamMapping = { marketingTeamIds: ['s1', 's2'], salesTeamIds: ['m1'] };
const boss: { userId: string; email: string | null } = { userId: 'boss', email: 'boss@example.com' };

/**
 * Who may change the team mapping and what a change does to pending proposals, inside describeLifecycle (its
 * beforeEach maps m1 to marketing, s1 and s2 to sales; mika and kato are marketers, sato and suzuki sales).
 */
export function describeTeamMappingRules(current: () => World) {
  describe('team mapping', () => {
    const change = (mapping: TeamMapping, actor = boss, portal = portalId) =>
      changeTeamMapping(
        { ...current().ports, admins: current().admins },
        { portalId: portal, actor, mapping },
      );
    const proposeAs = async (userId: string) => {
      const { ports } = current();
      const draft = await saveDraft(ports, { portalId, userId, body: example });
      await proposeVersion(ports, { portalId, version: draft.version, actor: { userId }, rationale: 'Q1' });
      current().advance(HOUR);
      return draft.version;
    };
    const mappingChanges = async () =>
      (await current().auditEntries(portalId)).filter((e) => e.action === 'settings.team_mapping_changed');

    beforeEach(() => current().setSuperAdmin('boss'));

    it('When a marketer proposes and a super admin swaps the teams, then the proposal is sent back and another marketer cannot approve it', async () => {
      const { ports } = current();
      const version = await proposeAs('mika');

      const result = await change(SWAPPED);

      expect(result).toMatchObject({ changed: true, sentBack: [version] });
      expect(await ports.versions.get(portalId, version)).toMatchObject({
        status: 'sent_back',
        sentBackBy: 'boss',
        sentBackComment: MAPPING_CHANGED_COMMENT,
      });
      const error = await rejection(
        approveVersion(ports, { portalId, version, actor: { userId: 'kato' } }),
        'conflict',
      );
      expect(error.message).toBe(`Version ${version} is sent back, not proposed.`);
      expect(await ports.versions.active(portalId)).toBeNull();
      expect(await current().rescoreJobs(portalId)).toEqual([]);
      expect((await whoActsNext(ports, portalId)).text).toBe(
        `Marketing must revise version ${version}, sent back by boss: ${MAPPING_CHANGED_COMMENT}`,
      );
      expect((await current().auditEntries(portalId)).slice(-2)).toEqual([
        {
          actor: 'boss',
          action: 'settings.team_mapping_changed',
          details: { email: 'boss@example.com', before: START, after: SWAPPED, sentBack: [version] },
        },
        {
          actor: 'boss',
          action: 'agreement.sent_back',
          details: { version, side: null, reason: 'team mapping changed', comment: MAPPING_CHANGED_COMMENT },
        },
      ]);
    });

    it('When the mapping is changed behind the app (in the database), then the side at proposal time still refuses the same side', async () => {
      const { ports } = current();
      const version = await proposeAs('mika');
      expect((await ports.versions.get(portalId, version))?.proposedTeamMapping).toEqual(START);

      await current().mapTeams(portalId, SWAPPED);

      const kato = await rejection(
        approveVersion(ports, { portalId, version, actor: { userId: 'kato' } }),
        'forbidden',
      );
      expect(kato.message).toBe(
        `Your HubSpot teams were not on the sales side when version ${version} was proposed (the team mapping has changed since); someone on the sales side then and now must review it.`,
      );
      await rejection(approveVersion(ports, { portalId, version, actor: { userId: 'sato' } }), 'forbidden');
      await rejection(
        sendBackVersion(ports, { portalId, version, actor: { userId: 'kato' }, comment: 'mine now' }),
        'forbidden',
      );
      expect(await ports.versions.active(portalId)).toBeNull();
      expect(await current().auditActions(portalId)).not.toContain('agreement.approved');
    });

    it('When a change behind the app leaves the reviewer on the other side then and now, then they still approve', async () => {
      const { ports } = current();
      const version = await proposeAs('mika');
      await current().mapTeams(portalId, { marketingTeamIds: ['m1', 'm9'], salesTeamIds: ['s1'] });

      await approveVersion(ports, { portalId, version, actor: { userId: 'sato' } });

      expect((await ports.versions.active(portalId))?.version).toBe(version);
    });

    it('When the mapping changes between reading the side and approving, then the approval is refused as a conflict', async () => {
      const { ports } = current();
      const version = await proposeAs('mika');
      // suzuki's side is read under the mapping of the start; s2 leaves the sales side before the approval commits.
      const readEarlier = { ...ports, teams: { teamMapping: async () => START } };
      await current().mapTeams(portalId, { marketingTeamIds: ['m1'], salesTeamIds: ['s1'] });

      const error = await rejection(
        approveVersion(readEarlier, { portalId, version, actor: { userId: 'suzuki' } }),
        'conflict',
      );
      expect(error.message).toBe(
        "This portal's team mapping changed a moment ago; reload the settings page and try again.",
      );
      expect(await ports.versions.active(portalId)).toBeNull();
    });

    it('refuses a user in no team and a team member who is no super admin: nothing changes, nothing is audited', async () => {
      const { ports } = current();
      const version = await proposeAs('mika');
      for (const userId of ['nobody', 'mika', 'sato', 'yamada']) {
        const error = await rejection(change(SWAPPED, { userId, email: null }), 'forbidden');
        expect(error.message).toBe(ONLY_SUPER_ADMINS);
      }
      expect(await ports.teams.teamMapping(portalId)).toEqual(START);
      expect((await ports.versions.get(portalId, version))?.status).toBe('proposed');
      expect(await mappingChanges()).toEqual([]);
    });

    it('When a portal has no mapping yet, then only a super admin sets the first one, and it is audited', async () => {
      const fresh = '5151';
      const empty = { marketingTeamIds: [], salesTeamIds: [] };
      await current().mapTeams(fresh, empty);
      await rejection(change(START, { userId: 'mika', email: null }, fresh), 'forbidden');

      await change(START, boss, fresh);

      expect(await current().ports.teams.teamMapping(fresh)).toEqual(START);
      const audit = await current().auditEntries(fresh);
      expect(audit).toEqual([
        {
          actor: 'boss',
          action: 'settings.team_mapping_changed',
          details: { email: 'boss@example.com', before: empty, after: START, sentBack: [] },
        },
      ]);
    });

    it('When the same mapping is set again (in another order), then nothing changes and nothing is audited', async () => {
      const version = await proposeAs('mika');
      const result = await change({ marketingTeamIds: ['m1', 'm1'], salesTeamIds: ['s2', 's1'] });
      expect(result).toMatchObject({ changed: false, sentBack: [] });
      expect((await current().ports.versions.get(portalId, version))?.status).toBe('proposed');
      expect(await mappingChanges()).toEqual([]);
    });

    it('refuses a team on both sides, naming salesTeamIds, and a portal that never installed (404)', async () => {
      const both = await rejection(
        change({ marketingTeamIds: ['m1'], salesTeamIds: ['m1'] }),
        'invalid_input',
      );
      expect(both.details).toEqual([{ path: 'salesTeamIds', message: 'team m1 is also a marketing team' }]);
      await rejection(change(START, boss, '999'), 'not_found');
    });

    it('When HubSpot cannot say who is a super admin, then the mapping stays and the answer says why', async () => {
      const failing = (error: Error) => ({
        ...current().ports,
        admins: { isSuperAdmin: () => Promise.reject(error) },
      });
      const input = { portalId, actor: boss, mapping: SWAPPED };
      const scope = await rejection(
        changeTeamMapping(failing(new AppError('forbidden', 'missing scopes')), input),
        'forbidden',
      );
      expect(scope.message).toMatch(/settings\.users\.read/);
      await rejection(
        changeTeamMapping(failing(new AppError('upstream_failed', '502')), input),
        'unavailable',
      );
      expect(await current().ports.teams.teamMapping(portalId)).toEqual(START);
    });
  });
}

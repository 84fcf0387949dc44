import example from '../../../examples/agreement.json';
import type { AgreementInput } from '../../../src/domain/agreement-schema';
import { isAppError, type ErrorCode } from '../../../src/domain/app-error';
import { agreementHistory } from '../../../src/use-cases/agreements/agreement-history';
import { applyAgreement } from '../../../src/use-cases/agreements/apply-agreement';
import { approveVersion } from '../../../src/use-cases/agreements/approve-version';
import { proposeVersion } from '../../../src/use-cases/agreements/propose-version';
import { sidesOf, type Actor } from '../../../src/use-cases/agreements/resolve-side';
import { saveDraft } from '../../../src/use-cases/agreements/save-draft';
import { sendBackVersion } from '../../../src/use-cases/agreements/send-back-version';
import { whoActsNext } from '../../../src/use-cases/agreements/who-acts-next';
import { workingCopy } from '../../../src/use-cases/agreements/working-copy';
import type { World } from './in-memory-world';
import { describeTeamMappingRules } from './team-mapping-rules';

const portalId = '4242';
const HOUR = 3_600_000;
const agreement = (change: (a: AgreementInput) => void = () => undefined) => {
  const copy = structuredClone(example) as AgreementInput;
  change(copy);
  return copy;
};
const user = (userId: string, actingAs?: Actor['actingAs']): Actor => ({
  userId,
  ...(actingAs ? { actingAs } : {}),
});
const [mika, kato, sato, suzuki, yamada, nobody] = ['mika', 'kato', 'sato', 'suzuki', 'yamada', 'nobody'].map(
  (id) => user(id),
) as [Actor, Actor, Actor, Actor, Actor, Actor];

/** Expects the promise to reject with an AppError of `code` and returns it. */
export async function rejection(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error, code)) throw new Error(`expected an AppError ${code}, got ${String(error)}`);
  return error;
}

/** The agreement lifecycle rules, run against any backend of the ports. */
export function describeLifecycle(
  name: string,
  makeWorld: () => Promise<World>,
  disposeAll?: () => Promise<void>,
) {
  describe(`agreement lifecycle (${name})`, () => {
    if (disposeAll) afterAll(disposeAll);
    let world: World;
    let ports: World['ports'];

    beforeEach(async () => {
      world = await makeWorld();
      ports = world.ports;
      await world.mapTeams(portalId, { marketingTeamIds: ['m1'], salesTeamIds: ['s1', 's2'] });
      for (const [id, teams] of Object.entries({
        mika: ['m1'],
        kato: ['m1'],
        sato: ['s1'],
        suzuki: ['s2'],
        yamada: ['m1', 's1'],
        nobody: ['x9'],
      })) {
        world.setUserTeams(id, teams);
      }
    });
    afterEach(() => world.close());

    /** Saves a draft, proposes it (advancing the clock) and returns its number. */
    const propose = async (
      by: Actor,
      body: unknown = agreement(),
      rationale = 'Sales asked for bigger companies',
    ) => {
      const draft = await saveDraft(ports, { portalId, userId: by.userId, body });
      world.advance(HOUR);
      await proposeVersion(ports, { portalId, version: draft.version, actor: by, rationale });
      world.advance(HOUR);
      return draft.version;
    };
    /** Opens several connections first so concurrent approvals really overlap on a pooled database. */
    const warmUp = () =>
      Promise.all(
        [1, 2, 3, 4].map(() =>
          ports.transaction(async (tx) => {
            await tx.versions.list(portalId);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }),
        ),
      );
    const statuses = async () =>
      Object.fromEntries((await ports.versions.list(portalId)).map((v) => [v.version, v.status]));

    it('When marketing proposes and sales approves, then the version is active, rescored and audited', async () => {
      const version = await propose(mika);
      const approvedAt = ports.clock.now();
      const {
        version: active,
        superseded,
        diff,
      } = await approveVersion(ports, { portalId, version, actor: sato });
      expect(active).toMatchObject({
        version,
        status: 'active',
        approvedBy: 'sato',
        approvedAt,
        proposedBy: 'mika',
      });
      expect(active.proposedSide).toBe('marketing');
      expect(superseded).toBeNull();
      expect(diff.map((l) => l.text)).toEqual(["agreement: first version 'FY2027 H1'"]);
      expect((await ports.versions.active(portalId))?.version).toBe(version);
      expect(await world.rescoreJobs(portalId)).toEqual([{ type: 'rescore', portalId, version }]);
      expect(await world.auditActions(portalId)).toEqual([
        'agreement.draft_saved',
        'agreement.proposed',
        'agreement.approved',
      ]);
    });

    it('When sales proposes, then marketing approves', async () => {
      const version = await propose(sato);
      await approveVersion(ports, { portalId, version, actor: kato });
      expect(await statuses()).toEqual({ [version]: 'active' });
    });

    it('refuses an approval by the proposer, even one who sits on both sides', async () => {
      const version = await propose(user('yamada', 'marketing'));
      const error = await rejection(
        approveVersion(ports, { portalId, version, actor: user('yamada', 'sales') }),
        'forbidden',
      );
      expect(error.message).toBe(
        `You proposed version ${version}; someone from the other side must review it.`,
      );
      expect(await statuses()).toEqual({ [version]: 'proposed' });
    });

    it('refuses an approval by someone of the same side as the proposer', async () => {
      const version = await propose(mika);
      const error = await rejection(approveVersion(ports, { portalId, version, actor: kato }), 'forbidden');
      expect(error.message).toBe(`Version ${version} was proposed by marketing; Sales must review it.`);
    });

    it('refuses a user in no mapped team: they can neither propose nor approve', async () => {
      const draft = await saveDraft(ports, { portalId, userId: 'nobody', body: agreement() });
      await rejection(
        proposeVersion(ports, { portalId, version: draft.version, actor: nobody, rationale: 'x' }),
        'forbidden',
      );
      const version = await propose(mika);
      await rejection(approveVersion(ports, { portalId, version, actor: nobody }), 'forbidden');
      expect(await world.rescoreJobs(portalId)).toEqual([]);
    });

    it('asks a user on both sides which side they act for', async () => {
      const draft = await saveDraft(ports, { portalId, userId: 'yamada', body: agreement() });
      const error = await rejection(
        proposeVersion(ports, { portalId, version: draft.version, actor: yamada, rationale: 'x' }),
        'invalid_input',
      );
      expect(error.details).toEqual([{ path: 'actingAs', message: 'expected "marketing" or "sales"' }]);
      const proposed = await proposeVersion(ports, {
        portalId,
        version: draft.version,
        actor: user('yamada', 'sales'),
        rationale: 'x',
      });
      expect(proposed.proposedSide).toBe('sales');
    });

    it('When a second version is approved, then it supersedes the first and stores the diff against it', async () => {
      const first = await propose(mika);
      await approveVersion(ports, { portalId, version: first, actor: sato });
      const body = agreement((a) => (a.fit.rules[0]!.bands![1]!.points = 30));
      const second = await propose(sato, body, 'Mid-size companies close well');
      const { superseded, diff } = await approveVersion(ports, { portalId, version: second, actor: mika });
      expect(superseded).toBe(first);
      expect(diff.map((l) => l.text)).toEqual(['fit.rules[company-size]: band >= 100 now 30 points, was 25']);
      expect(await statuses()).toEqual({ [first]: 'superseded', [second]: 'active' });
      expect((await ports.versions.get(portalId, second))?.diff).toEqual(diff);
      expect(await world.rescoreJobs(portalId)).toEqual([
        { type: 'rescore', portalId, version: first },
        { type: 'rescore', portalId, version: second },
      ]);
    });

    it('When sales sends a version back, then marketing revises it as a new draft and sales approves that', async () => {
      const version = await propose(mika);
      const comment = 'Too many small companies; raise the 100-employee band';
      const sentBack = await sendBackVersion(ports, { portalId, version, actor: suzuki, comment });
      expect(sentBack).toMatchObject({ status: 'sent_back', sentBackBy: 'suzuki', sentBackComment: comment });
      expect((await whoActsNext(ports, portalId)).text).toBe(
        `Marketing must revise version ${version}, sent back by suzuki: ${comment}`,
      );
      await rejection(approveVersion(ports, { portalId, version, actor: sato }), 'conflict');
      const revised = await propose(
        mika,
        agreement((a) => (a.fit.rules[0]!.bands![1]!.points = 30)),
        'Raised the band',
      );
      expect((await whoActsNext(ports, portalId)).text).toBe(
        `Sales must approve version ${revised} proposed by marketing`,
      );
      await approveVersion(ports, { portalId, version: revised, actor: suzuki });
      expect(await statuses()).toEqual({ [version]: 'sent_back', [revised]: 'active' });
      expect(await world.auditActions(portalId)).toContain('agreement.sent_back');
    });

    it('refuses to send back without a comment, or by the proposer side', async () => {
      const version = await propose(mika);
      const empty = await rejection(
        sendBackVersion(ports, { portalId, version, actor: sato, comment: '  ' }),
        'invalid_input',
      );
      expect(empty.details).toEqual([{ path: 'comment', message: 'expected a non-empty comment' }]);
      await rejection(sendBackVersion(ports, { portalId, version, actor: kato, comment: 'no' }), 'forbidden');
    });

    it('When two versions are approved at the same time, then exactly one becomes active', async () => {
      const base = await propose(mika);
      await approveVersion(ports, { portalId, version: base, actor: sato });
      const a = await propose(
        mika,
        agreement((x) => (x.name = 'A')),
        'variant A',
      );
      const b = await propose(
        kato,
        agreement((x) => (x.name = 'B')),
        'variant B',
      );
      await warmUp();
      const results = await Promise.allSettled([
        approveVersion(ports, { portalId, version: a, actor: sato }),
        approveVersion(ports, { portalId, version: b, actor: suzuki }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(isAppError(loser.reason, 'conflict')).toBe(true);
      const versions = await ports.versions.list(portalId);
      expect(versions.filter((v) => v.status === 'active')).toHaveLength(1);
      expect(await world.rescoreJobs(portalId)).toHaveLength(2);
    });

    it('When the first two versions of a portal are approved at the same time, then exactly one becomes active', async () => {
      const a = await propose(
        mika,
        agreement((x) => (x.name = 'A')),
        'variant A',
      );
      const b = await propose(
        sato,
        agreement((x) => (x.name = 'B')),
        'variant B',
      );
      await warmUp();
      const results = await Promise.allSettled([
        approveVersion(ports, { portalId, version: a, actor: suzuki }),
        approveVersion(ports, { portalId, version: b, actor: kato }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(isAppError(loser.reason, 'conflict')).toBe(true);
      expect((await ports.versions.list(portalId)).filter((v) => v.status === 'active')).toHaveLength(1);
      expect(await world.rescoreJobs(portalId)).toHaveLength(1);
    });

    it('rejects an invalid draft with every problem and its path, and stores nothing', async () => {
      const body = agreement((a) => {
        (a.fit.rules[0]!.bands![0] as { min: unknown }).min = 'big';
        (a as { capacity: unknown }).capacity = { default: -1 };
      });
      const error = await rejection(saveDraft(ports, { portalId, userId: 'mika', body }), 'invalid_input');
      expect(error.details.map((d) => d.path)).toEqual(
        expect.arrayContaining(['fit.rules[0].bands[0].min', 'capacity.default']),
      );
      expect(await ports.versions.list(portalId)).toEqual([]);
    });

    it('edits a draft in place but never a proposed version', async () => {
      const draft = await saveDraft(ports, { portalId, userId: 'mika', body: agreement() });
      const edited = await saveDraft(ports, {
        portalId,
        userId: 'mika',
        version: draft.version,
        body: agreement((a) => (a.name = 'H2')),
      });
      expect(edited).toMatchObject({ version: draft.version, name: 'H2', status: 'draft' });
      await proposeVersion(ports, { portalId, version: draft.version, actor: mika, rationale: 'H2 plan' });
      await rejection(
        saveDraft(ports, { portalId, userId: 'mika', version: draft.version, body: agreement() }),
        'conflict',
      );
      const empty = await rejection(
        proposeVersion(ports, { portalId, version: draft.version, actor: mika, rationale: ' ' }),
        'invalid_input',
      );
      expect(empty.details[0]?.path).toBe('rationale');
    });

    it('lists every version with who, when, why, status and its diff, newest first', async () => {
      const first = await propose(mika, agreement(), 'First agreement');
      await approveVersion(ports, { portalId, version: first, actor: sato });
      const body = agreement((a) => (a.intent.signals[0]!.halfLifeDays = 21));
      const second = await propose(sato, body, 'Quotes stay hot longer');
      await sendBackVersion(ports, { portalId, version: second, actor: mika, comment: 'Not this month' });
      const { entries: history, cursor } = await agreementHistory(ports, { portalId });
      expect(cursor).toBeNull();
      expect(
        history.map((h) => [h.version, h.status, h.proposedBy, h.rationale, h.approvedBy, h.sentBackComment]),
      ).toEqual([
        [second, 'sent_back', 'sato', 'Quotes stay hot longer', null, 'Not this month'],
        [first, 'active', 'mika', 'First agreement', 'sato', null],
      ]);
      expect(history[0]?.diff.map((l) => l.text)).toEqual([
        'intent.signals[quote-click]: half-life now 21 days, was 14',
      ]);
      expect(history[1]?.approvedAt).toBeGreaterThan(history[1]!.proposedAt!);
      const { entries: japanese } = await agreementHistory(ports, { portalId, locale: 'ja' });
      expect(japanese[0]?.diff.map((l) => l.text)).toEqual([
        'intent.signals[quote-click]: 半減期 21日（変更前: 14日）',
      ]);
    });

    it('When a draft is saved again and again without a version, then it is overwritten instead of piling up versions', async () => {
      const first = await saveDraft(ports, { portalId, userId: 'mika', body: agreement() });
      for (const name of ['H2', 'H2 b', 'H2 c', 'H2 final']) {
        const again = await saveDraft(ports, {
          portalId,
          userId: 'kato',
          body: agreement((a) => (a.name = name)),
        });
        expect(again.version).toBe(first.version);
      }
      expect(await statuses()).toEqual({ [first.version]: 'draft' });
      expect(await ports.versions.get(portalId, first.version)).toMatchObject({
        name: 'H2 final',
        createdBy: 'mika',
      });
      expect(await world.auditActions(portalId)).toEqual(Array(5).fill('agreement.draft_saved'));
    });

    it('When the open version is proposed or sent back, then a save starts one new draft, and saving again overwrites it', async () => {
      const proposed = await propose(mika);
      const next = await saveDraft(ports, {
        portalId,
        userId: 'kato',
        body: agreement((a) => (a.name = 'Next')),
      });
      await saveDraft(ports, { portalId, userId: 'kato', body: agreement((a) => (a.name = 'Next b')) });
      expect(await statuses()).toEqual({ [proposed]: 'proposed', [next.version]: 'draft' });
      await proposeVersion(ports, { portalId, version: next.version, actor: kato, rationale: 'Next' });
      await sendBackVersion(ports, { portalId, version: next.version, actor: sato, comment: 'Not yet' });
      const revised = await saveDraft(ports, { portalId, userId: 'kato', body: agreement() });
      await saveDraft(ports, { portalId, userId: 'kato', body: agreement((a) => (a.name = 'Revised')) });
      expect(revised.version).toBe(next.version + 1);
      expect(await statuses()).toEqual({
        [proposed]: 'proposed',
        [next.version]: 'sent_back',
        [revised.version]: 'draft',
      });
    });

    it('pages the history: the latest versions with a cursor for older ones, reading and diffing only the page', async () => {
      for (let i = 1; i <= 23; i++) {
        await applyAgreement(ports, {
          portalId,
          body: agreement((a) => (a.capacity.default = 80 + i)),
          proposedBy: 'mika@example.com',
          approvedBy: 'sato@example.com',
        });
        world.advance(HOUR);
      }
      await saveDraft(ports, {
        portalId,
        userId: 'mika',
        body: agreement((a) => (a.capacity.default = 200)),
      });
      let read = 0;
      const counted = {
        versions: {
          ...ports.versions,
          list: async (...args: Parameters<typeof ports.versions.list>) => {
            const rows = await ports.versions.list(...args);
            read += rows.length;
            return rows;
          },
        },
      };
      const first = await agreementHistory(counted, { portalId, limit: 10 });
      expect(first.entries.map((e) => e.version)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
      expect(first.entries[0]?.diff.map((l) => l.text)).toEqual([
        'capacity.default: now 200 per month, was 103',
      ]);
      expect(first.entries[1]?.diff.map((l) => l.text)).toEqual([
        'capacity.default: now 103 per month, was 102',
      ]);
      expect(read).toBeLessThanOrEqual(11);
      const second = await agreementHistory(ports, { portalId, limit: 10, cursor: first.cursor });
      expect(second.entries.map((e) => e.version)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
      const last = await agreementHistory(ports, { portalId, limit: 10, cursor: second.cursor });
      expect(last).toMatchObject({ cursor: null });
      expect(last.entries.map((e) => e.version)).toEqual([4, 3, 2, 1]);
      expect((await agreementHistory(ports, { portalId })).entries).toHaveLength(10);
      await rejection(agreementHistory(ports, { portalId, cursor: 'v12' }), 'invalid_input');
    });

    it('says whose move it is at every step', async () => {
      expect((await whoActsNext(ports, portalId)).text).toBe(
        'Marketing or sales must propose a first agreement',
      );
      const draft = await saveDraft(ports, { portalId, userId: 'mika', body: agreement() });
      expect(await whoActsNext(ports, portalId)).toEqual({
        side: null,
        action: 'propose',
        version: draft.version,
        text: `Marketing or sales must propose draft version ${draft.version}`,
      });
      await proposeVersion(ports, { portalId, version: draft.version, actor: sato, rationale: 'x' });
      expect(await whoActsNext(ports, portalId)).toEqual({
        side: 'marketing',
        action: 'approve',
        version: draft.version,
        text: `Marketing must approve version ${draft.version} proposed by sales`,
      });
      world.advance(HOUR);
      await approveVersion(ports, { portalId, version: draft.version, actor: mika });
      expect((await whoActsNext(ports, portalId)).text).toBe(
        `Nothing to do: version ${draft.version} is active`,
      );
    });

    it('applies a version reviewed in git: both people recorded, active at once, rescored', async () => {
      const first = await applyAgreement(ports, {
        portalId,
        body: agreement(),
        proposedBy: 'mika@example.com',
        approvedBy: 'sato@example.com',
      });
      expect(first.version).toMatchObject({
        status: 'active',
        proposedBy: 'mika@example.com',
        approvedBy: 'sato@example.com',
        rationale: 'Reviewed in git',
      });
      const second = await applyAgreement(ports, {
        portalId,
        body: agreement((a) => (a.capacity.months = { ...a.capacity.months, '2027-02': 60 })),
        proposedBy: 'sato@example.com',
        approvedBy: 'mika@example.com',
        rationale: 'February is quiet',
      });
      expect(second.diff.map((l) => l.text)).toEqual(['capacity.months[2027-02]: now 60 (new)']);
      expect(second.superseded).toBe(first.version.version);
      expect(await world.auditActions(portalId)).toEqual(['agreement.applied', 'agreement.applied']);
      expect(await world.rescoreJobs(portalId)).toHaveLength(2);
      await rejection(
        applyAgreement(ports, {
          portalId,
          body: agreement(),
          proposedBy: 'mika@example.com',
          approvedBy: 'MIKA@example.com',
        }),
        'invalid_input',
      );
    });

    it('makes a version proposed before another was approved propose again', async () => {
      const a = await propose(
        mika,
        agreement((x) => (x.name = 'A')),
        'A',
      );
      await applyAgreement(ports, {
        portalId,
        body: agreement(),
        proposedBy: 'x@example.com',
        approvedBy: 'y@example.com',
      });
      world.advance(HOUR);
      await rejection(approveVersion(ports, { portalId, version: a, actor: sato }), 'conflict');
      expect((await whoActsNext(ports, portalId)).text).toBe(
        `Marketing must propose version ${a} again on top of version ${a + 1}`,
      );
    });

    it('names the version being worked on until it is approved', async () => {
      expect(await workingCopy(ports, portalId)).toBeNull();
      const first = await propose(mika);
      expect(await workingCopy(ports, portalId)).toMatchObject({ version: first, status: 'proposed' });
      await sendBackVersion(ports, { portalId, version: first, actor: sato, comment: 'Smaller please' });
      expect(await workingCopy(ports, portalId)).toMatchObject({ version: first, status: 'sent_back' });
      const second = await propose(mika);
      await approveVersion(ports, { portalId, version: second, actor: sato });
      expect(await workingCopy(ports, portalId)).toBeNull();
    });

    it('gives each user the sides their teams put them on, and none in a portal without team mapping', async () => {
      expect(await sidesOf(ports, portalId, 'yamada')).toEqual(['marketing', 'sales']);
      expect(await sidesOf(ports, portalId, 'suzuki')).toEqual(['sales']);
      expect(await sidesOf(ports, portalId, 'nobody')).toEqual([]);
      expect(await sidesOf(ports, '999', 'mika')).toEqual([]);
    });

    it('When the rescore cannot be queued, then the approval is undone as a whole', async () => {
      const version = await propose(mika);
      const queueDown = {
        ...ports,
        transaction: <T>(fn: Parameters<typeof ports.transaction<T>>[0]) =>
          ports.transaction((tx) =>
            fn({ ...tx, jobs: { enqueue: () => Promise.reject(new Error('queue unavailable')) } }),
          ),
      };
      await expect(approveVersion(queueDown, { portalId, version, actor: sato })).rejects.toThrow(
        'queue unavailable',
      );
      expect(await statuses()).toEqual({ [version]: 'proposed' });
      expect(await world.auditActions(portalId)).toEqual(['agreement.draft_saved', 'agreement.proposed']);
    });

    describeTeamMappingRules(() => world);
  });
}

import { diffAgreements } from '../../src/domain/diff-agreements';
import { applyAgreement } from '../../src/use-cases/agreements/apply-agreement';
import { approveVersion } from '../../src/use-cases/agreements/approve-version';
import { proposeVersion } from '../../src/use-cases/agreements/propose-version';
import { storeAgreementPorts } from '../../src/use-cases/agreements/store-ports';
import { exampleAgreement } from '../domain/example-agreement';
import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

const tokens = { accessToken: 'access-secret-1', refreshToken: 'refresh-secret-1', expiresAt: 5_000 };

/** Installations, agreement versions and the audit log. */
export function portalContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);

  it('stores an installation with its tokens and reads them back decrypted', async () => {
    const portal = freshPortal();
    await store().installations.connect(portal, tokens, ['crm.objects.contacts.read'], 1);
    const got = await store().installations.get(portal);
    expect(got).toMatchObject({
      portalId: portal,
      status: 'connected',
      tokens,
      scopes: ['crm.objects.contacts.read'],
    });
  });

  it('lets only one of two concurrent token refreshes win', async () => {
    const portal = freshPortal();
    await store().installations.connect(portal, tokens, [], 1);
    const results = await Promise.all([
      store().installations.setTokens(portal, { ...tokens, accessToken: 'a', expiresAt: 9 }, 2, 5_000),
      store().installations.setTokens(portal, { ...tokens, accessToken: 'b', expiresAt: 9 }, 2, 5_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps team sides across a re-install and records a disconnect with its reason', async () => {
    const portal = freshPortal();
    await store().installations.connect(portal, tokens, [], 1);
    await store().installations.setTeamMapping(
      portal,
      { marketingTeamIds: ['11'], salesTeamIds: ['22', '23'] },
      2,
    );
    await store().installations.setStatus(portal, 'disconnected', 'uninstalled', 3);
    expect(await store().installations.get(portal)).toMatchObject({
      status: 'disconnected',
      statusReason: 'uninstalled',
    });
    await store().installations.connect(portal, tokens, [], 4);
    expect(await store().installations.get(portal)).toMatchObject({
      status: 'connected',
      statusReason: null,
      marketingTeamIds: ['11'],
      salesTeamIds: ['22', '23'],
    });
  });

  /** The example agreement named `name`. */
  const agreementNamed = (name: string) => ({ ...exampleAgreement(), name });

  /** The agreement use cases on the store; `portal` maps team 11 (m@x) to marketing and 22 (s@x) to sales. */
  async function lifecycleOn(portal: string) {
    await store().installations.connect(portal, null, [], 1);
    await store().installations.setTeamMapping(portal, { marketingTeamIds: ['11'], salesTeamIds: ['22'] }, 1);
    const teams = new Map([
      ['m@x', ['11']],
      ['s@x', ['22']],
    ]);
    return storeAgreementPorts(store(), {
      userTeams: { teamIdsOf: async (_portalId, userId) => teams.get(userId) ?? [] },
      clock: { now: () => 3 },
    });
  }

  it('numbers drafts per portal and moves a version through proposed to active', async () => {
    const portal = freshPortal();
    const ports = await lifecycleOn(portal);
    const drafts = [];
    for (const [name, at] of [
      ['H1', 1],
      ['H2', 2],
    ] as const) {
      const draft = { portalId: portal, name, body: agreementNamed(name), createdBy: 'm@x', createdAt: at };
      drafts.push(await store().agreements.create(draft));
    }
    expect(drafts.map((draft) => draft.version)).toEqual([1, 2]);
    const propose = () =>
      proposeVersion(ports, { portalId: portal, version: 1, actor: { userId: 'm@x' }, rationale: 'why' });
    await propose();
    await expect(propose()).rejects.toMatchObject({ code: 'conflict' });
    await approveVersion(ports, { portalId: portal, version: 1, actor: { userId: 's@x' } });
    expect(await store().agreements.active(portal)).toMatchObject({
      version: 1,
      approvedBy: 's@x',
      rationale: 'why',
      diff: diffAgreements(null, agreementNamed('H1')),
      body: agreementNamed('H1'),
    });
  });

  it('supersedes the previous active version when another is activated', async () => {
    const portal = freshPortal();
    const ports = await lifecycleOn(portal);
    for (const name of ['v1', 'v2']) {
      const review = { proposedBy: 'a@x.example', approvedBy: 'b@x.example' };
      await applyAgreement(ports, { portalId: portal, body: agreementNamed(name), ...review });
    }
    expect((await store().agreements.list(portal)).map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
  });

  it('refuses to activate a version from a status it is not in, leaving the active one alone', async () => {
    const portal = freshPortal();
    const ports = await lifecycleOn(portal);
    const review = { proposedBy: 'a@x.example', approvedBy: 'b@x.example' };
    const { version: active } = await applyAgreement(ports, {
      portalId: portal,
      body: agreementNamed('v'),
      ...review,
    });
    const draft = {
      portalId: portal,
      name: 'v2',
      body: agreementNamed('v2'),
      createdBy: 'm@x',
      createdAt: 2,
    };
    const v2 = await store().agreements.create(draft);
    await expect(
      approveVersion(ports, { portalId: portal, version: v2.version, actor: { userId: 's@x' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await store().agreements.active(portal))?.version).toBe(active.version);
  });

  it('lists audit entries newest first with their details', async () => {
    const portal = freshPortal();
    await store().audit.record({
      portalId: portal,
      actor: 'm@x',
      action: 'agreement.proposed',
      details: { version: 1 },
      at: 1,
    });
    await store().audit.record({
      portalId: portal,
      actor: 's@x',
      action: 'agreement.approved',
      details: { version: 1 },
      at: 2,
    });
    expect((await store().audit.list(portal)).map((e) => e.action)).toEqual([
      'agreement.approved',
      'agreement.proposed',
    ]);
  });
}

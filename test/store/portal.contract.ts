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
    await store().installations.setTeamMapping(portal, { marketingTeamIds: ['11'], salesTeamIds: ['22', '23'] }, 2);
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

  it('numbers drafts per portal and moves a version through proposed to active', async () => {
    const portal = freshPortal();
    const agreements = store().agreements;
    const v1 = await agreements.createDraft({
      portalId: portal,
      name: 'H1',
      body: { a: 1 },
      createdBy: 'm@x',
      at: 1,
    });
    const v2 = await agreements.createDraft({
      portalId: portal,
      name: 'H2',
      body: { a: 2 },
      createdBy: 'm@x',
      at: 2,
    });
    expect([v1, v2]).toEqual([1, 2]);
    expect(
      await agreements.transition(portal, v1, ['draft'], {
        status: 'proposed',
        proposedBy: 'm@x',
        proposedAt: 3,
        proposedSide: 'marketing',
        rationale: 'why',
      }),
    ).toBe(true);
    expect(await agreements.transition(portal, v1, ['draft'], { status: 'proposed' })).toBe(false);
    await agreements.activate(portal, v1, ['proposed'], { approvedBy: 's@x', approvedAt: 4, diff: ['x'] });
    expect(await agreements.getActive(portal)).toMatchObject({
      version: 1,
      approvedBy: 's@x',
      rationale: 'why',
      diff: ['x'],
      body: { a: 1 },
    });
  });

  it('supersedes the previous active version when another is activated', async () => {
    const portal = freshPortal();
    const agreements = store().agreements;
    for (const at of [1, 2]) {
      const v = await agreements.createDraft({
        portalId: portal,
        name: `v${at}`,
        body: {},
        createdBy: null,
        at,
      });
      await agreements.activate(portal, v, ['draft'], { approvedBy: 'a', approvedAt: at });
    }
    expect((await agreements.list(portal)).map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'active'],
    ]);
  });

  it('refuses to activate a version from a status it is not in, leaving the active one alone', async () => {
    const portal = freshPortal();
    const v = await store().agreements.createDraft({
      portalId: portal,
      name: 'v',
      body: {},
      createdBy: null,
      at: 1,
    });
    await store().agreements.activate(portal, v, ['draft'], {});
    const v2 = await store().agreements.createDraft({
      portalId: portal,
      name: 'v2',
      body: {},
      createdBy: null,
      at: 2,
    });
    await expect(store().agreements.activate(portal, v2, ['proposed'], {})).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await store().agreements.getActive(portal))?.version).toBe(v);
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

/** What the browser saw at the end of an install: the service's answer to HubSpot's redirect. */
export interface BrowserInstall {
  status: number;
  page: string;
}

const location = (res: Response) => new URL(res.headers.get('location') ?? '');

/**
 * Installs the app the way an admin's browser does, against the stand-in playing app.hubspot.com: GET the
 * service's /oauth/install (keeping its state cookie), follow the consent screen (`consent: 'deny'` declines), then
 * bring HubSpot's redirect to the public callback URL back to the service. Origins are swapped because the
 * service's public URL and HubSpot's app origin are not where the test processes listen.
 */
export async function installThroughOAuth(world: {
  serviceUrl: string;
  standinUrl: string;
  consent?: 'approve' | 'deny';
}): Promise<BrowserInstall> {
  const started = await fetch(`${world.serviceUrl}/oauth/install`, { redirect: 'manual' });
  if (started.status !== 302)
    throw new Error(`/oauth/install answered ${started.status}: ${await started.text()}`);
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const consent = location(started);
  const authorize = new URL(`${consent.pathname}${consent.search}`, world.standinUrl);
  if (world.consent === 'deny') authorize.searchParams.set('standin_consent', 'deny');
  const approved = await fetch(authorize, { redirect: 'manual' });
  if (approved.status !== 302)
    throw new Error(`consent answered ${approved.status}: ${await approved.text()}`);
  const back = location(approved);
  const callback = await fetch(`${world.serviceUrl}${back.pathname}${back.search}`, {
    redirect: 'manual',
    headers: { cookie },
  });
  return { status: callback.status, page: await callback.text() };
}

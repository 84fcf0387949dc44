import { Router } from 'express';

/** `GET /account-info/v3/details`, shaped like HubSpot's answer, for the portal the stand-in plays. */
export function accountRoutes(account: { portalId: number; timeZone: string }): Router {
  const router = Router();
  router.get('/account-info/v3/details', (_req, res) => {
    res.json({
      portalId: account.portalId,
      accountType: 'STANDARD',
      timeZone: account.timeZone,
      companyCurrency: 'JPY',
      additionalCurrencies: [],
      utcOffset: '+09:00',
      utcOffsetMilliseconds: 32_400_000,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
  });
  return router;
}

import nock from 'nock';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { nextDailyReset } from '../../src/hubspot/daily-limit-reset';
import { withPortalTimeZone } from '../../src/hubspot/portal-time-zone-gateway';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { AppError } from '../../src/domain/app-error';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const AT_18_UTC = Date.UTC(2026, 10, 27, 18);

describe('nextDailyReset', () => {
  it('When the portal is in Tokyo, then the limit resets at midnight Tokyo time (15:00 UTC)', () => {
    expect(nextDailyReset(AT_18_UTC, 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 28, 15));
  });

  it('When the portal is in New York, then midnight follows the clock change of a 23-hour day', () => {
    // 23:30 EST on 7 March 2026: midnight is 05:00 UTC; from 01:00 EST on the 8th (clocks go forward at 2:00)
    // the next midnight is EDT, 04:00 UTC on the 9th.
    expect(nextDailyReset(Date.UTC(2026, 2, 8, 4, 30), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5));
    expect(nextDailyReset(Date.UTC(2026, 2, 8, 6), 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
  });

  it('When the zone is unknown or not a zone, then it is midnight UTC', () => {
    expect(nextDailyReset(AT_18_UTC)).toBe(Date.UTC(2026, 10, 28));
    expect(nextDailyReset(AT_18_UTC, 'Mars/Olympus')).toBe(Date.UTC(2026, 10, 28));
  });
});

describe('withPortalTimeZone', () => {
  useNock();
  const warnings: Array<{ details: Record<string, unknown>; message: string }> = [];
  const log = {
    warn: (details: Record<string, unknown>, message: string) => warnings.push({ details, message }),
  };
  beforeEach(() => {
    warnings.length = 0;
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(429, fixture('error-429-daily'));
  });
  const update = (timeZone: string | undefined) =>
    withPortalTimeZone(createApiClientGateway({ accessToken: 'token-abc', basePath: API }), {
      portalId: '62515',
      timeZoneOf: async () => timeZone,
      log,
      now: () => AT_18_UTC,
    })
      .updateContacts([{ id: '51', properties: { lead_pact_tier: 'nurture' } }])
      .then(
        () => {
          throw new Error('expected HubSpot to refuse the update');
        },
        (error: unknown) => error as AppError,
      );

  it("When HubSpot answers DAILY for a Tokyo portal, then the pause lasts until Tokyo's midnight and the log says so", async () => {
    const error = await update('Asia/Tokyo');
    expect(error.code).toBe('rate_limited');
    expect(hubspotErrorInfo(error)).toMatchObject({
      policyName: 'DAILY',
      retryAfterMs: 21 * 3_600_000,
      timeZone: 'Asia/Tokyo',
    });
    expect(warnings).toEqual([
      {
        details: { portalId: '62515', timeZone: 'Asia/Tokyo' },
        message: "HubSpot daily limit reached: paused until midnight in the portal's time zone (Asia/Tokyo)",
      },
    ]);
  });

  it('When the portal time zone is unknown, then the pause lasts until midnight UTC and the log says it is a fallback', async () => {
    const error = await update(undefined);
    expect(hubspotErrorInfo(error)).toMatchObject({ retryAfterMs: 6 * 3_600_000, timeZone: 'UTC' });
    expect(warnings[0]?.message).toMatch(/time zone is unknown, paused until midnight UTC/);
  });
});

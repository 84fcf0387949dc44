import { isAppError } from '../../src/domain/app-error';
import { hubspotErrorInfo, translateHubSpotError } from '../../src/hubspot/translate-hubspot-error';
import { fixture } from './fixture';

const now = Date.UTC(2026, 10, 27, 18, 0, 0);
const sdkError = (code: number, body: unknown, headers: Record<string, string> = {}) => ({
  code,
  body,
  headers,
});

describe('translateHubSpotError', () => {
  it('When HubSpot says Retry-After, then the retry hint follows it', () => {
    const error = translateHubSpotError(
      sdkError(429, fixture('error-429-ten-secondly'), { 'retry-after': '3' }),
      'Updating contacts',
      now,
    );
    expect(error.code).toBe('rate_limited');
    expect(hubspotErrorInfo(error)).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', retryAfterMs: 3000 });
    expect(error.message).toBe('Updating contacts: You have reached your ten_secondly_rolling limit.');
  });

  it('When the daily limit is hit at 18:00 UTC, then the hint is the six hours to midnight', () => {
    const error = translateHubSpotError(sdkError(429, fixture('error-429-daily')), 'Reading contacts', now);
    expect(hubspotErrorInfo(error).retryAfterMs).toBe(6 * 3600 * 1000);
  });

  it('When a gateway answers 503 with an HTML page, then it is upstream_failed with the status kept', () => {
    const error = translateHubSpotError(sdkError(503, '<html>503</html>'), 'Listing contacts', now);
    expect(error.code).toBe('upstream_failed');
    expect(hubspotErrorInfo(error)).toEqual({
      status: 503,
      category: undefined,
      policyName: undefined,
      correlationId: undefined,
      retryAfterMs: undefined,
    });
  });

  it('When a scope is missing (403), then it is forbidden with the correlation id for support', () => {
    const body = {
      status: 'error',
      message: 'This app hasn’t been granted all required scopes',
      correlationId: 'c-1',
      category: 'MISSING_SCOPES',
    };
    const error = translateHubSpotError(sdkError(403, body), 'Reading contact properties', now);
    expect(isAppError(error, 'forbidden')).toBe(true);
    expect(hubspotErrorInfo(error)).toMatchObject({ category: 'MISSING_SCOPES', correlationId: 'c-1' });
  });

  it('When something that is not an HTTP answer was thrown, then HubSpot is reported unreachable', () => {
    const error = translateHubSpotError(new Error('socket hang up'), 'Updating contacts', now);
    expect(error.code).toBe('upstream_failed');
    expect(error.message).toBe('HubSpot could not be reached (Updating contacts).');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

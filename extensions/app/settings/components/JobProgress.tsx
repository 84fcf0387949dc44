import { ProgressBar } from '@hubspot/ui-extensions';
import { currentJobResponseSchema } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

const POLL_MS = 5_000;

/** While a rescore or import runs: a progress bar with counts and the time left. Nothing otherwise. */
export function JobProgress({ baseUrl }: { baseUrl: string }) {
  const { t, locale } = useSettingsMessages();
  const state = useBackendQuery(baseUrl, '/api/jobs/current', currentJobResponseSchema, POLL_MS);
  if (state.status !== 'success' || !state.data.job) return null;
  const { kind, done, total, etaSeconds } = state.data.job;
  const counts = t.jobProgress(
    formatNumber(done, locale),
    total === null ? '?' : formatNumber(total, locale),
  );
  const eta =
    etaSeconds === null
      ? t.jobEtaUnknown
      : t.jobEta(formatNumber(Math.max(1, Math.ceil(etaSeconds / 60)), locale));
  return (
    <ProgressBar
      title={t.jobTitle[kind]}
      value={done}
      maxValue={total ?? Math.max(done, 1)}
      showPercentage
      valueDescription={`${counts} · ${eta}`}
      testId="job-progress"
    />
  );
}

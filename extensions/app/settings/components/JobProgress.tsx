import { Flex, ProgressBar } from '@hubspot/ui-extensions';
import { currentJobResponseSchema, type CurrentJob } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { GaveUpJobs } from './GaveUpJobs';

const POLL_MS = 5_000;

/**
 * While a rescore or import runs: a progress bar with counts and the time left; below it, the jobs that gave up
 * lately and why. Nothing when neither.
 */
export function JobProgress({ baseUrl }: { baseUrl: string }) {
  const state = useBackendQuery(baseUrl, '/api/jobs/current', currentJobResponseSchema, POLL_MS);
  if (state.status !== 'success') return null;
  const { job, gaveUp = [] } = state.data;
  if (!job && gaveUp.length === 0) return null;
  return (
    <Flex direction="column" gap="sm">
      {job ? <RunningJob job={job} /> : null}
      <GaveUpJobs jobs={gaveUp} />
    </Flex>
  );
}

/** A progress bar with counts and the time left. */
function RunningJob({ job }: { job: CurrentJob }) {
  const { t, locale } = useSettingsMessages();
  const { kind, done, total, etaSeconds } = job;
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

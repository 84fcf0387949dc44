import { Alert, Text, useExtensionContext } from '@hubspot/ui-extensions';
import type { DeadJob } from '@lead-pact/contracts';
import { formatDateTime } from '../../shared/locale';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

/** The portal's background jobs that gave up lately, each with what it was, when, and why; nothing when none did. */
export function GaveUpJobs({ jobs }: { jobs: readonly DeadJob[] }) {
  const { t, locale } = useSettingsMessages();
  const timeZone = useExtensionContext<'settings'>().portal.timezone;
  return (
    <>
      {jobs.map((job) => (
        <Alert
          key={job.id}
          variant="warning"
          testId={`gave-up-${job.id}`}
          title={t.gaveUpTitle(
            t.gaveUpKind[job.type] ?? t.gaveUpOther(job.type),
            formatDateTime(job.at, locale, timeZone),
          )}
        >
          <Text>{t.gaveUpReason[job.reason]}</Text>
          <Text variant="microcopy">{t.gaveUpDetail(job.message)}</Text>
        </Alert>
      ))}
    </>
  );
}

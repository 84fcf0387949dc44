// The backoff is the use-cases' too (the writer's retries); one definition, re-exported for the job worker.
export { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from '../use-cases/retry-delay';

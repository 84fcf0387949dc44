import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { InstallationsPort } from '../ports/installations';
import type { OutboxPort } from '../ports/outbox';
import type { RateBudgetPort } from '../ports/rate-budget';

/** What the writer needs from the store: the outbox, the shared request budget, the portal's connection. */
export interface WriteBackStore {
  outbox: Pick<OutboxPort, 'claimDue' | 'markSent' | 'markRejected' | 'retryLater' | 'counts'>;
  rateBudget: Pick<RateBudgetPort, 'reserveRequests' | 'pauseUntil' | 'status'>;
  installations: Pick<InstallationsPort, 'get' | 'setStatus'>;
}

/** Where writer events go (pino-shaped: object first, then the message). */
export interface WriteBackLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The writer's settings and clock; tests pass a fake clock and sleep. */
export interface WriteBackOptions {
  portalId: string;
  /** HUBSPOT_REQUESTS_PER_10S: the per-portal ceiling shared by every worker. */
  limitPer10s: number;
  gateway: Pick<HubSpotGateway, 'updateContacts'>;
  log?: WriteBackLog;
  now?: () => number;
  /** Resolves after `ms`, or as soon as `signal` aborts (default: `abortableSleep`). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Stop and hand back to the queue after this long (the job re-enqueues itself). */
  maxRunMs?: number;
  /** Longest wait for the budget inside one run; longer waits (a DAILY pause) end the run. */
  maxInlineWaitMs?: number;
}

/** How a run ended: outbox drained, more to do later (`resumeAt`), paused by HubSpot's daily limit, or disconnected. */
export interface WriteBackResult {
  outcome: 'drained' | 'more' | 'paused' | 'disconnected';
  requests: number;
  written: number;
  rejected: number;
  retried: number;
  /** When to run again (`more` and `paused`). */
  resumeAt?: number;
}

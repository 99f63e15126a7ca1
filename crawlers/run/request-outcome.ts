import { BlockedError, CrawlError, GoneError, ThrottledError, failureKind } from '../errors.js';
import type { CrawlReport } from './crawl-report.js';
import { backoffMillis, type DomainLimiter } from './domain-limiter.js';
import type { CrawlSettings } from './crawl-options.js';

/** The part of a Crawlee request the outcome handlers touch. */
export interface RequestLike {
  url: string;
  retryCount: number;
  noRetry: boolean;
  userData: Record<string, unknown>;
}

export interface SessionLike {
  retire(): void;
}

/**
 * The one place that decides what a failed request means (STYLE.md: decide retry at the
 * boundary). Blocked and throttled answers retire the session and pause the host with
 * exponential back-off; gone and parse errors are never retried.
 */
export function onRequestError(
  error: unknown,
  request: RequestLike,
  session: SessionLike | undefined,
  host: string,
  limiter: DomainLimiter,
  settings: CrawlSettings,
  report: CrawlReport,
): void {
  if (error instanceof BlockedError || error instanceof ThrottledError) {
    if (error instanceof BlockedError) report.blocked++;
    else report.throttled++;
    if (session !== undefined) {
      session.retire();
      report.sessionsRetired++;
    }
    limiter.pause(
      host,
      backoffMillis(request.retryCount, settings.backoffBaseMillis, settings.backoffMaxMillis),
    );
  }
  if (error instanceof CrawlError && !error.retryable) request.noRetry = true;
}

/** Records the final outcome of a request that produced no records. */
export function onRequestFailed(error: unknown, request: RequestLike, report: CrawlReport): void {
  const label = typeof request.userData['label'] === 'string' ? request.userData['label'] : '';
  if (error instanceof GoneError) {
    const listingId = request.userData['listingId'];
    report.gone.push({ url: request.url, label, ...(typeof listingId === 'string' ? { listingId } : {}) });
    return;
  }
  report.failures.push({
    url: request.url,
    label,
    kind: failureKind(error),
    reason: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    retries: request.retryCount,
  });
}

/** A request as the runners hold it against a host's concurrency slot. */
export type HeldRequest = RequestLike & { id?: string | undefined };

/**
 * The Crawlee hooks both runners share: free the host's slot, count retries, record final
 * failures through `onRequestFailed`, and note what robots.txt kept us from.
 */
export function lifecycleHandlers(
  release: (request: HeldRequest) => void,
  report: CrawlReport,
  onProgress: ((report: CrawlReport) => void) | undefined,
) {
  return {
    errorHandler: ({ request }: { request: HeldRequest }): void => {
      release(request);
      report.retries++;
    },
    failedRequestHandler: ({ request }: { request: HeldRequest }, error: Error): void => {
      release(request);
      onRequestFailed(error, request, report);
      onProgress?.(report);
    },
    onSkippedRequest: ({ url, reason }: { url: string; reason: string }): void => {
      if (reason === 'robotsTxt') report.skippedByRobots.push(url);
    },
  };
}

/**
 * Errors that decide what happens next. The crawl runner looks only at the class:
 * - BlockedError: the site showed a captcha / login wall / 403. Retire the session, back off, retry.
 * - ThrottledError: HTTP 429. Retire the session, back off longer, retry.
 * - GoneError: 404 / 410 / "product not available". Never retry; a re-check marks the listing gone.
 * - ParseError: the page came back but is not what the adapter reads (truncated HTML, broken
 *   JSON, a changed shape). Never retry the same bytes; record URL and reason.
 * - CriticalError: configuration or environment is wrong (no browser). Stop the crawl.
 */
export abstract class CrawlError extends Error {
  abstract readonly kind: 'blocked' | 'throttled' | 'gone' | 'parse' | 'critical';
  abstract readonly retryable: boolean;
  constructor(
    message: string,
    readonly url?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BlockedError extends CrawlError {
  readonly kind = 'blocked';
  readonly retryable = true;
}

export class ThrottledError extends CrawlError {
  readonly kind = 'throttled';
  readonly retryable = true;
}

export class GoneError extends CrawlError {
  readonly kind = 'gone';
  readonly retryable = false;
}

export class ParseError extends CrawlError {
  readonly kind = 'parse';
  readonly retryable = false;
}

export class CriticalError extends CrawlError {
  readonly kind = 'critical';
  readonly retryable = false;
}

export type FailureKind = CrawlError['kind'] | 'network' | 'unknown';

/** Which bucket any thrown value falls in; network and unknown errors are retried by Crawlee. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof CrawlError) return error.kind;
  if (
    error instanceof Error &&
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timed? ?out|socket hang up|EPIPE/i.test(error.message)
  ) {
    return 'network';
  }
  return 'unknown';
}

/** Maps an HTTP status to the error it means, or undefined when the body should be read. */
export function errorForStatus(status: number, url: string): CrawlError | undefined {
  if (status === 429) return new ThrottledError(`HTTP 429 Too Many Requests`, url);
  if (status === 401 || status === 403)
    return new BlockedError(`HTTP ${status}: blocked or login required`, url);
  if (status === 404 || status === 410) return new GoneError(`HTTP ${status}: not found`, url);
  if (status >= 500) return new ThrottledError(`HTTP ${status}: server error`, url);
  if (status >= 400) return new ParseError(`HTTP ${status}`, url);
  return undefined;
}

import type { FailureKind } from '../errors.js';

/** A request that ended without records: where and why. Nothing is dropped silently. */
export interface CrawlFailure {
  url: string;
  label: string;
  kind: FailureKind | 'invalid-record';
  reason: string;
  retries: number;
}

/** A listing the platform no longer serves (404/410, "not found"): how takedowns are verified. */
export interface GoneRecord {
  url: string;
  label: string;
  listingId?: string;
}

/** What a crawl did, counted as it runs; the progress line and the final summary read it. */
export class CrawlReport {
  pages = 0;
  listings = 0;
  livestreams = 0;
  sellers = 0;
  /** Blocked answers seen (each retired a session). */
  blocked = 0;
  /** 429 / 5xx answers seen (each retired a session and backed off). */
  throttled = 0;
  sessionsRetired = 0;
  retries = 0;
  readonly failures: CrawlFailure[] = [];
  readonly gone: GoneRecord[] = [];
  readonly skippedByRobots: string[] = [];
  readonly startedAt = Date.now();
  finishedAt: number | undefined;

  get records(): number {
    return this.listings + this.livestreams;
  }

  get elapsedSecs(): number {
    return ((this.finishedAt ?? Date.now()) - this.startedAt) / 1000;
  }

  summary(): Record<string, number | string> {
    const seconds = this.elapsedSecs;
    return {
      pages: this.pages,
      listings: this.listings,
      livestreams: this.livestreams,
      failures: this.failures.length,
      gone: this.gone.length,
      blocked: this.blocked,
      throttled: this.throttled,
      sessionsRetired: this.sessionsRetired,
      retries: this.retries,
      skippedByRobots: this.skippedByRobots.length,
      seconds: Math.round(seconds * 10) / 10,
      pagesPerSec: seconds > 0 ? Math.round((this.pages / seconds) * 10) / 10 : 0,
    };
  }
}

import { loadConfig } from '../../config/index.js';
import type { CrawlSettings } from './crawl-options.js';

/** Crawl settings for tests and benchmarks against the local sandbox: defaults, minus the waiting. */
export function sandboxCrawlSettings(overrides: Partial<CrawlSettings> = {}): CrawlSettings {
  const defaults = loadConfig({ env: {}, file: '/dev/null' }).crawl;
  return {
    ...defaults,
    maxRequestsPerMinutePerDomain: 600_000,
    maxConcurrencyPerDomain: 8,
    backoffBaseMillis: 5,
    backoffMaxMillis: 50,
    navigationTimeoutSecs: 20,
    screenshots: false,
    ...overrides,
  };
}

import { Configuration, ProxyConfiguration } from '@crawlee/core';
import { MemoryStorage } from '@crawlee/memory-storage';
import type { Config } from '../../config/index.js';
import type { CrawlAdapter, RequestSpec } from '../adapter.js';
import type { EvidenceStore } from '../evidence/evidence-store.js';
import type { CrawlRecord } from './process-document.js';
import type { CrawlReport } from './crawl-report.js';

export type CrawlSettings = Config['crawl'];

/** Everything one crawl needs; the runner owns nothing it was given. */
export interface CrawlRunOptions {
  adapter: CrawlAdapter;
  requests: RequestSpec[];
  settings: CrawlSettings;
  /** Where raw pages go; undefined keeps no evidence (benchmarks of the parser alone). */
  evidence?: EvidenceStore;
  /** Stop after this many requests (Crawlee's maxRequestsPerCrawl). */
  maxRequests?: number;
  onRecord: (record: CrawlRecord) => Promise<void> | void;
  /** Called after every request with the running report (progress bars, logs). */
  onProgress?: (report: CrawlReport) => void;
  /** Crawlee configuration; by default an in-memory, non-persistent one per crawl. */
  configuration?: Configuration;
}

export function isolatedConfiguration(): Configuration {
  return new Configuration({
    storageClient: new MemoryStorage({ persistStorage: false }),
    persistStateIntervalMillis: 3_600_000,
  });
}

export function proxyConfiguration(settings: CrawlSettings): ProxyConfiguration | undefined {
  return settings.proxyUrls.length > 0
    ? new ProxyConfiguration({ proxyUrls: settings.proxyUrls })
    : undefined;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

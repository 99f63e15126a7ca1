import type { Seed } from '../../crawlers/adapter.js';
import type { EvidenceStore } from '../../crawlers/evidence/evidence-store.js';
import { createAdapter } from '../../crawlers/registry.js';
import type { CrawlSettings } from '../../crawlers/run/crawl-options.js';
import type { CrawlReport } from '../../crawlers/run/crawl-report.js';
import { runCrawl } from '../../crawlers/run/run-crawl.js';
import type { Platform } from '../../records/platform.js';
import type { PipelineTransport } from '../transport.js';

/** One platform to crawl in a pass: its seeds and, for the sandbox or a mirror, its origin. */
export interface CrawlSource {
  platform: Platform;
  seeds: Seed[];
  baseUrl?: string;
}

export interface FeedCrawlOptions {
  sources: readonly CrawlSource[];
  settings: CrawlSettings;
  evidence?: EvidenceStore;
  maxRequests?: number;
  onProgress?: (report: CrawlReport) => void;
}

/**
 * The crawl stage: runs each source's adapter and pushes every record into the transport as
 * it is parsed. The crawler awaits each push, so a full transport slows the crawl down
 * instead of filling memory. Returns each source's crawl report (failures, blocks, gone).
 */
export async function feedCrawl(
  options: FeedCrawlOptions,
  transport: PipelineTransport,
): Promise<{ source: CrawlSource; report: CrawlReport }[]> {
  const reports: { source: CrawlSource; report: CrawlReport }[] = [];
  for (const source of options.sources) {
    const adapter = createAdapter(source.platform, {
      ...(source.baseUrl === undefined ? {} : { baseUrl: source.baseUrl }),
      maxPagesPerSeed: options.settings.maxPagesPerSeed,
    });
    const label = `${source.platform} crawl`;
    const report = await runCrawl({
      adapter,
      requests: adapter.seedRequests(source.seeds),
      settings: options.settings,
      ...(options.evidence === undefined ? {} : { evidence: options.evidence }),
      ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      onRecord: (record) => transport.push(record, label),
    });
    reports.push({ source, report });
  }
  return reports;
}

import { runBrowserCrawl } from './browser-runner.js';
import type { CrawlRunOptions } from './crawl-options.js';
import type { CrawlReport } from './crawl-report.js';
import { runHttpCrawl } from './http-runner.js';

/** Runs any adapter with the runner its mode needs. */
export function runCrawl(options: CrawlRunOptions): Promise<CrawlReport> {
  return options.adapter.mode === 'browser' ? runBrowserCrawl(options) : runHttpCrawl(options);
}

import { log, LogLevel } from '@crawlee/core';
import { HttpCrawler } from '@crawlee/http';
import type { RequestSpec } from '../adapter.js';
import { errorForStatus } from '../errors.js';
import { hostOf, isolatedConfiguration, proxyConfiguration, type CrawlRunOptions } from './crawl-options.js';
import { CrawlReport } from './crawl-report.js';
import { DomainLimiter } from './domain-limiter.js';
import { processDocument } from './process-document.js';
import { lifecycleHandlers, onRequestError } from './request-outcome.js';

export function toCrawleeRequest(spec: RequestSpec): {
  url: string;
  label: string;
  userData: Record<string, unknown>;
} {
  return { url: spec.url, label: spec.label, userData: { ...spec.userData, label: spec.label } };
}

/** Userdata the adapter set, without Crawlee's own keys. */
export function adapterUserData(
  userData: Record<string, unknown>,
): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(userData)) {
    if (key === 'label' || key.startsWith('__')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      result[key] = value;
  }
  return result;
}

/**
 * Runs an HTTP adapter on Crawlee's HttpCrawler: per-host rate limit and concurrency
 * (DomainLimiter), session pool, robots.txt, proxies, retries with back-off, evidence.
 */
export async function runHttpCrawl(options: CrawlRunOptions): Promise<CrawlReport> {
  const { adapter, settings } = options;
  const report = new CrawlReport();
  const limiter = new DomainLimiter({
    maxRequestsPerMinute: settings.maxRequestsPerMinutePerDomain,
    maxConcurrency: settings.maxConcurrencyPerDomain,
  });
  const held = new Set<string>();
  const release = (request: { id?: string | undefined; url: string; retryCount: number }): void => {
    const key = `${request.id ?? request.url}#${request.retryCount}`;
    if (held.delete(key)) limiter.release(hostOf(request.url));
  };
  const process = { adapter, evidence: options.evidence, report, onRecord: options.onRecord };
  log.setLevel(LogLevel.OFF);
  const proxies = proxyConfiguration(settings);

  const crawler = new HttpCrawler(
    {
      maxConcurrency: settings.maxConcurrency,
      // Start at the per-host cap instead of ramping up from 1: the DomainLimiter already holds
      // each host to its own concurrency and rate, so the autoscaler's slow start only wastes time.
      minConcurrency: Math.min(settings.maxConcurrency, settings.maxConcurrencyPerDomain),
      maxRequestRetries: settings.maxRequestRetries,
      ...(options.maxRequests === undefined ? {} : { maxRequestsPerCrawl: options.maxRequests }),
      navigationTimeoutSecs: settings.navigationTimeoutSecs,
      requestHandlerTimeoutSecs: settings.navigationTimeoutSecs + 30,
      respectRobotsTxtFile: settings.respectRobotsTxt,
      ...(proxies === undefined ? {} : { proxyConfiguration: proxies }),
      useSessionPool: true,
      persistCookiesPerSession: true,
      sessionPoolOptions: { blockedStatusCodes: [], maxPoolSize: 20 },
      retryOnBlocked: false,
      additionalMimeTypes: ['application/json', 'text/plain'],
      ignoreHttpErrorStatusCodes: [500, 502, 503, 504],
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          await limiter.acquire(hostOf(request.url));
          held.add(`${request.id ?? request.url}#${request.retryCount}`);
          // got-scraping's generated browser fingerprint headers cost ~40% of throughput here and
          // would contradict the User-Agent we declare; opt in per deployment.
          Object.assign(gotOptions, { useHeaderGenerator: settings.generateBrowserHeaders });
          gotOptions.headers = {
            ...gotOptions.headers,
            'user-agent': settings.userAgent,
            'accept-language': 'vi-VN,vi;q=0.9',
          };
        },
      ],
      postNavigationHooks: [
        ({ request }) => {
          release(request);
        },
      ],
      requestHandler: async ({ request, response, body, session, crawler: self }) => {
        release(request);
        report.pages++;
        const host = hostOf(request.url);
        try {
          const statusError = errorForStatus(response.statusCode ?? 0, request.url);
          if (statusError !== undefined) throw statusError;
          const contentType = response.headers['content-type'] ?? '';
          const next = await processDocument(process, {
            url: request.loadedUrl,
            status: response.statusCode ?? 0,
            contentType,
            body: typeof body === 'string' ? body : body.toString('utf8'),
            label: request.label ?? '',
            userData: adapterUserData(request.userData as Record<string, unknown>),
            capturedAt: new Date().toISOString(),
          });
          if (next.length > 0) await self.addRequests(next.map(toCrawleeRequest));
        } catch (error) {
          onRequestError(error, request, session, host, limiter, settings, report);
          throw error;
        } finally {
          options.onProgress?.(report);
        }
      },
      ...lifecycleHandlers(release, report, options.onProgress),
    },
    options.configuration ?? isolatedConfiguration(),
  );
  await crawler.run(options.requests.map(toCrawleeRequest));
  report.finishedAt = Date.now();
  return report;
}

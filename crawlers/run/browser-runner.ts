import { existsSync, readFileSync } from 'node:fs';
import { log, LogLevel } from '@crawlee/core';
import { PlaywrightCrawler } from '@crawlee/playwright';
import { chromium, type Cookie, type Page, type Response } from 'playwright-core';
import type { FetchedDocument } from '../adapter.js';
import { CriticalError, errorForStatus } from '../errors.js';
import { CAPTURE_BUNDLE_TYPE, toCaptureBundle } from './capture-bundle.js';
import {
  hostOf,
  isolatedConfiguration,
  proxyConfiguration,
  type CrawlRunOptions,
  type CrawlSettings,
} from './crawl-options.js';
import { CrawlReport } from './crawl-report.js';
import { DomainLimiter } from './domain-limiter.js';
import { adapterUserData, toCrawleeRequest } from './http-runner.js';
import { processDocument } from './process-document.js';
import { lifecycleHandlers, onRequestError } from './request-outcome.js';

/** Chromium flags that work on these machines (../shared/ENV-NOTES.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Cookies from a Playwright storage-state file (or a bare cookie array) of a logged-in inspector. */
export function readStorageStateCookies(path: string): Cookie[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CriticalError(`cannot read storage state ${path}: ${(error as Error).message}`);
  }
  const cookies = Array.isArray(raw) ? raw : (raw as { cookies?: unknown }).cookies;
  if (!Array.isArray(cookies)) throw new CriticalError(`storage state ${path} has no cookies[]`);
  return cookies as Cookie[];
}

interface PageCapture {
  responses: Promise<FetchedDocument>[];
  awaited?: Promise<unknown>;
}

/**
 * Runs a browser adapter on Crawlee's PlaywrightCrawler with Debian's Chromium: the page's own
 * API responses are captured as it loads, the rendered HTML and those responses are stored as a
 * capture bundle, and a screenshot is kept beside it as evidence.
 */
export async function runBrowserCrawl(options: CrawlRunOptions): Promise<CrawlReport> {
  const { adapter, settings } = options;
  const plan = adapter.browser;
  if (plan === undefined) throw new CriticalError(`${adapter.platform} is not a browser adapter`);
  if (!existsSync(settings.chromiumPath)) {
    throw new CriticalError(
      `Chromium not found at ${settings.chromiumPath} (apt-get install -y chromium, or set crawl.chromiumPath)`,
    );
  }
  const cookies =
    settings.storageStatePath === undefined ? [] : readStorageStateCookies(settings.storageStatePath);
  const report = new CrawlReport();
  const limiter = new DomainLimiter({
    maxRequestsPerMinute: settings.maxRequestsPerMinutePerDomain,
    maxConcurrency: settings.maxConcurrencyPerDomain,
  });
  const captures = new WeakMap<Page, PageCapture>();
  const held = new Set<string>();
  const release = (request: { id?: string | undefined; url: string; retryCount: number }): void => {
    if (held.delete(`${request.id ?? request.url}#${request.retryCount}`))
      limiter.release(hostOf(request.url));
  };
  const process = { adapter, evidence: options.evidence, report, onRecord: options.onRecord };
  log.setLevel(LogLevel.OFF);
  const proxies = proxyConfiguration(settings);

  const crawler = new PlaywrightCrawler(
    {
      launchContext: {
        launcher: chromium,
        launchOptions: { executablePath: settings.chromiumPath, args: CHROMIUM_ARGS, headless: true },
        userAgent: undefined,
      },
      browserPoolOptions: { useFingerprints: false, maxOpenPagesPerBrowser: settings.maxBrowserPages },
      maxConcurrency: settings.maxBrowserPages,
      maxRequestRetries: settings.maxRequestRetries,
      ...(options.maxRequests === undefined ? {} : { maxRequestsPerCrawl: options.maxRequests }),
      navigationTimeoutSecs: settings.navigationTimeoutSecs,
      requestHandlerTimeoutSecs: settings.navigationTimeoutSecs * 2 + 30,
      respectRobotsTxtFile: settings.respectRobotsTxt,
      ...(proxies === undefined ? {} : { proxyConfiguration: proxies }),
      useSessionPool: true,
      persistCookiesPerSession: false,
      sessionPoolOptions: { blockedStatusCodes: [], maxPoolSize: 10 },
      retryOnBlocked: false,
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ page, request }, gotoOptions) => {
          await limiter.acquire(hostOf(request.url));
          held.add(`${request.id ?? request.url}#${request.retryCount}`);
          if (cookies.length > 0) await page.context().addCookies(cookies);
          const capture: PageCapture = { responses: [] };
          page.on('response', (response) => {
            if (plan.captureResponse(response.url())) capture.responses.push(readResponse(response));
          });
          const predicate = plan.awaitResponse?.(request.label ?? '');
          if (predicate !== undefined) {
            capture.awaited = page
              .waitForResponse((response) => predicate(response.url()), {
                timeout: settings.navigationTimeoutSecs * 1000,
              })
              .catch(() => undefined);
          }
          captures.set(page, capture);
          gotoOptions.waitUntil = 'domcontentloaded';
        },
      ],
      postNavigationHooks: [
        ({ request }) => {
          release(request);
        },
      ],
      requestHandler: async ({ page, request, response, session, crawler: self }) => {
        release(request);
        report.pages++;
        const host = hostOf(request.url);
        try {
          const status = response?.status() ?? 0;
          const statusError = errorForStatus(status, request.url);
          if (statusError !== undefined) throw statusError;
          const capture = captures.get(page) ?? { responses: [] };
          await capture.awaited;
          if (plan.readySelector !== undefined) {
            await page
              .waitForSelector(plan.readySelector, { timeout: settings.navigationTimeoutSecs * 1000 })
              .catch(() => undefined);
          }
          await page.waitForLoadState('networkidle', { timeout: 2000 }).catch(() => undefined);
          const captured = await Promise.all(capture.responses);
          const document: FetchedDocument = {
            url: page.url(),
            status,
            contentType: 'text/html',
            body: await page.content(),
            label: request.label ?? '',
            userData: adapterUserData(request.userData),
            capturedAt: new Date().toISOString(),
            captured,
          };
          const screenshot =
            settings.screenshots && options.evidence !== undefined
              ? await page.screenshot({ fullPage: true })
              : undefined;
          const next = await processDocument(process, document, {
            body: toCaptureBundle(document),
            contentType: CAPTURE_BUNDLE_TYPE,
            ...(screenshot === undefined ? {} : { screenshot }),
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

async function readResponse(response: Response): Promise<FetchedDocument> {
  let body: string;
  try {
    body = await response.text();
  } catch {
    body = '';
  }
  return {
    url: response.url(),
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    body,
    label: 'captured',
    capturedAt: new Date().toISOString(),
  };
}

export type { CrawlSettings };

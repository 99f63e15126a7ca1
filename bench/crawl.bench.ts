/**
 * Crawl throughput against the local sandbox, beside the raw ceiling measured in the same run.
 *
 *   npm run bench:crawl -- [--listings 12000] [--pages 2000] [--runs 3] [--concurrency 16] [--browser-pages 20]
 *
 * HTTP: the Tiki adapter on Crawlee's HttpCrawler (a) reading 2,000 product pages (HTML with
 * __NEXT_DATA__ → one listing each) and (b) walking every listing-API page of the catalogue
 * (40 listings a page), with evidence stored as in production and without. Baseline: plain
 * concurrent fetch() of the same URLs, body read, nothing parsed. Browser: the Shopee adapter in
 * Chromium on search pages that load their own JSON, beside fetching the page and its JSON.
 * Each figure is the median of --runs runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EvidenceStore } from '../crawlers/evidence/evidence-store.js';
import { runBrowserCrawl } from '../crawlers/run/browser-runner.js';
import type { CrawlReport } from '../crawlers/run/crawl-report.js';
import { runHttpCrawl } from '../crawlers/run/http-runner.js';
import { sandboxCrawlSettings } from '../crawlers/run/test-settings.js';
import { SandboxServer } from '../crawlers/sandbox/server.js';
import { createShopeeAdapter } from '../crawlers/shopee/shopee-adapter.js';
import { createTikiAdapter } from '../crawlers/tiki/tiki-adapter.js';
import type { RequestSpec } from '../crawlers/adapter.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '12000' },
    pages: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'browser-pages': { type: 'string', default: '20' },
  },
});
const LISTINGS = Number(args.listings);
const PAGES = Number(args.pages);
const RUNS = Number(args.runs);
const CONCURRENCY = Number(args.concurrency);
const BROWSER_PAGES = Number(args['browser-pages']);

interface Measure {
  pages: number;
  listings: number;
  seconds: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function fetchAll(
  urls: string[],
  concurrency: number,
  headers: Record<string, string> = {},
): Promise<Measure> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const response = await fetch(url, { headers });
        bytes += (await response.text()).length;
      }
    }),
  );
  if (bytes === 0) throw new Error('baseline fetched nothing');
  return { pages: urls.length, listings: 0, seconds: (performance.now() - started) / 1000 };
}

function fromReport(report: CrawlReport): Measure {
  if (report.failures.length > 0)
    throw new Error(`crawl failed: ${JSON.stringify(report.failures.slice(0, 3))}`);
  return { pages: report.pages, listings: report.records, seconds: report.elapsedSecs };
}

async function repeat(
  name: string,
  run: () => Promise<Measure>,
): Promise<{ name: string; pagesPerSec: number; listingsPerSec: number; pages: number; listings: number }> {
  const results: Measure[] = [];
  for (let index = 0; index < RUNS; index++) results.push(await run());
  return {
    name,
    pages: results[0]!.pages,
    listings: results[0]!.listings,
    pagesPerSec: median(results.map((result) => result.pages / result.seconds)),
    listingsPerSec: median(results.map((result) => result.listings / result.seconds)),
  };
}

const server = new SandboxServer({ listings: LISTINGS, defaultPageSize: 40 });
const origin = await server.listen(0);
const dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-bench-'));
const settings = sandboxCrawlSettings({
  maxConcurrency: CONCURRENCY,
  maxConcurrencyPerDomain: CONCURRENCY,
  maxPagesPerSeed: 100_000,
});
const rows: Awaited<ReturnType<typeof repeat>>[] = [];

try {
  const adapter = createTikiAdapter({ baseUrl: origin, maxPagesPerSeed: 100_000 });
  const productPages: RequestSpec[] = Array.from({ length: Math.min(PAGES, LISTINGS) }, (_, index) => {
    const ids = server.catalog.ids(index);
    return {
      url: `${origin}/${server.catalog.listing(index)!.slug}-p${ids.tiki}.html?spid=${ids.tikiSpid}`,
      label: 'page',
    };
  });
  const listingPageCount = Math.ceil(LISTINGS / 40);
  const listingPages = Array.from(
    { length: listingPageCount },
    (_, index) => `${origin}/api/v2/products?q=&sort=top_seller&page=${index + 1}&limit=40`,
  );

  // Warm up the server and the JIT once, outside the measurements.
  await fetchAll(
    productPages.slice(0, 50).map((request) => request.url),
    CONCURRENCY,
  );

  rows.push(
    await repeat('baseline: fetch() product pages', () =>
      fetchAll(
        productPages.map((request) => request.url),
        CONCURRENCY,
      ),
    ),
  );
  rows.push(
    await repeat('tiki adapter: product pages, evidence on', async () =>
      fromReport(
        await runHttpCrawl({
          adapter,
          requests: productPages,
          settings,
          evidence: new EvidenceStore(dataDir),
          onRecord: () => undefined,
        }),
      ),
    ),
  );
  rows.push(
    await repeat('tiki adapter: product pages, evidence off', async () =>
      fromReport(
        await runHttpCrawl({ adapter, requests: productPages, settings, onRecord: () => undefined }),
      ),
    ),
  );
  rows.push(await repeat('baseline: fetch() listing-API pages', () => fetchAll(listingPages, CONCURRENCY)));
  rows.push(
    await repeat('tiki adapter: listing API (all pages), evidence on', async () =>
      fromReport(
        await runHttpCrawl({
          adapter,
          requests: adapter.seedRequests([{ kind: 'keyword', value: '' }]),
          settings,
          evidence: new EvidenceStore(dataDir),
          onRecord: () => undefined,
        }),
      ),
    ),
  );

  if (existsSync(settings.chromiumPath) && BROWSER_PAGES > 0) {
    const shopee = createShopeeAdapter({ baseUrl: origin, maxPagesPerSeed: 1 });
    const keywords = [
      'pod',
      'son',
      'sữa bột',
      'đồng hồ',
      'túi xách',
      'rượu',
      'mũ bảo hiểm',
      'phân bón',
      'điện thoại',
      'sách',
    ];
    const searches: RequestSpec[] = Array.from({ length: BROWSER_PAGES }, (_, index) => ({
      url: `${origin}/search?keyword=${encodeURIComponent(keywords[index % keywords.length]!)}&page=${Math.floor(index / keywords.length)}`,
      label: 'search',
      userData: { page: 0 },
    }));
    const login = { cookie: 'SPC_EC=bench' };
    const apiUrls = searches.map((request) => {
      const page = new URL(request.url);
      const offset = Number(page.searchParams.get('page')) * 60;
      return `${origin}/api/v4/search/search_items?by=relevancy&keyword=${encodeURIComponent(page.searchParams.get('keyword')!)}&limit=60&newest=${offset}`;
    });
    rows.push(
      await repeat('baseline: fetch() shopee page + its JSON', async () => {
        const pages = await fetchAll(
          searches.map((request) => request.url),
          2,
          login,
        );
        const api = await fetchAll(apiUrls, 2, login);
        return { pages: pages.pages, listings: 0, seconds: pages.seconds + api.seconds };
      }),
    );
    const statePath = join(dataDir, 'state.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      statePath,
      JSON.stringify({
        cookies: [
          {
            name: 'SPC_EC',
            value: 'bench',
            domain: new URL(origin).hostname,
            path: '/',
            expires: -1,
            httpOnly: false,
            secure: false,
            sameSite: 'Lax',
          },
        ],
      }),
    );
    rows.push(
      await repeat('shopee adapter in Chromium (2 pages open), evidence + screenshot', async () =>
        fromReport(
          await runBrowserCrawl({
            adapter: shopee,
            requests: searches,
            settings: { ...settings, storageStatePath: statePath, screenshots: true, maxBrowserPages: 2 },
            evidence: new EvidenceStore(dataDir),
            onRecord: () => undefined,
          }),
        ),
      ),
    );
  } else {
    process.stdout.write('browser bench skipped: no Chromium at /usr/bin/chromium or --browser-pages 0\n');
  }
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const round = (value: number): number => (value < 10 ? Math.round(value * 100) / 100 : Math.round(value));
const table = rows.map((row) => ({
  run: row.name,
  pages: row.pages,
  listings: row.listings,
  'pages/s': round(row.pagesPerSec),
  'listings/s': round(row.listingsPerSec),
}));
process.stdout.write(
  `\ncrawl bench: ${LISTINGS} sandbox listings, concurrency ${CONCURRENCY}, median of ${RUNS} runs\n`,
);
console.table(table);
const ratio = (adapterName: string, baselineName: string): void => {
  const adapterRow = rows.find((row) => row.name === adapterName);
  const baselineRow = rows.find((row) => row.name === baselineName);
  if (adapterRow === undefined || baselineRow === undefined) return;
  process.stdout.write(
    `${adapterName} / ${baselineName}: ${(adapterRow.pagesPerSec / baselineRow.pagesPerSec).toFixed(3)} of the raw ceiling (${round(adapterRow.pagesPerSec)} vs ${round(baselineRow.pagesPerSec)} pages/s)\n`,
  );
};
ratio('tiki adapter: product pages, evidence on', 'baseline: fetch() product pages');
ratio('tiki adapter: product pages, evidence off', 'baseline: fetch() product pages');
ratio('tiki adapter: listing API (all pages), evidence on', 'baseline: fetch() listing-API pages');
ratio(
  'shopee adapter in Chromium (2 pages open), evidence + screenshot',
  'baseline: fetch() shopee page + its JSON',
);

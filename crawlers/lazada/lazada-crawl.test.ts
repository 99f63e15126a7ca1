import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpCrawl } from '../run/http-runner.js';
import { isListing, type CrawlRecord } from '../run/process-document.js';
import { sandboxCrawlSettings } from '../run/test-settings.js';
import { SandboxServer } from '../sandbox/server.js';
import { createLazadaAdapter } from './lazada-adapter.js';

describe('Lazada crawl of a misbehaving sandbox', () => {
  const server = new SandboxServer({
    listings: 400,
    seed: 9,
    faults: { captchaEvery: 5, truncateEvery: 7, goneEvery: 11, slowEvery: 13, slowMillis: 20 },
  });
  let origin: string;
  beforeAll(async () => {
    origin = await server.listen(0);
  });
  afterAll(() => server.close());

  it('nothing crashes, every product page ends as a listing, a failure with its reason, or gone', async () => {
    const lazada = createLazadaAdapter({ baseUrl: origin, fetchProductPages: true });
    // Tag each record with the kind of page it came from (extra fields pass the loose schema).
    const adapter = {
      ...lazada,
      parse: (document: Parameters<typeof lazada.parse>[0]) => {
        const output = lazada.parse(document);
        return {
          ...output,
          listings: output.listings.map((listing) => ({ ...listing, via: document.label })),
        };
      },
    };
    const records: CrawlRecord[] = [];
    const report = await runHttpCrawl({
      adapter,
      requests: adapter.seedRequests([
        { kind: 'keyword', value: 'đồng hồ' },
        { kind: 'keyword', value: 'mỹ phẩm' },
      ]),
      settings: sandboxCrawlSettings({ maxRequestRetries: 1 }),
      onRecord: (record) => {
        records.push(record);
      },
    });
    const listings = records.filter(isListing);
    const fromProductPages = listings.filter((listing) => listing['via'] === 'product');
    const catalogListings = listings.filter((listing) => listing['via'] === 'catalog');
    // Truncated pages lost __moduleData__ but were read from their JSON-LD (no breadcrumb then).
    expect(fromProductPages.some((listing) => listing.categoryPath === undefined)).toBe(true);
    expect(catalogListings.length).toBeGreaterThan(20);

    // Every catalog card led to one product-page request, and each ended somewhere.
    const productFailures = report.failures.filter((failure) => failure.label === 'product');
    expect(fromProductPages.length + productFailures.length + report.gone.length).toBe(
      catalogListings.length,
    );
    for (const failure of productFailures) {
      expect(failure.url).toContain('/products/');
      expect(failure.kind).toBe('blocked');
      expect(failure.reason).toMatch(/Lazada captcha/);
    }
    expect(productFailures.length).toBeGreaterThan(0);
    expect(report.blocked).toBe(productFailures.length * 2); // tried, retired, retried, retired
    expect(report.failures.filter((failure) => failure.label !== 'product')).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingSchema, type Listing } from '../../records/index.js';
import { EvidenceStore } from '../evidence/evidence-store.js';
import { SandboxServer } from '../sandbox/server.js';
import { createTikiAdapter } from '../tiki/tiki-adapter.js';
import type { CrawlRecord } from './process-document.js';
import { runHttpCrawl } from './http-runner.js';
import { sandboxCrawlSettings } from './test-settings.js';

describe('HTTP crawl of the sandbox (Tiki adapter)', () => {
  const server = new SandboxServer({ listings: 400, seed: 11 });
  let origin: string;
  let dataDir: string;
  beforeAll(async () => {
    origin = await server.listen(0);
    dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-crawl-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function crawl(seedUrls: { url: string; label: string }[], overrides = {}, maxRequests?: number) {
    const adapter = createTikiAdapter({ baseUrl: origin, pageSize: 10 });
    const records: CrawlRecord[] = [];
    const report = await runHttpCrawl({
      adapter,
      requests: seedUrls,
      settings: sandboxCrawlSettings(overrides),
      evidence: new EvidenceStore(dataDir),
      ...(maxRequests === undefined ? {} : { maxRequests }),
      onRecord: (record) => {
        records.push(record);
      },
    });
    return { report, records: records as Listing[] };
  }

  it('follows every result page of a keyword and keeps verifiable evidence for each listing', async () => {
    server.resetStats();
    const adapter = createTikiAdapter({ baseUrl: origin, pageSize: 10 });
    const { report, records } = await crawl(adapter.seedRequests([{ kind: 'keyword', value: 'đồng hồ' }]));
    const expected = server.catalog.countOfKinds(server.catalog.kindsForQuery('đồng hồ'));
    expect(expected).toBeGreaterThan(10);
    expect(records).toHaveLength(expected);
    expect(report.pages).toBe(Math.ceil(expected / 10));
    expect(report.failures).toEqual([]);
    // It says who it is: the configured User-Agent, not a generated browser fingerprint.
    expect([...server.stats.userAgents]).toEqual([sandboxCrawlSettings().userAgent]);
    const store = new EvidenceStore(dataDir);
    for (const listing of records) {
      expect(ListingSchema.safeParse(listing).success).toBe(true);
      expect(listing.evidence?.url).toMatch(/\/api\/v2\/products\?q=/);
      await expect(store.verify(listing.evidence!)).resolves.toEqual({ ok: true });
    }
  });

  it('respects robots.txt by default and only fetches a disallowed path when the switch is off', async () => {
    server.resetStats();
    const blocked = `${origin}/private/lo-hang-p270000001.html`;
    const polite = await crawl([{ url: blocked, label: 'page' }]);
    expect(polite.report.skippedByRobots).toEqual([blocked]);
    expect(server.stats.disallowedHits).toEqual([]);
    expect(server.stats.byRoute.get('robots')).toBe(1);

    server.resetStats();
    const authorised = await crawl([{ url: blocked, label: 'page' }], { respectRobotsTxt: false });
    expect(authorised.report.skippedByRobots).toEqual([]);
    expect(server.stats.disallowedHits).toEqual(['/private/lo-hang-p270000001.html']);
  });

  it('a 429 burst backs off, retires the session and retries until the page comes through', async () => {
    server.resetStats();
    const url = `${origin}/api/v2/products?q=vape&limit=10&page=1&fault=429`;
    const { report, records } = await crawl([{ url, label: 'search' }], {}, 1);
    expect(server.stats.hitsByUrl.get(url.replace(origin, ''))).toBe(3);
    expect(server.stats.byStatus.get(429)).toBe(2);
    expect(report.throttled).toBe(2);
    expect(report.sessionsRetired).toBe(2);
    expect(report.retries).toBe(2);
    expect(records.length).toBeGreaterThan(0);
    expect(report.failures).toEqual([]);
  });

  it('a 429 that outlasts the retries is a recorded failure with its URL and reason', async () => {
    server.resetStats();
    const url = `${origin}/api/v2/products?q=vape&fault=429&burst=long`;
    const stubborn = new SandboxServer({ listings: 100, faults: { burst429Length: 50 } });
    const stubbornOrigin = await stubborn.listen(0);
    try {
      const adapter = createTikiAdapter({ baseUrl: stubbornOrigin });
      const report = await runHttpCrawl({
        adapter,
        requests: [{ url: url.replace(origin, stubbornOrigin), label: 'search' }],
        settings: sandboxCrawlSettings({ maxRequestRetries: 2 }),
        onRecord: () => undefined,
      });
      expect(stubborn.stats.byStatus.get(429)).toBe(3);
      expect(report.failures).toEqual([
        {
          url: url.replace(origin, stubbornOrigin),
          label: 'search',
          kind: 'throttled',
          reason: 'HTTP 429 Too Many Requests',
          retries: 2,
        },
      ]);
      expect(report.sessionsRetired).toBe(3);
    } finally {
      await stubborn.close();
    }
  });

  it('keeps per-host concurrency under the configured cap (counted by the server)', async () => {
    const slow = new SandboxServer({ listings: 300, faults: { slowEvery: 1, slowMillis: 30 } });
    const slowOrigin = await slow.listen(0);
    try {
      const adapter = createTikiAdapter({ baseUrl: slowOrigin, pageSize: 5 });
      const requests = Array.from({ length: 12 }, (_, index) => ({
        url: `${slowOrigin}/api/v2/products/${270_000_000 + index}`,
        label: 'product',
      }));
      const report = await runHttpCrawl({
        adapter,
        requests,
        settings: sandboxCrawlSettings({ maxConcurrency: 10, maxConcurrencyPerDomain: 2 }),
        onRecord: () => undefined,
      });
      expect(report.listings).toBe(12);
      expect(slow.stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(slow.stats.maxInFlight).toBeGreaterThanOrEqual(1);
    } finally {
      await slow.close();
    }
  });

  it('misbehaviour never crashes the crawl and every failure names its URL and reason', async () => {
    server.resetStats();
    const seeds = [
      { url: `${origin}/api/v2/products?q=vape&fault=brokenjson`, label: 'search' },
      { url: `${origin}/mat-hang-p270000005.html?spid=370000005&fault=truncate`, label: 'page' },
      { url: `${origin}/api/v2/products/270000006?fault=403`, label: 'product' },
      { url: `${origin}/api/v2/products/999`, label: 'product' },
      { url: `${origin}/api/v2/products/270000007`, label: 'product' },
    ];
    const { report, records } = await crawl(seeds, { maxRequestRetries: 1 });
    // The truncated page lost its Next.js state but kept the JSON-LD in <head>: read from that.
    expect(records.map((listing) => listing.listingId).sort()).toEqual(['270000005', '270000007']);
    expect(records.find((listing) => listing.listingId === '270000005')?.soldCount).toBeUndefined();
    const byUrl = new Map(report.failures.map((failure) => [failure.url, failure]));
    expect(byUrl.get(seeds[0]!.url)).toMatchObject({
      kind: 'parse',
      reason: expect.stringMatching(/not valid JSON/) as unknown,
    });
    expect(byUrl.get(seeds[2]!.url)).toMatchObject({ kind: 'blocked', retries: 1 });
    expect(report.gone).toEqual([{ url: seeds[3]!.url, label: 'product' }]);
    // Nothing silently dropped: every seed is a record, a failure or a gone listing.
    expect(records.length + report.failures.length + report.gone.length).toBe(seeds.length);
    expect(report.pages).toBe(seeds.length + 1); // the 403 was retried once
  });
});

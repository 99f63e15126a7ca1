import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingSchema, LivestreamSchema, type Listing } from '../../records/index.js';
import { EvidenceStore } from '../evidence/evidence-store.js';
import { SandboxServer } from '../sandbox/server.js';
import { createShopeeAdapter } from '../shopee/shopee-adapter.js';
import { createTikTokAdapter } from '../tiktok/tiktok-adapter.js';
import { fromCaptureBundle } from './capture-bundle.js';
import { runBrowserCrawl } from './browser-runner.js';
import { isListing, isLivestream, type CrawlRecord } from './process-document.js';
import { sandboxCrawlSettings } from './test-settings.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))(
  'browser adapters in real Chromium against the sandbox (skipped when /usr/bin/chromium is missing)',
  () => {
    const server = new SandboxServer({ listings: 300, seed: 5 });
    let origin: string;
    let dataDir: string;
    let storageState: string;
    beforeAll(async () => {
      origin = await server.listen(0);
      dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-browser-'));
      storageState = join(dataDir, 'inspector-state.json');
      const host = new URL(origin).hostname;
      writeFileSync(
        storageState,
        JSON.stringify({
          cookies: [
            {
              name: 'SPC_EC',
              value: 'inspector-session',
              domain: host,
              path: '/',
              expires: -1,
              httpOnly: true,
              secure: false,
              sameSite: 'Lax',
            },
          ],
          origins: [],
        }),
      );
    });
    afterAll(async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('Shopee: with the inspector session, reads the search JSON the page loads itself, /100000 prices, screenshot kept', async () => {
      server.resetStats();
      const adapter = createShopeeAdapter({ baseUrl: origin, maxPagesPerSeed: 1 });
      const records: CrawlRecord[] = [];
      const store = new EvidenceStore(dataDir);
      const report = await runBrowserCrawl({
        adapter,
        requests: adapter.seedRequests([{ kind: 'keyword', value: 'đồng hồ' }]),
        settings: sandboxCrawlSettings({ storageStatePath: storageState, screenshots: true }),
        evidence: store,
        onRecord: (record) => {
          records.push(record);
        },
      });
      expect(report.failures).toEqual([]);
      const expected = Math.min(60, server.catalog.countOfKinds(server.catalog.kindsForQuery('đồng hồ')));
      expect(records).toHaveLength(expected);
      expect(server.stats.byRoute.get('shopee-search')).toBe(1);
      const listings = records as Listing[];
      for (const listing of listings) expect(ListingSchema.safeParse(listing).success).toBe(true);
      const first = listings[0]!;
      const truth = server.catalog.listing(server.catalog.indexFromId('shopee', first.listingId)!)!;
      expect(first.price).toBe(truth.price);
      expect(first.title).toBe(truth.title);
      expect(first.evidence?.screenshotPath).toMatch(/\.png$/);
      await expect(store.verify(first.evidence!)).resolves.toEqual({ ok: true });
      const bundle = fromCaptureBundle((await store.read(first.evidence!)).toString('utf8'));
      expect(bundle?.captured?.[0]?.url).toMatch(/\/api\/v4\/search\/search_items\?/);
      // Both item shapes (item_basic and the 2025 card) were in the page's response.
      expect(listings.some((listing) => listing.sellerName !== undefined)).toBe(true);
      expect(listings.some((listing) => listing.sellerName === undefined)).toBe(true);
    });

    it('Shopee: without a logged-in session the API 403 is a block, recorded with its URL', async () => {
      const adapter = createShopeeAdapter({ baseUrl: origin });
      const report = await runBrowserCrawl({
        adapter,
        requests: adapter.seedRequests([{ kind: 'keyword', value: 'son' }]),
        settings: sandboxCrawlSettings({ maxRequestRetries: 1 }),
        onRecord: () => undefined,
      });
      expect(report.records).toBe(0);
      expect(report.blocked).toBe(2);
      expect(report.sessionsRetired).toBe(2);
      expect(report.failures).toHaveLength(1);
      expect(report.failures[0]).toMatchObject({
        kind: 'blocked',
        reason: expect.stringMatching(/not logged in/) as unknown,
      });
      expect(report.failures[0]?.url).toContain('/search?keyword=son');
    });

    it('TikTok LIVE: title, host, viewer count, start time and pinned products from the page and its room-info call', async () => {
      const adapter = createTikTokAdapter({ baseUrl: origin });
      const records: CrawlRecord[] = [];
      const report = await runBrowserCrawl({
        adapter,
        requests: adapter.seedRequests([
          { kind: 'live', value: '@live_host_1' },
          { kind: 'url', value: `${origin}/shop/vn/pdp/x/${server.catalog.ids(3).tiktok}` },
        ]),
        settings: sandboxCrawlSettings(),
        evidence: new EvidenceStore(dataDir),
        onRecord: (record) => {
          records.push(record);
        },
      });
      expect(report.failures).toEqual([]);
      const stream = records.find(isLivestream)!;
      const truth = server.catalog.livestream(1)!;
      expect(LivestreamSchema.safeParse(stream).success).toBe(true);
      expect(stream).toMatchObject({
        platform: 'tiktok',
        streamId: truth.roomId,
        title: truth.title,
        hostId: truth.hostUniqueId,
        hostName: truth.hostName,
        viewerCount: truth.viewerCount,
        startedAt: new Date(truth.startTime * 1000).toISOString(),
      });
      expect(stream.products?.map((product) => product.listingId)).toEqual(
        truth.pinned.map((index) => server.catalog.ids(index).tiktok),
      );
      const product = records.find(isListing)!;
      expect(product).toMatchObject({
        listingId: server.catalog.ids(3).tiktok,
        price: server.catalog.listing(3)!.price,
      });
    });

    it('TikTok security check page is a block, not a listing', async () => {
      const adapter = createTikTokAdapter({ baseUrl: origin });
      const report = await runBrowserCrawl({
        adapter,
        requests: [
          { url: `${origin}/shop/vn/pdp/x/${server.catalog.ids(4).tiktok}?fault=captcha`, label: 'product' },
        ],
        settings: sandboxCrawlSettings({ maxRequestRetries: 0 }),
        onRecord: () => undefined,
      });
      expect(report.records).toBe(0);
      expect(report.failures).toEqual([
        expect.objectContaining({ kind: 'blocked', reason: 'TikTok wall page ("Security Check")' }),
      ]);
    });
  },
);

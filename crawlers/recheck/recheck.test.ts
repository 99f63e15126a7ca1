import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../records/index.js';
import { runHttpCrawl } from '../run/http-runner.js';
import { isListing } from '../run/process-document.js';
import { sandboxCrawlSettings } from '../run/test-settings.js';
import { SandboxServer } from '../sandbox/server.js';
import { createTikiAdapter } from '../tiki/tiki-adapter.js';
import { dueForRecheck, recheckListings } from './recheck.js';

describe('re-checks of known listings', () => {
  const server = new SandboxServer({ listings: 200, seed: 3 });
  let origin: string;
  beforeAll(async () => {
    origin = await server.listen(0);
  });
  afterAll(() => server.close());

  it('records changed price / title, marks removed listings gone, and never mistakes a failure for a takedown', async () => {
    const adapter = createTikiAdapter({ baseUrl: origin });
    const known: Listing[] = [];
    await runHttpCrawl({
      adapter,
      requests: [10, 11, 12, 13].map((index) => ({
        url: `${origin}/api/v2/products/${server.catalog.ids(index).tiki}`,
        label: 'product',
      })),
      settings: sandboxCrawlSettings(),
      onRecord: (record) => {
        if (isListing(record)) known.push(record);
      },
    });
    expect(known).toHaveLength(4);
    known.sort((a, b) => a.listingId.localeCompare(b.listingId));

    server.override(10, { price: 1000 });
    server.override(11, { title: 'Hàng đã đổi tên' });
    server.override(12, { gone: true });
    // 13 unchanged; and one listing whose re-check is blocked:
    const blocked: Listing = { ...known[3]!, listingId: '270000014', url: 'x' };
    const blockedAdapter = {
      ...adapter,
      recheckRequest: (listing: Pick<Listing, 'listingId' | 'url' | 'sellerId'>) =>
        listing.listingId === '270000014'
          ? { url: `${origin}/api/v2/products/270000014?fault=403`, label: 'product' }
          : adapter.recheckRequest(listing),
    };
    const { results } = await recheckListings([...known, blocked], {
      adapter: blockedAdapter,
      settings: sandboxCrawlSettings({ maxRequestRetries: 0 }),
    });
    const byId = new Map(results.map((result) => [result.listingId, result]));
    expect(byId.get(known[0]!.listingId)).toMatchObject({
      status: 'changed',
      changes: [{ field: 'price', before: known[0]!.price, after: 1000 }],
    });
    expect(byId.get(known[1]!.listingId)).toMatchObject({
      status: 'changed',
      changes: [{ field: 'title', before: known[1]!.title, after: 'Hàng đã đổi tên' }],
    });
    expect(byId.get(known[2]!.listingId)).toMatchObject({ status: 'gone', changes: [] });
    expect(byId.get(known[3]!.listingId)).toMatchObject({ status: 'unchanged', changes: [] });
    expect(byId.get('270000014')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^blocked: HTTP 403/) as unknown,
    });
  });

  it('picks the listings due for a re-check', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const entries = [
      { id: 'a', lastCheckedAt: '2026-11-23T11:00:00Z' },
      { id: 'b', lastCheckedAt: '2026-11-22T11:00:00Z' },
      { id: 'c' },
    ];
    expect(dueForRecheck(entries, now, 6 * 3600_000).map((entry) => entry.id)).toEqual(['b', 'c']);
  });
});

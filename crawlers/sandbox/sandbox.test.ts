import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../records/index.js';
import { PRODUCT_KINDS } from './catalog-data.js';
import { SandboxCatalog } from './generator.js';
import { SandboxServer } from './server.js';

describe('SandboxCatalog', () => {
  it('is deterministic: the same options give the same listings; another seed differs', () => {
    const a = new SandboxCatalog({ listings: 1000, seed: 42 });
    const b = new SandboxCatalog({ listings: 1000, seed: 42 });
    const c = new SandboxCatalog({ listings: 1000, seed: 43 });
    for (const index of [0, 1, 17, 999]) expect(a.listing(index)).toEqual(b.listing(index));
    expect([0, 1, 2, 3].map((index) => c.listing(index)?.title)).not.toEqual(
      [0, 1, 2, 3].map((index) => a.listing(index)?.title),
    );
  });

  it('holds every priority category, banned goods, counterfeit slang and honest ordinary goods', () => {
    const catalog = new SandboxCatalog({ listings: 100 });
    const listings = Array.from({ length: 100 }, (_, index) => catalog.listing(index)!);
    const categories = new Set(listings.map((listing) => listing.category).filter((id) => id !== undefined));
    const priority = CATEGORY_IDS.filter((id) => PRODUCT_KINDS.some((kind) => kind.category === id));
    expect(priority.length).toBeGreaterThanOrEqual(16);
    expect([...categories].sort()).toEqual([...priority].sort());
    expect(listings.some((listing) => /rep 1:1|super fake|like auth|replica/i.test(listing.title))).toBe(
      true,
    );
    expect(listings.some((listing) => /xách tay|nội địa Trung|không tem/i.test(listing.title))).toBe(true);
    expect(listings.some((listing) => listing.category === undefined)).toBe(true);
    expect(listings.some((listing) => listing.category !== undefined && !listing.violating)).toBe(true);
    expect(listings.filter((listing) => listing.violating).length).toBeGreaterThan(10);
    expect(catalog.livestreamCount).toBeGreaterThanOrEqual(3);
  });

  it('scales from 100 to 1,000,000 listings without generating them up front', () => {
    const big = new SandboxCatalog({ listings: 1_000_000 });
    expect(big.listing(999_999)?.index).toBe(999_999);
    expect(big.listing(1_000_000)).toBeUndefined();
    expect(big.livestreamCount).toBe(1000);
    const kinds = big.kindsForQuery('sữa bột');
    expect(big.countOfKinds(kinds)).toBeGreaterThan(50_000);
    expect(big.indexAmongKinds(kinds, 40_000)).toBeDefined();
    expect(() => new SandboxCatalog({ listings: 0 })).toThrow(RangeError);
  });

  it('maps every platform id back to its listing', () => {
    const catalog = new SandboxCatalog({ listings: 500 });
    const ids = catalog.ids(123);
    expect(catalog.indexFromId('tiki', ids.tiki)).toBe(123);
    expect(catalog.indexFromId('lazada', ids.lazada)).toBe(123);
    expect(catalog.indexFromId('shopee', ids.shopee)).toBe(123);
    expect(catalog.indexFromId('tiktok', ids.tiktok)).toBe(123);
    expect(catalog.indexFromId('tiki', 5)).toBeUndefined();
  });
});

describe('SandboxServer', () => {
  const server = new SandboxServer({
    listings: 300,
    faults: { truncateEvery: 7, brokenJsonEvery: 11 },
  });
  let origin: string;
  beforeAll(async () => {
    origin = await server.listen(0);
  });
  afterAll(() => server.close());
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(origin + path, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };

  it('answers in each platform shape', async () => {
    const tiki = JSON.parse((await get('/api/v2/products?q=pod&limit=5')).body) as {
      data: unknown[];
      paging: { last_page: number };
    };
    expect(tiki.data).toHaveLength(5);
    expect(tiki.paging.last_page).toBeGreaterThan(1);
    expect((await get('/api/personalish/v1/blocks/listings?category=1795')).body).toContain('"data"');
    expect((await get('/catalog/?q=vape&ajax=true')).body).toContain('"listItems"');
    expect((await get('/catalog/?q=vape')).body).toContain('window.pageData');
    expect((await get('/search?keyword=pod')).body).toContain('/api/v4/search/search_items');
    expect((await get('/api/v4/search/search_items?keyword=pod')).status).toBe(403);
    expect((await get('/api/v4/search/search_items?keyword=pod', { cookie: 'SPC_EC=1' })).body).toContain(
      '"items"',
    );
    expect((await get(`/shop/vn/pdp/x/${server.catalog.ids(1).tiktok}`)).body).toContain(
      '__MODERN_ROUTER_DATA__',
    );
    expect((await get('/@live_host_0/live')).body).toContain('SIGI_STATE');
    expect((await get('/shop-site/collections/all')).body).toContain('/shop-site/products/');
    expect((await get('/robots.txt')).body).toContain('Disallow: /private/');
  });

  it('misbehaves on purpose: truncated HTML, broken JSON, captcha, soft block, 403, 429, gone', async () => {
    const truncated = await get(`/x-p${server.catalog.ids(7).tiki}.html`);
    expect(truncated.body).not.toContain('</html>');
    const broken = await get(`/api/v2/products/${server.catalog.ids(11).tiki}`);
    expect(() => JSON.parse(broken.body) as unknown).toThrow();
    expect((await get(`/products/x-i${server.catalog.ids(2).lazada}.html?fault=captcha`)).body).toContain(
      'nc_1_wrapper',
    );
    expect(
      JSON.parse((await get('/api/v4/search/search_items?fault=softblock', { cookie: 'SPC_EC=1' })).body),
    ).toMatchObject({ error: 90309999 });
    expect((await get('/api/v2/products/270000001?fault=403')).status).toBe(403);
    server.override(5, { gone: true });
    expect((await get(`/api/v2/products/${server.catalog.ids(5).tiki}`)).status).toBe(404);
  });

  it('a 429 burst answers 429 for the first hits of a URL, then the page; counted by the server', async () => {
    server.resetStats();
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++)
      statuses.push((await get('/api/v2/products?q=son&fault=429')).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    expect(server.stats.byStatus.get(429)).toBe(2);
  });

  it('configured 429 bursts hit a deterministic share of URLs', async () => {
    const bursty = new SandboxServer({ listings: 100, faults: { burst429Every: 1, burst429Length: 1 } });
    const burstyOrigin = await bursty.listen(0);
    try {
      const first = await fetch(`${burstyOrigin}/api/v2/products/270000001`);
      const second = await fetch(`${burstyOrigin}/api/v2/products/270000001`);
      expect([first.status, second.status]).toEqual([429, 200]);
      expect(first.headers.get('retry-after')).toBe('1');
    } finally {
      await bursty.close();
    }
  });

  it('slow responses are counted, not timed', async () => {
    const slow = new SandboxServer({ listings: 100, faults: { slowEvery: 1, slowMillis: 20 } });
    const slowOrigin = await slow.listen(0);
    try {
      await Promise.all(
        [1, 2, 3].map((index) =>
          fetch(`${slowOrigin}/api/v2/products/${slow.catalog.ids(index).tiki}`).then((r) => r.text()),
        ),
      );
      expect(slow.stats.maxInFlight).toBe(3);
      expect(slow.stats.inFlight).toBe(0);
    } finally {
      await slow.close();
    }
  });
});

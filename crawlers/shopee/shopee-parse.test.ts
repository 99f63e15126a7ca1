import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../records/index.js';
import { BlockedError, GoneError } from '../errors.js';
import { createShopeeAdapter } from './shopee-adapter.js';
import { parseShopeeItem, parseShopeeSearch, shopeeListingFromItem } from './shopee-parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}${name.endsWith('.csv') ? '' : '.raw'}`, import.meta.url), 'utf8');
const AT = '2026-11-23T09:00:00.000Z';
const SEARCH_URL = 'https://shopee.vn/api/v4/search/search_items?keyword=x&limit=60&newest=0';

describe('Shopee search_items shapes (platform-shapes §1.3–1.4)', () => {
  const page = parseShopeeSearch(JSON.parse(fixture('shape-search-items-2024.json')), SEARCH_URL, 200, AT);

  it('reads the legacy item_basic: price /100000, lifetime sold, location', () => {
    expect(page.listings[0]).toMatchObject({
      platform: 'shopee',
      listingId: '111',
      sellerId: '222',
      url: 'https://shopee.vn/product/222/111',
      price: 159_000,
      originalPrice: 199_000,
      soldCount: 345,
      rating: 4.8,
      sellerLocation: 'TP. Hồ Chí Minh',
      isOfficialStore: false,
      images: ['https://down-vn.img.susercontent.com/file/vn-11134207-7r98o-abc'],
    });
    expect(page.listings[0]?.brand).toBeUndefined();
  });

  it('reads the 2025 card shape first, falling back to the sold text when the number is 0', () => {
    expect(page.listings[1]).toMatchObject({
      listingId: '333',
      price: 450_000,
      originalPrice: 520_000,
      soldCount: 1_200,
      brand: 'Feihe',
      sellerName: 'Mẹ Bắp Store',
      sellerLocation: 'Hà Nội',
    });
  });

  it('skips an ad slot with an empty item_basic and counts it', () => {
    expect(page.listings).toHaveLength(2);
    expect(page.skipped).toBe(1);
    expect(page.totalCount).toBe(1000);
    expect(page.noMore).toBe(false);
    for (const listing of page.listings) expect(ListingSchema.safeParse(listing).success).toBe(true);
  });

  it('the soft block (HTTP 200, error 90309999) and a 403 are BlockedErrors', () => {
    expect(() =>
      parseShopeeSearch(JSON.parse(fixture('sandbox-soft-block.json')), SEARCH_URL, 200, AT),
    ).toThrow(BlockedError);
    expect(() =>
      parseShopeeSearch({ error: 90309999, redirect_to_error_page: true }, SEARCH_URL, 200, AT),
    ).toThrow(/soft block/);
    expect(() => parseShopeeSearch({ items: [] }, SEARCH_URL, 403, AT)).toThrow(/not logged in/);
    expect(() => parseShopeeSearch({}, 'https://shopee.vn/verify/traffic/error', 200, AT)).toThrow(
      BlockedError,
    );
  });
});

describe('Shopee item API rows saved by a real crawler (shopee-item-api-fields.csv)', () => {
  it('every row converts with price = CSV price / 100,000 and lifetime sold', () => {
    const [header, ...rows] = fixture('real-item-api-fields-200.csv').trim().split('\n');
    const columns = header!.split(',');
    let checked = 0;
    for (const row of rows) {
      // Names contain commas: take the fixed columns from both ends.
      const cells = row.split(',');
      const tail = cells.slice(-(columns.length - 3));
      const item: Record<string, unknown> = {
        itemid: cells[0],
        shopid: cells[1],
        name: cells.slice(2, cells.length - tail.length).join(','),
      };
      columns.slice(3).forEach((column, index) => {
        const value = tail[index]!;
        item[column] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      });
      const listing = shopeeListingFromItem(item, 'https://shopee.vn', AT);
      expect(listing).toBeDefined();
      expect(listing!.price).toBe(Math.round(Number(item['price']) / 100_000));
      expect(listing!.soldCount).toBe(item['historical_sold']);
      expect(listing!.sellerLocation).toBe(item['shop_location']);
      expect(ListingSchema.safeParse(listing).success).toBe(true);
      checked++;
    }
    expect(checked).toBe(200);
  });
});

describe('Shopee PDP and the adapter', () => {
  it('reads pdp/get_pc with shop details', () => {
    const listing = parseShopeeItem(
      JSON.parse(fixture('sandbox-pdp-get-pc.json')),
      'https://shopee.vn/api/v4/pdp/get_pc?item_id=1',
      200,
      AT,
    );
    expect(listing.listingId).toBe('20000000013');
    expect(listing.sellerName).toBeDefined();
    expect(listing.price).toBeGreaterThan(0);
    expect(ListingSchema.safeParse(listing).success).toBe(true);
  });

  it('a removed item is gone', () => {
    expect(() =>
      parseShopeeItem({ error: 4, error_msg: 'item not found', data: null }, 'u', 200, AT),
    ).toThrow(GoneError);
  });

  it('a page that made no API call is a ParseError naming why', () => {
    const adapter = createShopeeAdapter();
    expect(() =>
      adapter.parse({
        url: 'https://shopee.vn/search?keyword=x',
        status: 200,
        contentType: 'text/html',
        body: '<html></html>',
        label: 'search',
        capturedAt: AT,
        captured: [],
      }),
    ).toThrow(/no search_items \/ get_pc call/);
  });

  it('asks for the next search page while the API says there is more', () => {
    const adapter = createShopeeAdapter({ baseUrl: 'https://shopee.vn' });
    const output = adapter.parse({
      url: 'https://shopee.vn/search?keyword=pod&page=0',
      status: 200,
      contentType: 'text/html',
      body: '<html></html>',
      label: 'search',
      userData: { page: 0 },
      capturedAt: AT,
      captured: [
        {
          url: 'https://shopee.vn/api/v4/search/search_items?keyword=pod&newest=0',
          status: 200,
          contentType: 'application/json',
          body: fixture('shape-search-items-2024.json'),
          label: 'captured',
          capturedAt: AT,
        },
      ],
    });
    expect(output.listings).toHaveLength(2);
    expect(output.next).toEqual([
      { url: 'https://shopee.vn/search?keyword=pod&page=1', label: 'search', userData: { page: 1 } },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../records/index.js';
import { ParseError } from '../errors.js';
import { createTikiAdapter } from './tiki-adapter.js';
import { parseTikiListingJson, parseTikiProductJson, parseTikiProductPage } from './tiki-parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}${name.endsWith('.csv') ? '' : '.raw'}`, import.meta.url), 'utf8');
const AT = '2026-11-23T09:00:00.000Z';

describe('Tiki product page (real saved page, Oct 2024)', () => {
  const html = fixture('tiki-product-page.real-2024-10.html');
  const listing = parseTikiProductPage(html, 'file:tiki-product-page.html', AT);

  it('reads id, title, price, seller, brand, category path and images', () => {
    expect(ListingSchema.parse(listing)).toEqual(listing);
    expect(listing).toMatchObject({
      platform: 'tiki',
      listingId: '116566083',
      title:
        'Chuột không dây HXSJ M107 wireless 2.4Ghz  sạc pin, chồng ồn, DIP1600 chuyên dùng cho máy tính, laptop, tivi - Hàng chính hãng',
      price: 129_000,
      originalPrice: 199_000,
      sellerId: '4997',
      sellerName: 'HXSJ Official Store',
      brand: 'HXSJ',
      soldCount: 415,
      rating: 4.6,
    });
    expect(listing.url).toBe(
      'https://tiki.vn/chuot-khong-day-hxsj-m107-wireless-2-4ghz-sac-pin-chong-on-dip1600-chuyen-dung-cho-may-tinh-laptop-tivi-hang-chinh-hang-p116566083.html?spid=116566087',
    );
    expect(listing.categoryPath).toEqual([
      'Thiết Bị Số - Phụ Kiện Số',
      'Phụ kiện máy tính và Laptop',
      'Phụ Kiện Phím Chuột Văn Phòng',
      'Chuột Văn Phòng',
      'Chuột Văn Phòng Không Dây',
    ]);
    expect(listing.images?.length).toBeGreaterThan(0);
    expect(listing.images?.[0]).toMatch(/^https:\/\/salt\.tikicdn\.com\//);
  });

  it('falls back to JSON-LD when __NEXT_DATA__ is gone, keeping id and price', () => {
    const withoutState = html.replace(/<script id="__NEXT_DATA__"[\s\S]*?<\/script>/, '');
    const fallback = parseTikiProductPage(withoutState, 'file:x.html', AT);
    expect(fallback).toMatchObject({ listingId: '116566083', price: 129_000, brand: 'HXSJ' });
    expect(ListingSchema.safeParse(fallback).success).toBe(true);
  });

  it('a truncated page is a ParseError naming why, never a crash', () => {
    for (const fraction of [0.02, 0.1]) {
      const cut = html.slice(0, Math.floor(html.length * fraction));
      expect(() => parseTikiProductPage(cut, 'file:cut.html', AT)).toThrow(ParseError);
    }
    expect(() => parseTikiProductPage('<html><body>Lỗi</body></html>', 'file:x', AT)).toThrow(
      /no <script id="__NEXT_DATA__">/,
    );
  });
});

describe('Tiki listing JSON (platform-shapes §3.2)', () => {
  it('reads plain-VND prices, sold counts, official flag, and asks for the detail of a seller-less item', () => {
    const page = parseTikiListingJson(
      JSON.parse(fixture('shape-listings-2024.json')),
      'https://tiki.vn/api/v2/products?q=x',
      AT,
    );
    expect(page.currentPage).toBe(1);
    expect(page.lastPage).toBe(50);
    expect(page.listings).toHaveLength(1);
    expect(page.listings[0]).toMatchObject({
      listingId: '276614493',
      price: 3_110_000,
      originalPrice: 5_090_000,
      soldCount: 497,
      sellerId: '1',
      isOfficialStore: true,
      brand: 'Samsung',
      url: 'https://tiki.vn/dien-thoai-samsung-galaxy-a15-lte-8gb-128gb-hang-chinh-hang-p276614493.html?spid=276615090',
    });
    expect(page.needDetail).toEqual([
      { id: '190001122', url: 'https://tiki.vn/op-lung-silicon-trong-suot-p190001122.html?spid=190001123' },
    ]);
  });

  it('rejects JSON without data[]', () => {
    expect(() => parseTikiListingJson({ error: 'x' }, 'u', AT)).toThrow(ParseError);
  });
});

describe('Tiki saved sandbox responses', () => {
  const adapter = createTikiAdapter({ baseUrl: 'https://sandbox.example' });

  it('search page → listings valid against the schema, and a next-page request', () => {
    const output = adapter.parse({
      url: 'https://sandbox.example/api/v2/products?q=s%E1%BB%AFa&page=1&limit=5',
      status: 200,
      contentType: 'application/json',
      body: fixture('sandbox-search-sua.json'),
      label: 'search',
      userData: { page: 1 },
      capturedAt: AT,
    });
    expect(output.listings).toHaveLength(5);
    for (const listing of output.listings) expect(ListingSchema.safeParse(listing).success).toBe(true);
    expect(output.next).toEqual([
      {
        url: 'https://sandbox.example/api/v2/products?q=s%E1%BB%AFa&page=2&limit=5',
        label: 'search',
        userData: { page: 2 },
      },
    ]);
  });

  it('product JSON and product page agree', () => {
    const fromJson = parseTikiProductJson(
      JSON.parse(fixture('sandbox-product-270000008.json')),
      'https://sandbox.example/api/v2/products/270000008',
      AT,
    );
    const fromPage = parseTikiProductPage(
      fixture('sandbox-product-page-270000008.html'),
      'https://sandbox.example/x',
      AT,
    );
    expect(fromPage).toEqual(fromJson);
    expect(fromJson.listingId).toBe('270000008');
    expect(fromJson.categoryPath?.length).toBe(2);
  });

  it('sniffs saved files for `ecomwatch parse` (label auto)', () => {
    const base = { url: 'file:x', status: 200, contentType: '', capturedAt: AT, label: 'auto' };
    expect(adapter.parse({ ...base, body: fixture('sandbox-search-sua.json') }).listings).toHaveLength(5);
    expect(adapter.parse({ ...base, body: fixture('sandbox-product-270000008.json') }).listings).toHaveLength(
      1,
    );
    expect(
      adapter.parse({ ...base, body: fixture('tiki-product-page.real-2024-10.html') }).listings,
    ).toHaveLength(1);
    expect(() => adapter.parse({ ...base, body: '{"data": [' })).toThrow(/not valid JSON/);
  });

  it('seeds become API requests', () => {
    expect(
      adapter
        .seedRequests([
          { kind: 'keyword', value: 'thuốc lá điện tử' },
          { kind: 'category', value: 'https://tiki.vn/dien-thoai-smartphone/c1795' },
          { kind: 'shop', value: 'https://tiki.vn/cua-hang/kidos' },
        ])
        .map((request) => request.url),
    ).toEqual([
      'https://sandbox.example/api/v2/products?q=thu%E1%BB%91c+l%C3%A1+%C4%91i%E1%BB%87n+t%E1%BB%AD&sort=top_seller&page=1&limit=40',
      'https://sandbox.example/api/personalish/v1/blocks/listings?category=1795&page=1&limit=40',
      'https://sandbox.example/api/v2/seller/stores/kidos/products?limit=40&page=1',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../records/index.js';
import { BlockedError, ParseError } from '../errors.js';
import { createLazadaAdapter } from './lazada-adapter.js';
import { parseLazadaCatalog, parseLazadaProductPage } from './lazada-parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}${name.endsWith('.csv') ? '' : '.raw'}`, import.meta.url), 'utf8');
const AT = '2026-11-23T09:00:00.000Z';

describe('Lazada catalog JSON (platform-shapes §2.2)', () => {
  const page = parseLazadaCatalog(
    JSON.parse(fixture('shape-catalog-2026.json')),
    'https://www.lazada.vn/catalog/?q=kem&ajax=true',
    AT,
  );

  it('reads string-typed fields, protocol-relative URLs and "Đã bán 1,2K"', () => {
    expect(page.listings[0]).toMatchObject({
      platform: 'lazada',
      listingId: '2614650076',
      url: 'https://www.lazada.vn/products/kem-tron-trang-da-i2614650076-s13122418787.html?search=1',
      price: 159_000,
      originalPrice: 199_000,
      soldCount: 1_200,
      rating: 4.7,
      sellerId: '789',
      sellerName: 'Beauty House',
      sellerLocation: 'Hồ Chí Minh',
    });
    expect(page.listings[0]?.brand).toBeUndefined(); // "No Brand"
  });

  it('falls back to productUrl, reads "62,6k" and LazMall', () => {
    expect(page.listings[1]).toMatchObject({
      url: 'https://www.lazada.vn/products/sua-rua-mat-i3065232748.html',
      soldCount: 62_600,
      isOfficialStore: true,
    });
    expect(page.listings[1]?.rating).toBeUndefined();
    for (const listing of page.listings) expect(ListingSchema.safeParse(listing).success).toBe(true);
    expect(page.totalResults).toBe(4080);
  });

  it('"totalResults": "0" is no results, not a block; Mtop FAIL_SYS_USER_VALIDATE is a block', () => {
    expect(
      parseLazadaCatalog({ mainInfo: { totalResults: '0' }, mods: { listItems: [] } }, 'u', AT).listings,
    ).toEqual([]);
    expect(() => parseLazadaCatalog({ ret: ['FAIL_SYS_USER_VALIDATE::RGV587_ERROR'] }, 'u', AT)).toThrow(
      BlockedError,
    );
  });

  it('follows the next page while results remain', () => {
    const adapter = createLazadaAdapter();
    const output = adapter.parse({
      url: 'https://www.lazada.vn/catalog/?q=kem&ajax=true&page=1',
      status: 200,
      contentType: 'application/json',
      body: fixture('shape-catalog-2026.json'),
      label: 'catalog',
      userData: { page: 1 },
      capturedAt: AT,
    });
    expect(output.next).toEqual([
      {
        url: 'https://www.lazada.vn/catalog/?q=kem&ajax=true&page=2',
        label: 'catalog',
        userData: { page: 2 },
      },
    ]);
  });
});

describe('Lazada product page and punish page', () => {
  it('reads __moduleData__ even with "};" inside its strings', () => {
    const html = fixture('sandbox-product-2000000003.html');
    expect(html).toContain('}; var x = {');
    const listing = parseLazadaProductPage(
      html,
      'https://www.lazada.vn/products/x-i2000000003-s5000000003.html',
      AT,
    );
    expect(listing).toMatchObject({ listingId: '2000000003', sellerId: '30000' });
    expect(listing.price).toBeGreaterThan(0);
    expect(listing.categoryPath?.length).toBe(2);
    expect(ListingSchema.safeParse(listing).success).toBe(true);
  });

  it('the slider-captcha page is a BlockedError, never a listing', () => {
    expect(() =>
      parseLazadaProductPage(
        fixture('sandbox-punish-page.html'),
        'https://www.lazada.vn/products/x-i1.html',
        AT,
      ),
    ).toThrow(BlockedError);
    expect(() =>
      parseLazadaProductPage('<html></html>', 'https://www.lazada.vn/_____tmd_____/punish?x5secdata=abc', AT),
    ).toThrow(BlockedError);
  });

  it('a page with neither __moduleData__ nor JSON-LD is a ParseError naming why', () => {
    expect(() =>
      parseLazadaProductPage('<html><body>x</body></html>', 'https://www.lazada.vn/products/x-i1.html', AT),
    ).toThrow(ParseError);
    expect(() =>
      parseLazadaProductPage(
        '<script>var __moduleData__ = {"data": {"root"',
        'https://www.lazada.vn/products/x-i1.html',
        AT,
      ),
    ).toThrow(/no __moduleData__|not valid JSON|no data.root.fields/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingSchema, LivestreamSchema } from '../../records/index.js';
import { BlockedError, ParseError } from '../errors.js';
import { parseTikTokFeedPage, parseTikTokLivePage, parseTikTokProductPage } from './tiktok-parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}${name.endsWith('.csv') ? '' : '.raw'}`, import.meta.url), 'utf8');
const AT = '2026-11-23T09:00:00.000Z';

describe('TikTok Shop pages (platform-shapes §4.2)', () => {
  it('PDP: product_model inside the product_info component; decimal VND prices', () => {
    const listing = parseTikTokProductPage(
      fixture('sandbox-pdp.html'),
      'https://www.tiktok.com/shop/vn/pdp/x/1729000000000000003',
      AT,
    );
    expect(listing).toMatchObject({ platform: 'tiktok', listingId: '1729000000000000003' });
    expect(listing.price).toBeGreaterThan(0);
    expect(listing.brand).toBeDefined();
    expect(ListingSchema.safeParse(listing).success).toBe(true);
  });

  it("PDP: a flat product_info (another parser's nesting) reads too", () => {
    const data = {
      loaderData: {
        'view/product/(product_id)/page': {
          page_config: {
            components_map: [
              {
                component_type: 'product_info',
                component_data: {
                  product_info: {
                    product_id: '1730000000000000001',
                    seller_id: '7490001',
                    title: 'Pod Elf Bar',
                    skus: [{ price: { sale_price_format: '159.000₫' } }],
                  },
                },
              },
            ],
          },
        },
      },
    };
    const html = `<html><head><title>Pod</title></head><body><script id="__MODERN_ROUTER_DATA__" type="application/json">${JSON.stringify(data)}</script></body></html>`;
    expect(
      parseTikTokProductPage(html, 'https://shop.tiktok.com/vn/pdp/1730000000000000001', AT),
    ).toMatchObject({ price: 159_000, sellerId: '7490001' });
  });

  it('geo-block code 23002102 and the security page are blocks; a page without data is a ParseError', () => {
    const geo = `<script id="__MODERN_ROUTER_DATA__" type="application/json">${JSON.stringify({ loaderData: { r: { page_config: { components_map: [{ component_data: { error_code: 23002102, product_info: {} } }] } } } })}</script>`;
    expect(() => parseTikTokProductPage(geo, 'u', AT)).toThrow(BlockedError);
    expect(() => parseTikTokProductPage(fixture('sandbox-security-check.html'), 'u', AT)).toThrow(
      /Security Check/,
    );
    expect(() =>
      parseTikTokProductPage('<html><head><title>TikTok Shop</title></head></html>', 'u', AT),
    ).toThrow(ParseError);
  });

  it('keyword page: feed_list_search_word cards', () => {
    const listings = parseTikTokFeedPage(
      fixture('sandbox-keyword-son.html'),
      'https://www.tiktok.com/shop/vn/k/son',
      AT,
    );
    expect(listings.length).toBeGreaterThan(0);
    for (const listing of listings) {
      expect(ListingSchema.safeParse(listing).success).toBe(true);
      expect(listing.url).toContain('/shop/vn/pdp/');
    }
  });
});

describe('TikTok LIVE (platform-shapes §4.3)', () => {
  it('room and host from SIGI_STATE, viewers / start / pinned products from room info', () => {
    const stream = parseTikTokLivePage(
      fixture('sandbox-live-page.html'),
      'https://www.tiktok.com/@live_host_1/live',
      AT,
      JSON.parse(fixture('sandbox-room-info.json')),
    );
    expect(LivestreamSchema.safeParse(stream).success).toBe(true);
    expect(stream).toMatchObject({
      platform: 'tiktok',
      streamId: '73000000000000001',
      hostId: 'live_host_1',
    });
    expect(stream.viewerCount).toBeGreaterThanOrEqual(0);
    expect(stream.startedAt).toMatch(/^2025-12-31T2|^2026-01-01T00/);
    expect(stream.products?.length).toBeGreaterThan(0);
  });

  it('without the room-info call, still a livestream from SIGI_STATE alone', () => {
    const stream = parseTikTokLivePage(
      fixture('sandbox-live-page.html'),
      'https://www.tiktok.com/@live_host_1/live',
      AT,
    );
    expect(stream.viewerCount).toBeUndefined();
    expect(stream.title.length).toBeGreaterThan(0);
  });

  it('a LIVE page without SIGI_STATE is a ParseError that says it may be blocked', () => {
    expect(() => parseTikTokLivePage('<html><head><title>x</title></head></html>', 'u', AT)).toThrow(
      /SIGI_STATE/,
    );
  });
});

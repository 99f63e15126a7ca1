import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../records/index.js';
import { createWebAdapter } from './web-adapter.js';
import { parseWebPage } from './web-parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}${name.endsWith('.csv') ? '' : '.raw'}`, import.meta.url), 'utf8');
const AT = '2026-11-23T09:00:00.000Z';

describe('shop websites', () => {
  it('reads schema.org Product JSON-LD', () => {
    const { listing } = parseWebPage(
      fixture('sandbox-jsonld-product.html'),
      'https://sandbox.example/shop-site/products/x-1',
      AT,
    );
    expect(listing).toMatchObject({
      platform: 'web',
      sellerId: 'sandbox.example',
      listingId: expect.stringMatching(/^sandbox\.example\/shop-site\/products\//) as unknown,
    });
    expect(listing?.price).toBeGreaterThan(0);
    expect(ListingSchema.safeParse(listing).success).toBe(true);
  });

  it('falls back to OpenGraph product tags', () => {
    const { listing } = parseWebPage(
      fixture('sandbox-og-only-product.html'),
      'https://sandbox.example/shop-site/products/x-3',
      AT,
    );
    expect(listing?.price).toBeGreaterThan(0);
    expect(listing?.brand).toBeDefined();
  });

  it('falls back to configurable selectors', () => {
    const html =
      '<html><body><div class="ten-sp">Rượu Chivas 18 xách tay</div><b class="gia">1.250.000₫</b></body></html>';
    expect(parseWebPage(html, 'https://ruou.example/sp/1', AT).listing).toBeUndefined();
    const { listing } = parseWebPage(html, 'https://ruou.example/sp/1', AT, {
      title: '.ten-sp',
      price: '.gia',
    });
    expect(listing).toMatchObject({
      title: 'Rượu Chivas 18 xách tay',
      price: 1_250_000,
      sellerId: 'ruou.example',
    });
    expect(
      parseWebPage(
        fixture('sandbox-markup-only-product.html'),
        'https://sandbox.example/shop-site/products/x-5',
        AT,
      ).listing?.price,
    ).toBeGreaterThan(0);
  });

  it('reads AggregateOffer lowPrice and priceSpecification', () => {
    const ld = (offers: unknown): string =>
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Mũ bảo hiểm', offers })}</script>`;
    expect(
      parseWebPage(
        ld({ '@type': 'AggregateOffer', lowPrice: '99000', highPrice: '150000' }),
        'https://a.vn/p',
        AT,
      ).listing?.price,
    ).toBe(99_000);
    expect(
      parseWebPage(ld([{ priceSpecification: { price: 129000 } }]), 'https://a.vn/p', AT).listing?.price,
    ).toBe(129_000);
  });

  it('an index page yields same-site product links and the next page', () => {
    const adapter = createWebAdapter();
    const output = adapter.parse({
      url: 'https://sandbox.example/shop-site/collections/all',
      status: 200,
      contentType: 'text/html',
      body: fixture('sandbox-index.html'),
      label: 'index',
      userData: { page: 1 },
      capturedAt: AT,
    });
    expect(output.next.filter((request) => request.label === 'product')).toHaveLength(24);
    expect(output.next.at(-1)).toEqual({
      url: 'https://sandbox.example/shop-site/collections/all?page=2',
      label: 'index',
      userData: { page: 2 },
    });
  });
});

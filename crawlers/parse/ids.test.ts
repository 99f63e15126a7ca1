import { describe, expect, it } from 'vitest';
import { absoluteUrl, idsFromUrl, platformOfUrl } from './ids.js';

describe('idsFromUrl', () => {
  it('reads Shopee -i.<shop>.<item>, encoded or not, and /product/<shop>/<item>', () => {
    expect(idsFromUrl('https://shopee.vn/Apple-iPhone-13-128GB-i.88201679.10753341705')).toEqual({
      platform: 'shopee',
      shopId: '88201679',
      listingId: '10753341705',
    });
    expect(
      idsFromUrl(
        'https://shopee.vn/%C4%90%E1%BB%93-Ch%C6%A1i-L%E1%BA%AFp-R%C3%A1p-(275-chi-ti%E1%BA%BFt)-i.58805443.26226585723',
      ),
    ).toEqual({ platform: 'shopee', shopId: '58805443', listingId: '26226585723' });
    expect(
      idsFromUrl('https://shopee.vn/Đồng-hồ-nam-Fossil-FS5381-màu-đen-i.318790862.10664696259?sp_atk=x'),
    ).toMatchObject({
      shopId: '318790862',
      listingId: '10664696259',
    });
    expect(idsFromUrl('https://shopee.vn/product/222/111')).toEqual({
      platform: 'shopee',
      shopId: '222',
      listingId: '111',
    });
  });

  it('reads Lazada -i<item>-s<sku>.html and pdp-i<item>.html', () => {
    expect(
      idsFromUrl('https://www.lazada.vn/products/dep-le-i2614650076-s13122418787.html?search=1'),
    ).toEqual({
      platform: 'lazada',
      listingId: '2614650076',
      skuId: '13122418787',
    });
    expect(
      idsFromUrl(
        'https://www.lazada.vn/products/dep-de-xuong-de-day-thoi-trang-mua-he-cho-nu-di-bien-i3065232748.html',
      ),
    ).toEqual({ platform: 'lazada', listingId: '3065232748' });
    expect(idsFromUrl('//www.lazada.vn/products/pdp-i123.html')).toEqual({
      platform: 'lazada',
      listingId: '123',
    });
  });

  it('reads Tiki -p<id>.html?spid=<id> and product-p<id>.html', () => {
    expect(idsFromUrl('https://tiki.vn/dam-jean-nu-thoi-trang-p62684974.html?spid=71168959')).toEqual({
      platform: 'tiki',
      listingId: '62684974',
      skuId: '71168959',
    });
    expect(idsFromUrl('https://tiki.vn/product-p116566083.html')).toEqual({
      platform: 'tiki',
      listingId: '116566083',
    });
  });

  it('reads TikTok /shop/vn/pdp/<slug>/<id>, /pdp/<id>, /product/<id> and ?product_id=', () => {
    expect(idsFromUrl('https://www.tiktok.com/shop/vn/pdp/son-kem-li-bbia/1729384756102938475')).toEqual({
      platform: 'tiktok',
      listingId: '1729384756102938475',
    });
    expect(idsFromUrl('https://shop.tiktok.com/vn/pdp/1729384756102938475')).toEqual({
      platform: 'tiktok',
      listingId: '1729384756102938475',
    });
    expect(idsFromUrl('https://www.tiktok.com/@shop/product/1729384756102938475')).toMatchObject({
      listingId: '1729384756102938475',
    });
    expect(idsFromUrl('https://www.tiktok.com/view/product?product_id=1729384756102938475')).toMatchObject({
      listingId: '1729384756102938475',
    });
  });

  it('uses the given platform on hosts that are not the marketplace (the sandbox)', () => {
    expect(idsFromUrl('http://127.0.0.1:4000/x-p270000001.html?spid=370000001', 'tiki')).toMatchObject({
      listingId: '270000001',
      skuId: '370000001',
    });
    expect(idsFromUrl('http://127.0.0.1:4000/x-p270000001.html')).toBeUndefined();
  });

  it('returns undefined for pages that are not products', () => {
    expect(idsFromUrl('https://shopee.vn/search?keyword=vape')).toBeUndefined();
    expect(idsFromUrl('https://tiki.vn/dien-thoai-smartphone/c1795')).toBeUndefined();
    expect(idsFromUrl('https://www.lazada.vn/catalog/?q=vape')).toBeUndefined();
    expect(idsFromUrl('https://www.tiktok.com/shop/vn')).toBeUndefined();
    expect(idsFromUrl('not a url at all')).toBeUndefined();
  });

  it('every real URL in the shared dev data yields its recorded id', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync('/work/shared/data/real-listings-dev.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean);
    let checked = 0;
    for (const line of lines) {
      const row = JSON.parse(line) as {
        platform: 'shopee' | 'tiki' | 'lazada';
        id: string | number | null;
        url: string | null;
      };
      if (row.url === null || row.id === null) continue;
      const ids = idsFromUrl(row.url, row.platform);
      expect(ids?.listingId, row.url).toBe(String(row.id));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('platformOfUrl / absoluteUrl', () => {
  it('knows the marketplaces by host', () => {
    expect(platformOfUrl('https://shopee.vn/x')).toBe('shopee');
    expect(platformOfUrl('https://www.lazada.vn/x')).toBe('lazada');
    expect(platformOfUrl('https://tiki.vn/x')).toBe('tiki');
    expect(platformOfUrl('https://shop.tiktok.com/vn/pdp/1')).toBe('tiktok');
    expect(platformOfUrl('https://example.vn/')).toBeUndefined();
  });

  it('resolves protocol-relative and path links', () => {
    expect(absoluteUrl('//www.lazada.vn/products/x-i1.html', 'https://www.lazada.vn/catalog/')).toBe(
      'https://www.lazada.vn/products/x-i1.html',
    );
    expect(absoluteUrl('/a-p1.html', 'http://127.0.0.1:9/api/v2/products')).toBe(
      'http://127.0.0.1:9/a-p1.html',
    );
  });
});

/**
 * Regenerates the sandbox fixtures under crawlers/<platform>/fixtures/ (run from the repo root:
 * `npx tsx crawlers/sandbox/save-fixtures.ts`). The sandbox origin is replaced by
 * https://sandbox.example so the saved bytes do not depend on the port. Files end in `.raw` so
 * the formatter never rewrites a saved page.
 */
import { writeFileSync } from 'node:fs';
import { SandboxServer } from './server.js';

const server = new SandboxServer({ listings: 200, seed: 7 });
const origin = await server.listen();
const save = async (path: string, file: string, headers: Record<string, string> = {}): Promise<void> => {
  const response = await fetch(origin + path, { headers });
  let body = await response.text();
  body = body
    .split(origin)
    .join('https://sandbox.example')
    .split(origin.replace('http://', ''))
    .join('sandbox.example');
  writeFileSync(file, body);
  process.stdout.write(`${file} ${response.status} ${body.length}\n`);
};
await save(
  '/api/v2/products?q=s%E1%BB%AFa&page=1&limit=5',
  'crawlers/tiki/fixtures/sandbox-search-sua.json.raw',
);
await save('/api/v2/products/270000008', 'crawlers/tiki/fixtures/sandbox-product-270000008.json.raw');
await save(
  '/sua-bot-p270000008.html?spid=370000008',
  'crawlers/tiki/fixtures/sandbox-product-page-270000008.html.raw',
);
await save('/catalog/?q=vape&ajax=true', 'crawlers/lazada/fixtures/sandbox-catalog-vape.json.raw');
await save(
  '/products/x-i2000000003-s5000000003.html',
  'crawlers/lazada/fixtures/sandbox-product-2000000003.html.raw',
);
await save(
  '/products/x-i2000000003-s5000000003.html?fault=captcha',
  'crawlers/lazada/fixtures/sandbox-punish-page.html.raw',
);
await save(
  '/api/v4/search/search_items?keyword=%C4%91%E1%BB%93ng%20h%E1%BB%93&limit=4&newest=0',
  'crawlers/shopee/fixtures/sandbox-search-items-dong-ho.json.raw',
  { cookie: 'SPC_EC=x' },
);
await save(
  '/api/v4/pdp/get_pc?item_id=20000000013&shop_id=100000000',
  'crawlers/shopee/fixtures/sandbox-pdp-get-pc.json.raw',
  { cookie: 'SPC_EC=x' },
);
await save(
  '/api/v4/search/search_items?keyword=x&fault=softblock',
  'crawlers/shopee/fixtures/sandbox-soft-block.json.raw',
  { cookie: 'SPC_EC=x' },
);
await save('/shop/vn/pdp/x/1729000000000000003', 'crawlers/tiktok/fixtures/sandbox-pdp.html.raw');
await save('/shop/vn/k/son', 'crawlers/tiktok/fixtures/sandbox-keyword-son.html.raw');
await save('/@live_host_1/live', 'crawlers/tiktok/fixtures/sandbox-live-page.html.raw');
await save(
  '/webcast/room/info/?room_id=73000000000000001',
  'crawlers/tiktok/fixtures/sandbox-room-info.json.raw',
);
await save(
  '/shop/vn/pdp/x/1729000000000000003?fault=captcha',
  'crawlers/tiktok/fixtures/sandbox-security-check.html.raw',
);
await save('/shop-site/products/x-1', 'crawlers/web/fixtures/sandbox-jsonld-product.html.raw');
await save('/shop-site/products/x-3', 'crawlers/web/fixtures/sandbox-og-only-product.html.raw');
await save('/shop-site/products/x-5', 'crawlers/web/fixtures/sandbox-markup-only-product.html.raw');
await save('/shop-site/collections/all', 'crawlers/web/fixtures/sandbox-index.html.raw');
await server.close();

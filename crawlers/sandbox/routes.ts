import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxListing } from './generator.js';
import { lazadaCatalogJson, lazadaProductPageHtml, lazadaPunishHtml } from './render-lazada.js';
import { SHOPEE_SOFT_BLOCK, shopeePdpJson, shopeeSearchJson, shopeeShellHtml } from './render-shopee.js';
import { tikiListingPage, tikiProductDetail, tikiProductPageHtml } from './render-tiki.js';
import {
  tiktokFeedHtml,
  tiktokLiveHtml,
  tiktokPdpHtml,
  tiktokRoomInfoJson,
  tiktokSecurityCheckHtml,
} from './render-tiktok.js';
import { webCatalogIndex, webIndexHtml, webProductHtml } from './render-web.js';
import type { SandboxContext } from './server.js';

export interface Answer {
  route: string;
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

type Fault = 'captcha' | 'truncate' | 'brokenjson' | 'slow' | '429' | '403' | 'softblock' | 'gone';

/** Routes one request; faults are applied around the platform's normal answer. */
export async function routeRequest(
  context: SandboxContext,
  url: URL,
  request: IncomingMessage,
): Promise<Answer> {
  const forced = url.searchParams.get('fault') as Fault | null;
  const faults = context.options.faults;
  const key = url.pathname + url.search;

  if (forced === '429' || burst429(context, key)) {
    const hits = context.stats.hitsByUrl.get(key) ?? 0;
    const length = faults.burst429Length ?? 2;
    if (hits <= length)
      return {
        route: '429',
        status: 429,
        contentType: 'text/plain',
        body: 'Too Many Requests',
        headers: { 'retry-after': '1' },
      };
  }
  if (forced === '403')
    return {
      route: '403',
      status: 403,
      contentType: HTML_TYPE,
      body: '<html><body>Access denied</body></html>',
    };

  const answer = platformAnswer(context, url, request, forced);
  const index = answer.listingIndex;
  const hit = (every: number | undefined): boolean =>
    index !== undefined && every !== undefined && every > 0 && index % every === 0;

  if (forced === 'slow' || hit(faults.slowEvery)) await sleep(faults.slowMillis ?? 200);
  if (forced === 'truncate' || (hit(faults.truncateEvery) && answer.contentType === HTML_TYPE)) {
    return { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length * 0.4)) };
  }
  if (forced === 'brokenjson' || (hit(faults.brokenJsonEvery) && answer.contentType === JSON_TYPE)) {
    return { ...answer, body: `${answer.body.slice(0, Math.floor(answer.body.length * 0.6))},"oops` };
  }
  return answer;
}

function burst429(context: SandboxContext, key: string): boolean {
  const every = context.options.faults.burst429Every;
  if (every === undefined || every <= 0 || key === '/robots.txt') return false;
  let hash = 0;
  for (let index = 0; index < key.length; index++) hash = (Math.imul(hash, 31) + key.charCodeAt(index)) >>> 0;
  return hash % every === 0;
}

function platformAnswer(
  context: SandboxContext,
  url: URL,
  request: IncomingMessage,
  forced: Fault | null,
): Answer & { listingIndex?: number } {
  const { catalog } = context;
  const path = url.pathname;
  const origin = `http://${request.headers.host ?? 'localhost'}`;
  const host = request.headers.host ?? 'localhost';
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
  const limit = Math.min(
    100,
    Math.max(
      1,
      Number(url.searchParams.get('limit') ?? context.options.defaultPageSize) ||
        context.options.defaultPageSize,
    ),
  );
  const json = (route: string, body: unknown, status = 200): Answer => ({
    route,
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify(body),
  });
  const html = (route: string, body: string, status = 200): Answer => ({
    route,
    status,
    contentType: HTML_TYPE,
    body,
  });
  const live = (index: number): SandboxListing | undefined =>
    context.isGone(index) ? undefined : context.listing(index);
  const pageOf = (
    kinds: number[],
    pageNumber: number,
    size: number,
  ): { indexes: (number | undefined)[]; total: number } => {
    const total = catalog.countOfKinds(kinds);
    const start = (pageNumber - 1) * size;
    const indexes: (number | undefined)[] = [];
    for (let position = start; position < Math.min(total, start + size); position++) {
      const index = catalog.indexAmongKinds(kinds, position);
      indexes.push(index !== undefined && !context.isGone(index) ? index : undefined);
    }
    return { indexes, total };
  };

  if (path === '/robots.txt') {
    const lines = [
      'User-agent: *',
      ...context.options.robotsDisallow.map((prefix) => `Disallow: ${prefix}`),
      '',
    ];
    return { route: 'robots', status: 200, contentType: 'text/plain', body: lines.join('\n') };
  }
  if (path.startsWith('/private/')) return html('private', '<html><body>Khu vực riêng</body></html>');

  // ---- Tiki ----
  if (path === '/api/v2/products') {
    const kinds = catalog.kindsForQuery(url.searchParams.get('q') ?? '');
    const { indexes, total } = pageOf(kinds, page, limit);
    return json('tiki-search', tikiListingPage(catalog, indexes, total, page, limit));
  }
  if (path === '/api/personalish/v1/blocks/listings') {
    const kind = catalog.kindForTikiCategory(Number(url.searchParams.get('category')));
    const { indexes, total } = pageOf(kind === undefined ? [] : [kind], page, limit);
    return json('tiki-listings', tikiListingPage(catalog, indexes, total, page, limit));
  }
  const store = /^\/(?:api\/)?v2\/seller\/stores\/([^/]+)\/products$/.exec(path);
  if (store) {
    const sellerIndex = Number(/-(\d+)$/.exec(decodeURIComponent(store[1]!))?.[1] ?? -1);
    const seller = catalog.seller(sellerIndex);
    const all =
      seller === undefined
        ? []
        : range(
            sellerIndex * catalog.listingsPerSeller,
            Math.min(catalog.size, (sellerIndex + 1) * catalog.listingsPerSeller),
          );
    const slice = all
      .slice((page - 1) * limit, page * limit)
      .map((index) => (context.isGone(index) ? undefined : index));
    return json('tiki-store', tikiListingPage(catalog, slice, all.length, page, limit));
  }
  const tikiDetail = /^\/api\/v2\/products\/(\d+)$/.exec(path);
  if (tikiDetail) {
    const index = catalog.indexFromId('tiki', tikiDetail[1]!);
    const listing = index === undefined || forced === 'gone' ? undefined : live(index);
    if (listing === undefined)
      return {
        ...json('tiki-product', { error: 'Sản phẩm không tồn tại', status: 404 }, 404),
        ...(index === undefined ? {} : { listingIndex: index }),
      };
    return { ...json('tiki-product', tikiProductDetail(catalog, listing)), listingIndex: listing.index };
  }
  const tikiPage = /-p(\d+)\.html$/.exec(path);
  if (tikiPage) {
    const index = catalog.indexFromId('tiki', tikiPage[1]!);
    const listing = index === undefined ? undefined : live(index);
    if (listing === undefined)
      return html('tiki-page', '<html><body>Không tìm thấy sản phẩm</body></html>', 404);
    return {
      ...html('tiki-page', tikiProductPageHtml(catalog, listing, origin)),
      listingIndex: listing.index,
    };
  }

  // ---- Lazada ----
  if (path === '/catalog/' || path === '/catalog') {
    const query = url.searchParams.get('q') ?? '';
    const { indexes, total } = pageOf(catalog.kindsForQuery(query), page, 40);
    const body = lazadaCatalogJson(catalog, indexes, total, page, 40, query, host);
    if (url.searchParams.get('ajax') === 'true') return json('lazada-catalog', body);
    return html(
      'lazada-catalog-html',
      `<html><body><script>window.pageData = ${JSON.stringify(body)};</script></body></html>`,
    );
  }
  const lazada = /^\/products\/.*-i(\d+)(?:-s(\d+))?\.html$/.exec(path);
  if (lazada) {
    const index = catalog.indexFromId('lazada', lazada[1]!);
    const faults = context.options.faults;
    if (
      forced === 'captcha' ||
      (index !== undefined &&
        faults.captchaEvery !== undefined &&
        faults.captchaEvery > 0 &&
        index % faults.captchaEvery === 0)
    ) {
      return html('lazada-punish', lazadaPunishHtml());
    }
    const listing = index === undefined ? undefined : live(index);
    if (listing === undefined)
      return html('lazada-page', '<html><body>Sản phẩm không tồn tại</body></html>', 404);
    return {
      ...html('lazada-page', lazadaProductPageHtml(catalog, listing, host)),
      listingIndex: listing.index,
    };
  }
  if (path.startsWith('/_____tmd_____/punish')) return html('lazada-punish', lazadaPunishHtml());

  // ---- Shopee ----
  if (path === '/search')
    return html(
      'shopee-search-shell',
      shopeeShellHtml('search', `${url.searchParams.get('keyword') ?? ''} | Shopee Việt Nam`),
    );
  if (/-i\.\d+\.\d+$/.test(path) || /^\/product\/\d+\/\d+$/.test(path))
    return html('shopee-item-shell', shopeeShellHtml('item', 'Shopee Việt Nam'));
  if (path.startsWith('/api/v4/')) {
    if (context.options.requireShopeeLogin && !/(?:^|;\s*)SPC_EC=/.test(request.headers.cookie ?? '')) {
      return json('shopee-403', { error: 403, error_msg: 'not logged in' }, 403);
    }
    if (forced === 'softblock' || (request.headers.referer ?? '').includes('fault=softblock'))
      return json('shopee-softblock', SHOPEE_SOFT_BLOCK);
    if (path === '/api/v4/search/search_items') {
      const size = Math.min(60, Number(url.searchParams.get('limit') ?? 60) || 60);
      const offset = Math.max(0, Number(url.searchParams.get('newest') ?? 0) || 0);
      const kinds = catalog.kindsForQuery(url.searchParams.get('keyword') ?? '');
      const total = catalog.countOfKinds(kinds);
      const indexes = range(offset, Math.min(total, offset + size)).map((position) => {
        const index = catalog.indexAmongKinds(kinds, position);
        return index === undefined || context.isGone(index) ? undefined : index;
      });
      return json('shopee-search', shopeeSearchJson(catalog, indexes, total, offset));
    }
    if (path === '/api/v4/pdp/get_pc') {
      const index = catalog.indexFromId('shopee', url.searchParams.get('item_id') ?? '');
      const listing = index === undefined ? undefined : live(index);
      if (listing === undefined)
        return json('shopee-pdp', { error: 4, error_msg: 'item not found', data: null });
      return { ...json('shopee-pdp', shopeePdpJson(catalog, listing)), listingIndex: listing.index };
    }
  }

  // ---- TikTok Shop and LIVE ----
  if (forced === 'captcha' && (path.startsWith('/shop/vn/') || path.startsWith('/@')))
    return html('tiktok-security', tiktokSecurityCheckHtml());
  const pdp = /^\/shop\/vn\/pdp\/(?:[^/]+\/)?(\d+)$/.exec(path);
  if (pdp) {
    const index = catalog.indexFromId('tiktok', pdp[1]!);
    const listing = index === undefined ? undefined : live(index);
    if (listing === undefined)
      return html('tiktok-pdp', '<html><head><title>Không tìm thấy trang</title></head></html>', 404);
    return { ...html('tiktok-pdp', tiktokPdpHtml(catalog, listing)), listingIndex: listing.index };
  }
  const keywordPage = /^\/shop\/vn\/k\/([^/]+)$/.exec(path);
  if (keywordPage) {
    const query = decodeURIComponent(keywordPage[1]!).replace(/-/g, ' ');
    const { indexes } = pageOf(catalog.kindsForQuery(query), page, 30);
    const listings = indexes
      .map((index) => (index === undefined ? undefined : live(index)))
      .filter((l): l is SandboxListing => l !== undefined);
    return html('tiktok-keyword', tiktokFeedHtml(catalog, listings, query, origin));
  }
  const storePage = /^\/shop\/vn\/store\/([^/]+)$/.exec(path);
  if (storePage) {
    const sellerIndex = Number(/-(\d+)$/.exec(storePage[1]!)?.[1] ?? -1);
    const indexes =
      catalog.seller(sellerIndex) === undefined
        ? []
        : range(
            sellerIndex * catalog.listingsPerSeller,
            Math.min(catalog.size, (sellerIndex + 1) * catalog.listingsPerSeller),
          );
    const listings = indexes.map(live).filter((l): l is SandboxListing => l !== undefined);
    return html('tiktok-store', tiktokFeedHtml(catalog, listings, 'Cửa hàng', origin));
  }
  const livePage = /^\/@([^/]+)\/live$/.exec(path);
  if (livePage) {
    const index = Number(/_(\d+)$/.exec(livePage[1]!)?.[1] ?? -1);
    const stream = catalog.livestream(index);
    if (stream === undefined)
      return html('tiktok-live', '<html><head><title>Không tìm thấy trang</title></head></html>', 404);
    return html('tiktok-live', tiktokLiveHtml(stream));
  }
  if (path === '/webcast/room/info/') {
    const roomId = url.searchParams.get('room_id') ?? '';
    const stream = catalog.livestream(Number(roomId.slice(1)) - 3_000_000_000_000_000);
    if (stream === undefined)
      return json('tiktok-room', { status_code: 4003110, data: { message: 'room not found' } });
    return json('tiktok-room', tiktokRoomInfoJson(catalog, stream, origin));
  }

  // ---- Shop website ----
  if (path === '/shop-site/' || path === '/shop-site' || path === '/shop-site/collections/all') {
    const { listings, hasNext } = webCatalogIndex(catalog, page, 24);
    return html(
      'web-index',
      webIndexHtml(
        listings.filter((listing) => !context.isGone(listing.index)),
        page,
        hasNext,
      ),
    );
  }
  const webProduct = /^\/shop-site\/products\/.*-(\d+)$/.exec(path);
  if (webProduct) {
    const index = Number(webProduct[1]);
    const listing = live(index);
    if (listing === undefined) return html('web-product', '<html><body>404</body></html>', 404);
    return { ...html('web-product', webProductHtml(listing, origin)), listingIndex: index };
  }

  return html('not-found', '<html><body>Not found</body></html>', 404);
}

function range(start: number, end: number): number[] {
  const values: number[] = [];
  for (let value = start; value < end; value++) values.push(value);
  return values;
}

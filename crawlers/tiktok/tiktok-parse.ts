import type { Listing, Livestream, PinnedProduct } from '../../records/index.js';
import { BlockedError, GoneError, ParseError } from '../errors.js';
import { loadHtml, scriptJsonById } from '../parse/html.js';
import { absoluteUrl, idsFromUrl } from '../parse/ids.js';
import { asArray, asNumber, asObject, asString, at, compact, type JsonObject } from '../parse/json-read.js';
import { parseVndPrice } from '../parse/price.js';

const WALL_TITLES = [/security check/i, /\bverify\b/i, /captcha/i, /xác minh/i];
const WALL_BODY = ['captcha/index.js', 'oec-ttweb-captcha', 'bric-captcha', 'middle_page_loading'];
const GEO_TEXT = [/not available in this country or region/i, /not for sale in the region/i];
const GEO_BLOCK_CODE = 23002102;

/** TikTok's security wall, captcha or geo-block (§4.2): BlockedError, so the session is retired. */
export function assertTikTokNotBlocked(html: string, url: string): void {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  if (WALL_TITLES.some((pattern) => pattern.test(title)))
    throw new BlockedError(`TikTok wall page ("${title.trim()}")`, url);
  const marker = WALL_BODY.find((candidate) => html.includes(candidate));
  if (marker !== undefined) throw new BlockedError(`TikTok captcha marker ${marker}`, url);
  if (GEO_TEXT.some((pattern) => pattern.test(html)))
    throw new BlockedError('TikTok Shop: not available in this region', url);
}

/** Every component of every route in __MODERN_ROUTER_DATA__. */
function components(routerData: unknown): JsonObject[] {
  const result: JsonObject[] = [];
  for (const route of Object.values(asObject(at(routerData, 'loaderData')) ?? {})) {
    for (const component of asArray(at(route, 'page_config', 'components_map'))) {
      const object = asObject(component);
      if (object !== undefined) result.push(object);
    }
  }
  return result;
}

function routerData(html: string, url: string): unknown {
  assertTikTokNotBlocked(html, url);
  const parsed = scriptJsonById(loadHtml(html), '__MODERN_ROUTER_DATA__');
  if (!parsed.ok) {
    if (/Không tìm thấy trang/.test(html)) throw new GoneError('TikTok Shop: page not found', url);
    throw new ParseError(`TikTok Shop page without data: ${parsed.reason}`, url);
  }
  return parsed.value;
}

/**
 * A PDP: the component whose component_data carries product_info; product_model inside it, or
 * a flat product_info (sources disagree on the nesting, §4.2). Prices are decimal VND strings.
 */
export function parseTikTokProductPage(html: string, url: string, capturedAt: string): Listing {
  const data = routerData(html, url);
  const component = components(data).find(
    (candidate) => asObject(at(candidate, 'component_data', 'product_info')) !== undefined,
  );
  if (component === undefined) throw new ParseError('TikTok PDP has no component with product_info', url);
  const componentData = asObject(component['component_data'])!;
  const errorCode =
    asNumber(componentData['error_code']) ?? asNumber(at(componentData, 'product_info', 'error_code'));
  if (errorCode === GEO_BLOCK_CODE)
    throw new BlockedError('TikTok Shop: product not available in this region (23002102)', url);
  if (errorCode !== undefined && errorCode !== 0)
    throw new GoneError(`TikTok Shop product error_code ${errorCode}`, url);
  const info = asObject(componentData['product_info'])!;
  const model = asObject(info['product_model']) ?? info;
  const productId = asString(model['product_id']) ?? idsFromUrl(url, 'tiktok')?.listingId;
  if (productId === undefined) throw new ParseError('TikTok PDP has no product_id', url);
  const shop = asObject(componentData['shop_info']);
  const sellerId =
    asString(model['seller_id']) ?? asString(shop?.['seller_id']) ?? asString(shop?.['shop_name']);
  if (sellerId === undefined) throw new ParseError(`TikTok product ${productId} has no seller`, url);
  const minPrice = asObject(at(info, 'promotion_model', 'promotion_product_price', 'min_price'));
  const skuPrice = asObject(at(model, 'skus', 0, 'price'));
  const price =
    parseVndPrice(asString(minPrice?.['sale_price_decimal'])) ??
    parseVndPrice(asString(skuPrice?.['sale_price_decimal'])) ??
    parseVndPrice(asString(skuPrice?.['sale_price_format'])) ??
    parseVndPrice(asString(at(model, 'price', 'sale_price_format')));
  const original =
    parseVndPrice(asString(minPrice?.['origin_price_decimal'])) ??
    parseVndPrice(asString(skuPrice?.['origin_price_format']));
  const brand = asArray(model['product_properties'])
    .filter((property) => /thương hiệu|brand/i.test(asString(at(property, 'property_name')) ?? ''))
    .map((property) => asString(at(property, 'property_values', 0, 'property_value_name')))[0];
  return compact<Listing>({
    kind: 'listing',
    platform: 'tiktok',
    listingId: productId,
    url,
    title: asString(model['title']) ?? '',
    description: descriptionText(asString(model['description'])),
    price,
    originalPrice: original !== undefined && price !== undefined && original > price ? original : undefined,
    brand,
    sellerId,
    sellerName: asString(shop?.['shop_name']),
    sellerLocation: asString(shop?.['shop_location']),
    soldCount: asNumber(model['sold_count']),
    rating: rating(
      asNumber(at(componentData, 'review_info', 'review_ratings', 'overall_score')) ??
        asNumber(shop?.['shop_rating']),
    ),
    images: imageUrls(model['images']),
    capturedAt,
  });
}

/** Keyword, category or store pages: product cards in `feed_list_search_word` (§4.2). */
export function parseTikTokFeedPage(html: string, url: string, capturedAt: string): Listing[] {
  const data = routerData(html, url);
  const listings: Listing[] = [];
  for (const component of components(data)) {
    for (const raw of asArray(at(component, 'component_data', 'products'))) {
      const card = asObject(raw);
      const productId = asString(card?.['product_id']);
      const sellerId = asString(at(card, 'seller_info', 'seller_id'));
      if (card === undefined || productId === undefined || sellerId === undefined) continue;
      const priceInfo = asObject(card['product_price_info']);
      const price = parseVndPrice(asString(priceInfo?.['sale_price_decimal']));
      const original = parseVndPrice(asString(priceInfo?.['origin_price_decimal']));
      const link = asString(at(card, 'seo_url', 'canonical_url')) ?? asString(at(card, 'seo_url', 'pdp_url'));
      listings.push(
        compact<Listing>({
          kind: 'listing',
          platform: 'tiktok',
          listingId: productId,
          url: link === undefined ? absoluteUrl(`/shop/vn/pdp/${productId}`, url) : absoluteUrl(link, url),
          title: asString(card['title']) ?? '',
          price,
          originalPrice:
            original !== undefined && price !== undefined && original > price ? original : undefined,
          brand: asString(at(card, 'brand_info', 'brand_name')),
          sellerId,
          sellerName: asString(at(card, 'seller_info', 'shop_name')),
          soldCount: asNumber(at(card, 'sold_info', 'sold_count')),
          rating: rating(asNumber(at(card, 'rate_info', 'score'))),
          images: imageUrls([card['image']]),
          capturedAt,
        }),
      );
    }
  }
  return listings;
}

/**
 * A LIVE page: room and host from SIGI_STATE; viewer count, start time and pinned products from
 * the room-info response the page loads (`roomInfo`, when captured). Status 4 = ended.
 */
export function parseTikTokLivePage(
  html: string,
  url: string,
  capturedAt: string,
  roomInfo?: unknown,
): Livestream {
  assertTikTokNotBlocked(html, url);
  const sigi = scriptJsonById(loadHtml(html), 'SIGI_STATE');
  if (!sigi.ok)
    throw new ParseError(`LIVE page without SIGI_STATE (blocked or changed?): ${sigi.reason}`, url);
  const userInfo = asObject(at(sigi.value, 'LiveRoom', 'liveRoomUserInfo'));
  const user = asObject(userInfo?.['user']);
  const room = asObject(userInfo?.['liveRoom']);
  const info = asObject(at(roomInfo, 'data'));
  const streamId = asString(room?.['roomId']) ?? asString(user?.['roomId']) ?? asString(info?.['id_str']);
  const hostId = asString(user?.['uniqueId']) ?? asString(at(info, 'owner', 'display_id'));
  if (streamId === undefined || hostId === undefined)
    throw new ParseError('LIVE page SIGI_STATE lacks roomId or host', url);
  const startSecs = asNumber(info?.['create_time']) ?? asNumber(room?.['startTime']);
  const status = asNumber(info?.['status']) ?? asNumber(room?.['status']);
  const pinned: PinnedProduct[] = asArray(info?.['pinned_products']).flatMap((raw) => {
    const product = asObject(raw);
    const title = asString(product?.['title']);
    if (product === undefined || title === undefined) return [];
    return [
      compact<PinnedProduct>({
        listingId: asString(product['product_id']),
        url: asString(product['url']),
        title,
        price: parseVndPrice(asString(product['price'])),
      }),
    ];
  });
  return compact<Livestream>({
    kind: 'livestream',
    platform: 'tiktok',
    streamId,
    url,
    title: asString(info?.['title']) ?? asString(room?.['title']) ?? '',
    hostId,
    hostName: asString(user?.['nickname']) ?? asString(at(info, 'owner', 'nickname')),
    startedAt: startSecs === undefined ? undefined : new Date(startSecs * 1000).toISOString(),
    viewerCount: asNumber(info?.['user_count']) ?? asNumber(at(room, 'liveRoomStats', 'userCount')),
    products: pinned.length > 0 ? pinned : undefined,
    capturedAt,
    ...(status === undefined
      ? {}
      : { liveStatus: status === 2 ? 'live' : status === 4 ? 'ended' : String(status) }),
  });
}

function imageUrls(list: unknown): string[] | undefined {
  const urls = asArray(list)
    .map((image) => asString(at(image, 'url_list', 0)))
    .filter((url): url is string => url !== undefined);
  return urls.length > 0 ? urls : undefined;
}

function descriptionText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const blocks = JSON.parse(raw) as unknown;
    const text = asArray(blocks)
      .map((block) => asString(at(block, 'text')))
      .filter((part): part is string => part !== undefined)
      .join('\n');
    return text === '' ? undefined : text;
  } catch {
    return raw;
  }
}

function rating(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 && value <= 5 ? value : undefined;
}

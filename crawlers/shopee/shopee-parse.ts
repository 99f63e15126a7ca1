import type { Listing } from '../../records/index.js';
import { BlockedError, GoneError, ParseError } from '../errors.js';
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  at,
  compact,
  type JsonObject,
} from '../parse/json-read.js';
import { fromShopeePrice } from '../parse/price.js';
import { parseSoldCount } from '../parse/sold.js';

export const SHOPEE_IMAGE_CDN = 'https://down-vn.img.susercontent.com/file/';
const SOFT_BLOCK_ERROR = 90309999;

/** Shopee's soft block (HTTP 200, error 90309999), a 403, or an error page URL (§1.7). */
export function assertShopeeNotBlocked(json: unknown, status: number, url: string): void {
  if (url.includes('verify/traffic') || url.includes('/verify/captcha'))
    throw new BlockedError('Shopee anti-bot verification page', url);
  if (status === 403 || status === 401)
    throw new BlockedError(`Shopee API ${status}: not logged in or session expired`, url);
  const root = asObject(json);
  if (root !== undefined && asNumber(root['error']) === SOFT_BLOCK_ERROR) {
    throw new BlockedError(
      `Shopee soft block (error ${SOFT_BLOCK_ERROR}, tracking_id ${asString(root['tracking_id']) ?? '-'})`,
      url,
    );
  }
}

/**
 * One search_items entry → a Listing. The 2025+ card shape (item_card_displayed_asset + item_data)
 * is read first, the legacy item_basic second; prices are VND × 100,000. Ads with an empty
 * item_basic and no card return undefined.
 */
export function shopeeListingFromSearchItem(
  entry: unknown,
  origin: string,
  capturedAt: string,
): Listing | undefined {
  const item = asObject(entry);
  if (item === undefined) return undefined;
  const card = asObject(item['item_card_displayed_asset']);
  const data = asObject(item['item_data']);
  if (card !== undefined || data !== undefined) return fromCard(item, card, data, origin, capturedAt);
  const basic = asObject(item['item_basic']);
  return basic === undefined ? undefined : shopeeListingFromItem(basic, origin, capturedAt);
}

/** The legacy item_basic / item/get fields (also the CSV columns of a saved item-API crawl). */
export function shopeeListingFromItem(
  item: JsonObject,
  origin: string,
  capturedAt: string,
): Listing | undefined {
  const itemId = asString(item['itemid']) ?? asString(item['item_id']);
  const shopId = asString(item['shopid']) ?? asString(item['shop_id']);
  if (itemId === undefined || shopId === undefined) return undefined;
  const price = fromShopeePrice(asNumber(item['price'])) ?? fromShopeePrice(asNumber(item['price_min']));
  const before = fromShopeePrice(asNumber(item['price_before_discount']));
  const brand = asString(item['brand']);
  return compact<Listing>({
    kind: 'listing',
    platform: 'shopee',
    listingId: itemId,
    url: `${origin}/product/${shopId}/${itemId}`,
    title: asString(item['name']) ?? asString(item['title']) ?? '',
    description: asString(item['description']),
    price,
    originalPrice: before !== undefined && price !== undefined && before > price ? before : undefined,
    brand: brand === '0' ? undefined : brand,
    categoryPath: names(item['categories']),
    sellerId: shopId,
    sellerLocation: asString(item['shop_location']),
    isOfficialStore: asBoolean(item['is_official_shop']),
    soldCount: asNumber(item['historical_sold']) ?? asNumber(item['sold']),
    rating: rating(asNumber(at(item, 'item_rating', 'rating_star')) ?? asNumber(item['rating_star'])),
    images: images(item['images'], item['image']),
    capturedAt,
  });
}

function fromCard(
  item: JsonObject,
  card: JsonObject | undefined,
  data: JsonObject | undefined,
  origin: string,
  capturedAt: string,
): Listing | undefined {
  const itemId = asString(item['itemid']) ?? asString(data?.['itemid']);
  const shopId = asString(item['shopid']) ?? asString(data?.['shopid']);
  if (itemId === undefined || shopId === undefined) return undefined;
  const displayPrice = asObject(data?.['item_card_display_price']) ?? asObject(card?.['display_price']);
  const price = fromShopeePrice(asNumber(displayPrice?.['price']));
  const strike = fromShopeePrice(asNumber(displayPrice?.['strikethrough_price']));
  const sold = asObject(data?.['item_card_display_sold_count']);
  return compact<Listing>({
    kind: 'listing',
    platform: 'shopee',
    listingId: itemId,
    url: `${origin}/product/${shopId}/${itemId}`,
    title: asString(card?.['name']) ?? asString(data?.['name']) ?? '',
    price,
    originalPrice: strike !== undefined && price !== undefined && strike > price ? strike : undefined,
    brand: asString(at(data, 'global_brand', 'display_name')),
    sellerId: shopId,
    sellerName: asString(at(data, 'shop_data', 'shop_name')),
    sellerLocation: asString(card?.['shop_location']) ?? asString(at(data, 'shop_data', 'shop_location')),
    isOfficialStore: asBoolean(data?.['is_official_shop']),
    soldCount:
      asNumber(sold?.['historical_sold_count']) ||
      parseSoldCount(asString(sold?.['historical_sold_count_text'])) ||
      parseSoldCount(asString(at(card, 'sold_count', 'text'))),
    rating: rating(
      asNumber(at(data, 'item_rating', 'rating_star')) ?? asNumber(at(card, 'rating', 'rating_text')),
    ),
    images: images(card?.['images'], card?.['image']),
    capturedAt,
  });
}

export interface ShopeeSearchPage {
  listings: Listing[];
  totalCount: number;
  noMore: boolean;
  /** Ad slots and empty cards that carried no listing. */
  skipped: number;
}

export function parseShopeeSearch(
  json: unknown,
  url: string,
  status: number,
  capturedAt: string,
): ShopeeSearchPage {
  assertShopeeNotBlocked(json, status, url);
  const root = asObject(json);
  if (root === undefined || !Array.isArray(root['items'])) {
    if (root !== undefined && asNumber(root['total_count']) === 0)
      return { listings: [], totalCount: 0, noMore: true, skipped: 0 };
    throw new ParseError('Shopee search_items JSON has no items[]', url);
  }
  const origin = originOf(url);
  const listings: Listing[] = [];
  let skipped = 0;
  for (const entry of root['items']) {
    const listing = shopeeListingFromSearchItem(entry, origin, capturedAt);
    if (listing === undefined) skipped++;
    else listings.push(listing);
  }
  return {
    listings,
    totalCount: asNumber(root['total_count']) ?? listings.length,
    noMore: root['nomore'] === true,
    skipped,
  };
}

/** `pdp/get_pc` (data.item + product_review + shop_detailed) or legacy `item/get` (data.*). */
export function parseShopeeItem(json: unknown, url: string, status: number, capturedAt: string): Listing {
  assertShopeeNotBlocked(json, status, url);
  const root = asObject(json);
  const data = asObject(root?.['data']);
  if (data === undefined) {
    const message = asString(root?.['error_msg']) ?? 'no data';
    throw new GoneError(`Shopee item not available: ${message}`, url);
  }
  const origin = originOf(url);
  const pdpItem = asObject(data['item']);
  if (pdpItem === undefined) {
    const legacy = shopeeListingFromItem(data, origin, capturedAt);
    if (legacy === undefined)
      throw new ParseError('Shopee item JSON has neither data.item nor data.itemid', url);
    return legacy;
  }
  const shop = asObject(data['shop_detailed']);
  const base = shopeeListingFromItem(pdpItem, origin, capturedAt);
  if (base === undefined) throw new ParseError('Shopee get_pc item lacks item_id / shop_id', url);
  return compact<Listing>({
    ...base,
    sellerName: asString(shop?.['name']) ?? base.sellerName,
    sellerLocation: asString(shop?.['shop_location']) ?? base.sellerLocation,
    isOfficialStore: asBoolean(shop?.['is_official_shop']) ?? base.isOfficialStore,
    soldCount: asNumber(at(data, 'product_review', 'historical_sold')) ?? base.soldCount,
    rating: rating(asNumber(at(data, 'product_review', 'rating_star'))) ?? base.rating,
  });
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? 'https://shopee.vn' : parsed.origin;
  } catch {
    return 'https://shopee.vn';
  }
}

function names(value: unknown): string[] | undefined {
  const list = asArray(value)
    .map((entry) => asString(at(entry, 'display_name')))
    .filter((name): name is string => name !== undefined);
  return list.length > 0 ? list : undefined;
}

function images(list: unknown, single: unknown): string[] | undefined {
  const hashes = [...asArray(list), single]
    .map(asString)
    .filter((hash): hash is string => hash !== undefined);
  const urls = [...new Set(hashes)].map((hash) =>
    /^https?:\/\//.test(hash) ? hash : `${SHOPEE_IMAGE_CDN}${hash}`,
  );
  return urls.length > 0 ? urls : undefined;
}

function rating(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 && value <= 5 ? value : undefined;
}

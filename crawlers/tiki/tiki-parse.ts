import type { Listing } from '../../records/index.js';
import { GoneError, ParseError } from '../errors.js';
import {
  jsonLdNodes,
  hasType,
  loadHtml,
  metaContent,
  metaTags,
  scriptJsonById,
  scriptTextById,
} from '../parse/html.js';
import { readSchemaOrgProduct } from '../parse/schema-org.js';
import { idsFromUrl, absoluteUrl } from '../parse/ids.js';
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  at,
  compact,
  parseJson,
  type JsonObject,
} from '../parse/json-read.js';
import { parseVndPrice } from '../parse/price.js';
import { parseSoldCount } from '../parse/sold.js';

/** One page of `api/v2/products` or `api/personalish/v1/blocks/listings`. */
export interface TikiListingPage {
  listings: Listing[];
  /** Items the page listed without a seller id: their detail must be fetched. */
  needDetail: { id: string; url: string }[];
  currentPage: number;
  lastPage: number;
}

/** Reads a Tiki listing/search response (`data[]`, `paging`). Prices are plain VND. */
export function parseTikiListingJson(json: unknown, sourceUrl: string, capturedAt: string): TikiListingPage {
  const root = asObject(json);
  if (root === undefined || !Array.isArray(root['data'])) {
    throw new ParseError('Tiki listing JSON has no data[] array', sourceUrl);
  }
  const listings: Listing[] = [];
  const needDetail: { id: string; url: string }[] = [];
  for (const raw of root['data']) {
    const item = asObject(raw);
    if (item === undefined) continue;
    const id = asString(item['id']);
    if (id === undefined) continue;
    const url = productUrl(item, id, sourceUrl);
    const amplitude = asObject(at(item, 'visible_impression_info', 'amplitude'));
    const sellerId =
      asString(item['seller_id']) ?? asString(at(item, 'seller', 'id')) ?? asString(amplitude?.['seller_id']);
    if (sellerId === undefined || sellerId === '0') {
      needDetail.push({ id, url });
      continue;
    }
    const official = asBoolean(at(item, 'impression_info', 0, 'metadata', 'is_official_store'));
    const categoryNames = [
      amplitude?.['category_l1_name'],
      amplitude?.['category_l2_name'],
      amplitude?.['primary_category_name'],
    ]
      .map(asString)
      .filter((name): name is string => name !== undefined);
    listings.push(
      compact<Listing>({
        kind: 'listing',
        platform: 'tiki',
        listingId: id,
        url,
        title: asString(item['name']) ?? '',
        price: parseVndPrice(asNumber(item['price'])),
        originalPrice: positive(asNumber(item['original_price']) ?? asNumber(item['list_price'])),
        brand: asString(item['brand_name']) ?? asString(amplitude?.['brand_name']),
        categoryPath: categoryNames.length > 0 ? [...new Set(categoryNames)] : undefined,
        sellerId,
        sellerName: asString(at(item, 'seller', 'name')) ?? asString(item['seller_name']),
        shipsFrom: asString(amplitude?.['origin']),
        isOfficialStore: official,
        soldCount: soldOf(item),
        rating: rating(asNumber(item['rating_average'])),
        images: imageList([item['thumbnail_url']]),
        capturedAt,
      }),
    );
  }
  const paging = asObject(root['paging']);
  const currentPage = asNumber(paging?.['current_page']) ?? 1;
  const lastPage = asNumber(paging?.['last_page']) ?? currentPage;
  return { listings, needDetail, currentPage, lastPage };
}

/** Reads `api/v2/products/{id}` (also the `productData.response.data` of a product page). */
export function parseTikiProductJson(json: unknown, sourceUrl: string, capturedAt: string): Listing {
  const item = asObject(json);
  if (item === undefined) throw new ParseError('Tiki product JSON is not an object', sourceUrl);
  if (asString(item['error']) !== undefined || asNumber(item['status']) === 404) {
    throw new GoneError(`Tiki product not found: ${asString(item['error']) ?? '404'}`, sourceUrl);
  }
  const id = asString(item['id']);
  const title = asString(item['name']);
  if (id === undefined || title === undefined)
    throw new ParseError('Tiki product JSON lacks id or name', sourceUrl);
  const seller = asObject(item['current_seller']) ?? asObject(item['seller']);
  const sellerId = asString(seller?.['id']);
  if (sellerId === undefined) throw new ParseError(`Tiki product ${id} has no current_seller.id`, sourceUrl);
  const images = asArray(item['images'])
    .map((image) => asString(at(image, 'large_url')) ?? asString(at(image, 'base_url')))
    .filter((url): url is string => url !== undefined);
  return compact<Listing>({
    kind: 'listing',
    platform: 'tiki',
    listingId: id,
    url: productUrl(item, id, sourceUrl),
    title,
    description: asString(item['short_description']) ?? stripHtml(asString(item['description'])),
    price: parseVndPrice(asNumber(item['price'])),
    originalPrice: positive(asNumber(item['original_price']) ?? asNumber(item['list_price'])),
    brand: asString(at(item, 'brand', 'name')),
    categoryPath: categoryPath(item),
    sellerId,
    sellerName: asString(seller?.['name']),
    soldCount: asNumber(item['all_time_quantity_sold']) ?? soldOf(item),
    rating: rating(asNumber(item['rating_average'])),
    images: images.length > 0 ? images : imageList([item['thumbnail_url']]),
    capturedAt,
  });
}

/**
 * Reads a saved or fetched Tiki product page: `__NEXT_DATA__` (productv2.productData) first,
 * then the schema.org Product JSON-LD and OpenGraph tags if the Next.js state is missing.
 */
export function parseTikiProductPage(html: string, sourceUrl: string, capturedAt: string): Listing {
  // Fast path: the Next.js state found by string search, no DOM (most of a page's parse cost).
  const nextText = scriptTextById(html, '__NEXT_DATA__');
  const fast = nextText === undefined ? undefined : parseJson(nextText);
  if (fast?.ok === true) {
    const data = at(fast.value, 'props', 'initialState', 'productv2', 'productData', 'response', 'data');
    if (asObject(data) !== undefined)
      return parseTikiProductJson(data, decodeEntities(metaContent(html, 'og:url')) ?? sourceUrl, capturedAt);
  }
  const $ = loadHtml(html);
  const next = scriptJsonById($, '__NEXT_DATA__');
  if (next.ok) {
    const data = at(next.value, 'props', 'initialState', 'productv2', 'productData', 'response', 'data');
    if (asObject(data) !== undefined) {
      const meta = metaTags($);
      const pageUrl = meta.get('og:url') ?? sourceUrl;
      return parseTikiProductJson(data, pageUrl, capturedAt);
    }
  }
  const product = jsonLdNodes($).find((node) => hasType(node, 'Product'));
  const meta = metaTags($);
  const pageUrl = meta.get('og:url') ?? asString(product?.['url']) ?? sourceUrl;
  const ids = idsFromUrl(pageUrl, 'tiki') ?? idsFromUrl(sourceUrl, 'tiki');
  if (product === undefined || ids === undefined) {
    const why = next.ok ? '__NEXT_DATA__ has no productv2.productData' : next.reason;
    throw new ParseError(
      `not a readable Tiki product page: ${why}, and no Product JSON-LD with a -p<id>.html URL`,
      sourceUrl,
    );
  }
  const read = readSchemaOrgProduct(product);
  const sellerId = /\/cua-hang\/([^/?#]+)/.exec(read.sellerUrl ?? '')?.[1] ?? read.sellerName;
  return compact<Listing>({
    kind: 'listing',
    platform: 'tiki',
    listingId: ids.listingId,
    url: pageUrl,
    title: read.name ?? '',
    description: read.description,
    price: read.price,
    brand: read.brand,
    // Without the Next.js state the numeric seller id is unknown: the store slug (or name) keys it.
    sellerId: sellerId ?? 'unknown',
    sellerName: read.sellerName,
    rating: read.rating,
    images: imageList([...read.images, meta.get('og:image')]),
    capturedAt,
  });
}

function productUrl(item: JsonObject, id: string, sourceUrl: string): string {
  const path = asString(item['url_path']) ?? asString(item['url_key']);
  if (path !== undefined) {
    const withHtml = path.includes('.html') ? path : `${path}.html`;
    return absoluteUrl(
      /^(https?:)?\/\//.test(withHtml) || withHtml.startsWith('/') ? withHtml : `/${withHtml}`,
      sourceUrl,
    );
  }
  const short = asString(item['short_url']);
  return short ?? absoluteUrl(`/product-p${id}.html`, sourceUrl);
}

function categoryPath(item: JsonObject): string[] | undefined {
  const names = asArray(item['breadcrumbs'])
    .filter((crumb) => asNumber(at(crumb, 'category_id')) !== 0)
    .map((crumb) => asString(at(crumb, 'name')))
    .filter((name): name is string => name !== undefined);
  if (names.length > 0) return names;
  const leaf = asString(at(item, 'categories', 'name'));
  return leaf === undefined ? undefined : [leaf];
}

function soldOf(item: JsonObject): number | undefined {
  const sold = asObject(item['quantity_sold']);
  return asNumber(sold?.['value']) ?? parseSoldCount(asString(sold?.['text']));
}

function rating(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 && value <= 5 ? value : undefined;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? Math.round(value) : undefined;
}

function imageList(candidates: unknown[]): string[] | undefined {
  const urls = candidates
    .map(asString)
    .filter((url): url is string => url !== undefined && /^https?:\/\//.test(url));
  return urls.length > 0 ? [...new Set(urls)] : undefined;
}

function stripHtml(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text.slice(0, 2000);
}

function decodeEntities(text: string | undefined): string | undefined {
  return text
    ?.replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

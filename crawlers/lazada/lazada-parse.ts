import type { Listing } from '../../records/index.js';
import { BlockedError, ParseError } from '../errors.js';
import { hasType, jsonLdNodes, loadHtml } from '../parse/html.js';
import { absoluteUrl, idsFromUrl } from '../parse/ids.js';
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  at,
  compact,
  extractBalancedObject,
  parseJson,
} from '../parse/json-read.js';
import { parseVndPrice } from '../parse/price.js';
import { readSchemaOrgProduct } from '../parse/schema-org.js';
import { parseSoldCount } from '../parse/sold.js';

/** Markers of Lazada's slider captcha / punish page and Mtop session failures (§2.4). */
const BLOCK_MARKERS = [
  '_____tmd_____/punish',
  'punish-page',
  'bixi.alicdn.com/punish/',
  '<punish-component',
  '"action":"captcha"',
  'sessionStorage.x5referer',
  'SEC_SLIDER',
  'slide to verify',
  'baxia-dialog',
  'nc_1_wrapper',
  'nocaptcha',
  'FAIL_SYS_USER_VALIDATE',
];

/** Throws BlockedError when the body (or the URL it came from) is a captcha or punish page. */
export function assertNotBlocked(body: string, url: string): void {
  if (url.includes('_____tmd_____') || url.includes('x5secdata='))
    throw new BlockedError('redirected to Lazada punish page', url);
  const hasData =
    body.includes('__moduleData__') || /"@type"\s*:\s*"Product"/.test(body) || body.includes('"listItems"');
  if (hasData) return;
  const marker = BLOCK_MARKERS.find((candidate) => body.includes(candidate));
  if (marker !== undefined) throw new BlockedError(`Lazada captcha / punish page (${marker})`, url);
}

export interface LazadaCatalogPage {
  listings: Listing[];
  page: number;
  totalResults: number;
  pageSize: number;
}

/** Reads `catalog/?ajax=true` JSON: almost every value is a string; itemUrl is protocol-relative. */
export function parseLazadaCatalog(json: unknown, sourceUrl: string, capturedAt: string): LazadaCatalogPage {
  const root = asObject(json);
  if (root === undefined) throw new ParseError('Lazada catalog JSON is not an object', sourceUrl);
  const ret = asArray(root['ret']).map(asString).join(' ');
  if (ret.includes('FAIL_SYS_USER_VALIDATE')) throw new BlockedError(`Lazada Mtop says ${ret}`, sourceUrl);
  const items = asArray(at(root, 'mods', 'listItems') ?? root['listItems'] ?? at(root, 'data', 'listItems'));
  if (items.length === 0 && at(root, 'mainInfo') === undefined) {
    throw new ParseError('Lazada catalog JSON has neither mods.listItems nor mainInfo', sourceUrl);
  }
  const listings: Listing[] = [];
  for (const raw of items) {
    const item = asObject(raw);
    const itemId = asString(item?.['itemId']) ?? asString(item?.['nid']);
    const link = asString(item?.['itemUrl']) ?? asString(item?.['productUrl']);
    const sellerId = asString(item?.['sellerId']) ?? asString(item?.['mainSellerId']);
    if (item === undefined || itemId === undefined || sellerId === undefined) continue;
    const brand = asString(item['brandName']);
    listings.push(
      compact<Listing>({
        kind: 'listing',
        platform: 'lazada',
        listingId: itemId,
        url:
          link === undefined
            ? absoluteUrl(`/products/pdp-i${itemId}.html`, sourceUrl)
            : absoluteUrl(link, sourceUrl),
        title: asString(item['name']) ?? '',
        price: parseVndPrice(asString(item['price'])) ?? parseVndPrice(asString(item['priceShow'])),
        originalPrice:
          parseVndPrice(asString(item['originalPrice'])) ??
          parseVndPrice(asString(item['originalPriceShow'])),
        brand: brand === 'No Brand' ? undefined : brand,
        sellerId,
        sellerName: asString(item['sellerName']),
        sellerLocation: asString(item['location']),
        isOfficialStore: asBoolean(item['isLazmall']) ?? asBoolean(item['officialStore']),
        soldCount: parseSoldCount(asString(item['itemSoldCntShow'])),
        rating: rating(asNumber(item['ratingScore'])),
        images:
          asString(item['image']) === undefined
            ? undefined
            : [absoluteUrl(asString(item['image'])!, sourceUrl)],
        capturedAt,
      }),
    );
  }
  const info = asObject(root['mainInfo']);
  return {
    listings,
    page: asNumber(info?.['page']) ?? 1,
    totalResults: asNumber(info?.['totalResults']) ?? listings.length,
    pageSize: asNumber(info?.['pageSize']) ?? 40,
  };
}

/** A catalog page served as HTML keeps the same JSON in `window.pageData`. */
export function parseLazadaCatalogHtml(
  html: string,
  sourceUrl: string,
  capturedAt: string,
): LazadaCatalogPage {
  assertNotBlocked(html, sourceUrl);
  const text = extractBalancedObject(html, 'window.pageData');
  if (text === undefined) throw new ParseError('Lazada catalog page has no window.pageData', sourceUrl);
  const json = parseJson(text);
  if (!json.ok) throw new ParseError(`Lazada window.pageData is ${json.reason}`, sourceUrl);
  return parseLazadaCatalog(json.value, sourceUrl, capturedAt);
}

/**
 * Reads a product page: `__moduleData__` (brace-balanced, it holds `};` in strings), then the
 * Product JSON-LD for what the SSR lacks (prices load client-side on some pages ⚠).
 */
export function parseLazadaProductPage(html: string, sourceUrl: string, capturedAt: string): Listing {
  assertNotBlocked(html, sourceUrl);
  const text = extractBalancedObject(html, '__moduleData__');
  const parsed = text === undefined ? undefined : parseJson(text);
  const fields = parsed?.ok === true ? asObject(at(parsed.value, 'data', 'root', 'fields')) : undefined;
  const productNode = jsonLdNodes(loadHtml(html)).find((node) => hasType(node, 'Product'));
  const ld = productNode === undefined ? undefined : readSchemaOrgProduct(productNode);
  if (fields === undefined && ld === undefined) {
    const why =
      text === undefined
        ? 'no __moduleData__'
        : parsed?.ok === false
          ? `__moduleData__ is ${parsed.reason}`
          : '__moduleData__ has no data.root.fields';
    throw new ParseError(`not a readable Lazada product page: ${why}, and no Product JSON-LD`, sourceUrl);
  }
  const ids = idsFromUrl(sourceUrl, 'lazada');
  const itemId = asString(at(fields, 'primaryKey', 'itemId')) ?? ids?.listingId;
  if (itemId === undefined)
    throw new ParseError('Lazada product page has no itemId (primaryKey or -i<id>.html URL)', sourceUrl);
  const sku = asObject(Object.values(asObject(fields?.['skuInfos']) ?? {})[0]);
  const seller = asObject(fields?.['seller']);
  const sellerId = asString(seller?.['sellerId']) ?? ld?.sellerName;
  if (sellerId === undefined) throw new ParseError(`Lazada product ${itemId} has no seller`, sourceUrl);
  const gallery = asArray(Object.values(asObject(fields?.['skuGalleries']) ?? {})[0])
    .map((image) => asString(at(image, 'src')))
    .filter((src): src is string => src !== undefined)
    .map((src) => absoluteUrl(src, sourceUrl));
  const crumbs = asArray(fields?.['breadcrumb'])
    .map((crumb) => asString(at(crumb, 'title')))
    .filter((name): name is string => name !== undefined);
  const brand = asString(at(fields, 'product', 'brandName')) ?? ld?.brand;
  return compact<Listing>({
    kind: 'listing',
    platform: 'lazada',
    listingId: itemId,
    url: sourceUrl,
    title: asString(at(fields, 'product', 'title')) ?? ld?.name ?? '',
    price:
      asNumber(at(sku, 'price', 'salePrice', 'value')) ??
      parseVndPrice(asString(at(sku, 'price', 'salePrice', 'text'))) ??
      ld?.price,
    originalPrice: asNumber(at(sku, 'price', 'originalPrice', 'value')),
    brand: brand === 'No Brand' ? undefined : brand,
    categoryPath: crumbs.length > 0 ? crumbs : undefined,
    sellerId,
    sellerName: asString(seller?.['name']) ?? ld?.sellerName,
    rating: rating(asNumber(at(fields, 'review', 'ratings', 'average')) ?? ld?.rating),
    images: gallery.length > 0 ? gallery : ld?.images.length ? ld.images : undefined,
    capturedAt,
  });
}

function rating(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 && value <= 5 ? value : undefined;
}

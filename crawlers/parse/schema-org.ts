import { asArray, asNumber, asObject, asString, at, type JsonObject } from './json-read.js';
import { parseVndPrice } from './price.js';

/** What a schema.org Product node says, read leniently (VN templates vary, §6). */
export interface SchemaOrgProduct {
  name?: string;
  url?: string;
  sku?: string;
  description?: string;
  brand?: string;
  images: string[];
  price?: number;
  originalPrice?: number;
  currency?: string;
  sellerName?: string;
  sellerUrl?: string;
  availability?: string;
  rating?: number;
}

/**
 * Reads a Product node: `offers` as an object, an array, or an AggregateOffer (lowPrice);
 * the price in `price` or `priceSpecification.price`; `brand` as text or a Brand; `image` as a
 * string, an array or an ImageObject.
 */
export function readSchemaOrgProduct(node: JsonObject): SchemaOrgProduct {
  const offers = asArray(node['offers']).length > 0 ? asArray(node['offers']) : [node['offers']];
  const offer = asObject(offers[0]);
  const priceText =
    asString(offer?.['price']) ??
    asString(at(offer, 'priceSpecification', 'price')) ??
    asString(offer?.['lowPrice']);
  const brand = asString(node['brand']) ?? asString(at(node, 'brand', 'name'));
  const seller = asObject(offer?.['seller']);
  const rating = asNumber(at(node, 'aggregateRating', 'ratingValue'));
  const product: SchemaOrgProduct = { images: imagesOf(node['image']) };
  assign(product, 'name', asString(node['name']));
  assign(product, 'url', asString(node['url']) ?? asString(offer?.['url']));
  assign(product, 'sku', asString(node['sku']));
  assign(product, 'description', asString(node['description']));
  assign(product, 'brand', brand);
  assign(product, 'price', parseVndPrice(priceText));
  assign(product, 'originalPrice', parseVndPrice(asString(offer?.['highPrice'])));
  assign(
    product,
    'currency',
    asString(offer?.['priceCurrency']) ?? asString(at(offer, 'priceSpecification', 'priceCurrency')),
  );
  assign(product, 'sellerName', asString(seller?.['name']));
  assign(product, 'sellerUrl', asString(seller?.['url']));
  assign(product, 'availability', asString(offer?.['availability']));
  assign(product, 'rating', rating !== undefined && rating > 0 && rating <= 5 ? rating : undefined);
  return product;
}

function imagesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => asString(item) ?? asString(at(item, 'url')) ?? asString(at(item, 'contentUrl')))
    .filter((url): url is string => url !== undefined && /^https?:\/\//.test(url));
}

function assign<K extends keyof SchemaOrgProduct>(
  target: SchemaOrgProduct,
  key: K,
  value: SchemaOrgProduct[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

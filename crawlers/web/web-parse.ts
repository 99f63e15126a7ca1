import type { Listing } from '../../records/index.js';
import { ParseError } from '../errors.js';
import { hasType, jsonLdNodes, loadHtml, metaTags, type Html } from '../parse/html.js';
import { absoluteUrl } from '../parse/ids.js';
import { compact } from '../parse/json-read.js';
import { parseVndPrice } from '../parse/price.js';
import { readSchemaOrgProduct } from '../parse/schema-org.js';

/** CSS selectors for shops whose pages carry neither JSON-LD nor OpenGraph product tags. */
export interface WebSelectors {
  title?: string;
  price?: string;
  originalPrice?: string;
  brand?: string;
  seller?: string;
  image?: string;
  description?: string;
  /** Links from an index page to product pages. */
  productLinks?: string;
  /** The link to an index page's next page. */
  nextPage?: string;
}

export const DEFAULT_WEB_SELECTORS: Required<WebSelectors> = {
  title: 'h1.product-title, h1[itemprop=name], .product-title h1, h1',
  price: '.pro-price, .product-price .price, [itemprop=price], .price',
  originalPrice: '.compare-price, .product-price del, del.price',
  brand: '.product-brand, [itemprop=brand]',
  seller: '.shop-name',
  image: '.product-image img, img[itemprop=image]',
  description: '.product-description, [itemprop=description]',
  productLinks: 'a[href*="/products/"]',
  nextPage: 'a[rel=next], a.next',
};

export interface WebPage {
  listing?: Listing;
  productLinks: string[];
  nextPage?: string;
}

/**
 * A shop-website page: schema.org Product JSON-LD first, then OpenGraph `og:`/`product:` tags,
 * then the configured selectors. The listing id is the page's canonical host + path; the seller
 * is the site (its host), named by og:site_name or the JSON-LD offer's seller.
 */
export function parseWebPage(
  html: string,
  sourceUrl: string,
  capturedAt: string,
  selectors: WebSelectors = {},
): WebPage {
  const $ = loadHtml(html);
  const pick = { ...DEFAULT_WEB_SELECTORS, ...selectors };
  const links = new Set<string>();
  $(pick.productLinks).each((_, element) => {
    const href = $(element).attr('href');
    if (href !== undefined) links.add(absoluteUrl(href, sourceUrl));
  });
  const nextHref = $(pick.nextPage).first().attr('href');
  const page: WebPage = {
    productLinks: [...links],
    ...(nextHref === undefined ? {} : { nextPage: absoluteUrl(nextHref, sourceUrl) }),
  };

  const node = jsonLdNodes($).find((candidate) => hasType(candidate, 'Product'));
  const ld = node === undefined ? undefined : readSchemaOrgProduct(node);
  const meta = metaTags($);
  const isOgProduct = meta.get('og:type') === 'product' || meta.has('product:price:amount');
  const selectorTitle = text($, pick.title);
  const selectorPrice = parseVndPrice(text($, pick.price));
  const hasProduct =
    ld !== undefined || isOgProduct || (selectorTitle !== undefined && selectorPrice !== undefined);
  if (!hasProduct) return page;

  const canonical = $('link[rel=canonical]').attr('href') ?? meta.get('og:url') ?? ld?.url ?? sourceUrl;
  const url = absoluteUrl(canonical, sourceUrl);
  const parsedUrl = new URL(url);
  const title = ld?.name ?? meta.get('og:title') ?? selectorTitle;
  if (title === undefined) throw new ParseError('shop page has product markers but no title', sourceUrl);
  const image = $(pick.image).first().attr('src');
  page.listing = compact<Listing>({
    kind: 'listing',
    platform: 'web',
    listingId: `${parsedUrl.host}${parsedUrl.pathname}`,
    url,
    title,
    description: ld?.description ?? meta.get('og:description') ?? text($, pick.description),
    price: ld?.price ?? parseVndPrice(meta.get('product:price:amount')) ?? selectorPrice,
    originalPrice: ld?.originalPrice ?? parseVndPrice(text($, pick.originalPrice)),
    brand: ld?.brand ?? meta.get('product:brand') ?? text($, pick.brand),
    sellerId: parsedUrl.host,
    sellerName: ld?.sellerName ?? meta.get('og:site_name') ?? text($, pick.seller),
    rating: ld?.rating,
    images: imageList([
      ...(ld?.images ?? []),
      meta.get('og:image'),
      image === undefined ? undefined : absoluteUrl(image, sourceUrl),
    ]),
    capturedAt,
  });
  return page;
}

function text($: Html, selector: string): string | undefined {
  const value = $(selector).first().text().replace(/\s+/g, ' ').trim();
  return value === '' ? undefined : value;
}

function imageList(candidates: (string | undefined)[]): string[] | undefined {
  const urls = [
    ...new Set(candidates.filter((url): url is string => url !== undefined && /^https?:\/\//.test(url))),
  ];
  return urls.length > 0 ? urls : undefined;
}

import type { Platform } from '../../records/index.js';

/** What a product URL says about the listing it points at. */
export interface UrlIds {
  platform: Platform;
  listingId: string;
  shopId?: string;
  skuId?: string;
}

const SHOPEE_SEO = /-i\.(\d+)\.(\d+)(?:[/?#]|$)/;
const SHOPEE_SHORT = /\/product\/(\d+)\/(\d+)(?:[/?#]|$)/;
const LAZADA = /-i(\d+)(?:-s(\d+))?\.html/;
const TIKI = /-p(\d+)\.html/;
const TIKTOK = /\/(?:pdp|product)\/(?:[^/?#]+\/)?(?:[\w-]+-)?(\d{6,})(?:[/?#]|$)/;

const HOSTS: [RegExp, Platform][] = [
  [/(^|\.)shopee\.vn$/, 'shopee'],
  [/(^|\.)lazada\.vn$/, 'lazada'],
  [/(^|\.)tiki\.vn$/, 'tiki'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
];

/** The platform a URL's host belongs to, if it is one of the marketplaces. */
export function platformOfUrl(url: string): Platform | undefined {
  const host = safeHost(url);
  if (host === undefined) return undefined;
  return HOSTS.find(([pattern]) => pattern.test(host))?.[1];
}

/**
 * Listing ids from a product URL: Shopee `-i.<shop>.<item>` and `/product/<shop>/<item>`,
 * Lazada `-i<item>-s<sku>.html`, Tiki `-p<id>.html?spid=<sku>`, TikTok `/shop/vn/pdp/<slug>/<id>`,
 * `/pdp/<id>`, `/product/<id>` or `?product_id=`. `platform` says which patterns to try (a sandbox
 * URL has no marketplace host); without it the host decides. Undefined when nothing matches.
 */
export function idsFromUrl(url: string, platform?: Platform): UrlIds | undefined {
  const target = platform ?? platformOfUrl(url);
  const decoded = safeDecode(url);
  switch (target) {
    case 'shopee': {
      const match = SHOPEE_SEO.exec(decoded) ?? SHOPEE_SHORT.exec(decoded);
      return match ? { platform: 'shopee', shopId: match[1]!, listingId: match[2]! } : undefined;
    }
    case 'lazada': {
      const match = LAZADA.exec(decoded);
      if (!match) return undefined;
      return match[2] === undefined
        ? { platform: 'lazada', listingId: match[1]! }
        : { platform: 'lazada', listingId: match[1]!, skuId: match[2] };
    }
    case 'tiki': {
      const match = TIKI.exec(decoded);
      if (!match) return undefined;
      const spid = queryParam(url, 'spid');
      return spid === undefined
        ? { platform: 'tiki', listingId: match[1]! }
        : { platform: 'tiki', listingId: match[1]!, skuId: spid };
    }
    case 'tiktok': {
      const fromQuery = queryParam(url, 'product_id') ?? queryParam(url, 'item_id');
      if (fromQuery !== undefined && /^\d+$/.test(fromQuery))
        return { platform: 'tiktok', listingId: fromQuery };
      const match = TIKTOK.exec(decoded);
      return match ? { platform: 'tiktok', listingId: match[1]! } : undefined;
    }
    case 'web':
    case undefined:
      return undefined;
  }
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function queryParam(url: string, name: string): string | undefined {
  try {
    const value = new URL(url.startsWith('//') ? `https:${url}` : url, 'http://x/').searchParams.get(name);
    return value === null || value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Turns a protocol-relative or path-only link into an absolute URL against `base`. */
export function absoluteUrl(link: string, base: string): string {
  if (link.startsWith('//')) return `${new URL(base).protocol}${link}`;
  return new URL(link, base).toString();
}

import type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed } from '../adapter.js';
import { emptyOutput } from '../adapter.js';
import { BlockedError, ParseError } from '../errors.js';
import { asObject, parseJson } from '../parse/json-read.js';
import { parseShopeeItem, parseShopeeSearch } from './shopee-parse.js';

export interface ShopeeAdapterOptions {
  baseUrl?: string;
  maxPagesPerSeed?: number;
}

export const SHOPEE_LABELS = { search: 'search', item: 'item' } as const;
const SEARCH_API = /\/api\/v4\/(?:search\/search_items|shop\/search_items)/;
const ITEM_API = /\/api\/v4\/(?:pdp\/get_pc|item\/get)/;

/**
 * Shopee signs its API calls in the browser, so this adapter drives Chromium and reads the JSON
 * the page itself loads (search_items, pdp/get_pc). Run it with the inspector's logged-in
 * storage state: anonymous sessions get 403 from the API, which is a BlockedError here.
 */
export function createShopeeAdapter(options: ShopeeAdapterOptions = {}): CrawlAdapter {
  const base = (options.baseUrl ?? 'https://shopee.vn').replace(/\/$/, '');
  const maxPages = options.maxPagesPerSeed ?? 10;
  const searchPage = (keyword: string, page: number): RequestSpec => ({
    url: `${base}/search?${new URLSearchParams({ keyword, page: String(page) }).toString()}`,
    label: SHOPEE_LABELS.search,
    userData: { page },
  });

  const readApi = (document: FetchedDocument, output: ParseOutput, pageNumber: number): void => {
    const json = parseJson(document.body);
    if (!json.ok) {
      if (document.status === 403)
        throw new BlockedError('Shopee API 403: not logged in or session expired', document.url);
      throw new ParseError(`Shopee API response is ${json.reason}`, document.url);
    }
    if (
      SEARCH_API.test(document.url) ||
      (document.label === 'auto' && Array.isArray(asObject(json.value)?.['items']))
    ) {
      const page = parseShopeeSearch(json.value, document.url, document.status, document.capturedAt);
      output.listings.push(...page.listings);
      const keyword = safeParam(document.url, 'keyword');
      if (!page.noMore && keyword !== undefined && pageNumber + 1 < maxPages && page.listings.length > 0) {
        output.next.push(searchPage(keyword, pageNumber + 1));
      }
      return;
    }
    output.listings.push(parseShopeeItem(json.value, document.url, document.status, document.capturedAt));
  };

  return {
    platform: 'shopee',
    mode: 'browser',
    browser: {
      captureResponse: (url) => SEARCH_API.test(url) || ITEM_API.test(url),
      awaitResponse: () => (url) => SEARCH_API.test(url) || ITEM_API.test(url),
    },
    seedRequests(seeds: readonly Seed[]): RequestSpec[] {
      return seeds.flatMap((seed): RequestSpec[] => {
        switch (seed.kind) {
          case 'keyword':
            return [searchPage(seed.value, 0)];
          case 'category':
          case 'shop':
            return [{ url: seed.value, label: SHOPEE_LABELS.search, userData: { page: 0 } }];
          case 'url':
            return [{ url: seed.value, label: SHOPEE_LABELS.item }];
          case 'live':
            return [];
        }
      });
    },
    parse(document: FetchedDocument): ParseOutput {
      const output = emptyOutput();
      const pageNumber = Number(document.userData?.['page'] ?? 0);
      if (document.label === 'auto' && !document.body.trimStart().startsWith('<')) {
        readApi(document, output, pageNumber);
        return output;
      }
      if (/verify\/(traffic|captcha)/.test(document.url))
        throw new BlockedError('Shopee sent the page to anti-bot verification', document.url);
      const api = (document.captured ?? []).filter(
        (response) => SEARCH_API.test(response.url) || ITEM_API.test(response.url),
      );
      if (api.length === 0) {
        throw new ParseError(
          'the page made no search_items / get_pc call (login wall, block, or a changed app)',
          document.url,
        );
      }
      for (const response of api) readApi(response, output, pageNumber);
      return output;
    },
    recheckRequest(listing) {
      return { url: `${base}/product/${listing.sellerId}/${listing.listingId}`, label: SHOPEE_LABELS.item };
    },
  };
}

function safeParam(url: string, name: string): string | undefined {
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

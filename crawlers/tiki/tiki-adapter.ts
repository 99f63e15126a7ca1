import type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed } from '../adapter.js';
import { emptyOutput } from '../adapter.js';
import { ParseError } from '../errors.js';
import { parseJson } from '../parse/json-read.js';
import { parseTikiListingJson, parseTikiProductJson, parseTikiProductPage } from './tiki-parse.js';

export interface TikiAdapterOptions {
  /** Where tiki.vn answers: the real site, or the sandbox's origin. */
  baseUrl?: string;
  /** Most listing pages to follow per seed. */
  maxPagesPerSeed?: number;
  /** Items per listing page (Tiki serves 40 by default). */
  pageSize?: number;
}

export const TIKI_LABELS = {
  search: 'search',
  listings: 'listings',
  store: 'store',
  product: 'product',
  page: 'page',
} as const;

/** Tiki over plain HTTP: its public JSON endpoints, and product pages read with cheerio. */
export function createTikiAdapter(options: TikiAdapterOptions = {}): CrawlAdapter {
  const base = (options.baseUrl ?? 'https://tiki.vn').replace(/\/$/, '');
  const maxPages = options.maxPagesPerSeed ?? 50;
  const limit = options.pageSize ?? 40;

  const pageRequest = (label: string, query: Record<string, string>, page: number): RequestSpec => {
    const params = new URLSearchParams({ ...query, page: String(page), limit: String(limit) });
    const path = label === TIKI_LABELS.search ? '/api/v2/products' : '/api/personalish/v1/blocks/listings';
    return { url: `${base}${path}?${params.toString()}`, label, userData: { page } };
  };

  return {
    platform: 'tiki',
    mode: 'http',
    seedRequests(seeds: readonly Seed[]): RequestSpec[] {
      return seeds.map((seed): RequestSpec => {
        switch (seed.kind) {
          case 'keyword':
            return pageRequest(TIKI_LABELS.search, { q: seed.value, sort: 'top_seller' }, 1);
          case 'category': {
            const id = /\/c(\d+)(?:[/?#]|$)/.exec(seed.value)?.[1] ?? seed.value.replace(/\D/g, '');
            return pageRequest(TIKI_LABELS.listings, { category: id }, 1);
          }
          case 'shop': {
            const slug = /\/cua-hang\/([^/?#]+)/.exec(seed.value)?.[1] ?? seed.value;
            return {
              url: `${base}/api/v2/seller/stores/${encodeURIComponent(slug)}/products?limit=${limit}&page=1`,
              label: TIKI_LABELS.store,
              userData: { page: 1 },
            };
          }
          case 'url':
          case 'live':
            return { url: seed.value, label: TIKI_LABELS.page };
        }
      });
    },
    parse(document: FetchedDocument): ParseOutput {
      const label = document.label === 'auto' ? sniff(document.body) : document.label;
      const output = emptyOutput();
      if (label === TIKI_LABELS.page) {
        output.listings.push(parseTikiProductPage(document.body, document.url, document.capturedAt));
        return output;
      }
      const json = parseJson(document.body);
      if (!json.ok) throw new ParseError(`Tiki ${label} response is ${json.reason}`, document.url);
      if (label === TIKI_LABELS.product) {
        output.listings.push(parseTikiProductJson(json.value, document.url, document.capturedAt));
        return output;
      }
      const page = parseTikiListingJson(json.value, document.url, document.capturedAt);
      output.listings.push(...page.listings);
      for (const item of page.needDetail) {
        output.next.push({ url: `${base}/api/v2/products/${item.id}`, label: TIKI_LABELS.product });
      }
      const seenPage = Number(document.userData?.['page'] ?? page.currentPage);
      if (page.currentPage < page.lastPage && seenPage < maxPages) {
        const nextUrl = new URL(document.url);
        nextUrl.searchParams.set('page', String(page.currentPage + 1));
        output.next.push({ url: nextUrl.toString(), label, userData: { page: page.currentPage + 1 } });
      }
      return output;
    },
    recheckRequest(listing) {
      return {
        url: `${base}/api/v2/products/${encodeURIComponent(listing.listingId)}`,
        label: TIKI_LABELS.product,
      };
    },
  };
}

/** What a saved file is, for `ecomwatch parse`: a product page, a product JSON or a listing page. */
function sniff(body: string): string {
  const head = body.trimStart();
  if (head.startsWith('<')) return TIKI_LABELS.page;
  return /^\{\s*"data"\s*:\s*\[/.test(head) || head.includes('"paging"')
    ? TIKI_LABELS.search
    : TIKI_LABELS.product;
}

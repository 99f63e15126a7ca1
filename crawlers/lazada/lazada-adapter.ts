import type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed } from '../adapter.js';
import { emptyOutput } from '../adapter.js';
import { ParseError } from '../errors.js';
import { parseJson } from '../parse/json-read.js';
import {
  assertNotBlocked,
  parseLazadaCatalog,
  parseLazadaCatalogHtml,
  parseLazadaProductPage,
} from './lazada-parse.js';

export interface LazadaAdapterOptions {
  baseUrl?: string;
  maxPagesPerSeed?: number;
  /** Visit each listed product page too (slower; gets category path and gallery). */
  fetchProductPages?: boolean;
}

export const LAZADA_LABELS = { catalog: 'catalog', catalogHtml: 'catalog-html', product: 'product' } as const;

/**
 * Lazada: catalog search JSON (`?ajax=true`) and product pages. Its slider captcha / punish page
 * raises BlockedError so the runner retires the session. (On the live site the catalog JSON is
 * fetched from inside a loaded page to carry its x5sec tokens; over plain HTTP expect blocks.)
 */
export function createLazadaAdapter(options: LazadaAdapterOptions = {}): CrawlAdapter {
  const base = (options.baseUrl ?? 'https://www.lazada.vn').replace(/\/$/, '');
  const maxPages = options.maxPagesPerSeed ?? 20;
  const catalogUrl = (query: Record<string, string>, page: number): string =>
    `${base}/catalog/?${new URLSearchParams({ ...query, ajax: 'true', page: String(page) }).toString()}`;

  return {
    platform: 'lazada',
    mode: 'http',
    seedRequests(seeds: readonly Seed[]): RequestSpec[] {
      return seeds.map((seed): RequestSpec => {
        switch (seed.kind) {
          case 'keyword':
            return {
              url: catalogUrl({ q: seed.value }, 1),
              label: LAZADA_LABELS.catalog,
              userData: { page: 1 },
            };
          case 'category':
          case 'shop': {
            const url = new URL(seed.value.startsWith('//') ? `https:${seed.value}` : seed.value, base);
            url.searchParams.set('ajax', 'true');
            url.searchParams.set('page', '1');
            return { url: url.toString(), label: LAZADA_LABELS.catalog, userData: { page: 1 } };
          }
          case 'url':
          case 'live':
            return { url: seed.value, label: LAZADA_LABELS.product };
        }
      });
    },
    parse(document: FetchedDocument): ParseOutput {
      const output = emptyOutput();
      const body = document.body;
      const label = document.label === 'auto' ? sniff(body) : document.label;
      if (label === LAZADA_LABELS.product) {
        output.listings.push(parseLazadaProductPage(body, document.url, document.capturedAt));
        return output;
      }
      let page;
      if (label === LAZADA_LABELS.catalogHtml || body.trimStart().startsWith('<')) {
        page = parseLazadaCatalogHtml(body, document.url, document.capturedAt);
      } else {
        const json = parseJson(body);
        if (!json.ok) {
          assertNotBlocked(body, document.url);
          throw new ParseError(`Lazada catalog response is ${json.reason}`, document.url);
        }
        page = parseLazadaCatalog(json.value, document.url, document.capturedAt);
      }
      output.listings.push(...page.listings);
      if (options.fetchProductPages === true) {
        for (const listing of page.listings)
          output.next.push({ url: listing.url, label: LAZADA_LABELS.product });
      }
      const seen = Number(document.userData?.['page'] ?? page.page);
      if (page.page * page.pageSize < page.totalResults && seen < maxPages && page.listings.length > 0) {
        const next = new URL(document.url);
        next.searchParams.set('page', String(page.page + 1));
        output.next.push({ url: next.toString(), label, userData: { page: page.page + 1 } });
      }
      return output;
    },
    recheckRequest(listing) {
      return { url: listing.url, label: LAZADA_LABELS.product };
    },
  };
}

function sniff(body: string): string {
  const head = body.trimStart();
  if (!head.startsWith('<')) return LAZADA_LABELS.catalog;
  return head.includes('window.pageData') ? LAZADA_LABELS.catalogHtml : LAZADA_LABELS.product;
}

import type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed } from '../adapter.js';
import { emptyOutput } from '../adapter.js';
import { ParseError } from '../errors.js';
import { parseWebPage, type WebSelectors } from './web-parse.js';

export interface WebAdapterOptions {
  selectors?: WebSelectors;
  /** Index pages followed per shop seed. */
  maxPagesPerSeed?: number;
}

export const WEB_LABELS = { index: 'index', product: 'product' } as const;

/** Standalone shop websites (Haravan, Sapo, WordPress…): JSON-LD, OpenGraph, then selectors. */
export function createWebAdapter(options: WebAdapterOptions = {}): CrawlAdapter {
  const maxPages = options.maxPagesPerSeed ?? 20;
  return {
    platform: 'web',
    mode: 'http',
    seedRequests(seeds: readonly Seed[]): RequestSpec[] {
      return seeds.flatMap((seed): RequestSpec[] => {
        if (seed.kind === 'shop' || seed.kind === 'category')
          return [{ url: seed.value, label: WEB_LABELS.index, userData: { page: 1 } }];
        if (seed.kind === 'url') return [{ url: seed.value, label: WEB_LABELS.product }];
        return []; // a keyword means nothing without a site to search
      });
    },
    parse(document: FetchedDocument): ParseOutput {
      const output = emptyOutput();
      const page = parseWebPage(document.body, document.url, document.capturedAt, options.selectors);
      if (page.listing !== undefined) output.listings.push(page.listing);
      if (document.label === WEB_LABELS.product && page.listing === undefined) {
        throw new ParseError(
          'no Product JSON-LD, no og:type=product / product:price tags, and the selectors found no title + price',
          document.url,
        );
      }
      if (document.label === WEB_LABELS.index) {
        const host = new URL(document.url).host;
        for (const link of page.productLinks) {
          if (new URL(link).host === host) output.next.push({ url: link, label: WEB_LABELS.product });
        }
        const seen = Number(document.userData?.['page'] ?? 1);
        if (page.nextPage !== undefined && seen < maxPages) {
          output.next.push({ url: page.nextPage, label: WEB_LABELS.index, userData: { page: seen + 1 } });
        }
      }
      if (document.label === 'auto' && page.listing === undefined) {
        throw new ParseError(
          'not a product page: no Product JSON-LD, OpenGraph product tags or selector matches',
          document.url,
        );
      }
      return output;
    },
    recheckRequest(listing) {
      return { url: listing.url, label: WEB_LABELS.product };
    },
  };
}

import type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed } from '../adapter.js';
import { emptyOutput } from '../adapter.js';
import { ParseError } from '../errors.js';
import { parseJson } from '../parse/json-read.js';
import { parseTikTokFeedPage, parseTikTokLivePage, parseTikTokProductPage } from './tiktok-parse.js';

export interface TikTokAdapterOptions {
  baseUrl?: string;
  /** Follow each product card of a keyword / store page to its PDP. */
  fetchProductPages?: boolean;
}

export const TIKTOK_LABELS = { product: 'product', feed: 'feed', live: 'live' } as const;
const ROOM_INFO = /\/webcast\/room\/info\//;

/** TikTok Shop product / keyword / store pages and LIVE rooms, read in the browser. */
export function createTikTokAdapter(options: TikTokAdapterOptions = {}): CrawlAdapter {
  const base = (options.baseUrl ?? 'https://www.tiktok.com').replace(/\/$/, '');
  const slug = (text: string): string => encodeURIComponent(text.trim().toLowerCase().replace(/\s+/g, '-'));
  return {
    platform: 'tiktok',
    mode: 'browser',
    browser: {
      captureResponse: (url) => ROOM_INFO.test(url),
      awaitResponse: (label) => (label === TIKTOK_LABELS.live ? (url) => ROOM_INFO.test(url) : undefined),
    },
    seedRequests(seeds: readonly Seed[]): RequestSpec[] {
      return seeds.map((seed): RequestSpec => {
        switch (seed.kind) {
          case 'keyword':
            return { url: `${base}/shop/vn/k/${slug(seed.value)}`, label: TIKTOK_LABELS.feed };
          case 'category':
            return { url: seed.value, label: TIKTOK_LABELS.feed };
          case 'shop':
            return {
              url: /^https?:/.test(seed.value) ? seed.value : `${base}/shop/vn/store/${slug(seed.value)}`,
              label: TIKTOK_LABELS.feed,
            };
          case 'live':
            return {
              url: /^https?:/.test(seed.value) ? seed.value : `${base}/@${seed.value.replace(/^@/, '')}/live`,
              label: TIKTOK_LABELS.live,
            };
          case 'url':
            return {
              url: seed.value,
              label: /\/live(?:[/?#]|$)/.test(seed.value) ? TIKTOK_LABELS.live : TIKTOK_LABELS.product,
            };
        }
      });
    },
    parse(document: FetchedDocument): ParseOutput {
      const output = emptyOutput();
      const label = document.label === 'auto' ? sniff(document.body) : document.label;
      if (label === TIKTOK_LABELS.live) {
        const room = (document.captured ?? []).find((response) => ROOM_INFO.test(response.url));
        const roomJson = room === undefined ? undefined : parseJson(room.body);
        if (roomJson !== undefined && !roomJson.ok)
          throw new ParseError(`TikTok room info is ${roomJson.reason}`, room?.url);
        output.livestreams.push(
          parseTikTokLivePage(document.body, document.url, document.capturedAt, roomJson?.value),
        );
        return output;
      }
      if (label === TIKTOK_LABELS.feed) {
        const listings = parseTikTokFeedPage(document.body, document.url, document.capturedAt);
        output.listings.push(...listings);
        if (options.fetchProductPages === true) {
          for (const listing of listings)
            output.next.push({ url: listing.url, label: TIKTOK_LABELS.product });
        }
        return output;
      }
      output.listings.push(parseTikTokProductPage(document.body, document.url, document.capturedAt));
      return output;
    },
    recheckRequest(listing) {
      return { url: listing.url, label: TIKTOK_LABELS.product };
    },
  };
}

function sniff(body: string): string {
  if (body.includes('id="SIGI_STATE"')) return TIKTOK_LABELS.live;
  if (body.includes('feed_list_search_word')) return TIKTOK_LABELS.feed;
  return TIKTOK_LABELS.product;
}

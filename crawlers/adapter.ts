import type { Listing, Livestream, Platform } from '../records/index.js';

/** A place to start: what a seeds file lists for one platform. */
export type Seed =
  | { kind: 'keyword'; value: string }
  | { kind: 'category'; value: string }
  | { kind: 'shop'; value: string }
  | { kind: 'url'; value: string }
  | { kind: 'live'; value: string };

/** A request an adapter wants fetched; `label` tells the adapter later what it asked for. */
export interface RequestSpec {
  url: string;
  label: string;
  userData?: Record<string, string | number | boolean>;
}

/** What came back: the raw bytes as text, from HTTP or captured in the browser. */
export interface FetchedDocument {
  url: string;
  status: number;
  contentType: string;
  body: string;
  label: string;
  userData?: Record<string, string | number | boolean>;
  /** When the document was captured (ISO 8601). */
  capturedAt: string;
  /** Browser pages: the page's own API responses captured while it loaded (search, item, room info). */
  captured?: FetchedDocument[];
}

/** Seller details an adapter saw beside the listings (shop pages, PDP seller blocks). */
export interface SellerInfo {
  platform: Platform;
  sellerId: string;
  name?: string;
  location?: string;
  isOfficialStore?: boolean;
  url?: string;
  rating?: number;
  followerCount?: number;
}

/** Everything one document yielded. Records carry no evidence yet: the runner attaches it. */
export interface ParseOutput {
  listings: Listing[];
  livestreams: Livestream[];
  sellers: SellerInfo[];
  next: RequestSpec[];
}

export function emptyOutput(): ParseOutput {
  return { listings: [], livestreams: [], sellers: [], next: [] };
}

/** How a browser adapter drives a page: which of its responses to keep, what to wait for. */
export interface BrowserPlan {
  /** The page's own API responses worth reading (search results, item detail, room info). */
  captureResponse(url: string): boolean;
  /**
   * For a request of this label, the response the page must have made before it is read
   * (waited for up to the navigation timeout); undefined when the page is read as soon as it loads.
   */
  awaitResponse?(label: string): ((url: string) => boolean) | undefined;
  /** A selector present once the page has rendered its data. */
  readySelector?: string;
}

/**
 * One interface for every platform. An adapter is pure: it turns seeds into requests and a
 * fetched document into records and next requests, raising the errors of ./errors.ts when the
 * document is a block, a gone listing or unreadable. Fetching, politeness, retries and evidence
 * belong to the runner (./run/), so `ecomwatch parse` and the tests call the same parsers.
 */
export interface CrawlAdapter {
  readonly platform: Platform;
  /** `http` adapters run on HttpCrawler; `browser` adapters on PlaywrightCrawler. */
  readonly mode: 'http' | 'browser';
  seedRequests(seeds: readonly Seed[]): RequestSpec[];
  /** Reads one document. Throws BlockedError / GoneError / ParseError. */
  parse(document: FetchedDocument): ParseOutput;
  /** The request that re-reads one known listing (re-checks). */
  recheckRequest(listing: Pick<Listing, 'listingId' | 'url' | 'sellerId'>): RequestSpec;
  /** For browser adapters: how to drive the page. */
  readonly browser?: BrowserPlan;
}

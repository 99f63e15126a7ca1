import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxCatalog, type SandboxCatalogOptions, type SandboxListing } from './generator.js';
import { PRODUCT_KINDS } from './catalog-data.js';
import { routeRequest } from './routes.js';

/**
 * Ways the sandbox misbehaves on purpose. `…Every: n` hits listings whose index % n === 0;
 * any URL can also force one with `?fault=captcha|truncate|brokenjson|slow|429|403|softblock|gone`.
 */
export interface SandboxFaults {
  captchaEvery?: number;
  truncateEvery?: number;
  brokenJsonEvery?: number;
  slowEvery?: number;
  goneEvery?: number;
  /** How long a slow response waits. */
  slowMillis?: number;
  /** URLs whose hash % n === 0 answer 429 for their first `burst429Length` hits. */
  burst429Every?: number;
  burst429Length?: number;
}

export interface SandboxOptions extends Partial<SandboxCatalogOptions> {
  faults?: SandboxFaults;
  /** Paths robots.txt disallows for every user agent. */
  robotsDisallow?: string[];
  /** Shopee's API answers 403 without a login cookie (SPC_EC), as the real one does (§1.7). */
  requireShopeeLogin?: boolean;
  /** Products per listing page when the request does not say. */
  defaultPageSize?: number;
}

/** Counters a test reads instead of timing: what the crawler actually did to the server. */
export interface SandboxStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  byStatus: Map<number, number>;
  byRoute: Map<string, number>;
  hitsByUrl: Map<string, number>;
  /** Paths requested that robots.txt disallows. */
  disallowedHits: string[];
  /** User-Agents seen on every path but /robots.txt (Crawlee fetches that one with its own client). */
  userAgents: Set<string>;
}

/** A listing changed (or removed) after generation: how re-checks are exercised. */
export interface ListingOverride {
  price?: number;
  title?: string;
  gone?: boolean;
}

export interface SandboxContext {
  catalog: SandboxCatalog;
  options: Required<Pick<SandboxOptions, 'robotsDisallow' | 'requireShopeeLogin' | 'defaultPageSize'>> & {
    faults: SandboxFaults;
  };
  stats: SandboxStats;
  listing(index: number): SandboxListing | undefined;
  isGone(index: number): boolean;
}

/**
 * The sandbox marketplace: one local HTTP server answering in each platform's shapes (Tiki
 * JSON and pages, Lazada catalog JSON and pages, a Shopee SPA shell with its API, TikTok Shop
 * and LIVE pages, a shop website). Listen on port 0 in tests.
 */
export class SandboxServer {
  readonly catalog: SandboxCatalog;
  readonly stats: SandboxStats = newStats();
  private readonly overrides = new Map<number, ListingOverride>();
  private readonly context: SandboxContext;
  private server: Server | undefined;

  constructor(options: SandboxOptions = {}) {
    this.catalog = new SandboxCatalog({
      listings: options.listings ?? 1000,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.listingsPerSeller === undefined ? {} : { listingsPerSeller: options.listingsPerSeller }),
    });
    const overrides = this.overrides;
    const catalog = this.catalog;
    const faults = options.faults ?? {};
    this.context = {
      catalog,
      options: {
        robotsDisallow: options.robotsDisallow ?? ['/private/'],
        requireShopeeLogin: options.requireShopeeLogin ?? true,
        defaultPageSize: options.defaultPageSize ?? 40,
        faults,
      },
      stats: this.stats,
      listing(index) {
        const base = catalog.listing(index);
        const override = overrides.get(index);
        if (base === undefined || override === undefined) return base;
        return {
          ...base,
          ...(override.price === undefined ? {} : { price: override.price }),
          ...(override.title === undefined ? {} : { title: override.title }),
        };
      },
      isGone(index) {
        return (
          overrides.get(index)?.gone === true ||
          (faults.goneEvery !== undefined && faults.goneEvery > 0 && index % faults.goneEvery === 0)
        );
      },
    };
  }

  /** Changes a listing after generation (new price/title) or removes it (`gone`). */
  override(index: number, change: ListingOverride): void {
    this.overrides.set(index, { ...this.overrides.get(index), ...change });
  }

  resetStats(): void {
    Object.assign(this.stats, newStats());
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`sandbox error: ${(error as Error).message}`);
      });
    });
    server.keepAliveTimeout = 5000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        resolve();
      });
    });
    return this.origin;
  }

  get origin(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (address === undefined || address === null) throw new Error('sandbox is not listening');
    return `http://${address.address}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }

  /** The kinds the sandbox sells, for seeds and demo text. */
  static readonly kinds = PRODUCT_KINDS;

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const stats = this.stats;
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const key = url.pathname + url.search;
    stats.hitsByUrl.set(key, (stats.hitsByUrl.get(key) ?? 0) + 1);
    if (url.pathname !== '/robots.txt') stats.userAgents.add(request.headers['user-agent'] ?? '');
    if (
      url.pathname !== '/robots.txt' &&
      this.context.options.robotsDisallow.some((prefix) => url.pathname.startsWith(prefix))
    ) {
      stats.disallowedHits.push(key);
    }
    response.on('close', () => {
      stats.inFlight--;
    });
    const answer = await routeRequest(this.context, url, request);
    stats.byRoute.set(answer.route, (stats.byRoute.get(answer.route) ?? 0) + 1);
    stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
    response.writeHead(answer.status, { 'content-type': answer.contentType, ...answer.headers });
    response.end(answer.body);
  }
}

function newStats(): SandboxStats {
  return {
    requests: 0,
    inFlight: 0,
    maxInFlight: 0,
    byStatus: new Map(),
    byRoute: new Map(),
    hitsByUrl: new Map(),
    disallowedHits: [],
    userAgents: new Set(),
  };
}

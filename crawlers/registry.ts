import type { Platform } from '../records/index.js';
import type { CrawlAdapter } from './adapter.js';
import { createLazadaAdapter } from './lazada/lazada-adapter.js';
import { createShopeeAdapter } from './shopee/shopee-adapter.js';
import { createTikiAdapter } from './tiki/tiki-adapter.js';
import { createTikTokAdapter } from './tiktok/tiktok-adapter.js';
import type { WebSelectors } from './web/web-parse.js';
import { createWebAdapter } from './web/web-adapter.js';

export interface AdapterOptions {
  /** Where the platform answers (the sandbox's origin in demos and tests). */
  baseUrl?: string;
  maxPagesPerSeed?: number;
  webSelectors?: WebSelectors;
  /** Lazada / TikTok: also read each listed product's page (slower, richer records). */
  fetchProductPages?: boolean;
}

/** The one place that knows which adapter serves which platform. */
export function createAdapter(platform: Platform, options: AdapterOptions = {}): CrawlAdapter {
  const common = {
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.maxPagesPerSeed === undefined ? {} : { maxPagesPerSeed: options.maxPagesPerSeed }),
  };
  switch (platform) {
    case 'tiki':
      return createTikiAdapter(common);
    case 'lazada':
      return createLazadaAdapter({
        ...common,
        ...(options.fetchProductPages === undefined ? {} : { fetchProductPages: options.fetchProductPages }),
      });
    case 'shopee':
      return createShopeeAdapter(common);
    case 'tiktok':
      return createTikTokAdapter({
        ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        ...(options.fetchProductPages === undefined ? {} : { fetchProductPages: options.fetchProductPages }),
      });
    case 'web':
      return createWebAdapter({
        ...(options.webSelectors === undefined ? {} : { selectors: options.webSelectors }),
        ...(options.maxPagesPerSeed === undefined ? {} : { maxPagesPerSeed: options.maxPagesPerSeed }),
      });
  }
}

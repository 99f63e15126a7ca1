import { ProxyConfiguration } from '@crawlee/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/index.js';
import { proxyConfiguration } from './crawl-options.js';

describe('crawl settings (config/settings.ts `crawl`)', () => {
  it('has polite defaults: robots.txt obeyed, 60 requests/min per host, Debian Chromium', () => {
    const { crawl } = loadConfig({ env: {}, file: '/dev/null' });
    expect(crawl.respectRobotsTxt).toBe(true);
    expect(crawl.maxRequestsPerMinutePerDomain).toBe(60);
    expect(crawl.chromiumPath).toBe('/usr/bin/chromium');
    expect(crawl.proxyUrls).toEqual([]);
    expect(proxyConfiguration(crawl)).toBeUndefined();
  });

  it('reads env over defaults and flags over env', () => {
    const env = {
      ECOMWATCH_CRAWL_RESPECT_ROBOTS_TXT: 'false',
      ECOMWATCH_CRAWL_PROXY_URLS: 'http://10.0.0.1:3128, http://10.0.0.2:3128',
      ECOMWATCH_CRAWL_NAVIGATION_TIMEOUT_SECS: '90',
      ECOMWATCH_CRAWL_STORAGE_STATE_PATH: '/secrets/shopee-inspector.json',
    };
    const { crawl } = loadConfig({ env, file: '/dev/null', flags: { crawl: { navigationTimeoutSecs: 30 } } });
    expect(crawl.respectRobotsTxt).toBe(false);
    expect(crawl.proxyUrls).toEqual(['http://10.0.0.1:3128', 'http://10.0.0.2:3128']);
    expect(crawl.navigationTimeoutSecs).toBe(30);
    expect(crawl.storageStatePath).toBe('/secrets/shopee-inspector.json');
    expect(proxyConfiguration(crawl)).toBeInstanceOf(ProxyConfiguration);
  });

  it('names a bad value and where it came from', () => {
    expect(() => loadConfig({ env: { ECOMWATCH_CRAWL_MAX_CONCURRENCY: 'lots' }, file: '/dev/null' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ env: { ECOMWATCH_CRAWL_PROXY_URLS: 'not a url' }, file: '/dev/null' })).toThrow(
      /crawl\.proxyUrls \(from env ECOMWATCH_CRAWL_PROXY_URLS\)/,
    );
  });
});

import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxServer } from '../sandbox/server.js';
import { createTikiAdapter } from '../tiki/tiki-adapter.js';
import { runHttpCrawl } from './http-runner.js';
import { sandboxCrawlSettings } from './test-settings.js';

/** A minimal forward HTTP proxy that counts what passes through it. */
function countingProxy(): { server: Server; seen: string[] } {
  const seen: string[] = [];
  const server = createServer((incoming, outgoing) => {
    seen.push(incoming.url ?? '');
    const target = new URL(incoming.url ?? '');
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: incoming.method,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  return { server, seen };
}

describe('proxies (crawl.proxyUrls → Crawlee ProxyConfiguration)', () => {
  const sandbox = new SandboxServer({ listings: 100 });
  const proxy = countingProxy();
  let origin: string;
  let proxyUrl: string;
  beforeAll(async () => {
    origin = await sandbox.listen(0);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sandbox.close();
    proxy.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      proxy.server.close(() => {
        resolve();
      }),
    );
  });

  it('sends every request of the crawl through the configured proxy', async () => {
    const adapter = createTikiAdapter({ baseUrl: origin });
    const urls = [1, 2, 3].map((index) => `${origin}/api/v2/products/${sandbox.catalog.ids(index).tiki}`);
    const report = await runHttpCrawl({
      adapter,
      requests: urls.map((url) => ({ url, label: 'product' })),
      settings: sandboxCrawlSettings({ proxyUrls: [proxyUrl], respectRobotsTxt: false }),
      onRecord: () => undefined,
    });
    expect(report.listings).toBe(3);
    expect([...proxy.seen].sort()).toEqual([...urls].sort());
  });
});

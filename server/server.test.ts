import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/index.js';
import { world } from '../index/contract/fixtures.js';
import { EmbeddedSellerIndex } from '../index/embedded/embedded-seller-index.js';
import type { SearchResult, SellerQuery } from '../index/seller-index.js';
import { SqliteTokenStore, tokensFile } from './auth/token-store.js';
import { startServer } from './server.js';

let dataDir: string;
let config: Config;
let index: EmbeddedSellerIndex;
let token: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-server-process-'));
  config = loadConfig({
    env: {
      ECOMWATCH_DATA_DIR: dataDir,
      ECOMWATCH_SERVER_PORT: '0',
      ECOMWATCH_SERVER_SHUTDOWN_TIMEOUT_MILLIS: '2000',
    },
  });
  index = new EmbeddedSellerIndex({ file: ':memory:' });
  const { sellers, items } = world();
  await index.upsertItems(items);
  await index.upsertSellers(sellers);
  const tokens = new SqliteTokenStore(tokensFile(config));
  token = tokens.create({ role: 'analyst', name: 'Lan' }).token;
  tokens.close();
});

afterEach(async () => {
  await index.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('lets a request in flight finish on close, refuses new ones, and leaves an injected index open', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const search = index.search.bind(index);
    index.search = async (query: SellerQuery): Promise<SearchResult> => {
      entered();
      await gate;
      return search(query);
    };
    const server = await startServer(config, { index, handleSignals: false });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const slow = fetch(`${server.url}/api/sellers`, { headers: { authorization: `Bearer ${token}` } });
    await inFlight;
    const closing = server.close();
    release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(((await response.json()) as SearchResult).total).toBeGreaterThan(0);
    await closing;
    await server.closed;
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    await expect(index.search({})).resolves.toBeDefined();
  });

  it('closes on SIGTERM', async () => {
    const server = await startServer(config, { index });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    process.emit('SIGTERM', 'SIGTERM');
    await server.closed;
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});

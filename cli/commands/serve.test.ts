import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { world } from '../../index/contract/fixtures.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { SqliteTokenStore } from '../../server/auth/token-store.js';
import { registerServeCommand } from './serve.js';

let dataDir: string;
let stderr: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-serve-'));
  vi.stubEnv('ECOMWATCH_DATA_DIR', dataDir);
  vi.stubEnv('ELASTICSEARCH_URL', '');
  vi.stubEnv('ECOMWATCH_LOG_LEVEL', 'silent');
  const index = await openSellerIndex(loadConfig());
  const { sellers, items } = world();
  await index.upsertItems(items);
  await index.upsertSellers(sellers);
  await index.close();
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  // Waits for the serve command's announcement (an event on stderr) without a fixed sleep.
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe('ecomwatch serve', () => {
  it('listens on the given port, answers with a token, and closes gracefully on SIGTERM', async () => {
    const tokens = new SqliteTokenStore(join(dataDir, 'tokens.sqlite'));
    const { token } = tokens.create({ role: 'analyst', name: 'Lan' });
    tokens.close();
    const program = new Command('ecomwatch').option('-c, --config <file>').exitOverride();
    registerServeCommand(program);
    const serving = program.parseAsync(['node', 'ecomwatch', 'serve', '--port', '0']);
    await until(() => stderr.includes('ecomwatch serve: http://'));
    const url = /(http:\/\/[^/\s]+)\//.exec(stderr)![1]!;
    const search = await fetch(`${url}/api/sellers?q=dien%20tu`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(200);
    expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
    expect((await fetch(`${url}/api/sellers`)).status).toBe(401);
    process.emit('SIGTERM', 'SIGTERM');
    await serving;
    expect(process.exitCode).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    process.exitCode = undefined;
  });

  it('refuses a port that is not a number', async () => {
    const program = new Command('ecomwatch').option('-c, --config <file>').exitOverride();
    registerServeCommand(program);
    await expect(program.parseAsync(['node', 'ecomwatch', 'serve', '--port', 'http'])).rejects.toThrow(
      /--port/,
    );
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { world } from '../../index/contract/fixtures.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { main } from '../main.js';

let stdout: string;
let stderr: string;

beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-search-'));
  vi.stubEnv('ECOMWATCH_DATA_DIR', dataDir);
  vi.stubEnv('ELASTICSEARCH_URL', '');
  const index = await openSellerIndex(loadConfig());
  const { sellers, items } = world();
  await index.upsertItems(items);
  await index.upsertSellers(sellers);
  await index.close();
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('ecomwatch search', () => {
  it('finds sellers by words without diacritics and prints JSON lines', async () => {
    const code = await main(['node', 'ecomwatch', 'search', 'dien tu', '--json']);
    expect(code).toBe(0);
    const sellers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string });
    expect(sellers.map((seller) => seller.key)).toContain('shopee:s1');
    expect(stderr).toMatch(/ecomwatch search: \d+ of \d+ sellers/);
  });

  it('filters by province written without diacritics and prints a table', async () => {
    const code = await main([
      'node',
      'ecomwatch',
      'search',
      '--province',
      'Ha Noi',
      '--category',
      'e_cigarettes',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SCORE\s+SELLER/);
    expect(lines.slice(1).every((line) => line.includes('Hà Nội'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('says what is wrong with a bad filter and exits 2', async () => {
    const code = await main(['node', 'ecomwatch', 'search', '--platform', 'ebay']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/platform/);
  });
});

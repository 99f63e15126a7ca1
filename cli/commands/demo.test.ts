import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { testConfig } from '../../pipeline/testing/test-config.js';
import { runCli } from '../../pipeline/testing/run-cli.js';

describe('ecomwatch demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-demo-'));
    writeFileSync(join(dir, 'ecomwatch.config.yaml'), 'core:\n  logLevel: silent\n');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('crawls the sandbox, runs the whole pipeline embedded into the data dir and says where the results are', async () => {
    const dataDir = join(dir, 'data');
    const { stdout, exitCode } = await runCli([
      '--config',
      join(dir, 'ecomwatch.config.yaml'),
      'demo',
      '--listings',
      '300',
      '--data-dir',
      dataDir,
      '--no-serve',
    ]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/Sandbox marketplace with 300 listings at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/300 records in, 300 scored and indexed .*flagged, 15 sellers, 0 rejected/);
    expect(stdout).toContain(join(dataDir, 'seller-index.sqlite'));
    expect(stdout).toMatch(/npx ecomwatch search/);
    expect(stdout).not.toMatch(/web UI is not built/);
    expect(existsSync(join(dataDir, 'pipeline.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'evidence'))).toBe(true);

    const index = await openSellerIndex(testConfig(dataDir));
    const vapes = await index.search({ category: ['e_cigarettes'], limit: 100 });
    expect(vapes.total).toBeGreaterThan(0);
    const all = await index.search({ limit: 100 });
    expect(all.sellers.reduce((sum, seller) => sum + seller.listingCount, 0)).toBe(300);
    await index.close();
  });
});

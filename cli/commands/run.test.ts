import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { runCli } from '../../pipeline/testing/run-cli.js';
import { sampleListings } from '../../pipeline/testing/sample-records.js';
import { testConfig } from '../../pipeline/testing/test-config.js';

describe('ecomwatch run --in', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-run-'));
    config = join(dir, 'ecomwatch.config.yaml');
    writeFileSync(config, `core:\n  logLevel: silent\npipeline:\n  batchSize: 25\n`);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes pre-crawled JSONL, reports bad lines, and skips everything on a second pass', async () => {
    const input = join(dir, 'in.jsonl');
    const lines = sampleListings(120, { perSeller: 6 }).map((listing) => JSON.stringify(listing));
    lines.splice(10, 0, '{not json', JSON.stringify({ platform: 'tiki', title: 'no ids' }));
    writeFileSync(input, lines.join('\n') + '\n');
    const dataDir = join(dir, 'data');
    const first = await runCli(['--config', config, 'run', '--in', input, '--data-dir', dataDir]);
    expect(first.exitCode).toBe(3);
    expect(first.stderr).toMatch(/122 records in, 120 scored and indexed .* 20 sellers, 2 rejected/);
    expect(first.stderr).toMatch(/line 11: not valid JSON/);
    expect(first.stderr).toMatch(/line 12: not a valid listing: .*listingId/);

    const index = await openSellerIndex(testConfig(dataDir));
    const result = await index.search({ limit: 100 });
    expect(result.total).toBe(20);
    expect(result.sellers.reduce((sum, seller) => sum + seller.listingCount, 0)).toBe(120);
    await index.close();

    const second = await runCli(['--config', config, 'run', '--in', input, '--data-dir', dataDir]);
    expect(second.stderr).toMatch(/0 scored and indexed \(120 unchanged since the last run\)/);
  });

  it('says what to pass when there is nothing to run', async () => {
    await expect(runCli(['--config', config, 'run', '--data-dir', join(dir, 'data')])).rejects.toThrow(
      /nothing to run: pass --in FILE/,
    );
  });
});

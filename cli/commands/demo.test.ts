import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { testConfig } from '../../pipeline/testing/test-config.js';
import { runCli } from '../../pipeline/testing/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/ecomwatch.js', import.meta.url));

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
    expect(stdout).toMatch(/Today's lead lists: 1 team\(s\), \d+ seller\(s\)/);
    expect(stdout).not.toMatch(/Analyst web app/);
    const exportFile = join(dataDir, 'exports', 'demo-takedown-tiki.csv');
    expect(stdout).toContain(exportFile);
    const rows = readFileSync(exportFile, 'utf8').trim().split('\n');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatch(/Evidence SHA-256/);

    const index = await openSellerIndex(testConfig(dataDir));
    const vapes = await index.search({ category: ['e_cigarettes'], limit: 100 });
    expect(vapes.total).toBeGreaterThan(0);
    const all = await index.search({ limit: 100 });
    expect(all.sellers.reduce((sum, seller) => sum + seller.listingCount, 0)).toBe(300);
    await index.close();
  });

  it('serves the analyst web app afterwards with a token that reads the results, until SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const child = spawn(
      process.execPath,
      [
        BIN,
        '--config',
        join(dir, 'ecomwatch.config.yaml'),
        'demo',
        '--listings',
        '200',
        '--data-dir',
        dataDir,
        '--port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', () => {
          if (/Ctrl-C stops the server/.test(stdout)) ready();
        });
        void exited.then(() => {
          fail(new Error(`demo exited early:\n${stdout}`));
        });
      });
      const url = /Analyst web app: (http:\/\/[^/\s]+)\//.exec(stdout)![1]!;
      const token = /analyst token \(shown once\): (\S+)/.exec(stdout)![1]!;
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const denied = await fetch(`${url}/api/sellers`);
      expect(denied.status).toBe(401);
      const sellers = await fetch(`${url}/api/sellers?limit=5`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(sellers.status).toBe(200);
      expect(((await sellers.json()) as { total: number }).total).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});

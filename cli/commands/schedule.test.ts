import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { runCli } from '../../pipeline/testing/run-cli.js';
import { sampleListings } from '../../pipeline/testing/sample-records.js';
import { testConfig } from '../../pipeline/testing/test-config.js';

describe('ecomwatch schedule --once', () => {
  let dir: string;
  let config: string;
  let input: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-schedule-cli-'));
    config = join(dir, 'ecomwatch.config.yaml');
    writeFileSync(
      config,
      'core:\n  logLevel: silent\n  timezone: Asia/Ho_Chi_Minh\npipeline:\n  batchSize: 25\n  dailyCrawlAt: "02:00"\n  dailyLeadsAt: "06:00"\n',
    );
    input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      sampleListings(120, { perSeller: 6 })
        .map((listing) => JSON.stringify(listing))
        .join('\n') + '\n',
    );
    dataDir = join(dir, 'data');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const HARNESS = new URL('../../pipeline/testing/cli-harness.ts', import.meta.url).pathname;

  const once = (now: string) =>
    runCli(['--config', config, 'schedule', '--once', '--in', input, '--data-dir', dataDir, '--now', now]);

  it('runs the due pass and then the day’s lead lists, then nothing until the next slot', async () => {
    // 06:30 on 11 March in Hanoi (23:30 UTC on the 10th): the 02:00 pass and the 06:00 lists are due.
    const first = await once('2026-03-10T23:30:00Z');
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/120 records in, 120 scored and indexed .* 20 sellers, 0 rejected/);
    expect(first.stderr).toMatch(/lead lists for 2026-03-11: 1 team\(s\), [1-9]\d* seller\(s\)/);
    expect(first.stderr).toMatch(
      /crawl for 2026-03-11 done \(exit 0\)\n.*leads for 2026-03-11 done \(exit 0\)/,
    );
    expect(first.stderr).toContain('next: crawl at 2026-03-11T19:00:00.000Z');

    const index = await openSellerIndex(testConfig(dataDir));
    const result = await index.search({ limit: 100 });
    expect(result.total).toBe(20);
    expect(result.sellers.reduce((sum, seller) => sum + seller.listingCount, 0)).toBe(120);
    await index.close();

    const listDir = join(dataDir, 'leads', '2026-03-11');
    const files = readdirSync(listDir);
    expect(files.some((file) => file.startsWith('leads-triage-2026-03-11.'))).toBe(true);
    expect(files).toContain('early-warnings-2026-03-11.json');
    const state = JSON.parse(readFileSync(join(dataDir, 'schedule-state.json'), 'utf8')) as Record<
      string,
      { slot: string; ok: boolean }
    >;
    expect(state.crawl).toMatchObject({ slot: '2026-03-10T19:00:00.000Z', ok: true });
    expect(state.leads).toMatchObject({ slot: '2026-03-10T23:00:00.000Z', ok: true });

    // An hour later (a cron line every hour): nothing is due.
    const again = await once('2026-03-11T00:30:00Z');
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain('nothing due');
    expect(existsSync(join(dataDir, 'leads', '2026-03-12'))).toBe(false);

    // 02:30 on the 12th: the next pass is due (the lists only at 06:00); everything is unchanged.
    const next = await once('2026-03-11T19:30:00Z');
    expect(next.stderr).toMatch(/0 scored and indexed \(120 unchanged since the last run\)/);
    expect(next.stderr).toMatch(/crawl for 2026-03-12 done/);
    expect(next.stderr).not.toMatch(/leads for/);
  });

  it('refuses a schedule with nothing to crawl, and a bad time in the config', async () => {
    await expect(
      runCli([
        '--config',
        config,
        'schedule',
        '--once',
        '--data-dir',
        dataDir,
        '--now',
        '2026-03-10T23:30:00Z',
      ]),
    ).rejects.toThrow(/nothing to crawl: pass --in FILE/);
    writeFileSync(config, 'core:\n  logLevel: silent\npipeline:\n  dailyCrawlAt: "2:00"\n');
    await expect(once('2026-03-10T23:30:00Z')).rejects.toThrow(/dailyCrawlAt.*HH:MM/s);
  });

  it('runs as a long-lived process, logs each run, and stops cleanly on SIGTERM between runs', async () => {
    writeFileSync(config, 'core:\n  logLevel: info\npipeline:\n  batchSize: 25\n');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        HARNESS,
        '--config',
        config,
        'schedule',
        '--in',
        input,
        '--data-dir',
        dataDir,
        '--now',
        '2026-03-10T23:30:00Z',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
    );
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
      });
    });
    const messages: string[] = [];
    for await (const line of createInterface({ input: child.stderr as NodeJS.ReadableStream })) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string };
      if (entry.msg === undefined) continue;
      messages.push(entry.msg);
      // Both runs are done and it sleeps until the next slot: stop it there.
      if (entry.msg === 'next scheduled run') child.kill('SIGTERM');
    }
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(
      messages.filter(
        (message) =>
          message.startsWith('scheduled run') ||
          message.startsWith('schedule') ||
          message.startsWith('next') ||
          message.startsWith('stopping'),
      ),
    ).toEqual([
      'schedule started',
      'scheduled run started',
      'scheduled run finished',
      'scheduled run started',
      'scheduled run finished',
      'next scheduled run',
      'stopping: after the run in progress, if any',
      'schedule stopped',
    ]);
    expect(existsSync(join(dataDir, 'leads', '2026-03-11'))).toBe(true);
  }, 60_000);
});

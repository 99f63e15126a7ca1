import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { sampleListings } from '../testing/sample-records.js';
import { testConfig } from '../testing/test-config.js';
import { ProgressStore } from './progress-store.js';
import { progressFile } from './open-embedded-pipeline.js';

const CHILD = new URL('../testing/embedded-child.ts', import.meta.url).pathname;
const RECORDS = 3000;
const BATCH = 50;

function startChild(dir: string): { child: ChildProcess; lines: AsyncIterableIterator<string> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      '--data-dir',
      join(dir, 'data'),
      '--in',
      join(dir, 'in.jsonl'),
      '--batch-size',
      String(BATCH),
      '--upsert-log',
      join(dir, 'upserts.log'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  return { child, lines };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    }),
  );
}

describe('embedded pipeline: kill -9 and restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-resume-'));
    writeFileSync(
      join(dir, 'in.jsonl'),
      sampleListings(RECORDS, { perSeller: 7 })
        .map((listing) => JSON.stringify(listing))
        .join('\n') + '\n',
    );
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every record exactly once after SIGKILL mid-run and a restart', async () => {
    const first = startChild(dir);
    const firstExit = exited(first.child);
    // Kill it once a few batches are committed: it is then in the middle of the next one.
    for (let seen = 0; seen < 5;) {
      const next = await first.lines.next();
      if (next.done === true) throw new Error('the first run ended before it could be killed');
      if (next.value.startsWith('batch ')) seen++;
    }
    first.child.kill('SIGKILL');
    expect((await firstExit).signal).toBe('SIGKILL');
    const upsertedBeforeKill = readFileSync(join(dir, 'upserts.log'), 'utf8').split('\n').filter(Boolean);
    expect(upsertedBeforeKill.length).toBeLessThan(RECORDS);

    const second = startChild(dir);
    const secondExit = exited(second.child);
    let summaryLine: string | undefined;
    for await (const line of { [Symbol.asyncIterator]: () => second.lines }) {
      if (line.startsWith('done ')) summaryLine = line.slice(5);
    }
    expect((await secondExit).code).toBe(0);
    const summary = JSON.parse(summaryLine!) as { recordsIn: number; processed: number; unchanged: number };
    expect(summary.recordsIn).toBe(RECORDS);
    // The restart skipped what the first run committed and did the rest, nothing twice.
    expect(summary.processed + summary.unchanged).toBe(RECORDS);
    expect(summary.unchanged).toBeGreaterThanOrEqual(5 * BATCH);

    const config = testConfig(join(dir, 'data'));
    const store = new ProgressStore(progressFile(config));
    expect(await store.size()).toBe(RECORDS);
    store.close();

    // Every record is in the index once; sellers count each of their listings once.
    const index = await openSellerIndex(config);
    let listings = 0;
    let sellers = 0;
    let cursor: string | undefined;
    do {
      const page = await index.search({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
      sellers += page.sellers.length;
      listings += page.sellers.reduce((sum, seller) => sum + seller.listingCount, 0);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(sellers).toBe(Math.ceil(RECORDS / 7));
    expect(listings).toBe(RECORDS);
    const detail = await index.getSeller('tiki:s3', { itemLimit: 100 });
    expect(detail.items.map((item) => item.key).sort()).toEqual(
      [21, 22, 23, 24, 25, 26, 27].map((n) => `tiki:${100_000 + n}`),
    );
    await index.close();

    // Each key was written at least once; only the batch in flight at the kill was written twice.
    const upserts = readFileSync(join(dir, 'upserts.log'), 'utf8').split('\n').filter(Boolean);
    const times = new Map<string, number>();
    for (const key of upserts) times.set(key, (times.get(key) ?? 0) + 1);
    expect(times.size).toBe(RECORDS);
    const twice = [...times.values()].filter((count) => count > 1).length;
    expect(twice).toBeLessThanOrEqual(BATCH);
    expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
  }, 120_000);
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.js';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import { StoreError } from '../../index/errors.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import { sampleListings } from '../testing/sample-records.js';
import { testConfig } from '../testing/test-config.js';
import { openBullmqProducer } from './bullmq-producer.js';
import { QueueAdmin } from './queue-admin.js';
import { createRedis } from './redis-connection.js';
import { RedisLedger } from './redis-progress.js';
import { StageWorker } from './stage-worker.js';
import type { StageName } from './stages.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const CHILD = new URL('../testing/index-worker-child.ts', import.meta.url).pathname;

let scorer: Scorer;
beforeAll(() => {
  scorer = Scorer.create({ flagThreshold: 50, classifierWeight: 10 });
});

/** An index that logs every item key it writes, and can be made to fail or hang. */
class TestIndex {
  readonly writes: string[] = [];
  onUpsert: ((call: number) => Promise<void>) | undefined;
  private calls = 0;
  constructor(readonly inner: EmbeddedSellerIndex) {}

  asSellerIndex(): SellerIndex {
    const inner = this.inner;
    return Object.assign(Object.create(inner) as SellerIndex, {
      upsertItems: async (items: Parameters<SellerIndex['upsertItems']>[0]) => {
        this.calls++;
        const result = await inner.upsertItems(items);
        for (const item of items)
          this.writes.push(`${item.platform}:${'listingId' in item ? String(item.listingId) : ''}`);
        await this.onUpsert?.(this.calls);
        return result;
      },
    });
  }
}

describe('BullMQ transport on the real Redis', () => {
  let prefix: string;
  let redis: Redis;
  let dir: string;
  let config: Config;
  let workers: StageWorker[];
  let index: TestIndex;

  beforeEach(() => {
    prefix = `ewtest-${randomUUID().slice(0, 8)}`;
    redis = createRedis(REDIS_URL);
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-bullmq-'));
    const base = testConfig(join(dir, 'data'), {
      batchSize: 50,
      jobAttempts: 3,
      backoffMillis: 20,
      lockDurationMillis: 1000,
      queuePrefix: prefix,
      workerConcurrency: 2,
    });
    config = { ...base, core: { ...base.core, redisUrl: REDIS_URL } };
    workers = [];
    index = new TestIndex(new EmbeddedSellerIndex({ file: ':memory:' }));
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close(true)));
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
    await index.inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(
    stage: StageName,
    options: { index?: SellerIndex; stalledIntervalMillis?: number } = {},
  ) {
    const worker = await StageWorker.start(config, {
      stage,
      connection: redis,
      scorer,
      index: options.index ?? index.asSellerIndex(),
      ...(options.stalledIntervalMillis === undefined
        ? {}
        : { stalledIntervalMillis: options.stalledIntervalMillis }),
    });
    workers.push(worker);
    return worker;
  }

  /** Resolves once the ledger holds `count` records, checked on each completed index job. */
  function indexed(worker: StageWorker, count: number): Promise<void> {
    const ledger = new RedisLedger(redis, prefix);
    return new Promise((resolve, reject) => {
      const check = () => {
        ledger.size().then((size) => {
          if (size >= count) resolve();
        }, reject);
      };
      worker.worker.on('completed', check);
      check();
    });
  }

  async function produce(values: unknown[]): Promise<void> {
    const producer = await openBullmqProducer(config, { connection: redis });
    for (const [position, value] of values.entries()) await producer.push(value, `line ${position + 1}`);
    await producer.finish();
    await producer.close();
  }

  async function sellerTotals(): Promise<{ sellers: number; listings: number }> {
    const result = await index.inner.search({ limit: 100 });
    return {
      sellers: result.total,
      listings: result.sellers.reduce((sum, seller) => sum + seller.listingCount, 0),
    };
  }

  it('indexes every record exactly once when an index worker is killed mid-batch and the input is sent twice', async () => {
    const records = sampleListings(600, { perSeller: 6 });
    const indexFile = join(dir, 'index.sqlite');
    const log = join(dir, 'upserts.log');
    await index.inner.close();
    index = new TestIndex(new EmbeddedSellerIndex({ file: indexFile }));
    await start('normalise');
    await start('score');
    await start('aggregate');
    // Worker A, a process of its own, writes its second batch's items and hangs there: killed mid-batch.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CHILD,
        '--prefix',
        prefix,
        '--index-file',
        indexFile,
        '--log',
        log,
        '--redis',
        REDIS_URL,
        '--data-dir',
        join(dir, 'data'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => {
        resolve(signal);
      }),
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const waitFor = async (wanted: string) => {
      for (;;) {
        const next = await lines.next();
        if (next.done === true) throw new Error(`the child ended before "${wanted}"`);
        if (next.value === wanted) return;
      }
    };
    await waitFor('ready');
    await produce(records);
    await waitFor('stuck');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Worker B finds the dead worker's job once its lock expires, and finishes the rest.
    const workerB = await start('index', { stalledIntervalMillis: 200 });
    const done = indexed(workerB, records.length);
    await produce(records); // the same input again: the same job ids, and the ledger skips it
    await done;

    const admin = QueueAdmin.open(config, { connection: redis });
    const status = await admin.status();
    await admin.close();
    expect(status.every((stage) => stage.failed === 0)).toBe(true);
    expect(await new RedisLedger(redis, prefix).size()).toBe(600);
    expect(await sellerTotals()).toEqual({ sellers: 100, listings: 600 });
    const writes = [...readFileSync(log, 'utf8').split('\n').filter(Boolean), ...index.writes];
    const times = new Map<string, number>();
    for (const key of writes) times.set(key, (times.get(key) ?? 0) + 1);
    expect(times.size).toBe(600);
    // Only the batch the killed worker was in the middle of was written a second time.
    const twice = [...times.values()].filter((count) => count > 1).length;
    expect(twice).toBeGreaterThan(0);
    expect(twice).toBeLessThanOrEqual(50);
    expect(Math.max(...times.values())).toBe(2);
  });

  it('keeps a poison record in the failed set with its reason, never retried, and the rest goes through', async () => {
    const normaliser = await start('normalise');
    await start('score');
    await start('aggregate');
    const indexer = await start('index');
    const failed = new Promise<Job | undefined>((resolve) => {
      normaliser.worker.on('failed', (job) => {
        resolve(job);
      });
    });
    const good = sampleListings(20);
    const done = indexed(indexer, 20);
    await produce([
      ...good.slice(0, 10),
      { platform: 'tiki', listingId: '9', title: 'x', sellerId: 's', capturedAt: 'soon' },
      ...good.slice(10),
    ]);
    const job = await failed;
    await done;
    expect(job?.name).toBe('rejected');
    expect(job?.attemptsMade).toBe(1);
    const admin = QueueAdmin.open(config, { connection: redis });
    const [failure] = await admin.failed();
    expect(failure?.stage).toBe('normalise');
    expect(failure?.reason).toMatch(/^line 11: not a valid listing: .*url.*capturedAt/);
    expect((await admin.status()).find((stage) => stage.stage === 'normalise')?.failed).toBe(1);
    expect(await admin.dropFailed()).toBe(1);
    expect((await admin.status()).every((stage) => stage.failed === 0)).toBe(true);
    await admin.close();
    expect(await sellerTotals()).toEqual({ sellers: 4, listings: 20 });
  });

  it('retries a batch the index could not take, with backoff, then indexes it once', async () => {
    await start('normalise');
    await start('score');
    await start('aggregate');
    index.onUpsert = (call) =>
      call === 1 ? Promise.reject(new StoreError('index busy', { retryable: true })) : Promise.resolve();
    const indexer = await start('index');
    const attempts: number[] = [];
    indexer.worker.on('completed', (job) => attempts.push(job.attemptsMade));
    const done = indexed(indexer, 10);
    await produce(sampleListings(10));
    await done;
    // Completed on its second attempt.
    expect(attempts).toEqual([2]);
    expect(await sellerTotals()).toEqual({ sellers: 2, listings: 10 });
  });

  it('fails a batch at once when the store refuses it for good', async () => {
    await start('normalise');
    await start('score');
    await start('aggregate');
    index.onUpsert = () => Promise.reject(new StoreError('mapping conflict'));
    const indexer = await start('index');
    const failed = new Promise<Job | undefined>((resolve) => {
      indexer.worker.on('failed', (job) => {
        resolve(job);
      });
    });
    await produce(sampleListings(5));
    const job = await failed;
    expect(job?.failedReason).toBe('mapping conflict');
    expect(job?.attemptsMade).toBe(1);
  });
});

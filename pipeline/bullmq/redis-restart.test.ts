import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.js';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import { sampleListings } from '../testing/sample-records.js';
import { testConfig } from '../testing/test-config.js';
import { openBullmqProducer } from './bullmq-producer.js';
import { QueueAdmin } from './queue-admin.js';
import { createRedis } from './redis-connection.js';
import { RedisLedger } from './redis-progress.js';
import { StageWorker } from './stage-worker.js';
import { STAGES } from './stages.js';

/** redis-server on PATH, or undefined: the test below needs a Redis of its own to stop and start. */
function redisServerOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const REDIS_SERVER = redisServerOnPath();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A private redis-server with append-only persistence in `dir`; resolves once it accepts connections. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER!,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`redis-server exited with ${String(code)} before it was ready`));
    });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

describe.skipIf(REDIS_SERVER === undefined)('survives a Redis restart (needs redis-server on PATH)', () => {
  let dir: string;
  let port: number;
  let url: string;
  let server: ChildProcess | undefined;
  let config: Config;
  let scorer: Scorer;

  beforeAll(() => {
    scorer = Scorer.create({ flagThreshold: 50, classifierWeight: 10 });
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-redis-restart-'));
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = await startRedis(port, dir);
    const base = testConfig(join(dir, 'data'), {
      batchSize: 50,
      queuePrefix: 'restart',
      workerConcurrency: 2,
    });
    config = { ...base, core: { ...base.core, redisUrl: url } };
  });

  afterEach(async () => {
    if (server !== undefined && server.exitCode === null && server.signalCode === null) {
      const done = exited(server);
      server.kill('SIGKILL');
      await done;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every record enqueued before SHUTDOWN exactly once after Redis comes back', async () => {
    const records = sampleListings(300, { perSeller: 6 });
    const producerConnection = createRedis(url);
    const producer = await openBullmqProducer(config, { connection: producerConnection });
    for (const [position, record] of records.entries()) await producer.push(record, `line ${position + 1}`);
    await producer.finish();
    await producer.close();
    await producerConnection.quit();
    expect(producer.jobs).toBe(6);

    // SHUTDOWN: Redis writes its append-only file and exits; the connection drops with it.
    const stopping = exited(server!);
    const admin = createRedis(url, { lazyConnect: true, retryStrategy: () => null });
    await admin.connect();
    await admin.call('SHUTDOWN').catch(() => undefined);
    admin.disconnect();
    await stopping;
    expect(server!.exitCode).toBe(0);

    // The same port and dir: the jobs are back from the append-only file.
    server = await startRedis(port, dir);
    const redis = createRedis(url);
    const queueAdmin = QueueAdmin.open(config, { connection: redis });
    expect((await queueAdmin.status()).find((stage) => stage.stage === 'normalise')?.waiting).toBe(6);

    const inner = new EmbeddedSellerIndex({ file: ':memory:' });
    const writes: string[] = [];
    const index: SellerIndex = Object.assign(Object.create(inner) as SellerIndex, {
      upsertItems: async (items: Parameters<SellerIndex['upsertItems']>[0]) => {
        const result = await inner.upsertItems(items);
        for (const item of items)
          writes.push(`${item.platform}:${'listingId' in item ? String(item.listingId) : ''}`);
        return result;
      },
    });
    const workers = await Promise.all(
      STAGES.map((stage) => StageWorker.start(config, { stage, connection: redis, scorer, index })),
    );
    try {
      const ledger = new RedisLedger(redis, config.pipeline.queuePrefix);
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          ledger.size().then((size) => {
            if (size >= records.length) resolve();
          }, reject);
        };
        workers[STAGES.indexOf('index')]!.worker.on('completed', check);
        check();
      });
      expect(await ledger.size()).toBe(300);
      const times = new Map<string, number>();
      for (const key of writes) times.set(key, (times.get(key) ?? 0) + 1);
      expect(times.size).toBe(300);
      expect([...times.values()].every((count) => count === 1)).toBe(true);
      const result = await inner.search({ limit: 100 });
      expect(result.total).toBe(50);
      expect(result.sellers.reduce((sum, seller) => sum + seller.listingCount, 0)).toBe(300);
      expect((await queueAdmin.status()).every((stage) => stage.failed === 0)).toBe(true);
    } finally {
      await Promise.all(workers.map((worker) => worker.close(true)));
      await queueAdmin.close();
      await redis.quit();
      await inner.close();
    }
  });
});

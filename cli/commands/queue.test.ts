import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBullmqProducer } from '../../pipeline/bullmq/bullmq-producer.js';
import { createRedis } from '../../pipeline/bullmq/redis-connection.js';
import { StageWorker } from '../../pipeline/bullmq/stage-worker.js';
import { runCli } from '../../pipeline/testing/run-cli.js';
import { sampleListings } from '../../pipeline/testing/sample-records.js';
import { testConfig } from '../../pipeline/testing/test-config.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('ecomwatch queue status', () => {
  let prefix: string;
  let dir: string;
  let configFile: string;
  let redis: Redis;
  beforeEach(() => {
    prefix = `ewtest-${randomUUID().slice(0, 8)}`;
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-queue-'));
    configFile = join(dir, 'ecomwatch.config.yaml');
    writeFileSync(configFile, `core:\n  logLevel: silent\npipeline:\n  queuePrefix: ${prefix}\n`);
    redis = createRedis(REDIS_URL);
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows waiting / failed per stage with reasons, retries and drops failed jobs', async () => {
    const base = testConfig(join(dir, 'data'), { queuePrefix: prefix });
    const config = { ...base, core: { ...base.core, redisUrl: REDIS_URL } };
    const worker = await StageWorker.start(config, { stage: 'normalise', connection: redis });
    const failed = new Promise<void>((resolve) => {
      worker.worker.on('failed', () => {
        resolve();
      });
    });
    const producer = await openBullmqProducer(config, { connection: redis });
    await producer.push({ platform: 'tiki', title: 'no ids' }, 'line 1');
    await producer.push(sampleListings(1)[0], 'line 2');
    await producer.finish();
    await producer.close();
    await failed;
    await worker.close();

    const status = await runCli(['--config', configFile, 'queue', 'status', '--redis', REDIS_URL]);
    expect(status.stdout).toMatch(/^normalise\s+0\s+0\s+0\s+1\s+1$/m);
    expect(status.stdout).toMatch(/^score\s+1\s+0\s+0\s+0\s+0$/m);
    expect(status.stdout).toMatch(
      /failed normalise rejected-\w+ \(rejected, 1 attempt\(s\)\): line 1: not a valid listing/,
    );

    const retried = await runCli([
      '--config',
      configFile,
      'queue',
      'status',
      '--redis',
      REDIS_URL,
      '--retry-failed',
      '--json',
    ]);
    expect(retried.stdout).toMatch(/^retried 1 failed job\(s\)$/m);
    const afterRetry = JSON.parse(retried.stdout.split('\n')[1]!) as {
      stages: { stage: string; waiting: number; failed: number }[];
    };
    expect(afterRetry.stages[0]).toMatchObject({ stage: 'normalise', waiting: 1, failed: 0 });

    const again = await StageWorker.start(config, { stage: 'normalise', connection: redis });
    const failedAgain = new Promise<void>((resolve) => {
      again.worker.on('failed', () => {
        resolve();
      });
    });
    await failedAgain;
    await again.close();
    const dropped = await runCli([
      '--config',
      configFile,
      'queue',
      'status',
      '--redis',
      REDIS_URL,
      '--drop-failed',
    ]);
    expect(dropped.stdout).toMatch(/^dropped 1 failed job\(s\)$/m);
    expect(dropped.stdout).toMatch(/^normalise\s+0\s+0\s+0\s+0\s+1$/m);
  });

  it('`run --redis` only enqueues: the normalise queue holds the batches for the workers', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      sampleListings(120)
        .map((listing) => JSON.stringify(listing))
        .join('\n') + '\n',
    );
    writeFileSync(
      configFile,
      `core:\n  logLevel: silent\npipeline:\n  queuePrefix: ${prefix}\n  batchSize: 50\n`,
    );
    const run = await runCli(['--config', configFile, 'run', '--in', input, '--redis', REDIS_URL]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/enqueued 120 records in 3 normalise job\(s\)/);
    const status = await runCli(['--config', configFile, 'queue', 'status', '--redis', REDIS_URL]);
    expect(status.stdout).toMatch(/^normalise\s+3\s+0\s+0\s+0\s+0$/m);
    // Sent again: the same job ids, nothing new waiting.
    await runCli(['--config', configFile, 'run', '--in', input, '--redis', REDIS_URL]);
    const again = await runCli(['--config', configFile, 'queue', 'status', '--redis', REDIS_URL]);
    expect(again.stdout).toMatch(/^normalise\s+3\s+0\s+0\s+0\s+0$/m);
  });

  it('needs Redis', async () => {
    await expect(runCli(['--config', configFile, 'queue', 'status'])).rejects.toThrow(/queue needs Redis/);
  });
});

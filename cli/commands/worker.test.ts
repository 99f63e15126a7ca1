import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedis } from '../../pipeline/bullmq/redis-connection.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const HARNESS = new URL('../../pipeline/testing/cli-harness.ts', import.meta.url).pathname;

describe('ecomwatch worker', () => {
  let prefix: string;
  let dir: string;
  beforeEach(() => {
    prefix = `ewtest-${randomUUID().slice(0, 8)}`;
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-worker-'));
  });
  afterEach(async () => {
    const redis = createRedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops gracefully on SIGTERM and exits 0', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', HARNESS, 'worker', '--stage', 'score', '--redis', REDIS_URL, '--concurrency', '2'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          DOTENV_CONFIG_QUIET: 'true',
          ECOMWATCH_PIPELINE_QUEUE_PREFIX: prefix,
          ECOMWATCH_DATA_DIR: join(dir, 'data'),
          ECOMWATCH_LOG_LEVEL: 'info',
        },
      },
    );
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        resolve(code);
      }),
    );
    const messages: string[] = [];
    const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    const started = new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        try {
          const message = (JSON.parse(line) as { msg?: string }).msg ?? '';
          messages.push(message);
          if (message === 'worker started') resolve();
        } catch {
          messages.push(line);
        }
      });
    });
    await started;
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(messages).toContain('stopping: finishing jobs in flight');
    expect(messages).toContain('worker stopped');
  });
});

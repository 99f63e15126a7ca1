import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import type { SellerIndex } from '../../index/seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import { queueSettings } from './bullmq-producer.js';
import { PipelineQueues } from './pipeline-queues.js';
import { ConnectionPool, createRedis } from './redis-connection.js';
import { RedisLedger, RedisSellerState } from './redis-progress.js';
import { stageProcessor } from './stage-processors.js';
import { queueName, type StageName } from './stages.js';

export interface StageWorkerOptions {
  stage: StageName;
  concurrency?: number;
  /** Use this connection (left open on close) instead of connecting to core.redisUrl. */
  connection?: Redis;
  prefix?: string;
  /** Use this index (left open on close) in the index stage. */
  index?: SellerIndex;
  scorer?: Scorer;
  /** How often stalled jobs (a worker that died holding them) are looked for. */
  stalledIntervalMillis?: number;
}

/**
 * One stage's worker: takes batches from the stage's queue and runs the stage on them.
 * `close()` is the graceful stop (SIGTERM): no new jobs, the ones in flight finish, then the
 * connections and the index close. A worker killed outright leaves its jobs active; once
 * their locks expire another worker takes them again (BullMQ's stalled-job check).
 */
export class StageWorker {
  private closing: Promise<void> | undefined;

  private constructor(
    readonly worker: Worker,
    private readonly release: () => Promise<void>,
  ) {}

  static async start(config: Config, options: StageWorkerOptions): Promise<StageWorker> {
    const url = config.core.redisUrl;
    if (options.connection === undefined && url === undefined)
      throw new Error('no Redis URL (set REDIS_URL or pass --redis)');
    const connection = options.connection ?? createRedis(url!);
    const settings = queueSettings(config, options.prefix);
    const queues = new PipelineQueues(connection, settings);
    const pool = new ConnectionPool(connection);
    const needsIndex = options.stage === 'index' && options.index === undefined;
    const index = needsIndex ? await openSellerIndex(config) : options.index;
    const scorer = options.stage === 'score' ? (options.scorer ?? Scorer.create(config.scoring)) : undefined;
    const processor = stageProcessor(options.stage, {
      queues,
      redis: connection,
      ledger: new RedisLedger(connection, settings.prefix),
      sellers: new RedisSellerState(connection, pool, settings.prefix),
      ...(scorer === undefined ? {} : { scorer }),
      ...(index === undefined ? {} : { index }),
    });
    // The worker's own connection: its blocking reads must not hold up the queues' commands.
    const workerConnection = connection.duplicate();
    const worker = new Worker(queueName(options.stage), processor, {
      connection: workerConnection,
      prefix: settings.prefix,
      concurrency: options.concurrency ?? config.pipeline.workerConcurrency,
      lockDuration: config.pipeline.lockDurationMillis,
      ...(options.stalledIntervalMillis === undefined
        ? {}
        : { stalledInterval: options.stalledIntervalMillis }),
    });
    const release = async () => {
      await queues.close();
      await pool.close();
      if (needsIndex && index !== undefined) await closeIndex(index);
      await workerConnection.quit().catch(() => undefined);
      if (options.connection === undefined) await connection.quit();
    };
    await worker.waitUntilReady();
    return new StageWorker(worker, release);
  }

  /** Graceful: finishes the jobs in flight. `force` returns them to the queue at once instead. */
  close(force = false): Promise<void> {
    // A second, forced stop while a graceful one waits: hand the jobs in flight back now.
    if (force && this.closing !== undefined) void this.worker.close(true);
    this.closing ??= (async () => {
      await this.worker.close(force);
      await this.release();
    })();
    return this.closing;
  }
}

/** Tries of closing a shared embedded index file another process is writing to. */
const CLOSE_TRIES = 20;

/**
 * Closes the index this worker opened. The embedded index flushes its search text on close,
 * and with several worker processes on one SQLite file that write can meet another process's
 * (SQLITE_BUSY): it is tried again, so a graceful stop never ends in a crash.
 */
async function closeIndex(index: SellerIndex): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await index.close();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || tries >= CLOSE_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * tries));
    }
  }
}

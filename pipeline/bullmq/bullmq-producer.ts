import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import { InvalidInput } from '../invalid-input.js';
import { RunSummary } from '../run-summary.js';
import type { PipelineTransport } from '../transport.js';
import { rawBatchJobId } from './job-id.js';
import { PipelineQueues } from './pipeline-queues.js';
import { createRedis } from './redis-connection.js';
import { BATCH_JOB, type NormaliseJob, type RawInput } from './stages.js';

export interface BullmqProducerOptions {
  redisUrl?: string;
  /** Use this connection (left open on close) instead of connecting to `redisUrl`. */
  connection?: Redis;
  /** Overrides `pipeline.queuePrefix` (tests use a random one). */
  prefix?: string;
}

/**
 * The distributed transport's producer: batches raw inputs into jobs on the normalise queue;
 * workers (`ecomwatch worker --stage …`) take it from there. `push` waits for Redis to take
 * each full batch, so a fast crawler is held back by Redis, not by memory.
 */
export class BullmqProducer implements PipelineTransport {
  readonly summary = new RunSummary();
  private batch: RawInput[] = [];
  jobs = 0;

  constructor(
    private readonly queues: PipelineQueues,
    private readonly batchSize: number,
    private readonly onClose: () => Promise<void>,
  ) {}

  async push(value: unknown, source: string): Promise<void> {
    this.summary.recordsIn++;
    this.batch.push(value instanceof InvalidInput ? { source, invalid: value.reason } : { source, value });
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<RunSummary> {
    await this.flush();
    return this.summary.finish();
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const inputs = this.batch;
    this.batch = [];
    await this.queues.add('normalise', BATCH_JOB, { inputs } satisfies NormaliseJob, rawBatchJobId(inputs));
    this.jobs++;
  }
}

export async function openBullmqProducer(
  config: Config,
  options: BullmqProducerOptions = {},
): Promise<BullmqProducer> {
  const owned = options.connection === undefined;
  const url = options.redisUrl ?? config.core.redisUrl;
  if (options.connection === undefined && url === undefined)
    throw new Error('no Redis URL (set REDIS_URL or pass --redis)');
  const connection = options.connection ?? createRedis(url!);
  const queues = new PipelineQueues(connection, queueSettings(config, options.prefix));
  await queues.queues.normalise.waitUntilReady();
  let closed = false;
  return new BullmqProducer(queues, config.pipeline.batchSize, async () => {
    if (closed) return;
    closed = true;
    await queues.close();
    if (owned) await connection.quit();
  });
}

export function queueSettings(config: Config, prefix?: string) {
  return {
    prefix: prefix ?? config.pipeline.queuePrefix,
    attempts: config.pipeline.jobAttempts,
    backoffMillis: config.pipeline.backoffMillis,
  };
}

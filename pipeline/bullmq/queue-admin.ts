import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import { queueSettings } from './bullmq-producer.js';
import { PipelineQueues } from './pipeline-queues.js';
import { createRedis } from './redis-connection.js';
import { pipelineKeys } from './redis-progress.js';
import { STAGES, type StageName } from './stages.js';

export interface StageStatus {
  stage: StageName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  stage: StageName;
  id: string;
  name: string;
  reason: string;
  attempts: number;
}

/** What `ecomwatch queue` shows and does: counts per stage, the failed set, retry or drop. */
export class QueueAdmin {
  private constructor(
    private readonly queues: PipelineQueues,
    private readonly release: () => Promise<void>,
  ) {}

  static open(config: Config, options: { connection?: Redis; prefix?: string } = {}): QueueAdmin {
    const url = config.core.redisUrl;
    if (options.connection === undefined && url === undefined)
      throw new Error('no Redis URL (set REDIS_URL or pass --redis)');
    const connection = options.connection ?? createRedis(url!);
    const queues = new PipelineQueues(connection, queueSettings(config, options.prefix));
    return new QueueAdmin(queues, async () => {
      await queues.close();
      if (options.connection === undefined) await connection.quit();
    });
  }

  async status(): Promise<StageStatus[]> {
    return Promise.all(
      STAGES.map(async (stage) => {
        const counts = await this.queues.queues[stage].getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'completed',
        );
        return {
          stage,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        };
      }),
    );
  }

  /** Running totals the workers keep: indexed, flagged, unchanged, rejected, dropped. */
  async stats(): Promise<Record<string, number>> {
    const raw = await this.queues.connection.hgetall(pipelineKeys(this.queues.settings.prefix).stats);
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Number(value)]));
  }

  async failed(limit = 20): Promise<FailedJob[]> {
    const out: FailedJob[] = [];
    for (const stage of STAGES) {
      const jobs = await this.queues.queues[stage].getFailed(0, limit - 1);
      for (const job of jobs) {
        out.push({
          stage,
          id: job.id ?? '',
          name: job.name,
          reason: job.failedReason,
          attempts: job.attemptsMade,
        });
      }
    }
    return out;
  }

  /** Moves every failed job back to waiting; returns how many there were. */
  async retryFailed(): Promise<number> {
    let count = 0;
    for (const stage of STAGES) {
      const queue = this.queues.queues[stage];
      count += await queue.getFailedCount();
      await queue.retryJobs({ state: 'failed' });
    }
    return count;
  }

  /** Deletes every failed job; returns how many. */
  async dropFailed(): Promise<number> {
    let count = 0;
    for (const stage of STAGES) count += (await this.queues.queues[stage].clean(0, 0, 'failed')).length;
    return count;
  }

  /** True when no stage has work waiting, delayed or in flight. */
  async idle(): Promise<boolean> {
    const status = await this.status();
    return status.every((stage) => stage.waiting + stage.active + stage.delayed === 0);
  }

  close(): Promise<void> {
    return this.release();
  }
}

import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { STAGES, queueName, type StageName } from './stages.js';

export interface QueueSettings {
  prefix: string;
  attempts: number;
  backoffMillis: number;
}

/**
 * Completed jobs kept so that a batch re-sent soon after (a producer retry, a re-run) lands on
 * the same job id and is ignored; older re-sends are caught by the ledger instead. Bounded:
 * a kept job holds its whole batch in Redis.
 */
const KEEP_COMPLETED = { age: 3600, count: 1000 };

/**
 * The four stage queues on one connection. Every job retries with exponential backoff;
 * failed jobs stay in the failed set until `ecomwatch queue` retries or drops them.
 */
export class PipelineQueues {
  readonly queues: Record<StageName, Queue>;
  readonly jobOptions: JobsOptions;

  constructor(
    readonly connection: Redis,
    readonly settings: QueueSettings,
  ) {
    this.jobOptions = {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMillis },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: false,
    };
    const entries = STAGES.map(
      (stage) =>
        [
          stage,
          new Queue(queueName(stage), {
            connection,
            prefix: settings.prefix,
            defaultJobOptions: this.jobOptions,
          }),
        ] as const,
    );
    this.queues = Object.fromEntries(entries) as Record<StageName, Queue>;
  }

  async add(
    stage: StageName,
    name: string,
    data: unknown,
    jobId: string,
    options: JobsOptions = {},
  ): Promise<void> {
    await this.queues[stage].add(name, data, { ...options, jobId });
  }

  async close(): Promise<void> {
    await Promise.all(STAGES.map((stage) => this.queues[stage].close()));
  }
}

import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import {
  SCHEDULED_TASKS,
  taskTime,
  type DailySchedule,
  type DueRun,
  type RunOutcome,
  type ScheduledTask,
} from '../schedule/daily-schedule.js';
import { dailyCronPattern, localDateString } from '../schedule/next-run.js';
import { createRedis } from './redis-connection.js';

/** The queue the daily job schedulers put their jobs on (beside the four stage queues). */
export const SCHEDULE_QUEUE = 'pipeline-schedule';

/** One job scheduler per task; upserting the same id again replaces it, never adds a second. */
export const JOB_SCHEDULER_IDS: Record<ScheduledTask, string> = {
  crawl: 'daily-crawl',
  leads: 'daily-leads',
};

export interface ScheduledJobData {
  task: ScheduledTask;
}

export interface RegisteredScheduler {
  id: string;
  task: ScheduledTask;
  pattern: string;
  tz: string;
  /** When it fires next (epoch ms), as BullMQ computed it. */
  next?: number;
}

/** The daily schedule from the config: core.timezone, pipeline.dailyCrawlAt / dailyLeadsAt. */
export function configuredSchedule(config: Pick<Config, 'core' | 'pipeline'>): DailySchedule {
  return {
    timeZone: config.core.timezone,
    crawlAt: config.pipeline.dailyCrawlAt,
    leadsAt: config.pipeline.dailyLeadsAt,
  };
}

export function scheduleQueue(connection: Redis, prefix: string): Queue<ScheduledJobData> {
  return new Queue<ScheduledJobData>(SCHEDULE_QUEUE, { connection, prefix });
}

/**
 * Registers (or updates) the two daily job schedulers: a cron pattern read in the schedule's
 * time zone, so 02:00 means 02:00 in Hanoi whatever the Redis or worker machine's zone.
 * Idempotent: every `ecomwatch schedule --redis` may call it.
 */
export async function registerJobSchedulers(
  queue: Queue<ScheduledJobData>,
  schedule: DailySchedule,
  jobOptions: Pick<JobsOptions, 'attempts' | 'backoff'> = {},
): Promise<RegisteredScheduler[]> {
  const registered: RegisteredScheduler[] = [];
  for (const task of SCHEDULED_TASKS) {
    const id = JOB_SCHEDULER_IDS[task];
    const pattern = dailyCronPattern(taskTime(schedule, task));
    await queue.upsertJobScheduler(
      id,
      { pattern, tz: schedule.timeZone },
      {
        name: task,
        data: { task },
        opts: { ...jobOptions, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
    const stored = await queue.getJobScheduler(id);
    registered.push({
      id,
      task,
      pattern,
      tz: schedule.timeZone,
      ...(stored?.next === undefined ? {} : { next: stored.next }),
    });
  }
  return registered;
}

/**
 * The run a scheduled job stands for: its task, the slot it was scheduled for (BullMQ keeps it
 * as `prevMillis`; a job added by hand counts from when it was added) and that slot's date.
 */
export function dueRunOfJob(job: Job<ScheduledJobData>, timeZone: string): DueRun {
  const task = job.data.task;
  if (!(SCHEDULED_TASKS as readonly string[]).includes(task))
    throw new Error(`not a scheduled task: ${task}`);
  const millis = job.opts.prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
  const slot = new Date(millis);
  return { task, slot, date: localDateString(slot, timeZone) };
}

export interface ScheduleWorkerOptions {
  /** Use this connection (left open on close) instead of connecting to core.redisUrl. */
  connection?: Redis;
  prefix?: string;
  /** Runs the task: a pipeline pass (which enqueues into the stage queues) or the lead lists. */
  run: (due: DueRun) => Promise<RunOutcome>;
}

/**
 * Takes the scheduler's jobs and runs them, one at a time. A run that fails (an exception, or
 * a pass that got nothing) fails the job, which BullMQ retries with backoff; a job whose worker
 * died is handed to another once its lock expires. `close()` lets a run in flight finish.
 */
export class ScheduleWorker {
  private closing: Promise<void> | undefined;

  private constructor(
    readonly worker: Worker<ScheduledJobData>,
    readonly queue: Queue<ScheduledJobData>,
    private readonly release: () => Promise<void>,
  ) {}

  static async start(config: Config, options: ScheduleWorkerOptions): Promise<ScheduleWorker> {
    const url = config.core.redisUrl;
    if (options.connection === undefined && url === undefined)
      throw new Error('no Redis URL (set REDIS_URL or pass --redis)');
    const connection = options.connection ?? createRedis(url!);
    const prefix = options.prefix ?? config.pipeline.queuePrefix;
    const queue = scheduleQueue(connection, prefix);
    const workerConnection = connection.duplicate();
    const worker = new Worker<ScheduledJobData>(
      SCHEDULE_QUEUE,
      async (job) => {
        const due = dueRunOfJob(job, config.core.timezone);
        const outcome = await options.run(due);
        // 3: some input was rejected, the rest went through; that is a done run.
        if (outcome.exitCode !== 0 && outcome.exitCode !== 3)
          throw new Error(`scheduled ${due.task} for ${due.date} ended with exit code ${outcome.exitCode}`);
        return { ...outcome, task: due.task, date: due.date };
      },
      {
        connection: workerConnection,
        prefix,
        concurrency: 1,
        lockDuration: config.pipeline.lockDurationMillis,
      },
    );
    await worker.waitUntilReady();
    return new ScheduleWorker(worker, queue, async () => {
      await queue.close();
      await workerConnection.quit().catch(() => undefined);
      if (options.connection === undefined) await connection.quit();
    });
  }

  /** Graceful: the run in flight finishes. `force` hands it back to the queue at once. */
  close(force = false): Promise<void> {
    if (force && this.closing !== undefined) void this.worker.close(true);
    this.closing ??= (async () => {
      await this.worker.close(force);
      await this.release();
    })();
    return this.closing;
  }
}

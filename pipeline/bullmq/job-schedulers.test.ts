import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduledTaskRunner } from '../../cli/commands/schedule.js';
import { loadConfig, type Config } from '../../config/index.js';
import { nextRun } from '../schedule/next-run.js';
import { sampleListings } from '../testing/sample-records.js';
import {
  configuredSchedule,
  JOB_SCHEDULER_IDS,
  registerJobSchedulers,
  scheduleQueue,
  ScheduleWorker,
  type ScheduledJobData,
} from './job-schedulers.js';
import { QueueAdmin } from './queue-admin.js';
import { createRedis } from './redis-connection.js';
import { RedisLedger } from './redis-progress.js';
import { StageWorker } from './stage-worker.js';
import { STAGES } from './stages.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const HCM = 'Asia/Ho_Chi_Minh';

describe('BullMQ job schedulers on the real Redis', () => {
  let prefix: string;
  let redis: Redis;
  let dir: string;
  let configFile: string;
  let config: Config;
  let queue: Queue<ScheduledJobData>;
  let closers: (() => Promise<void>)[];

  beforeEach(() => {
    prefix = `ewtest-${randomUUID().slice(0, 8)}`;
    redis = createRedis(REDIS_URL);
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-schedulers-'));
    configFile = join(dir, 'ecomwatch.config.yaml');
    writeFileSync(
      configFile,
      [
        'core:',
        '  logLevel: silent',
        `  timezone: ${HCM}`,
        `  dataDir: ${join(dir, 'data')}`,
        `  redisUrl: ${REDIS_URL}`,
        'pipeline:',
        '  batchSize: 25',
        `  queuePrefix: ${prefix}`,
        '  dailyCrawlAt: "02:00"',
        '  dailyLeadsAt: "06:30"',
        '',
      ].join('\n'),
    );
    config = loadConfig({ env: {}, file: configFile });
    queue = scheduleQueue(redis, prefix);
    closers = [];
  });

  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    await queue.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers one scheduler per task with its cron pattern and time zone, idempotently', async () => {
    const before = new Date();
    await registerJobSchedulers(queue, configuredSchedule(config));
    const registered = await registerJobSchedulers(queue, configuredSchedule(config));
    const after = new Date();
    expect(registered.map(({ id, pattern, tz }) => ({ id, pattern, tz }))).toEqual([
      { id: 'daily-crawl', pattern: '0 2 * * *', tz: HCM },
      { id: 'daily-leads', pattern: '30 6 * * *', tz: HCM },
    ]);
    expect(await queue.getJobSchedulersCount()).toBe(2);
    const crawl = await queue.getJobScheduler(JOB_SCHEDULER_IDS.crawl);
    const leads = await queue.getJobScheduler(JOB_SCHEDULER_IDS.leads);
    expect(crawl).toMatchObject({ pattern: '0 2 * * *', tz: HCM, template: { data: { task: 'crawl' } } });
    expect(leads).toMatchObject({ pattern: '30 6 * * *', tz: HCM, template: { data: { task: 'leads' } } });
    // BullMQ's cron in the zone and our own next-run computation agree on the next firing.
    const expected = (at: string) => [nextRun(before, at, HCM).getTime(), nextRun(after, at, HCM).getTime()];
    expect(expected('02:00')).toContain(Number(crawl?.next));
    expect(expected('06:30')).toContain(Number(leads?.next));
    // One waiting (delayed) job per scheduler, not one per registration.
    expect(await queue.getDelayedCount()).toBe(2);
  });

  it('a worker turns the scheduled crawl job into a pass, and the leads job into the day’s lists', async () => {
    await registerJobSchedulers(queue, configuredSchedule(config));
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      sampleListings(100, { perSeller: 5 })
        .map((listing) => JSON.stringify(listing))
        .join('\n') + '\n',
    );
    const scheduler = await ScheduleWorker.start(config, {
      connection: redis,
      run: scheduledTaskRunner(config, { in: input }, configFile),
    });
    closers.push(() => scheduler.close(true));
    const finished = () =>
      new Promise<{ job: Job<ScheduledJobData>; result: unknown }>((resolve, reject) => {
        scheduler.worker.once('completed', (job, result) => {
          resolve({ job, result });
        });
        scheduler.worker.once('failed', (_job, error) => {
          reject(error);
        });
      });

    // Fire the crawl scheduler's own next job now instead of waiting for 02:00.
    const delayed = await queue.getDelayed();
    const crawlJob = delayed.find((job) => job.repeatJobKey === JOB_SCHEDULER_IDS.crawl)!;
    const crawlDone = finished();
    await crawlJob.promote();
    const crawl = await crawlDone;
    expect(crawl.job.id).toBe(crawlJob.id);
    expect(crawl.result).toMatchObject({ exitCode: 0, task: 'crawl' });
    // The pass enqueued its records for the stage workers: 100 records in batches of 25.
    const admin = QueueAdmin.open(config, { connection: redis });
    const normalise = (await admin.status()).find((stage) => stage.stage === 'normalise');
    await admin.close();
    expect(normalise).toMatchObject({ waiting: 4, delayed: 0, failed: 0 });

    // The stage workers index them.
    const workers = await Promise.all(
      STAGES.map((stage) => StageWorker.start(config, { stage, connection: redis, concurrency: 1 })),
    );
    closers.push(async () => {
      await Promise.all(workers.map((worker) => worker.close(true)));
    });
    const ledger = new RedisLedger(redis, prefix);
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        ledger.size().then((size) => {
          if (size >= 100) resolve();
        }, reject);
      };
      workers[3]!.worker.on('completed', check);
      check();
    });
    expect(await ledger.size()).toBe(100);

    // Then the lead lists, dated by the slot the scheduler gave the job.
    const leadsJob = (await queue.getDelayed()).find((job) => job.repeatJobKey === JOB_SCHEDULER_IDS.leads)!;
    const slot = leadsJob.opts.prevMillis!;
    expect(nextRun(new Date(slot - 1), '06:30', HCM).getTime()).toBe(slot);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: HCM }).format(new Date(slot));
    const leadsDone = finished();
    await leadsJob.promote();
    const leads = await leadsDone;
    expect(leads.result).toMatchObject({ exitCode: 0, task: 'leads', date });
    const files = readdirSync(join(dir, 'data', 'leads', date));
    expect(files).toContain(`leads-triage-${date}.csv`);
  });
});

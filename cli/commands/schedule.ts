import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { openSellerIndex } from '../../index/open-seller-index.js';
import { produceDailyLeads } from '../../leads/daily-leads.js';
import {
  configuredSchedule,
  registerJobSchedulers,
  scheduleQueue,
  ScheduleWorker,
} from '../../pipeline/bullmq/job-schedulers.js';
import { createRedis } from '../../pipeline/bullmq/redis-connection.js';
import {
  nextWake,
  runDue,
  runSchedule,
  ScheduleStateFile,
  type DueRun,
  type RunOutcome,
  type SchedulerOptions,
} from '../../pipeline/schedule/daily-schedule.js';
import { assertTimeZone } from '../../pipeline/schedule/next-run.js';
import { PLATFORMS, type Platform } from '../../records/index.js';
import { createLogger } from '../log.js';
import { UsageError } from '../usage-error.js';
import { registerRunCommand } from './run.js';

/** Same values as EXIT in cli/main.ts (not imported: main imports the commands). */
const EXIT = { ok: 0, failed: 1, rejected: 3 } as const;

/** What the embedded schedule remembers of its runs, in core.dataDir. */
export const SCHEDULE_STATE_FILE = 'schedule-state.json';

interface ScheduleOptions {
  once?: boolean;
  redis?: string;
  registerOnly?: boolean;
  in?: string;
  platform?: Platform[];
  dataDir?: string;
  now?: Date;
}

export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description(
      "The daily schedule: a pipeline pass at pipeline.dailyCrawlAt and the day's lead lists at pipeline.dailyLeadsAt, in core.timezone. Embedded: runs until SIGTERM (--once: what is due now, then exits, for cron). With --redis / REDIS_URL: registers BullMQ job schedulers and runs their jobs.",
    )
    .option('--once', 'run what is due now and exit (for cron)')
    .option('--redis <url>', 'distributed: BullMQ job schedulers on this Redis (default: REDIS_URL)')
    .option('--register-only', 'with Redis: register or update the job schedulers and exit')
    .option('--in <file>', 'each pass reads this pre-crawled Listing / Livestream JSONL instead of crawling')
    .addOption(
      new Option(
        '--platform <platform...>',
        'each pass crawls these platforms (default: pipeline.crawlPlatforms)',
      ).choices(PLATFORMS),
    )
    .option(
      '--data-dir <dir>',
      'where the index, the progress file and the lead lists live (default: ./data)',
    )
    .addOption(
      new Option('--now <time>', 'pretend it is this instant (ISO 8601), for tests and dry runs')
        .argParser(instant)
        .hideHelp(),
    )
    .addHelpText(
      'after',
      '\nA task is due when its latest time has come and it has not run for it yet (remembered in\n' +
        `<dataDir>/${SCHEDULE_STATE_FILE}); a scheduler that was down catches up once, pass first.\n` +
        'SIGTERM or SIGINT stops it between runs at once, or after the run in progress.\n' +
        'With Redis any number of `ecomwatch schedule` processes may run: each tick is one job,\n' +
        'taken by one of them; the pass enqueues into the stage queues for `ecomwatch worker`s.',
    )
    .action(async (options: ScheduleOptions, command: Command) => {
      const configFile = command.optsWithGlobals<{ config?: string }>().config;
      process.exitCode = await schedule(options, configFile);
    });
}

async function schedule(options: ScheduleOptions, configFile: string | undefined): Promise<number> {
  const config = loadConfig({
    ...(configFile === undefined ? {} : { file: configFile }),
    flags: {
      core: {
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
        ...(options.redis === undefined ? {} : { redisUrl: options.redis }),
      },
    },
  });
  try {
    assertTimeZone(config.core.timezone);
  } catch (error) {
    throw new UsageError(`core.timezone: ${(error as Error).message}`);
  }
  const sources = options.platform ?? config.pipeline.crawlPlatforms;
  if (options.registerOnly !== true && options.in === undefined && sources.length === 0) {
    throw new UsageError(
      'nothing to crawl: pass --in FILE (pre-crawled JSONL) or --platform p, or set pipeline.crawlPlatforms in the config',
    );
  }
  const log = createLogger(config.core.logLevel, 'ecomwatch-schedule');
  const run = scheduledTaskRunner(config, options, configFile);
  if (config.core.redisUrl !== undefined) {
    if (options.once === true)
      throw new UsageError(
        '--once is for the embedded schedule; with Redis the job schedulers fire the runs',
      );
    return distributed(config, run, options.registerOnly === true, log);
  }
  if (options.registerOnly === true)
    throw new UsageError('--register-only needs Redis: pass --redis URL or set REDIS_URL');

  const scheduler: SchedulerOptions = {
    schedule: configuredSchedule(config),
    state: new ScheduleStateFile(join(config.core.dataDir, SCHEDULE_STATE_FILE)),
    run,
    log,
    ...(options.now === undefined ? {} : { clock: fixedClock(options.now) }),
  };
  if (options.once === true) {
    const results = await runDue(scheduler);
    const say = (line: string) => process.stderr.write(`ecomwatch schedule: ${line}\n`);
    if (results.length === 0) say('nothing due');
    for (const { due, record } of results) {
      say(
        `${due.task} for ${due.date} ${record.ok ? 'done' : 'FAILED'}` +
          `${record.exitCode === undefined ? '' : ` (exit ${record.exitCode})`}${record.error === undefined ? '' : `: ${record.error}`}`,
      );
    }
    const next = nextWake(scheduler.schedule, scheduler.clock?.() ?? new Date());
    say(`next: ${next.task} at ${next.at.toISOString()}`);
    if (results.some(({ record }) => !record.ok)) return EXIT.failed;
    return results.some(({ record }) => record.exitCode === EXIT.rejected) ? EXIT.rejected : EXIT.ok;
  }

  const controller = new AbortController();
  const stopOnSignal = stopper(controller, log);
  try {
    log.info(
      {
        timezone: config.core.timezone,
        crawlAt: config.pipeline.dailyCrawlAt,
        leadsAt: config.pipeline.dailyLeadsAt,
      },
      'schedule started',
    );
    await runSchedule(scheduler, controller.signal);
    log.info({}, 'schedule stopped');
  } finally {
    stopOnSignal.dispose();
  }
  return EXIT.ok;
}

/** Registers the job schedulers, then (unless --register-only) runs their jobs until SIGTERM. */
async function distributed(
  config: Config,
  run: (due: DueRun) => Promise<RunOutcome>,
  registerOnly: boolean,
  log: ReturnType<typeof createLogger>,
): Promise<number> {
  const connection = createRedis(config.core.redisUrl!);
  try {
    const queue = scheduleQueue(connection, config.pipeline.queuePrefix);
    try {
      const schedulers = await registerJobSchedulers(queue, configuredSchedule(config), {
        attempts: config.pipeline.jobAttempts,
        backoff: { type: 'exponential', delay: config.pipeline.backoffMillis },
      });
      for (const scheduler of schedulers) {
        log.info(scheduler, 'job scheduler registered');
        process.stderr.write(
          `ecomwatch schedule: ${scheduler.id} "${scheduler.pattern}" (${scheduler.tz})` +
            `${scheduler.next === undefined ? '' : `, next ${new Date(scheduler.next).toISOString()}`}\n`,
        );
      }
    } finally {
      await queue.close();
    }
    if (registerOnly) return EXIT.ok;
    const worker = await ScheduleWorker.start(config, { connection, run });
    worker.worker.on('failed', (job, error) => {
      log.warn({ jobId: job?.id, attempts: job?.attemptsMade, error: error.message }, 'scheduled job failed');
    });
    worker.worker.on('error', (error) => {
      log.error({ error: error.message }, 'schedule worker error');
    });
    log.info({ prefix: config.pipeline.queuePrefix }, 'schedule worker started');
    const controller = new AbortController();
    const stopOnSignal = stopper(controller, log);
    try {
      await new Promise<void>((resolve) => {
        controller.signal.addEventListener(
          'abort',
          () => {
            resolve();
          },
          { once: true },
        );
      });
      await worker.close();
    } finally {
      stopOnSignal.dispose();
    }
    log.info({}, 'schedule worker stopped');
    return EXIT.ok;
  } finally {
    await connection.quit().catch(() => undefined);
  }
}

/**
 * What runs a scheduled task, in both modes: a pass through the `run` command itself (which
 * enqueues into the stage queues when `config` has a Redis URL), or the day's lead lists.
 */
export function scheduledTaskRunner(
  config: Config,
  options: Pick<ScheduleOptions, 'in' | 'platform'>,
  configFile?: string,
): (due: DueRun) => Promise<RunOutcome> {
  return (due) => runTask(due, options, configFile, config);
}

async function runTask(
  due: DueRun,
  options: Pick<ScheduleOptions, 'in' | 'platform'>,
  configFile: string | undefined,
  config: Config,
): Promise<RunOutcome> {
  if (due.task === 'crawl') return runPass(options, configFile, config);
  const index = await openSellerIndex(config);
  try {
    const result = await produceDailyLeads(index, config, due.date);
    const sellers = result.teams.reduce((sum, team) => sum + team.sellers, 0);
    process.stderr.write(
      `ecomwatch schedule: lead lists for ${due.date}: ${result.teams.length} team(s), ${sellers} seller(s) → ${result.dir}\n`,
    );
    return { exitCode: EXIT.ok };
  } finally {
    await index.close();
  }
}

/**
 * One pipeline pass, by the very code of `ecomwatch run`: the command is registered on a
 * program of its own and given the schedule's flags (embedded, or enqueueing into BullMQ when
 * Redis is configured). Its summary goes to stderr as `run` prints it; its exit code comes back.
 */
async function runPass(
  options: Pick<ScheduleOptions, 'in' | 'platform'>,
  configFile: string | undefined,
  config: Config,
): Promise<RunOutcome> {
  const program = new Command('ecomwatch').option('-c, --config <file>', 'config file').exitOverride();
  registerRunCommand(program);
  const args = [
    ...(configFile === undefined ? [] : ['--config', configFile]),
    'run',
    ...(options.in === undefined ? [] : ['--in', options.in]),
    ...(options.platform === undefined ? [] : ['--platform', ...options.platform]),
    '--data-dir',
    config.core.dataDir,
    ...(config.core.redisUrl === undefined ? [] : ['--redis', config.core.redisUrl]),
  ];
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { exitCode: typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok };
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.failed };
    throw error;
  } finally {
    process.exitCode = before;
  }
}

/** SIGTERM / SIGINT abort the schedule (between runs at once, else after the run in flight); a second one exits now. */
function stopper(controller: AbortController, log: ReturnType<typeof createLogger>): { dispose(): void } {
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      log.info({ signal }, 'stopping: after the run in progress, if any');
      controller.abort();
      return;
    }
    // The embedded pipeline resumes where it stopped and BullMQ hands an unfinished job on.
    log.info({ signal }, 'stopping now');
    process.exit(130);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return {
    dispose: () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    },
  };
}

function fixedClock(start: Date): () => Date {
  // Time still passes from the pretended instant, so a run's duration is real.
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

function instant(value: string): Date {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) throw new InvalidArgumentError('not an ISO 8601 instant');
  return new Date(millis);
}

import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../config/index.js';
import { StageWorker } from '../../pipeline/bullmq/stage-worker.js';
import { STAGES, type StageName } from '../../pipeline/bullmq/stages.js';
import { createLogger } from '../log.js';
import { UsageError } from '../usage-error.js';

interface WorkerOptions {
  stage: StageName;
  concurrency?: number;
  redis?: string;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'A distributed stage worker: takes batches from one BullMQ queue (normalise, score, aggregate, index) until SIGTERM / SIGINT',
    )
    .addOption(new Option('--stage <name>', 'which stage to run').choices(STAGES).makeOptionMandatory())
    .option(
      '--concurrency <n>',
      'batches in flight at once (default: pipeline.workerConcurrency)',
      positiveInt,
    )
    .option('--redis <url>', 'Redis URL (default: REDIS_URL)')
    .addHelpText(
      'after',
      '\nSIGTERM or SIGINT stops taking jobs and lets those in flight finish before exiting; a second\n' +
        'signal returns them to the queue at once. Run any number of workers per stage, on any machine.',
    )
    .action(async (options: WorkerOptions, command: Command) => {
      const globals = command.optsWithGlobals<{ config?: string }>();
      const config = loadConfig({
        ...(globals.config === undefined ? {} : { file: globals.config }),
        flags: { core: options.redis === undefined ? {} : { redisUrl: options.redis } },
      });
      if (config.core.redisUrl === undefined)
        throw new UsageError('worker needs Redis: pass --redis URL or set REDIS_URL');
      const log = createLogger(config.core.logLevel, `ecomwatch-worker-${options.stage}`);
      const worker = await StageWorker.start(config, {
        stage: options.stage,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      });
      worker.worker.on('failed', (job, error) => {
        log.warn({ jobId: job?.id, attempts: job?.attemptsMade, error: error.message }, 'job failed');
      });
      worker.worker.on('error', (error) => {
        log.error({ error: error.message }, 'worker error');
      });
      log.info({ stage: options.stage, prefix: config.pipeline.queuePrefix }, 'worker started');
      await new Promise<void>((resolve) => {
        let signals = 0;
        const stop = (signal: NodeJS.Signals) => {
          signals++;
          log.info({ signal }, signals === 1 ? 'stopping: finishing jobs in flight' : 'stopping now');
          void worker.close(signals > 1).then(resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      log.info({ stage: options.stage }, 'worker stopped');
    });
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return number;
}

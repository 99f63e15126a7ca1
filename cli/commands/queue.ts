import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { QueueAdmin } from '../../pipeline/bullmq/queue-admin.js';
import { UsageError } from '../usage-error.js';

interface QueueOptions {
  redis?: string;
  retryFailed?: boolean;
  dropFailed?: boolean;
  json?: boolean;
}

export function registerQueueCommand(program: Command): void {
  const queue = program
    .command('queue')
    .description(
      'Inspect the distributed pipeline: waiting / active / failed per stage; retry or drop failed jobs',
    );
  queue
    .command('status')
    .description('Jobs per stage, running totals, and the failed jobs with their reasons')
    .option('--redis <url>', 'Redis URL (default: REDIS_URL)')
    .option('--retry-failed', 'move every failed job back to waiting')
    .option('--drop-failed', 'delete every failed job')
    .option('--json', 'one JSON object instead of a table')
    .action(async (options: QueueOptions, command: Command) => {
      if (options.retryFailed === true && options.dropFailed === true)
        throw new UsageError('--retry-failed and --drop-failed exclude each other');
      const globals = command.optsWithGlobals<{ config?: string }>();
      const config = loadConfig({
        ...(globals.config === undefined ? {} : { file: globals.config }),
        flags: { core: options.redis === undefined ? {} : { redisUrl: options.redis } },
      });
      if (config.core.redisUrl === undefined)
        throw new UsageError('queue needs Redis: pass --redis URL or set REDIS_URL');
      const admin = QueueAdmin.open(config);
      try {
        const out = (line: string) => process.stdout.write(`${line}\n`);
        if (options.retryFailed === true) out(`retried ${await admin.retryFailed()} failed job(s)`);
        if (options.dropFailed === true) out(`dropped ${await admin.dropFailed()} failed job(s)`);
        const [status, stats, failed] = await Promise.all([admin.status(), admin.stats(), admin.failed()]);
        if (options.json === true) {
          out(JSON.stringify({ stages: status, stats, failed }));
          return;
        }
        out('stage       waiting   active  delayed   failed  completed');
        for (const stage of status) {
          out(
            `${stage.stage.padEnd(10)} ${[
              stage.waiting,
              stage.active,
              stage.delayed,
              stage.failed,
              stage.completed,
            ]
              .map((count, column) => String(count).padStart(column === 4 ? 10 : 8))
              .join(' ')}`,
          );
        }
        out(
          `totals: ${
            Object.entries(stats)
              .map(([key, value]) => `${key} ${value}`)
              .join(', ') || 'none yet'
          }`,
        );
        for (const job of failed)
          out(`failed ${job.stage} ${job.id} (${job.name}, ${job.attempts} attempt(s)): ${job.reason}`);
      } finally {
        await admin.close();
      }
    });
}

import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { LexiconError } from '../scoring/lexicons/load-lexicons.js';
import { registerCasefileCommand } from './commands/casefile.js';
import { registerCrawlCommand } from './commands/crawl.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerLeadsCommand } from './commands/leads.js';
import { registerParseCommand } from './commands/parse.js';
import { registerQueueCommand } from './commands/queue.js';
import { registerReportCommand } from './commands/report.js';
import { registerRunCommand } from './commands/run.js';
import { registerScheduleCommand } from './commands/schedule.js';
import { registerScoreCommand } from './commands/score.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTakedownCommand } from './commands/takedown.js';
import { registerTokenCommand } from './commands/token.js';
import { registerWorkerCommand } from './commands/worker.js';
import { UsageError } from './usage-error.js';

/** Exit codes: the contract scripts rely on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

export function buildProgram(): Command {
  const program = new Command('ecomwatch')
    .description(
      'Watch Vietnamese marketplaces for priority goods and violation signs: crawl, score, index flagged sellers, route leads.',
    )
    .option('-c, --config <file>', 'config file (default: ./ecomwatch.config.yaml when present)')
    .showHelpAfterError()
    .exitOverride();
  registerDemoCommand(program);
  registerCrawlCommand(program);
  registerParseCommand(program);
  registerScoreCommand(program);
  registerRunCommand(program);
  registerWorkerCommand(program);
  registerQueueCommand(program);
  registerScheduleCommand(program);
  registerSearchCommand(program);
  registerLeadsCommand(program);
  registerTakedownCommand(program);
  registerCasefileCommand(program);
  registerReportCommand(program);
  registerServeCommand(program);
  registerTokenCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed help or the usage message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`ecomwatch: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof LexiconError) {
    // The shipped lexicons are broken: nothing can be scored until they are fixed.
    process.stderr.write(`ecomwatch: ${error.message}\n`);
    return EXIT.failed;
  }
  if (isSystemError(error)) {
    // A file system or network failure (EISDIR, EACCES, ECONNREFUSED…): its message says it all.
    process.stderr.write(`ecomwatch: ${error.message}\n`);
    return EXIT.failed;
  }
  process.stderr.write(
    `ecomwatch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failed;
}

/** Node's system errors carry a string `code`; checked by shape, since streams may hand over errors from another realm. */
function isSystemError(error: unknown): error is { code: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

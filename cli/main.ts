import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { LexiconError } from '../scoring/lexicons/load-lexicons.js';
import { UsageError } from './usage-error.js';

/** Exit codes: the contract scripts rely on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

type Register = (program: Command) => void;

/**
 * Every command, in the order `--help` lists them, loaded on demand: the crawlers, the web
 * server and the exporters pull in large libraries, and `ecomwatch score` should not wait
 * seconds for code it never runs.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  demo: async () => (await import('./commands/demo.js')).registerDemoCommand,
  crawl: async () => (await import('./commands/crawl.js')).registerCrawlCommand,
  parse: async () => (await import('./commands/parse.js')).registerParseCommand,
  score: async () => (await import('./commands/score.js')).registerScoreCommand,
  run: async () => (await import('./commands/run.js')).registerRunCommand,
  worker: async () => (await import('./commands/worker.js')).registerWorkerCommand,
  queue: async () => (await import('./commands/queue.js')).registerQueueCommand,
  schedule: async () => (await import('./commands/schedule.js')).registerScheduleCommand,
  search: async () => (await import('./commands/search.js')).registerSearchCommand,
  leads: async () => (await import('./commands/leads.js')).registerLeadsCommand,
  takedown: async () => (await import('./commands/takedown.js')).registerTakedownCommand,
  casefile: async () => (await import('./commands/casefile.js')).registerCasefileCommand,
  report: async () => (await import('./commands/report.js')).registerReportCommand,
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
  token: async () => (await import('./commands/token.js')).registerTokenCommand,
};

/**
 * The program with the command `argv` runs, or with every command when it names none of
 * them (`--help`, `help`, a typo: commander then lists them all or suggests one).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('ecomwatch')
    .description(
      'Watch Vietnamese marketplaces for priority goods and violation signs: crawl, score, index flagged sellers, route leads.',
    )
    .option('-c, --config <file>', 'config file (default: ./ecomwatch.config.yaml when present)')
    .showHelpAfterError()
    .exitOverride();
  const named = commandName(argv);
  const names = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}

/** The first word after the global options: `ecomwatch -c cfg.yaml score …` runs `score`. */
function commandName(argv: readonly string[]): string | undefined {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-c' || word === '--config') {
      i++; // its value
      continue;
    }
    if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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

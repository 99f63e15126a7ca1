import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { scoreLines, type ScoredBatch } from '../../scoring/parallel/score-lines.js';
import { ScorePool } from '../../scoring/parallel/score-pool.js';
import { Scorer } from '../../scoring/scorer.js';
import { openInput, openOutput, readLineBatches } from '../io/jsonl.js';
import { LiveCounter } from '../progress.js';
import { UsageError } from '../usage-error.js';

interface ScoreOptions {
  in: string;
  out: string;
  threshold?: string;
  classifier: boolean;
  threads: string;
}

/** Lines per batch: big enough that handing one to a worker costs little beside scoring it. */
const BATCH_LINES = 500;

/**
 * `--threads auto` uses worker threads for an input file at least this big. Each worker takes
 * ~2.5 s to start; measured on real listings, two threads break even near 100,000 lines
 * (~40 MB) and save 30% on 422,000 lines (163 MB).
 */
export const AUTO_THREADS_MIN_BYTES = 64 * 2 ** 20;
/** At most this many: the command's own thread still reads and writes every line, and more
 * workers than two were never measured here (2 cores). */
const AUTO_THREADS_MAX = 4;

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('Listing/Livestream JSONL in, the same records plus `risk` out')
    .option('--in <file>', 'input JSONL (- for stdin)', '-')
    .option('--out <file>', 'output JSONL (- for stdout); a file is written whole or not at all', '-')
    .option('--threshold <score>', 'flag at or above this score (default from config: 50)')
    .option('--no-classifier', 'leave the learned classifier out (rules only)')
    .option(
      '--threads <n|auto>',
      "worker threads to score on (1: in this thread); auto: the machine's cores (at most 4) for an input file of 64 MB or more, else 1",
      'auto',
    )
    .addHelpText(
      'after',
      '\nA line that is not valid JSON or not a valid record is reported on stderr with its line\n' +
        'number; the other lines are still scored, and the exit code is 3.',
    )
    .action(async (options: ScoreOptions, command: Command) => {
      process.exitCode = await runScore(options, command.optsWithGlobals<{ config?: string }>().config);
    });
}

async function runScore(options: ScoreOptions, configFile: string | undefined): Promise<number> {
  const scoringFlags: Record<string, unknown> = {};
  if (options.threshold !== undefined) scoringFlags.flagThreshold = parseThreshold(options.threshold);
  if (!options.classifier) scoringFlags.classifierWeight = 0;
  const threads =
    options.threads === 'auto'
      ? autoThreads(inputBytes(options.in), availableParallelism())
      : parseThreads(options.threads);
  const config = loadConfig({ file: configFile, flags: { scoring: scoringFlags } });
  const pool = threads > 1 ? await ScorePool.start(threads, config.scoring) : undefined;
  const scorer = pool === undefined ? Scorer.create(config.scoring) : undefined;
  const score = (lines: { lineNumber: number; text: string }[]): Promise<ScoredBatch> =>
    pool === undefined ? Promise.resolve(scoreLines(scorer!, lines)) : pool.score(lines);

  const input = openInput(options.in);
  const output = openOutput(options.out);
  const counts = { scored: 0, flagged: 0, rejected: 0 };
  const progress = new LiveCounter('score');
  // Batches are written in the order they were read, whichever worker finishes first.
  const inFlight: Promise<ScoredBatch>[] = [];
  const writeOldest = async (): Promise<void> => {
    const batch = await inFlight.shift()!;
    for (const { lineNumber, error } of batch.rejected) {
      process.stderr.write(`ecomwatch score: line ${lineNumber}: ${error}\n`);
    }
    counts.scored += batch.scored;
    counts.flagged += batch.flagged;
    counts.rejected += batch.rejected.length;
    progress.tick(() => `${counts.flagged} flagged, ${counts.rejected} rejected`, batch.scored);
    if (batch.records.length > 0) await output.write(batch.records.join('\n'));
  };
  try {
    for await (const lines of readLineBatches(input, BATCH_LINES)) {
      inFlight.push(score(lines));
      // Two batches per worker keep every worker busy without reading the whole input ahead.
      if (inFlight.length >= 2 * threads) await writeOldest();
    }
    while (inFlight.length > 0) await writeOldest();
    await output.commit();
    progress.done();
  } catch (error) {
    progress.done();
    await Promise.allSettled(inFlight);
    await output.abort();
    throw error;
  } finally {
    await pool?.close();
  }
  const ruleset = pool?.ruleset ?? scorer!.ruleset;
  process.stderr.write(
    `ecomwatch score: ${counts.scored} scored, ${counts.flagged} flagged, ${counts.rejected} rejected (ruleset ${ruleset})\n`,
  );
  return counts.rejected > 0 ? 3 : 0;
}

/** How many threads `--threads auto` takes for an input of this many bytes (undefined: stdin). */
export function autoThreads(bytes: number | undefined, cores: number): number {
  if (bytes === undefined || bytes < AUTO_THREADS_MIN_BYTES) return 1;
  return Math.max(1, Math.min(cores, AUTO_THREADS_MAX));
}

function inputBytes(path: string): number | undefined {
  if (path === '-') return undefined;
  try {
    return statSync(path).size;
  } catch {
    return undefined; // opening it reports why
  }
}

function parseThreads(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    throw new UsageError(`--threads must be auto or a whole number from 1 to 64, got "${text}"`);
  }
  return value;
}

function parseThreshold(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new UsageError(`--threshold must be a whole number from 1 to 100, got "${text}"`);
  }
  return value;
}

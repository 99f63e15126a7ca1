import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { parseScorable } from '../../scoring/scorable.js';
import { Scorer } from '../../scoring/scorer.js';
import { openInput, openOutput, readJsonl } from '../io/jsonl.js';
import { LiveCounter } from '../progress.js';
import { UsageError } from '../usage-error.js';

interface ScoreOptions {
  in: string;
  out: string;
  threshold?: string;
  classifier: boolean;
}

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('Listing/Livestream JSONL in, the same records plus `risk` out')
    .option('--in <file>', 'input JSONL (- for stdin)', '-')
    .option('--out <file>', 'output JSONL (- for stdout); a file is written whole or not at all', '-')
    .option('--threshold <score>', 'flag at or above this score (default from config: 50)')
    .option('--no-classifier', 'leave the learned classifier out (rules only)')
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
  const config = loadConfig({ file: configFile, flags: { scoring: scoringFlags } });
  const scorer = Scorer.create(config.scoring);

  const input = openInput(options.in);
  const output = openOutput(options.out);
  const counts = { scored: 0, flagged: 0, rejected: 0 };
  const progress = new LiveCounter('score');
  try {
    for await (const line of readJsonl(input)) {
      const parsed =
        line.error === undefined ? parseScorable(line.value) : { ok: false as const, error: line.error };
      if (!parsed.ok) {
        counts.rejected++;
        process.stderr.write(`ecomwatch score: line ${line.lineNumber}: ${parsed.error}\n`);
        continue;
      }
      const risk = scorer.assess(parsed.record);
      counts.scored++;
      if (risk.flagged) counts.flagged++;
      progress.tick(() => `${counts.flagged} flagged, ${counts.rejected} rejected`);
      // The input object as given (unknown fields untouched), with `risk` set.
      await output.write(JSON.stringify({ ...(line.value as object), risk }));
    }
    await output.commit();
    progress.done();
  } catch (error) {
    progress.done();
    await output.abort();
    throw error;
  }
  process.stderr.write(
    `ecomwatch score: ${counts.scored} scored, ${counts.flagged} flagged, ${counts.rejected} rejected (ruleset ${scorer.ruleset})\n`,
  );
  return counts.rejected > 0 ? 3 : 0;
}

function parseThreshold(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new UsageError(`--threshold must be a whole number from 1 to 100, got "${text}"`);
  }
  return value;
}

import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/index.js';
import { listingFromRealRow, type RealListingRow } from '../scoring/eval/real-listing.js';
import { REAL_LISTINGS_FILE } from '../scoring/eval/real-listings-file.js';
import { scoreLines, type NumberedLine } from '../scoring/parallel/score-lines.js';
import { ScorePool } from '../scoring/parallel/score-pool.js';
import { parseScorable } from '../scoring/scorable.js';
import { Scorer } from '../scoring/scorer.js';
import { argValue, formatRate, median, perSecond } from './stats.js';

/**
 * `npm run bench:score [-- --records N --runs R --threads T]`: listings per second through
 * the work of `ecomwatch score` (parse a JSONL line, validate, score, stringify with `risk`:
 * the command's own `scoreLines`) on the real listings repeated to N records, beside a
 * baseline of the same lines parsed and stringified without scoring, measured in the same
 * run; the same lines validated and given a ready-made `risk` but not scored (what the
 * command's contract costs by itself); then the scoring on T worker threads
 * (`score --threads T`), in this one process.
 */
const records = argValue('--records', 200_000);
const runs = argValue('--runs', 5);
const threads = argValue('--threads', availableParallelism());
const BATCH_LINES = 500;

const rows = readFileSync(REAL_LISTINGS_FILE, 'utf8')
  .split('\n')
  .map((line, index) => ({ line, lineNumber: index + 1 }))
  .filter(({ line }) => line.trim() !== '')
  .map(({ line, lineNumber }) =>
    JSON.stringify(listingFromRealRow(JSON.parse(line) as RealListingRow, lineNumber)),
  );
const lines: NumberedLine[] = Array.from({ length: records }, (_, index) => ({
  lineNumber: index + 1,
  text: rows[index % rows.length]!,
}));
const batches: NumberedLine[][] = [];
for (let at = 0; at < lines.length; at += BATCH_LINES) batches.push(lines.slice(at, at + BATCH_LINES));
const options = loadConfig({ env: {} }).scoring;
const scorer = Scorer.create(options);

function baseline(): void {
  for (const { text } of lines) JSON.stringify(JSON.parse(text) as object);
}

// What each row's assessment is, computed once: the "without scoring" line sets it as is.
const assessments = rows.map((row) => {
  const parsed = parseScorable(JSON.parse(row));
  if (!parsed.ok) throw new Error(parsed.error);
  return scorer.assess(parsed.record);
});

/**
 * Everything `score` does to a line except scoring it: parse, validate, set a `risk`
 * (computed beforehand) and stringify. The gap between this and the baseline is the cost of
 * the command's contract, which no scoring speed-up can remove.
 */
function withoutScoring(): void {
  lines.forEach(({ text }, index) => {
    const value = JSON.parse(text) as { risk?: unknown };
    if (!parseScorable(value).ok) throw new Error(`line ${index + 1} does not parse`);
    value.risk = assessments[index % rows.length];
    JSON.stringify(value);
  });
}

function scoring(): void {
  for (const batch of batches) scoreLines(scorer, batch);
}

async function scoringOnThreads(pool: ScorePool): Promise<void> {
  await Promise.all(batches.map((batch) => pool.score(batch)));
}

async function time(run: () => void | Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

process.stdout.write(
  `bench:score — ${formatRate(records)} records (${rows.length} real listings repeated), ${runs} runs, ${threads} threads\n`,
);
const pool = await ScorePool.start(threads, options);
await time(scoring); // warm-up: JIT and caches, not measured
await time(() => scoringOnThreads(pool));
const baselineRates: number[] = [];
const contractRates: number[] = [];
const scoringRates: number[] = [];
const threadRates: number[] = [];
for (let run = 0; run < runs; run++) {
  // Interleaved, so drift in machine load hits all three alike.
  baselineRates.push(perSecond(records, await time(baseline)));
  contractRates.push(perSecond(records, await time(withoutScoring)));
  scoringRates.push(perSecond(records, await time(scoring)));
  threadRates.push(perSecond(records, await time(() => scoringOnThreads(pool))));
}
await pool.close();
const baselineMedian = median(baselineRates);
const report = (label: string, rates: number[]): void => {
  const rate = median(rates);
  process.stdout.write(
    `${label.padEnd(30)} median ${formatRate(rate).padStart(9)} records/s  ${(baselineMedian / rate).toFixed(2)}× the baseline's time  runs ${rates.map(formatRate).join(', ')}\n`,
  );
};
report('baseline (parse + stringify)', baselineRates);
report('validate + risk, no scoring', contractRates);
report('score, one thread', scoringRates);
report(`score --threads ${threads}`, threadRates);
process.stdout.write(`heap used ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB\n`);

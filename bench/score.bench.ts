import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readLineBatches } from '../cli/io/jsonl.js';
import { loadConfig } from '../config/index.js';
import { listingFromRealRow, type RealListingRow } from '../scoring/eval/real-listing.js';
import { REAL_LISTINGS_FILE } from '../scoring/eval/real-listings-file.js';
import { scoreLines, type NumberedLine } from '../scoring/parallel/score-lines.js';
import { ScorePool } from '../scoring/parallel/score-pool.js';
import { parseScorable } from '../scoring/scorable.js';
import type { RiskAssessment } from '../records/risk.js';
import { Scorer } from '../scoring/scorer.js';
import { argValue, formatRate, median, perSecond } from './stats.js';

/**
 * `npm run bench:score [-- --records N --runs R --threads T]`: listings per second through
 * the work of `ecomwatch score` on the real listings repeated to N records, written to a
 * JSONL file that every variant reads the way the command does (`readLineBatches`, 500
 * lines a batch):
 * - baseline: read + JSON.parse + JSON.stringify, as the issue defines it;
 * - without scoring: read, parse, validate, set a `risk` computed beforehand, stringify —
 *   what the command's contract costs by itself, which no scoring speed-up can remove;
 * - score: the command's own `scoreLines`, in this thread;
 * - score on T worker threads (`score --threads T`), in this one process.
 * Runs are interleaved, so drift in the machine's load hits every variant alike.
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
const inputFile = join(tmpdir(), `ecomwatch-bench-score-${process.pid}.jsonl`);
writeFileSync(inputFile, Array.from({ length: records }, (_, index) => rows[index % rows.length]).join('\n'));
const options = loadConfig({ env: {} }).scoring;
const scorer = Scorer.create(options);

// Each row's assessment, computed once: the "without scoring" variant sets it as is.
const assessments: RiskAssessment[] = rows.map((row) => {
  const parsed = parseScorable(JSON.parse(row));
  if (!parsed.ok) throw new Error(parsed.error);
  return scorer.assess(parsed.record);
});

async function eachBatch(work: (batch: NumberedLine[]) => unknown): Promise<void> {
  for await (const batch of readLineBatches(createReadStream(inputFile), BATCH_LINES)) await work(batch);
}

const baseline = (): Promise<void> =>
  eachBatch((batch) => {
    for (const { text } of batch) JSON.stringify(JSON.parse(text) as object);
  });

const withoutScoring = (): Promise<void> =>
  eachBatch((batch) => {
    for (const { text, lineNumber } of batch) {
      const value = JSON.parse(text) as { risk?: unknown };
      if (!parseScorable(value).ok) throw new Error(`line ${lineNumber} does not parse`);
      value.risk = assessments[(lineNumber - 1) % rows.length];
      JSON.stringify(value);
    }
  });

const scoring = (): Promise<void> => eachBatch((batch) => scoreLines(scorer, batch));

async function scoringOnThreads(pool: ScorePool): Promise<void> {
  // As the command does: up to two batches per worker in flight while reading.
  const inFlight: Promise<unknown>[] = [];
  await eachBatch(async (batch) => {
    inFlight.push(pool.score(batch));
    if (inFlight.length >= 2 * threads) await inFlight.shift();
  });
  await Promise.all(inFlight);
}

async function time(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

process.stdout.write(
  `bench:score — ${formatRate(records)} records (${rows.length} real listings repeated), ${runs} runs, ${threads} threads\n`,
);
const pool = await ScorePool.start(threads, options);
try {
  await time(scoring); // warm-up: JIT and caches, not measured
  await time(() => scoringOnThreads(pool));
  const variants: { label: string; run: () => Promise<void>; rates: number[] }[] = [
    { label: 'baseline (read, parse, stringify)', run: baseline, rates: [] },
    { label: 'without scoring (+ validate, risk)', run: withoutScoring, rates: [] },
    { label: 'score, one thread', run: scoring, rates: [] },
    { label: `score --threads ${threads}`, run: () => scoringOnThreads(pool), rates: [] },
  ];
  for (let run = 0; run < runs; run++) {
    for (const variant of variants) variant.rates.push(perSecond(records, await time(variant.run)));
  }
  const baselineMedian = median(variants[0]!.rates);
  for (const { label, rates } of variants) {
    const rate = median(rates);
    process.stdout.write(
      `${label.padEnd(36)} median ${formatRate(rate).padStart(9)} records/s  ${(baselineMedian / rate).toFixed(2)}× the baseline's time  runs ${rates.map(formatRate).join(', ')}\n`,
    );
  }
  process.stdout.write(`heap used ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB\n`);
} finally {
  await pool.close();
  rmSync(inputFile, { force: true });
}

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/index.js';
import { listingFromRealRow, type RealListingRow } from '../scoring/eval/real-listing.js';
import { REAL_LISTINGS_FILE } from '../scoring/eval/real-listings-file.js';
import { parseScorable } from '../scoring/scorable.js';
import { Scorer } from '../scoring/scorer.js';
import { argValue, formatRate, median, perSecond } from './stats.js';

/**
 * `npm run bench:score [-- --records N --runs R]`: listings per second through the work
 * of `ecomwatch score` (parse a JSONL line, validate, score, stringify with `risk`) on the
 * real listings repeated to N records, beside a baseline of the same lines parsed and
 * stringified without scoring, measured in the same run.
 */
const records = argValue('--records', 200_000);
const runs = argValue('--runs', 5);

const rows = readFileSync(REAL_LISTINGS_FILE, 'utf8')
  .split('\n')
  .map((line, index) => ({ line, lineNumber: index + 1 }))
  .filter(({ line }) => line.trim() !== '')
  .map(({ line, lineNumber }) =>
    JSON.stringify(listingFromRealRow(JSON.parse(line) as RealListingRow, lineNumber)),
  );
const lines = Array.from({ length: records }, (_, index) => rows[index % rows.length]!);
const scorer = Scorer.create(loadConfig({ env: {} }).scoring);

function baseline(): number {
  let bytes = 0;
  for (const line of lines) bytes += JSON.stringify(JSON.parse(line) as object).length;
  return bytes;
}

function scoring(): number {
  let bytes = 0;
  for (const line of lines) {
    const value = JSON.parse(line) as object;
    const parsed = parseScorable(value);
    if (!parsed.ok) throw new Error(parsed.error);
    bytes += JSON.stringify({ ...value, risk: scorer.assess(parsed.record) }).length;
  }
  return bytes;
}

function time(run: () => number): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

process.stdout.write(
  `bench:score — ${formatRate(records)} records (${rows.length} real listings repeated), ${runs} runs\n`,
);
time(scoring); // warm-up: JIT and caches, not measured
const baselineRates: number[] = [];
const scoringRates: number[] = [];
for (let run = 0; run < runs; run++) {
  // Interleaved, so drift in machine load hits both alike.
  baselineRates.push(perSecond(records, time(baseline)));
  scoringRates.push(perSecond(records, time(scoring)));
}
const baselineMedian = median(baselineRates);
const scoringMedian = median(scoringRates);
process.stdout.write(
  `baseline (parse + stringify): median ${formatRate(baselineMedian)} records/s  runs ${baselineRates.map(formatRate).join(', ')}\n`,
);
process.stdout.write(
  `score:                        median ${formatRate(scoringMedian)} records/s  runs ${scoringRates.map(formatRate).join(', ')}\n`,
);
process.stdout.write(
  `score is ${(baselineMedian / scoringMedian).toFixed(2)}× slower than the baseline; heap used ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB\n`,
);

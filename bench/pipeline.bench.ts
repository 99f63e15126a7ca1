/**
 * `npm run bench:pipeline [-- --listings 10000,100000 --runs 3 --workers 1,2,4]`: listings per
 * second end to end through the pipeline (normalise → score → aggregate sellers → index into
 * the embedded seller index) on records pre-crawled from the sandbox marketplace, embedded and
 * through BullMQ with 1, 2 and 4 worker processes (each runs every stage), beside the
 * scoring-only rate (normalise + score, nothing stored) of the same records in the same run.
 * Peak resident memory of the pipeline's process(es) is printed beside each figure. Each figure
 * is the median of --runs runs; every run starts from an empty data dir and queue prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import type { CrawlRecord } from '../crawlers/run/process-document.js';
import { runHttpCrawl } from '../crawlers/run/http-runner.js';
import { sandboxCrawlSettings } from '../crawlers/run/test-settings.js';
import { SandboxServer } from '../crawlers/sandbox/server.js';
import { createTikiAdapter } from '../crawlers/tiki/tiki-adapter.js';
import { openBullmqProducer } from '../pipeline/bullmq/bullmq-producer.js';
import { createRedis } from '../pipeline/bullmq/redis-connection.js';
import { RedisLedger } from '../pipeline/bullmq/redis-progress.js';
import { StageWorker } from '../pipeline/bullmq/stage-worker.js';
import { isStageName, STAGES } from '../pipeline/bullmq/stages.js';
import { openEmbeddedPipeline } from '../pipeline/embedded/open-embedded-pipeline.js';
import { normalise } from '../pipeline/stages/normalise.js';
import { Scorer } from '../scoring/scorer.js';
import { isLivestream } from '../scoring/sellers/index.js';
import { formatRate, median } from './stats.js';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1,2,4' },
    redis: { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    // Internal: this file run as a BullMQ worker process.
    worker: { type: 'boolean', default: false },
    prefix: { type: 'string' },
    stages: { type: 'string', default: STAGES.join(',') },
    'data-dir': { type: 'string' },
  },
});

function benchConfig(dataDir: string, prefix?: string): Config {
  const base = loadConfig({ env: {}, file: '/dev/null', flags: { core: { dataDir, logLevel: 'silent' } } });
  return {
    ...base,
    core: { ...base.core, redisUrl: args.redis },
    pipeline: { ...base.pipeline, ...(prefix === undefined ? {} : { queuePrefix: prefix }) },
  };
}

/** Resident memory, sampled every 50 ms, highest seen. */
function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** Records sent through fresh worker processes before a BullMQ measurement. */
const WARM_UP = 2000;

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

if (args.worker) {
  // A worker process: every stage, until SIGTERM; reports its peak memory on the way out.
  const config = benchConfig(args['data-dir']!, args.prefix);
  const connection = createRedis(args.redis);
  const scorer = Scorer.create(config.scoring);
  const memory = peakRss();
  const workers = await Promise.all(
    args.stages
      .split(',')
      .filter(isStageName)
      .map((stage) => StageWorker.start(config, { stage, connection, scorer, concurrency: 4 })),
  );
  for (const worker of workers) {
    // A failed attempt costs a backoff: say so, the figure is not clean.
    worker.worker.on('failed', (job, error) => {
      process.stderr.write(`bench worker: ${job?.id ?? '?'} failed: ${error.message}\n`);
    });
  }
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void Promise.all(workers.map((worker) => worker.close()))
      .then(() => connection.quit())
      .then(() => {
        process.stdout.write(`peak ${memory.stop()}\n`);
        process.exit(0);
      });
  });
} else {
  await benchmark();
}

async function crawlSandbox(listings: number): Promise<CrawlRecord[]> {
  const server = new SandboxServer({ listings, defaultPageSize: 40 });
  const origin = await server.listen(0);
  const adapter = createTikiAdapter({ baseUrl: origin, maxPagesPerSeed: Math.ceil(listings / 40) + 1 });
  const records: CrawlRecord[] = [];
  try {
    const report = await runHttpCrawl({
      adapter,
      requests: adapter.seedRequests([{ kind: 'keyword', value: '' }]),
      settings: sandboxCrawlSettings({
        maxConcurrency: 16,
        maxConcurrencyPerDomain: 16,
        maxPagesPerSeed: 100_000,
      }),
      onRecord: (record) => {
        records.push(record);
      },
    });
    if (report.failures.length > 0)
      throw new Error(`crawl failed: ${JSON.stringify(report.failures.slice(0, 3))}`);
  } finally {
    await server.close();
  }
  return records;
}

interface Measure {
  seconds: number;
  peakRss: number;
}

function scoringOnly(scorer: Scorer, records: readonly CrawlRecord[]): Measure {
  const memory = peakRss();
  const started = performance.now();
  let flagged = 0;
  for (const record of records) {
    const result = normalise(record, 'bench');
    if (!result.ok) throw new Error(result.rejection.reason);
    if (scorer.assess(result.record.record).flagged) flagged++;
  }
  if (flagged === 0) throw new Error('nothing flagged: the sandbox records did not score');
  return { seconds: (performance.now() - started) / 1000, peakRss: memory.stop() };
}

async function embedded(scorer: Scorer, records: readonly CrawlRecord[]): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-bench-pipeline-'));
  try {
    const memory = peakRss();
    const started = performance.now();
    const pipeline = await openEmbeddedPipeline(benchConfig(dir), { scorer });
    for (const record of records) await pipeline.push(record, 'bench');
    const summary = await pipeline.finish();
    await pipeline.close();
    const seconds = (performance.now() - started) / 1000;
    if (summary.processed !== records.length) throw new Error(`embedded processed ${summary.processed}`);
    return { seconds, peakRss: memory.stop() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startWorkerProcess(
  prefix: string,
  dataDir: string,
  stages: readonly string[],
): { child: ChildProcess; line: (wanted: string) => Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--worker',
      '--prefix',
      prefix,
      '--data-dir',
      dataDir,
      '--redis',
      args.redis,
      '--stages',
      stages.join(','),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  return {
    child,
    line: async (wanted) => {
      for (;;) {
        const next = await lines.next();
        if (next.done === true) throw new Error(`worker ended before "${wanted}"`);
        if (next.value.startsWith(wanted)) return next.value;
      }
    },
  };
}

async function distributed(records: readonly CrawlRecord[], workerCount: number): Promise<Measure> {
  const prefix = `ewbench-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-bench-bullmq-'));
  const redis = createRedis(args.redis);
  // The embedded index is one SQLite file, one writer at a time: its stage runs in the first
  // worker process only (with Elasticsearch every process would run it too).
  const workers = Array.from({ length: workerCount }, (_, position) =>
    startWorkerProcess(prefix, dir, position === 0 ? STAGES : STAGES.filter((stage) => stage !== 'index')),
  );
  try {
    await Promise.all(workers.map((worker) => worker.line('ready')));
    const config = benchConfig(dir, prefix);
    const ledger = new RedisLedger(redis, prefix);
    // Done when the ledger holds that many records (the index stage marks them after the write).
    const through = async (count: number) => {
      while ((await ledger.size()) < count) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const send = async (batch: readonly unknown[]) => {
      const producer = await openBullmqProducer(config, { connection: redis });
      for (const record of batch) await producer.push(record, 'bench');
      await producer.finish();
      await producer.close();
    };
    // Warm the fresh worker processes up (JIT, SQLite file) on records of other ids, as the
    // embedded run is warm: the figure is the steady state, not a cold start.
    const warmUp = records
      .slice(0, WARM_UP)
      .map((record) => (isLivestream(record) ? record : { ...record, listingId: `warm${record.listingId}` }));
    await send(warmUp);
    await through(warmUp.length);
    const memory = peakRss();
    const started = performance.now();
    await send(records);
    await through(warmUp.length + records.length);
    const seconds = (performance.now() - started) / 1000;
    const producerPeak = memory.stop();
    const peaks: number[] = [];
    for (const worker of workers) {
      const peak = worker.line('peak ');
      worker.child.kill('SIGTERM');
      peaks.push(Number((await peak).slice(5)));
    }
    return { seconds, peakRss: producerPeak + peaks.reduce((sum, peak) => sum + peak, 0) };
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchmark(): Promise<void> {
  const sizes = args.listings.split(',').map(Number);
  const runs = Number(args.runs);
  const workerCounts = args.workers
    .split(',')
    .map(Number)
    .filter((count) => count > 0);
  const scorer = Scorer.create(loadConfig({ env: {}, file: '/dev/null' }).scoring);
  process.stdout.write(`bench:pipeline — median of ${runs} runs; peak RSS of the pipeline's process(es)\n`);
  for (const size of sizes) {
    const crawlStarted = performance.now();
    const records = await crawlSandbox(size);
    process.stdout.write(
      `\n${formatRate(records.length)} sandbox listings pre-crawled (tiki listing API, ${((performance.now() - crawlStarted) / 1000).toFixed(1)} s)\n`,
    );
    scoringOnly(scorer, records.slice(0, 2000)); // warm-up, not measured
    const rows: { name: string; measures: Measure[] }[] = [
      { name: 'scoring only (normalise + score)', measures: [] },
      { name: 'embedded, end to end', measures: [] },
      ...workerCounts.map((count) => ({
        name: `BullMQ, ${count} worker process(es)`,
        measures: [] as Measure[],
      })),
    ];
    for (let run = 0; run < runs; run++) {
      rows[0]!.measures.push(scoringOnly(scorer, records));
      rows[1]!.measures.push(await embedded(scorer, records));
      for (const [position, count] of workerCounts.entries()) {
        rows[2 + position]!.measures.push(await distributed(records, count));
      }
    }
    const ceiling = median(rows[0]!.measures.map((measure) => records.length / measure.seconds));
    for (const row of rows) {
      const rate = median(row.measures.map((measure) => records.length / measure.seconds));
      const peak = Math.max(...row.measures.map((measure) => measure.peakRss));
      process.stdout.write(
        `  ${row.name.padEnd(36)} ${formatRate(rate).padStart(8)} listings/s  ${String(Math.round((rate / ceiling) * 100)).padStart(3)}% of scoring  peak ${mb(peak)}\n`,
      );
    }
  }
}

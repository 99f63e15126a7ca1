import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import { EvidenceStore } from '../../crawlers/evidence/evidence-store.js';
import { loadSeeds, SeedFileError } from '../../crawlers/seeds.js';
import { PLATFORMS, type Platform } from '../../records/index.js';
import { openEmbeddedPipeline } from '../../pipeline/embedded/open-embedded-pipeline.js';
import { operatorProgress, printSummary } from '../../pipeline/operator-output.js';
import type { RunSummary } from '../../pipeline/run-summary.js';
import { feedCrawl, type CrawlSource } from '../../pipeline/sources/crawl-source.js';
import { feedJsonl } from '../../pipeline/sources/jsonl-source.js';
import type { PipelineTransport } from '../../pipeline/transport.js';
import { BullmqProducer, openBullmqProducer } from '../../pipeline/bullmq/bullmq-producer.js';
import { createLogger } from '../log.js';
import { UsageError } from '../usage-error.js';

/** Same values as EXIT in cli/main.ts (not imported: main imports the commands). */
const EXIT = { ok: 0, failed: 1, rejected: 3 } as const;

interface RunOptions {
  redis?: string;
  in?: string;
  platform?: Platform[];
  dataDir?: string;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'One pass of the pipeline: crawl the configured sources (or read pre-crawled JSONL with --in) → normalise → score → aggregate sellers → index. Embedded by default; with --redis / REDIS_URL it only enqueues, and `ecomwatch worker`s do the stages.',
    )
    .option('--redis <url>', 'run distributed: enqueue into BullMQ on this Redis (default: REDIS_URL)')
    .option('--in <file>', 'pre-crawled Listing / Livestream JSONL (- for stdin) instead of crawling')
    .addOption(
      new Option(
        '--platform <platform...>',
        'crawl these platforms (default: pipeline.crawlPlatforms)',
      ).choices(PLATFORMS),
    )
    .option('--data-dir <dir>', 'where the index, the progress file and evidence live (default: ./data)')
    .addHelpText(
      'after',
      '\nEvery record is indexed once: a record already processed with the same content is skipped,\n' +
        'and a run killed at any moment resumes where it stopped when started again.\n' +
        'Exit code 3 when some input was rejected (the rest went through).',
    )
    .action(async (options: RunOptions, command: Command) => {
      process.exitCode = await runPipeline(options, command.optsWithGlobals<{ config?: string }>().config);
    });
}

async function runPipeline(options: RunOptions, configFile: string | undefined): Promise<number> {
  const config = loadConfig({
    ...(configFile === undefined ? {} : { file: configFile }),
    flags: {
      core: {
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
        ...(options.redis === undefined ? {} : { redisUrl: options.redis }),
      },
    },
  });
  const log = createLogger(config.core.logLevel, 'ecomwatch-run');
  const sources = options.in === undefined ? crawlSources(config, options.platform ?? []) : [];
  const progress = operatorProgress(log);
  const transport: PipelineTransport =
    config.core.redisUrl === undefined
      ? await openEmbeddedPipeline(config, { progress })
      : await openBullmqProducer(config, { redisUrl: config.core.redisUrl });
  let summary: RunSummary;
  let crawledNothing = false;
  try {
    if (options.in !== undefined) {
      await feedJsonl(options.in, transport);
    } else {
      const reports = await feedCrawl(
        { sources, settings: config.crawl, evidence: new EvidenceStore(config.core.dataDir) },
        transport,
      );
      for (const { source, report } of reports) {
        log.info({ platform: source.platform, ...report.summary() }, 'crawl finished');
        for (const failure of report.failures.slice(0, 3)) {
          process.stderr.write(
            `ecomwatch run: ${source.platform}: ${failure.kind} ${failure.url}: ${failure.reason}\n`,
          );
        }
        if (report.records === 0) {
          crawledNothing = true;
          process.stderr.write(
            `ecomwatch run: got nothing from ${source.platform}: ${report.pages} page(s), ${report.failures.length} failed\n`,
          );
        }
      }
    }
    summary = await transport.finish();
  } finally {
    progress.done();
    await transport.close();
  }
  if (transport instanceof BullmqProducer) {
    log.info({ recordsIn: summary.recordsIn, jobs: transport.jobs }, 'run enqueued');
    process.stderr.write(
      `ecomwatch run: enqueued ${summary.recordsIn.toLocaleString('en-US')} records in ${transport.jobs} normalise job(s) on ${config.core.redisUrl ?? ''} (prefix ${config.pipeline.queuePrefix}); ` +
        '`ecomwatch worker --stage <name>` processes them, `ecomwatch queue status` shows progress\n',
    );
    return crawledNothing ? EXIT.failed : EXIT.ok;
  }
  printSummary('run', summary, log);
  if (crawledNothing) return EXIT.failed;
  return summary.rejected > 0 || summary.dropped.length > 0 ? EXIT.rejected : EXIT.ok;
}

/** Platforms from --platform, else pipeline.crawlPlatforms; seeds from seeds/<platform>.yaml. */
function crawlSources(config: Config, flagged: readonly Platform[]): CrawlSource[] {
  const platforms = flagged.length > 0 ? flagged : config.pipeline.crawlPlatforms;
  if (platforms.length === 0) {
    throw new UsageError(
      'nothing to run: pass --in FILE (pre-crawled JSONL) or --platform p, or set pipeline.crawlPlatforms in the config',
    );
  }
  return platforms.map((platform) => {
    const file = `seeds/${platform}.yaml`;
    if (!existsSync(file)) throw new UsageError(`seeds file not found: ${file}`);
    let seeds;
    try {
      seeds = loadSeeds(file, platform);
    } catch (error) {
      if (error instanceof SeedFileError) throw new UsageError(error.message);
      throw error;
    }
    const baseUrl = config.crawl.baseUrls[platform];
    return { platform, seeds, ...(baseUrl === undefined ? {} : { baseUrl }) };
  });
}

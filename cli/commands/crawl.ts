import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../config/index.js';
import type { Seed } from '../../crawlers/adapter.js';
import { EvidenceStore } from '../../crawlers/evidence/evidence-store.js';
import { createAdapter } from '../../crawlers/registry.js';
import type { CrawlReport } from '../../crawlers/run/crawl-report.js';
import { runCrawl } from '../../crawlers/run/run-crawl.js';
import { loadSeeds, SeedFileError } from '../../crawlers/seeds.js';
import { PLATFORMS, type Platform } from '../../records/index.js';
import { openOutput } from '../io/jsonl.js';
import { createLogger } from '../log.js';
import { UsageError } from '../usage-error.js';

/** Same value as EXIT.failed in cli/main.ts (not imported: main imports the commands). */
const EXIT_FAILED = 1;

interface CrawlCommandOptions {
  platform: Platform;
  seeds?: string;
  keyword?: string[];
  url?: string[];
  maxRequests?: number;
  out: string;
  baseUrl?: string;
  ignoreRobotsTxt?: boolean;
  evidence: boolean;
  failures?: string;
}

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description(
      'Crawl a platform from seeds and write Listing / Livestream JSONL (evidence under <dataDir>/evidence).',
    )
    .addOption(
      new Option('--platform <platform>', 'which adapter to run').choices(PLATFORMS).makeOptionMandatory(),
    )
    .option('--seeds <file>', 'seeds file (default: seeds/<platform>.yaml)')
    .option('--keyword <keyword...>', 'keyword seeds, besides or instead of the seeds file')
    .option('--url <url...>', 'product / LIVE page URLs to read')
    .option('--max-requests <n>', 'stop after N requests', positiveInt)
    .option('--out <file>', 'output file (written atomically), or - for stdout', '-')
    .option('--base-url <url>', "crawl this origin instead of the platform's (the sandbox, a mirror)")
    .option(
      '--ignore-robots-txt',
      'do not obey robots.txt (only for inspection the platform authorised in writing)',
    )
    .option('--no-evidence', 'do not store raw pages (benchmarks only: records lose their proof)')
    .option('--failures <file>', 'also write every failure (URL, kind, reason) as JSONL here')
    .action(async (options: CrawlCommandOptions, command: Command) => {
      const globals = command.parent?.opts<{ config?: string }>() ?? {};
      const config = loadConfig({
        ...(globals.config === undefined ? {} : { file: globals.config }),
        flags: { crawl: options.ignoreRobotsTxt === true ? { respectRobotsTxt: false } : {} },
      });
      const log = createLogger(config.core.logLevel, 'ecomwatch-crawl');
      const seeds = readSeeds(options);
      const baseUrl = options.baseUrl ?? config.crawl.baseUrls[options.platform];
      const adapter = createAdapter(options.platform, {
        ...(baseUrl === undefined ? {} : { baseUrl }),
        maxPagesPerSeed: config.crawl.maxPagesPerSeed,
      });
      const requests = adapter.seedRequests(seeds);
      if (requests.length === 0)
        throw new UsageError(
          `no ${options.platform} requests from these seeds (keywords need a marketplace, not a shop website)`,
        );

      const output = openOutput(options.out);
      const progress = progressReporter(log);
      let report: CrawlReport;
      try {
        report = await runCrawl({
          adapter,
          requests,
          settings: config.crawl,
          ...(options.evidence ? { evidence: new EvidenceStore(config.core.dataDir) } : {}),
          ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
          onRecord: (record) => output.write(JSON.stringify(record)),
          onProgress: progress.update,
        });
        progress.done();
        await output.commit();
      } catch (error) {
        progress.done();
        await output.abort();
        throw error;
      }
      if (options.failures !== undefined) {
        const failures = openOutput(options.failures);
        for (const failure of report.failures) await failures.write(JSON.stringify(failure));
        await failures.commit();
      }
      log.info({ platform: options.platform, ...report.summary() }, 'crawl finished');
      for (const failure of report.failures.slice(0, 5)) {
        process.stderr.write(`ecomwatch crawl: ${failure.kind} ${failure.url}: ${failure.reason}\n`);
      }
      if (report.failures.length > 5)
        process.stderr.write(`ecomwatch crawl: … and ${report.failures.length - 5} more failures\n`);
      if (report.records === 0) {
        const first = report.failures[0];
        process.stderr.write(
          `ecomwatch crawl: got nothing from ${options.platform}: ${report.pages} page(s) fetched, ${report.failures.length} failed` +
            (report.skippedByRobots.length > 0
              ? `, ${report.skippedByRobots.length} disallowed by robots.txt`
              : '') +
            (first === undefined ? '' : ` (first: ${first.kind} — ${first.reason})`) +
            '\n',
        );
        process.exitCode = EXIT_FAILED;
      }
    });
}

function readSeeds(options: CrawlCommandOptions): Seed[] {
  const extra: Seed[] = [
    ...(options.keyword ?? []).map((value): Seed => ({ kind: 'keyword', value })),
    ...(options.url ?? []).map((value): Seed => ({ kind: 'url', value })),
  ];
  const file = options.seeds ?? (extra.length === 0 ? `seeds/${options.platform}.yaml` : undefined);
  if (file === undefined) return extra;
  if (!existsSync(file)) throw new UsageError(`seeds file not found: ${file}`);
  try {
    return [...loadSeeds(file, options.platform), ...extra];
  } catch (error) {
    if (error instanceof SeedFileError) throw new UsageError(error.message);
    throw error;
  }
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return number;
}

/** A one-line status on a terminal; a structured log line every 5 s otherwise. */
function progressReporter(log: ReturnType<typeof createLogger>): {
  update: (report: CrawlReport) => void;
  done: () => void;
} {
  const tty = process.stderr.isTTY;
  let last = 0;
  let shown = false;
  return {
    update(report) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000)) return;
      last = now;
      const summary = report.summary();
      if (tty) {
        process.stderr.write(
          `\r\x1b[2Kpages ${report.pages} · listings ${report.listings} · live ${report.livestreams} · errors ${report.failures.length} · blocked ${report.blocked} · ${summary['pagesPerSec']} pages/s`,
        );
        shown = true;
      } else {
        log.info(summary, 'crawl progress');
      }
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
    },
  };
}

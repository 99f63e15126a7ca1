import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config/index.js';
import { EvidenceStore } from '../../crawlers/evidence/evidence-store.js';
import { SandboxServer } from '../../crawlers/sandbox/server.js';
import { embeddedIndexFile, openSellerIndex } from '../../index/open-seller-index.js';
import { openEmbeddedPipeline, progressFile } from '../../pipeline/embedded/open-embedded-pipeline.js';
import { operatorProgress, printSummary } from '../../pipeline/operator-output.js';
import type { RunSummary } from '../../pipeline/run-summary.js';
import { feedCrawl } from '../../pipeline/sources/crawl-source.js';
import { produceDailyLeads } from '../../leads/daily-leads.js';
import { SqliteTokenStore, tokensFile } from '../../server/auth/token-store.js';
import { startServer } from '../../server/server.js';
import { createLogger } from '../log.js';
import { runTakedown } from './takedown.js';

/** Listings per page of the sandbox's Tiki listing API (the demo walks every page). */
const PAGE_SIZE = 40;

interface DemoOptions {
  listings: number;
  serve: boolean;
  port?: number;
  dataDir?: string;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Start the sandbox marketplace, crawl it and run the whole pipeline embedded (no Redis, no Elasticsearch), then say where the results are.',
    )
    .option('--listings <n>', 'listings in the sandbox marketplace (100 … 1,000,000)', positiveInt, 2000)
    .option('--data-dir <dir>', 'where the index, progress and evidence go (default: ./data)')
    .option(
      '--port <port>',
      'port of the analyst web app (default: server.port, 8080; 0 = any free port)',
      portNumber,
    )
    .option('--no-serve', 'stop after writing the results instead of serving the analyst web app')
    .action(async (options: DemoOptions, command: Command) => {
      process.exitCode = await runDemo(options, command.optsWithGlobals<{ config?: string }>().config);
    });
}

async function runDemo(options: DemoOptions, configFile: string | undefined): Promise<number> {
  const config = loadConfig({
    ...(configFile === undefined ? {} : { file: configFile }),
    flags: {
      core: options.dataDir === undefined ? {} : { dataDir: options.dataDir },
      server: options.port === undefined ? {} : { port: options.port },
    },
  });
  const log = createLogger(config.core.logLevel, 'ecomwatch-demo');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const sandbox = new SandboxServer({ listings: options.listings, defaultPageSize: PAGE_SIZE });
  const origin = await sandbox.listen(0);
  out(`Sandbox marketplace with ${options.listings.toLocaleString('en-US')} listings at ${origin}`);
  // The sandbox is local and ours: no politeness delays, every listing page followed.
  const settings = {
    ...config.crawl,
    maxRequestsPerMinutePerDomain: 600_000,
    maxConcurrencyPerDomain: 8,
    backoffBaseMillis: 5,
    backoffMaxMillis: 50,
    screenshots: false,
    maxPagesPerSeed: Math.ceil(options.listings / PAGE_SIZE) + 1,
  };
  const progress = operatorProgress(log, options.listings);
  let summary: RunSummary;
  let crawled = 0;
  let failures = 0;
  try {
    const pipeline = await openEmbeddedPipeline(config, { progress });
    try {
      const reports = await feedCrawl(
        {
          sources: [{ platform: 'tiki', baseUrl: origin, seeds: [{ kind: 'keyword', value: '' }] }],
          settings,
          evidence: new EvidenceStore(config.core.dataDir),
        },
        pipeline,
      );
      for (const { report } of reports) {
        crawled += report.pages;
        failures += report.failures.length;
      }
      summary = await pipeline.finish();
    } finally {
      progress.done();
      await pipeline.close();
    }
  } finally {
    await sandbox.close();
  }
  out(`Crawled ${crawled} page(s) of the sandbox (${failures} failed).`);
  printSummary('demo', summary, log, out);

  const index = await openSellerIndex(config);
  try {
    const top = await index.search({ flagged: true, sort: 'score', limit: 5 });
    out(`\n${top.total.toLocaleString('en-US')} flagged sellers. The strongest:`);
    for (const seller of top.sellers) {
      out(
        `  ${String(seller.score).padStart(3)}  ${seller.key}  ${seller.name ?? ''} (${seller.province ?? 'unknown'}) — ${seller.categories.join(', ')}`,
      );
    }
    // Today's lead lists, as the daily schedule writes them (leads.teams, or the default team).
    const leads = await produceDailyLeads(index, config, today(config.core.timezone));
    // What a takedown request to the platform would carry, written without recording a
    // request or moving any case: in real use only referred cases go out.
    const exportFile = resolve(config.core.dataDir, 'exports', 'demo-takedown-tiki.csv');
    mkdirSync(dirname(exportFile), { recursive: true });
    await runTakedown(
      index,
      config,
      {
        platform: 'tiki',
        format: 'csv',
        out: exportFile,
        request: 'takedown',
        status: ['new'],
        includeRequested: false,
        mark: false,
      },
      { stderr: () => undefined },
    );
    out(`A takedown export for Tiki (not sent, no case moved): ${exportFile}`);
    const listed = leads.teams.reduce((sum, team) => sum + team.sellers, 0);
    out(
      `\nToday's lead lists: ${leads.teams.length} team(s), ${listed.toLocaleString('en-US')} seller(s) → ${resolve(leads.dir)}`,
    );
  } finally {
    await index.close();
  }
  const dataDir = resolve(config.core.dataDir);
  const env = options.dataDir === undefined ? '' : `ECOMWATCH_DATA_DIR=${dataDir} `;
  out('\nWhere the results are:');
  out(`  seller index     ${resolve(embeddedIndexFile(config))}`);
  out(`  pipeline ledger  ${resolve(progressFile(config))}`);
  out(`  evidence         ${resolve(dataDir, 'evidence')}`);
  out('\nSearch them:');
  out(`  ${env}npx ecomwatch search "thuoc la dien tu"`);
  out(`  ${env}npx ecomwatch search --category e_cigarettes --min-score 60`);
  out(`  ${env}npx ecomwatch search --province "Ha Noi" --json`);
  const code = summary.rejected > 0 || summary.dropped.length > 0 ? 3 : 0;
  if (!options.serve) return code;

  // A token for this demo's analyst, shown once like `ecomwatch token create` does.
  const tokens = new SqliteTokenStore(tokensFile(config));
  let token: string;
  try {
    token = tokens.create({ role: 'analyst', name: 'demo', scope: {} }).token;
  } finally {
    tokens.close();
  }
  const server = await startServer(config);
  out(`\nAnalyst web app: ${server.url}/   (API docs: ${server.url}/docs)`);
  out(`Sign in with this analyst token (shown once): ${token}`);
  out('Ctrl-C stops the server.');
  await server.closed;
  return code;
}

/** Today's date where the teams work (core.timezone), as YYYY-MM-DD. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function portNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return number;
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1,000,000');
  return number;
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerCrawlCommand } from '../cli/commands/crawl.js';
import { registerParseCommand } from '../cli/commands/parse.js';
import { runProgram, type ProgramRun } from '../cli/testing/run-program.js';
import { ListingSchema } from '../records/index.js';
import { SandboxServer } from './sandbox/server.js';

/** Runs the commands the way cli/main.ts will, capturing stdout / stderr and the exit code. */
function run(argv: string[]): Promise<ProgramRun> {
  const program = new Command('ecomwatch').option('-c, --config <file>').exitOverride();
  registerParseCommand(program);
  registerCrawlCommand(program);
  return runProgram(program, argv);
}

const fixtures = new URL('./', import.meta.url).pathname;
let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'ecomwatch-cli-'));
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

describe('ecomwatch parse', () => {
  it('prints Listing JSONL for saved files, each with evidence of the file it came from', async () => {
    const { stdout, exitCode } = await run([
      'parse',
      '--platform',
      'tiki',
      `${fixtures}tiki/fixtures/tiki-product-page.real-2024-10.html.raw`,
      `${fixtures}tiki/fixtures/sandbox-search-sua.json.raw`,
    ]);
    expect(exitCode).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(ListingSchema.safeParse(line).success).toBe(true);
    expect(lines[0]).toMatchObject({ listingId: '116566083', price: 129_000 });
    expect((lines[0]!['evidence'] as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a malformed file and why, still parses the others, and exits 3', async () => {
    const broken = join(workDir, 'broken-search.json');
    writeFileSync(broken, '{"data": [{"id": 1,');
    const { stdout, stderr, exitCode } = await run([
      'parse',
      '--platform',
      'lazada',
      broken,
      `${fixtures}lazada/fixtures/sandbox-product-2000000003.html.raw`,
      `${fixtures}lazada/fixtures/sandbox-punish-page.html.raw`,
      join(workDir, 'missing.html'),
    ]);
    expect(exitCode).toBe(3);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${broken}: parse: Lazada catalog response is not valid JSON`);
    expect(stderr).toMatch(/sandbox-punish-page\.html\.raw: blocked: Lazada captcha/);
    expect(stderr).toMatch(/missing\.html: cannot read: ENOENT/);
  });

  it('re-reads every platform from its saved shapes', async () => {
    const cases: [string, string, number][] = [
      ['shopee', 'shopee/fixtures/sandbox-search-items-dong-ho.json.raw', 4],
      ['shopee', 'shopee/fixtures/sandbox-pdp-get-pc.json.raw', 1],
      ['tiktok', 'tiktok/fixtures/sandbox-pdp.html.raw', 1],
      ['tiktok', 'tiktok/fixtures/sandbox-keyword-son.html.raw', 10],
      ['web', 'web/fixtures/sandbox-jsonld-product.html.raw', 1],
    ];
    for (const [platform, file, count] of cases) {
      const { stdout, exitCode } = await run(['parse', '--platform', platform, `${fixtures}${file}`]);
      expect(exitCode, file).toBe(0);
      expect(stdout.trim().split('\n').length, file).toBeGreaterThanOrEqual(count);
    }
  });
});

describe('ecomwatch crawl', () => {
  const server = new SandboxServer({ listings: 300 });
  let origin: string;
  beforeAll(async () => {
    origin = await server.listen(0);
    writeFileSync(
      join(workDir, 'ecomwatch.config.yaml'),
      `core:\n  dataDir: ${join(workDir, 'data')}\n  logLevel: silent\ncrawl:\n  maxRequestsPerMinutePerDomain: 600000\n  backoffBaseMillis: 5\n`,
    );
  });
  afterAll(() => server.close());

  it('crawls the sandbox from a seeds file into a JSONL file', async () => {
    const seeds = join(workDir, 'seeds.yaml');
    writeFileSync(seeds, 'platform: tiki\nkeywords:\n  - sữa bột\n  - pod\n');
    const out = join(workDir, 'out.jsonl');
    const { exitCode, stderr } = await run([
      '--config',
      join(workDir, 'ecomwatch.config.yaml'),
      'crawl',
      '--platform',
      'tiki',
      '--seeds',
      seeds,
      '--base-url',
      origin,
      '--out',
      out,
      '--max-requests',
      '5',
    ]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n');
    expect(records.length).toBeGreaterThan(10);
    for (const line of records) expect(ListingSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it('a crawl that got nothing says so and exits non-zero', async () => {
    const { exitCode, stderr } = await run([
      '--config',
      join(workDir, 'ecomwatch.config.yaml'),
      'crawl',
      '--platform',
      'lazada',
      '--base-url',
      origin,
      '--url',
      `${origin}/products/x-i2000000001-s1.html?fault=captcha`,
      '--out',
      join(workDir, 'nothing.jsonl'),
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /got nothing from lazada: \d+ page\(s\) fetched, 1 failed \(first: blocked — Lazada captcha/,
    );
  });
});

import { z } from 'zod';
import { PlatformSchema } from '../records/platform.js';
import { CategoryIdSchema } from '../records/risk.js';
import { setting, type Setting } from './setting.js';

/** A surveillance team as the `leads.teams` setting declares it. */
const LeadTeamSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
    name: z.string().min(1).optional(),
    provinces: z.array(z.string().min(1)).default([]),
    categories: z.array(CategoryIdSchema).default([]),
  })
  .strict();

/** Who asks the platforms to act. */
const RequestingAgencySchema = z
  .object({
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    address: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    phone: z.string().min(1).optional(),
    country: z.string().length(2).default('VN'),
  })
  .strict();

/** One cited provision, with how far it was verified (legal-basis.md: V, V-n, P, U). */
const LegalBasisEntrySchema = z
  .object({
    instrument: z.string().min(1),
    article: z.string().optional(),
    text: z.string().min(1),
    status: z.enum(['V', 'V-n', 'P', 'U']),
    source: z.string().optional(),
  })
  .strict();

/**
 * Every setting of ecomwatch, by section. Precedence: flags > env > file > defaults.
 * Units are in the names. Add a setting here and it is in the file, the env and the docs.
 */
export const SETTINGS = {
  core: {
    dataDir: setting(z.string().min(1), {
      default: './data',
      env: 'ECOMWATCH_DATA_DIR',
      doc: 'Where the embedded store, evidence and exports live.',
    }),
    logLevel: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), {
      default: 'info',
      env: 'ECOMWATCH_LOG_LEVEL',
      doc: 'Structured log level (logs go to stderr as JSON lines).',
    }),
    timezone: setting(z.string().min(1), {
      default: 'Asia/Ho_Chi_Minh',
      env: 'ECOMWATCH_TIMEZONE',
      doc: 'Time zone of schedules and report dates.',
    }),
    redisUrl: setting(z.string().optional(), {
      default: undefined,
      env: 'REDIS_URL',
      doc: 'When set, the pipeline runs distributed on BullMQ over this Redis.',
    }),
    elasticsearchUrl: setting(z.string().optional(), {
      default: undefined,
      env: 'ELASTICSEARCH_URL',
      doc: 'When set, the seller index lives in this Elasticsearch cluster.',
    }),
  },
  scoring: {
    flagThreshold: setting(z.number().int().min(1).max(100), {
      default: 50,
      env: 'ECOMWATCH_FLAG_THRESHOLD',
      doc: 'Score at or above which a listing is flagged for an inspector.',
    }),
    classifierWeight: setting(z.number().min(0).max(100), {
      // 5: the largest weight that costs nothing in five-fold cross-validation on the training
      // set (`npm run eval:cv`); the rules stay the backbone, the classifier nudges and explains.
      default: 5,
      env: 'ECOMWATCH_CLASSIFIER_WEIGHT',
      doc: 'Most points the learned classifier may add to a score (0 turns it off).',
    }),
  },
  crawl: {
    maxConcurrency: setting(z.number().int().min(1).max(200), {
      default: 8,
      env: 'ECOMWATCH_CRAWL_MAX_CONCURRENCY',
      doc: 'Most requests in flight across all domains (HTTP adapters; browser adapters use maxBrowserPages).',
    }),
    maxConcurrencyPerDomain: setting(z.number().int().min(1).max(100), {
      default: 4,
      env: 'ECOMWATCH_CRAWL_MAX_CONCURRENCY_PER_DOMAIN',
      doc: 'Most requests in flight to one host.',
    }),
    maxRequestsPerMinutePerDomain: setting(z.number().int().min(1), {
      default: 60,
      env: 'ECOMWATCH_CRAWL_MAX_REQUESTS_PER_MINUTE_PER_DOMAIN',
      doc: 'Rate limit per host: requests to one host are spaced at least 60000/N ms apart.',
    }),
    maxBrowserPages: setting(z.number().int().min(1).max(20), {
      default: 2,
      env: 'ECOMWATCH_CRAWL_MAX_BROWSER_PAGES',
      doc: 'Most browser pages open at once (each Chromium page costs ~100 MB).',
    }),
    maxRequestRetries: setting(z.number().int().min(0).max(20), {
      default: 3,
      env: 'ECOMWATCH_CRAWL_MAX_REQUEST_RETRIES',
      doc: 'Retries of a request after a blocked, throttled or network failure.',
    }),
    backoffBaseMillis: setting(z.number().int().min(0), {
      default: 2000,
      env: 'ECOMWATCH_CRAWL_BACKOFF_BASE_MILLIS',
      doc: 'First back-off after a 429 or a block; doubles with each retry of the same request.',
    }),
    backoffMaxMillis: setting(z.number().int().min(0), {
      default: 60_000,
      env: 'ECOMWATCH_CRAWL_BACKOFF_MAX_MILLIS',
      doc: 'Longest back-off.',
    }),
    navigationTimeoutSecs: setting(z.number().min(1).max(600), {
      default: 45,
      env: 'ECOMWATCH_CRAWL_NAVIGATION_TIMEOUT_SECS',
      doc: 'Time allowed for one page load or API response.',
    }),
    respectRobotsTxt: setting(z.boolean(), {
      default: true,
      env: 'ECOMWATCH_CRAWL_RESPECT_ROBOTS_TXT',
      doc: 'Obey robots.txt. Turn off only for inspection the platform has authorised in writing.',
    }),
    proxyUrls: setting(z.array(z.url()), {
      default: [],
      env: 'ECOMWATCH_CRAWL_PROXY_URLS',
      doc: 'Proxies to rotate through (comma-separated in env), via Crawlee ProxyConfiguration.',
    }),
    storageStatePath: setting(z.string().optional(), {
      default: undefined,
      env: 'ECOMWATCH_CRAWL_STORAGE_STATE_PATH',
      doc: "An inspector's logged-in browser session (Playwright storage-state JSON with cookies) for Shopee/TikTok.",
    }),
    chromiumPath: setting(z.string().min(1), {
      default: '/usr/bin/chromium',
      env: 'ECOMWATCH_CRAWL_CHROMIUM_PATH',
      doc: 'Chromium executable for browser adapters (Debian package `chromium`).',
    }),
    screenshots: setting(z.boolean(), {
      default: true,
      env: 'ECOMWATCH_CRAWL_SCREENSHOTS',
      doc: 'Browser adapters keep a full-page screenshot beside the raw page as evidence.',
    }),
    storeEvidence: setting(z.boolean(), {
      default: true,
      env: 'ECOMWATCH_CRAWL_STORE_EVIDENCE',
      doc: 'Keep every raw page / API response under <dataDir>/evidence, content-addressed by SHA-256.',
    }),
    maxPagesPerSeed: setting(z.number().int().min(1), {
      default: 20,
      env: 'ECOMWATCH_CRAWL_MAX_PAGES_PER_SEED',
      doc: 'Most result pages followed per keyword / category / shop seed.',
    }),
    userAgent: setting(z.string().min(1), {
      default:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 ecomwatch',
      env: 'ECOMWATCH_CRAWL_USER_AGENT',
      doc: 'User-Agent of HTTP adapters (robots.txt is matched against `*`).',
    }),
    generateBrowserHeaders: setting(z.boolean(), {
      default: false,
      env: 'ECOMWATCH_CRAWL_GENERATE_BROWSER_HEADERS',
      doc: 'HTTP adapters send generated browser-fingerprint headers (got-scraping) instead of only userAgent.',
    }),
    baseUrls: setting(z.record(z.string(), z.url()), {
      default: {},
      doc: 'Per-platform origin overrides, e.g. {tiki: "http://127.0.0.1:8080"} to crawl the sandbox.',
    }),
  },
  index: {
    embeddedFile: setting(z.string().min(1), {
      default: 'seller-index.sqlite',
      env: 'ECOMWATCH_INDEX_EMBEDDED_FILE',
      doc: 'The embedded seller index (SQLite): a path, relative to core.dataDir unless absolute.',
    }),
    elasticsearchPrefix: setting(
      z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
      {
        default: 'ecomwatch',
        env: 'ECOMWATCH_INDEX_ELASTICSEARCH_PREFIX',
        doc: 'Elasticsearch index and alias names start with this (`<prefix>-sellers`, `<prefix>-items`…).',
      },
    ),
    bulkRetries: setting(z.number().int().min(0).max(20), {
      default: 3,
      env: 'ECOMWATCH_INDEX_BULK_RETRIES',
      doc: 'Retries of documents (and whole bulk requests) Elasticsearch answers 429; then they are dead-lettered.',
    }),
  },
  pipeline: {
    crawlPlatforms: setting(z.array(PlatformSchema), {
      default: [],
      env: 'ECOMWATCH_PIPELINE_CRAWL_PLATFORMS',
      doc: '`ecomwatch run` crawls these platforms (comma-separated in env) from seeds/<platform>.yaml, at crawl.baseUrls when set.',
    }),
    batchSize: setting(z.number().int().min(1).max(10_000), {
      default: 500,
      env: 'ECOMWATCH_PIPELINE_BATCH_SIZE',
      doc: 'Records scored, aggregated and indexed together (one index write and one progress commit per batch).',
    }),
    maxBufferedRecords: setting(z.number().int().min(1), {
      default: 5_000,
      env: 'ECOMWATCH_PIPELINE_MAX_BUFFERED_RECORDS',
      doc: 'Embedded mode: records waiting between the crawler and the stages; a faster crawler waits (back-pressure).',
    }),
    progressFile: setting(z.string().min(1), {
      default: 'pipeline.sqlite',
      env: 'ECOMWATCH_PIPELINE_PROGRESS_FILE',
      doc: 'Embedded mode: the processed-record ledger and seller state (SQLite), relative to core.dataDir unless absolute.',
    }),
    queuePrefix: setting(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'), {
      default: 'ecomwatch',
      env: 'ECOMWATCH_PIPELINE_QUEUE_PREFIX',
      doc: 'Distributed mode: prefix of the BullMQ queues and pipeline keys in Redis.',
    }),
    workerConcurrency: setting(z.number().int().min(1).max(1000), {
      default: 4,
      env: 'ECOMWATCH_PIPELINE_WORKER_CONCURRENCY',
      doc: 'Distributed mode: jobs (batches) one worker process runs at once.',
    }),
    jobAttempts: setting(z.number().int().min(1).max(100), {
      default: 5,
      env: 'ECOMWATCH_PIPELINE_JOB_ATTEMPTS',
      doc: 'Distributed mode: tries of a job before it stays in the failed set (bad input is never retried).',
    }),
    backoffMillis: setting(z.number().int().min(0), {
      default: 1_000,
      env: 'ECOMWATCH_PIPELINE_BACKOFF_MILLIS',
      doc: 'Distributed mode: first retry delay of a failed job; doubles with each attempt (exponential).',
    }),
    lockDurationMillis: setting(z.number().int().min(500), {
      default: 30_000,
      env: 'ECOMWATCH_PIPELINE_LOCK_DURATION_MILLIS',
      doc: 'Distributed mode: a job whose worker stops renewing its lock this long is handed to another worker.',
    }),
    dailyCrawlAt: setting(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59'), {
      default: '02:00',
      env: 'ECOMWATCH_PIPELINE_DAILY_CRAWL_AT',
      doc: '`ecomwatch schedule`: time of day (HH:MM in core.timezone) of the daily pipeline pass.',
    }),
    dailyLeadsAt: setting(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59'), {
      default: '06:00',
      env: 'ECOMWATCH_PIPELINE_DAILY_LEADS_AT',
      doc: "`ecomwatch schedule`: time of day (HH:MM in core.timezone) the day's lead lists are written.",
    }),
  },
  leads: {
    stateFile: setting(z.string().min(1), {
      default: 'leads.sqlite',
      env: 'ECOMWATCH_LEADS_STATE_FILE',
      doc: 'What each team last received and which listings were sent to platforms (SQLite), relative to core.dataDir unless absolute.',
    }),
    outDir: setting(z.string().min(1), {
      default: 'leads',
      env: 'ECOMWATCH_LEADS_OUT_DIR',
      doc: 'Where daily lead lists are written (<outDir>/<date>/<team>.<format>), relative to core.dataDir unless absolute.',
    }),
    teams: setting(z.array(LeadTeamSchema), {
      default: [],
      doc: 'Surveillance teams: {id, name, provinces (any name form of the 34 units, or "Nước ngoài"; empty = all), categories (ids; empty = all)}. A seller goes to the first team (file order) naming one of its categories, else the first covering all categories, else defaultTeam.',
    }),
    defaultTeam: setting(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'), {
      default: 'triage',
      env: 'ECOMWATCH_LEADS_DEFAULT_TEAM',
      doc: 'The team that receives every seller no other team covers (unknown province, uncovered category).',
    }),
    requestingAgency: setting(RequestingAgencySchema, {
      default: {
        name: 'Cục Quản lý và Phát triển thị trường trong nước (Bộ Công Thương)',
        nameEn: 'Agency for Domestic Market Surveillance and Development, Ministry of Industry and Trade',
        country: 'VN',
      },
      doc: 'The agency named as the requester in takedown and seller-information requests: {name, nameEn?, address?, email?, phone?, country}.',
    }),
    legalBasis: setting(z.record(z.string(), z.array(LegalBasisEntrySchema)), {
      default: {},
      doc: 'Legal-basis overrides by key ("platform", a category id, a sign id, or "category/sign"): each replaces the built-in default entries from ../shared/legal-basis.md for that key.',
    }),
    exampleListings: setting(z.number().int().min(1).max(20), {
      default: 3,
      env: 'ECOMWATCH_LEADS_EXAMPLE_LISTINGS',
      doc: 'Example listing links (with evidence hashes) per seller in a lead list.',
    }),
  },
  server: {
    host: setting(z.string().min(1), {
      default: '127.0.0.1',
      env: 'ECOMWATCH_SERVER_HOST',
      doc: 'Address `ecomwatch serve` listens on (0.0.0.0 to accept other machines; put TLS in front).',
    }),
    port: setting(z.number().int().min(0).max(65_535), {
      default: 8080,
      env: 'ECOMWATCH_SERVER_PORT',
      doc: 'Port of the HTTP API and analyst web app (0 picks a free one).',
    }),
    tokensFile: setting(z.string().min(1), {
      default: 'tokens.sqlite',
      env: 'ECOMWATCH_SERVER_TOKENS_FILE',
      doc: 'API tokens, stored hashed (SQLite), relative to core.dataDir unless absolute.',
    }),
    requestTimeoutMillis: setting(z.number().int().min(0), {
      default: 30_000,
      env: 'ECOMWATCH_SERVER_REQUEST_TIMEOUT_MILLIS',
      doc: 'Longest time to receive a whole request (0 = no limit).',
    }),
    connectionTimeoutMillis: setting(z.number().int().min(0), {
      default: 60_000,
      env: 'ECOMWATCH_SERVER_CONNECTION_TIMEOUT_MILLIS',
      doc: 'An idle socket is closed after this long (0 = no limit).',
    }),
    keepAliveTimeoutMillis: setting(z.number().int().min(1), {
      default: 5_000,
      env: 'ECOMWATCH_SERVER_KEEP_ALIVE_TIMEOUT_MILLIS',
      doc: 'How long a keep-alive connection waits for its next request.',
    }),
    shutdownTimeoutMillis: setting(z.number().int().min(0), {
      default: 10_000,
      env: 'ECOMWATCH_SERVER_SHUTDOWN_TIMEOUT_MILLIS',
      doc: 'On SIGTERM/SIGINT, requests in flight get this long to finish before connections are cut.',
    }),
    bodyLimitBytes: setting(z.number().int().min(1_024), {
      default: 65_536,
      env: 'ECOMWATCH_SERVER_BODY_LIMIT_BYTES',
      doc: 'Largest request body accepted (case changes are small).',
    }),
  },
} as const;

type Sections = typeof SETTINGS;
export type Config = {
  [S in keyof Sections]: {
    [F in keyof Sections[S]]: Sections[S][F] extends Setting<infer Z> ? z.output<Z> : never;
  };
};

/**
 * What the rest of ecomwatch uses from crawlers/: the adapter interface and registry, the crawl
 * runner, evidence, re-checks, seeds and the sandbox marketplace (for `ecomwatch demo`).
 */
export type { CrawlAdapter, FetchedDocument, ParseOutput, RequestSpec, Seed, SellerInfo } from './adapter.js';
export { BlockedError, CrawlError, CriticalError, GoneError, ParseError, ThrottledError } from './errors.js';
export { EvidenceStore, sha256Hex, type VerifyResult } from './evidence/evidence-store.js';
export { parseSavedFiles } from './parse-files.js';
export { recheckListings, dueForRecheck, type RecheckResult } from './recheck/recheck.js';
export { createAdapter, type AdapterOptions } from './registry.js';
export type { CrawlRunOptions, CrawlSettings } from './run/crawl-options.js';
export { CrawlReport, type CrawlFailure } from './run/crawl-report.js';
export { isListing, isLivestream, type CrawlRecord } from './run/process-document.js';
export { runCrawl } from './run/run-crawl.js';
export { SandboxServer, type SandboxFaults, type SandboxOptions } from './sandbox/server.js';
export { loadSeeds, seedsOf } from './seeds.js';

import {
  ListingSchema,
  LivestreamSchema,
  type Listing,
  type Livestream,
  type Evidence,
} from '../../records/index.js';
import type { CrawlAdapter, FetchedDocument, RequestSpec } from '../adapter.js';
import type { EvidenceStore } from '../evidence/evidence-store.js';
import type { CrawlReport } from './crawl-report.js';

export type CrawlRecord = Listing | Livestream;

export interface ProcessContext {
  adapter: CrawlAdapter;
  evidence: EvidenceStore | undefined;
  report: CrawlReport;
  onRecord: (record: CrawlRecord) => Promise<void> | void;
}

/**
 * Parses one fetched document, stores its evidence (raw bytes, and a screenshot when given),
 * attaches it to every record, validates records against the schemas and hands them on.
 * Throws what the adapter throws (blocked, gone, parse); invalid records become failures.
 */
export async function processDocument(
  context: ProcessContext,
  document: FetchedDocument,
  capture: { screenshot?: Uint8Array; body?: string; contentType?: string } = {},
): Promise<RequestSpec[]> {
  const output = context.adapter.parse(document);
  const records: CrawlRecord[] = [...output.listings, ...output.livestreams];
  let evidence: Evidence | undefined;
  if (context.evidence !== undefined && records.length > 0) {
    evidence = await context.evidence.capture({
      url: document.url,
      capturedAt: document.capturedAt,
      body: capture.body ?? document.body,
      contentType: capture.contentType ?? document.contentType,
      ...(capture.screenshot === undefined ? {} : { screenshot: capture.screenshot }),
    });
  }
  for (const listing of output.listings) {
    const record = evidence === undefined ? listing : { ...listing, evidence };
    const checked = ListingSchema.safeParse(record);
    if (!checked.success) {
      context.report.failures.push({
        url: document.url,
        label: document.label,
        kind: 'invalid-record',
        reason: `listing ${listing.listingId}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        retries: 0,
      });
      continue;
    }
    context.report.listings++;
    await context.onRecord(record);
  }
  for (const stream of output.livestreams) {
    const record = evidence === undefined ? stream : { ...stream, evidence };
    const checked = LivestreamSchema.safeParse(record);
    if (!checked.success) {
      context.report.failures.push({
        url: document.url,
        label: document.label,
        kind: 'invalid-record',
        reason: `livestream ${stream.streamId}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        retries: 0,
      });
      continue;
    }
    context.report.livestreams++;
    await context.onRecord(record);
  }
  context.report.sellers += output.sellers.length;
  return output.next;
}

/** Listing or Livestream? (`in` cannot narrow: both schemas are loose.) */
export function isListing(record: CrawlRecord): record is Listing {
  return typeof (record as { listingId?: unknown }).listingId === 'string';
}

export function isLivestream(record: CrawlRecord): record is Livestream {
  return typeof (record as { streamId?: unknown }).streamId === 'string';
}

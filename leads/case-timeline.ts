import type { SellerDetail } from '../index/seller-index.js';
import type { LedgerListing } from './takedown-ledger.js';

export interface TimelineEvent {
  at: string;
  event: string;
  subject: string;
  detail: string;
}

/**
 * A seller's story in time order: first and last seen, each capture and its evidence, every
 * case change, each takedown request and the re-check that found a listing gone.
 */
export function caseTimeline(
  detail: SellerDetail,
  takedowns: readonly LedgerListing[],
  ...more: TimelineEvent[]
): TimelineEvent[] {
  const { seller } = detail;
  const events: TimelineEvent[] = [
    {
      at: seller.firstSeen,
      event: 'first_seen',
      subject: seller.key,
      detail: 'seller first seen by a crawl',
    },
    { at: seller.lastSeen, event: 'last_seen', subject: seller.key, detail: 'seller last seen by a crawl' },
  ];
  for (const item of detail.items) {
    events.push({
      at: item.capturedAt,
      event: 'captured',
      subject: item.key,
      detail: `${item.kind} "${item.title}" score ${item.score}${item.flagged ? ' (flagged)' : ''}: ${item.url}`,
    });
    if (item.evidence !== undefined && item.evidence.capturedAt !== item.capturedAt) {
      events.push({
        at: item.evidence.capturedAt,
        event: 'evidence_captured',
        subject: item.key,
        detail: `sha256 ${item.evidence.sha256}`,
      });
    }
  }
  for (const change of detail.history) {
    events.push({
      at: change.at,
      event: 'case_status',
      subject: seller.key,
      detail: `${change.from} → ${change.to} by ${change.by}: ${change.reason}`,
    });
  }
  for (const listing of takedowns) {
    events.push({
      at: listing.requestedAt,
      event: 'takedown_requested',
      subject: listing.listingKey,
      detail: `request ${listing.requestId}`,
    });
    if (listing.removedAt !== undefined) {
      events.push({
        at: listing.removedAt,
        event: 'removed',
        subject: listing.listingKey,
        detail: 'a re-check found it gone',
      });
    }
  }
  events.push(...more);
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.event.localeCompare(b.event));
}

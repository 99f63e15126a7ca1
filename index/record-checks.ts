import { CASE_STATUSES } from '../records/index.js';
import type { SellerRisk } from '../records/index.js';
import type { DroppedDocument, ScoredItem } from './seller-index.js';

/** Records arrive typed, but from JSONL and HTTP: the checks read them as the unknown they may be. */
type Loose = Partial<Record<string, unknown>>;

/**
 * The cheap checks a record must pass before either store writes it (the score and
 * aggregate stages validated the full schema already). A record that fails is returned as
 * dropped, with the reason, never written half-way and never lost silently.
 */
export function itemProblem(item: ScoredItem): string | undefined {
  const record = item as unknown as Loose;
  const risk = record.risk as Loose | undefined;
  if (typeof risk !== 'object' || typeof risk.score !== 'number' || !Array.isArray(risk.categories)) {
    return 'record has no risk assessment (run it through `ecomwatch score` first)';
  }
  if (typeof record.title !== 'string') return 'record has no title';
  if (typeof record.capturedAt !== 'string' || Number.isNaN(Date.parse(record.capturedAt))) {
    return `capturedAt is not a timestamp: ${JSON.stringify(record.capturedAt)}`;
  }
  const sellerId = 'streamId' in record ? record.hostId : record.sellerId;
  if (typeof sellerId !== 'string' || sellerId === '') return 'record has no seller id';
  return undefined;
}

export function sellerProblem(seller: SellerRisk): string | undefined {
  const record = seller as unknown as Loose;
  if (typeof record.sellerId !== 'string' || record.sellerId === '') return 'seller has no sellerId';
  if (typeof record.score !== 'number') return 'seller has no score';
  if (
    typeof record.firstSeen !== 'string' ||
    typeof record.lastSeen !== 'string' ||
    Number.isNaN(Date.parse(record.firstSeen)) ||
    Number.isNaN(Date.parse(record.lastSeen))
  ) {
    return 'firstSeen / lastSeen are not timestamps';
  }
  if (!(CASE_STATUSES as readonly unknown[]).includes(record.status)) {
    return `unknown case status ${JSON.stringify(record.status)}`;
  }
  return undefined;
}

/** `platform:id` of a record that may lack either, for a dead-letter entry. */
export function describeRecord(record: object, idField: string): string {
  const loose = record as Loose;
  return `${JSON.stringify(loose.platform ?? null)}:${JSON.stringify(loose[idField] ?? null)}`.replaceAll(
    '"',
    '',
  );
}

/** Why a store refuses an item, as both stores report it; undefined when it may be written. */
export function itemRejection(item: ScoredItem): DroppedDocument | undefined {
  const problem = itemProblem(item);
  if (problem === undefined) return undefined;
  const id = describeRecord(item, 'streamId' in item ? 'streamId' : 'listingId');
  return { id, kind: 'item', status: 400, error: problem };
}

/** Why a store refuses a seller, as both stores report it; undefined when it may be written. */
export function sellerRejection(seller: SellerRisk): DroppedDocument | undefined {
  const problem = sellerProblem(seller);
  if (problem === undefined) return undefined;
  return { id: describeRecord(seller, 'sellerId'), kind: 'seller', status: 400, error: problem };
}

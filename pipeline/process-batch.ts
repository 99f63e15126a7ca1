import type { DroppedDocument, SellerIndex } from '../index/seller-index.js';
import { sellerKey } from '../records/seller-risk.js';
import type { Scorer } from '../scoring/scorer.js';
import type { RecordLedger } from './ledger.js';
import type { PipelineRecord } from './pipeline-record.js';
import type { SellerStateStore } from './seller-state.js';
import { aggregateBatch } from './stages/aggregate.js';
import { indexBatch } from './stages/index-stage.js';
import { lastOfEachId } from './stages/normalise.js';
import { scoreRecords } from './stages/score.js';

/** What the stages after normalise need; both transports build one. */
export interface StageContext {
  scorer: Scorer;
  sellers: SellerStateStore;
  index: SellerIndex;
  ledger: RecordLedger;
}

export interface BatchOutcome {
  /** Records scored and indexed in this batch. */
  processed: number;
  /** Records skipped: the ledger already held them with the same content. */
  unchanged: number;
  flagged: number;
  sellerKeys: string[];
  dropped: DroppedDocument[];
}

/**
 * Score → aggregate sellers → index for one batch of normalised records, skipping what the
 * ledger already holds and marking the rest processed once the index has them. The embedded
 * transport runs it per batch; the BullMQ workers run its stages one queue each.
 */
export async function processBatch(
  context: StageContext,
  batch: readonly PipelineRecord[],
): Promise<BatchOutcome> {
  const latest = lastOfEachId(batch);
  const fresh = await context.ledger.unprocessed(latest);
  const outcome: BatchOutcome = {
    processed: fresh.length,
    unchanged: batch.length - fresh.length,
    flagged: 0,
    sellerKeys: [],
    dropped: [],
  };
  if (fresh.length === 0) return outcome;
  const scored = scoreRecords(context.scorer, fresh);
  const { items, sellers } = await aggregateBatch(scored, context.sellers);
  const indexed = await indexBatch(context.index, items, sellers);
  await context.ledger.markProcessed(fresh);
  outcome.flagged = items.filter((record) => record.item.risk.flagged).length;
  outcome.sellerKeys = sellers.map((seller) => sellerKey(seller));
  outcome.dropped = indexed.dropped;
  return outcome;
}

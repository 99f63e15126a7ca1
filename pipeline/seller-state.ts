import type { SellerRisk } from '../records/seller-risk.js';

/** A record's place in its seller's counts: which seller, and whether it is flagged now. */
export interface SellerMembership {
  sellerKey: string;
  recordId: string;
  flagged: boolean;
}

/** A seller as the pipeline keeps it between batches. */
export interface StoredSeller {
  risk: SellerRisk;
  /** The strongest listing score seen (a seller's score adds a nudge per flagged listing). */
  strongest: number;
}

/**
 * Where the aggregate stage keeps every seller's running state between batches: the embedded
 * progress file, or Redis. `merge` is atomic and idempotent — folding the same batch in twice
 * (a replay after a crash, a retried job) leaves the same state — and returns the sellers of
 * the batch as they now stand.
 */
export interface SellerStateStore {
  merge(batch: readonly SellerRisk[], members: readonly SellerMembership[]): Promise<SellerRisk[]>;
  /** The current state of these sellers (unknown keys are left out). */
  get(keys: readonly string[]): Promise<SellerRisk[]>;
}

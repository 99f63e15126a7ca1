/** A record's identity for the ledger: stable id plus content hash. */
export interface LedgerEntry {
  id: string;
  hash: string;
}

/**
 * The processed-record ledger, keyed by record id + content hash: a record is skipped when
 * the ledger holds its id with the same hash, processed again when its content changed.
 * Marked only after the index write, so a crash between the two replays the batch (and the
 * index's upserts on stable ids make the replay write the same rows, never new ones).
 */
export interface RecordLedger {
  /** Those of `records` not yet processed with their current content, in order. */
  unprocessed<T extends LedgerEntry>(records: readonly T[]): Promise<T[]>;
  markProcessed(records: readonly LedgerEntry[]): Promise<void>;
  /** How many records the ledger holds. */
  size(): Promise<number>;
}

import { parseScorable } from '../../scoring/scorable.js';
import { contentHash } from '../content-hash.js';
import { InvalidInput } from '../invalid-input.js';
import type { PipelineRecord, Rejection } from '../pipeline-record.js';
import { recordId } from '../record-id.js';

export type NormaliseResult = { ok: true; record: PipelineRecord } | { ok: false; rejection: Rejection };

/**
 * Stage 1: reads one input value (a crawled record, a JSONL line, a queue job's payload) as a
 * Listing or a Livestream, and gives it its stable id and content hash. Bad input is a
 * rejection naming where it came from and which fields are wrong, never an exception.
 */
export function normalise(value: unknown, source: string): NormaliseResult {
  if (value instanceof InvalidInput) return { ok: false, rejection: { source, reason: value.reason } };
  const parsed = parseScorable(value);
  if (!parsed.ok) return { ok: false, rejection: { source, reason: parsed.error } };
  return {
    ok: true,
    record: { id: recordId(parsed.record), hash: contentHash(parsed.record), record: parsed.record },
  };
}

/** The last of each id wins within a batch: the newest crawl output of a record. */
export function lastOfEachId<T extends { id: string }>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    byId.delete(record.id);
    byId.set(record.id, record);
  }
  return [...byId.values()];
}

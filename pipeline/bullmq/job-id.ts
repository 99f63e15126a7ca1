import { createHash } from 'node:crypto';
import { contentHash } from '../content-hash.js';
import type { StageName } from './stages.js';

/**
 * A batch job's id: the stage plus a hash of its records' stable ids and content hashes, so a
 * batch re-sent after a crash or a retry lands on the same job and never runs twice while
 * BullMQ keeps it. (BullMQ ids may not contain `:`; hex never does.)
 */
export function batchJobId(stage: StageName, records: readonly { id: string; hash: string }[]): string {
  const digest = createHash('sha256');
  for (const record of records) digest.update(`${record.id}\u0000${record.hash}\u0001`);
  return `${stage}-${digest.digest('hex').slice(0, 40)}`;
}

/** The id of a raw input batch (its records have no stable id before normalise). */
export function rawBatchJobId(values: readonly unknown[]): string {
  return `normalise-${contentHash(values)}`;
}

/** One rejected input: the same bad line sent twice is one failed job. */
export function rejectedJobId(source: string, reason: string, value: unknown): string {
  return `rejected-${contentHash({ source, reason, value })}`;
}

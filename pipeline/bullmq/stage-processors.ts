import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { StoreError } from '../../index/errors.js';
import type { SellerIndex } from '../../index/seller-index.js';
import type { Scorer } from '../../scoring/scorer.js';
import { InvalidInput } from '../invalid-input.js';
import type { PipelineRecord } from '../pipeline-record.js';
import { aggregateBatch } from '../stages/aggregate.js';
import { lastOfEachId, normalise } from '../stages/normalise.js';
import { scoreRecords } from '../stages/score.js';
import { batchJobId, rejectedJobId } from './job-id.js';
import type { PipelineQueues } from './pipeline-queues.js';
import { pipelineKeys, type RedisLedger, type RedisSellerState } from './redis-progress.js';
import {
  BATCH_JOB,
  REJECTED_JOB,
  type AggregateJob,
  type IndexJob,
  type NormaliseJob,
  type RejectedJob,
  type ScoreJob,
  type StageName,
} from './stages.js';

/** What a stage's processor may need; each stage uses only its part. */
export interface StageDeps {
  queues: PipelineQueues;
  redis: Redis;
  ledger: RedisLedger;
  sellers: RedisSellerState;
  /** score stage. */
  scorer?: Scorer;
  /** index stage. */
  index?: SellerIndex;
}

export type Processor = (job: Job) => Promise<unknown>;

/** Dropped documents kept for inspection (newest first). */
const KEPT_DROPS = 1000;

/**
 * The BullMQ side of each stage: the same stage functions as the embedded transport, reading
 * the job's batch and enqueueing the next stage's batch under a job id derived from its
 * records (so a retried job re-sends the same next job, which BullMQ ignores). Errors are
 * classified once, here: bad input is `UnrecoverableError` (kept in the failed set, never
 * retried), everything else is retried with backoff.
 */
export function stageProcessor(stage: StageName, deps: StageDeps): Processor {
  const processors: Record<StageName, Processor> = {
    normalise: (job) => normaliseJob(job, deps),
    score: (job) => scoreJob(job as Job<ScoreJob>, deps),
    aggregate: (job) => aggregateJob(job as Job<AggregateJob>, deps),
    index: (job) => indexJob(job as Job<IndexJob>, deps),
  };
  const run = processors[stage];
  return async (job) => {
    try {
      return await run(job);
    } catch (error) {
      if (error instanceof StoreError && !error.retryable) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

async function normaliseJob(job: Job, deps: StageDeps): Promise<{ records: number; rejected: number }> {
  if (job.name === REJECTED_JOB) {
    const { source, reason } = job.data as RejectedJob;
    throw new UnrecoverableError(`${source}: ${reason}`);
  }
  const { inputs } = job.data as NormaliseJob;
  const records: PipelineRecord[] = [];
  const rejected: RejectedJob[] = [];
  for (const input of inputs) {
    const value = input.invalid === undefined ? input.value : new InvalidInput(input.invalid);
    const result = normalise(value, input.source);
    if (result.ok) records.push(result.record);
    else rejected.push({ source: input.source, reason: result.rejection.reason, value: input.value });
  }
  if (records.length > 0) {
    await deps.queues.add('score', BATCH_JOB, { records } satisfies ScoreJob, batchJobId('score', records));
  }
  // Each bad input becomes a job of its own that fails at once: the failed set then shows the
  // record and why, and `queue --retry-failed` / `--drop-failed` act on it alone.
  for (const bad of rejected) {
    await deps.queues.add('normalise', REJECTED_JOB, bad, rejectedJobId(bad.source, bad.reason, bad.value), {
      attempts: 1,
    });
  }
  await deps.redis.hincrby(pipelineKeys(deps.queues.settings.prefix).stats, 'rejected', rejected.length);
  return { records: records.length, rejected: rejected.length };
}

async function scoreJob(job: Job<ScoreJob>, deps: StageDeps): Promise<{ scored: number; unchanged: number }> {
  const scorer = required(deps.scorer, 'scorer');
  const latest = lastOfEachId(job.data.records);
  const fresh = await deps.ledger.unprocessed(latest);
  const stats = pipelineKeys(deps.queues.settings.prefix).stats;
  if (fresh.length > 0) {
    const scored = scoreRecords(scorer, fresh);
    await deps.queues.add(
      'aggregate',
      BATCH_JOB,
      { records: scored } satisfies AggregateJob,
      batchJobId('aggregate', scored),
    );
  }
  await deps.redis.hincrby(stats, 'unchanged', job.data.records.length - fresh.length);
  return { scored: fresh.length, unchanged: job.data.records.length - fresh.length };
}

async function aggregateJob(job: Job<AggregateJob>, deps: StageDeps): Promise<{ sellers: number }> {
  const { items, sellers } = await aggregateBatch(job.data.records, deps.sellers);
  const sellerKeys = [...new Set(sellers.map((seller) => `${seller.platform}:${seller.sellerId}`))];
  await deps.queues.add(
    'index',
    BATCH_JOB,
    { records: items, sellerKeys } satisfies IndexJob,
    batchJobId('index', items),
  );
  return { sellers: sellerKeys.length };
}

async function indexJob(job: Job<IndexJob>, deps: StageDeps): Promise<{ indexed: number; dropped: number }> {
  const index = required(deps.index, 'index');
  const { records, sellerKeys } = job.data;
  const items = await index.upsertItems(records.map((record) => record.item));
  // The sellers as they stand now (a later batch may have folded in more since this job was made).
  const sellers = await index.upsertSellers(await deps.sellers.get(sellerKeys));
  await deps.ledger.markProcessed(records);
  const keys = pipelineKeys(deps.queues.settings.prefix);
  const dropped = [...items.dropped, ...sellers.dropped];
  const write = deps.redis.multi();
  write.hincrby(keys.stats, 'indexed', items.upserted);
  write.hincrby(keys.stats, 'flagged', records.filter((record) => record.item.risk.flagged).length);
  if (dropped.length > 0) {
    write.lpush(keys.dropped, ...dropped.map((drop) => JSON.stringify(drop)));
    write.ltrim(keys.dropped, 0, KEPT_DROPS - 1);
    write.hincrby(keys.stats, 'dropped', dropped.length);
  }
  await write.exec();
  return { indexed: items.upserted, dropped: dropped.length };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`this stage needs a ${what}`);
  return value;
}

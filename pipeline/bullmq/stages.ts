import type { PipelineRecord, ScoredRecord } from '../pipeline-record.js';

/** One BullMQ queue per stage, in flow order. */
export const STAGES = ['normalise', 'score', 'aggregate', 'index'] as const;
export type StageName = (typeof STAGES)[number];

export function isStageName(value: string): value is StageName {
  return (STAGES as readonly string[]).includes(value);
}

export function queueName(stage: StageName): string {
  return `pipeline-${stage}`;
}

/** A raw input as the producer enqueues it; `invalid` when it was not even JSON. */
export interface RawInput {
  source: string;
  value?: unknown;
  invalid?: string;
}

/** Job names: a batch of work, or one rejected input kept in the failed set. */
export const BATCH_JOB = 'batch';
export const REJECTED_JOB = 'rejected';

export interface NormaliseJob {
  inputs: RawInput[];
}
export interface RejectedJob {
  source: string;
  reason: string;
  value?: unknown;
}
export interface ScoreJob {
  records: PipelineRecord[];
}
export interface AggregateJob {
  records: ScoredRecord[];
}
export interface IndexJob {
  records: ScoredRecord[];
  sellerKeys: string[];
}

export interface StageJobData {
  normalise: NormaliseJob | RejectedJob;
  score: ScoreJob;
  aggregate: AggregateJob;
  index: IndexJob;
}

import type { Scorer } from '../../scoring/scorer.js';
import type { PipelineRecord, ScoredRecord } from '../pipeline-record.js';

/** Stage 2: the scorer's assessment of each record, attached as `risk`. */
export function scoreRecords(scorer: Scorer, records: readonly PipelineRecord[]): ScoredRecord[] {
  return records.map(({ id, hash, record }) => ({
    id,
    hash,
    item: { ...record, risk: scorer.assess(record) },
  }));
}

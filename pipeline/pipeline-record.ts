import type { ScoredItem } from '../index/seller-index.js';
import type { Scorable } from '../scoring/scorable.js';

/**
 * A record as the stages pass it on: its stable id (`listing:platform:listingId` or
 * `livestream:platform:streamId`) and a hash of its content, so that the same record sent
 * twice is recognised and a changed one is processed again.
 */
export interface PipelineRecord {
  id: string;
  hash: string;
  record: Scorable;
}

/** After the score stage: the record plus its risk, as the index stores it. */
export interface ScoredRecord {
  id: string;
  hash: string;
  item: ScoredItem;
}

/** Input the pipeline could not read: where it came from and why, kept for the summary. */
export interface Rejection {
  /** Where the input came from: `line 12`, `tiki crawl`, a job id. */
  source: string;
  /** The stable id when the record got far enough to have one. */
  id?: string;
  reason: string;
}

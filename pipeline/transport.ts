import type { RunSummary } from './run-summary.js';

/**
 * How records travel between the stages. The stage functions (./stages/) are the same in
 * both transports; the embedded one runs them in this process, the BullMQ one hands each
 * stage's batches to a queue that workers on any machine take from.
 */
export interface PipelineTransport {
  /**
   * Feeds one raw record (a crawled record, a JSONL line's value) into the first stage.
   * Resolves when the transport has room for more: a fast producer waits (back-pressure).
   * `source` says where it came from (`line 12`, `tiki crawl`) for rejections.
   */
  push(value: unknown, source: string): Promise<void>;
  /** No more input: resolves with the summary once everything pushed is through. */
  finish(): Promise<RunSummary>;
  /** Releases what the transport opened (stores, connections); idempotent. */
  close(): Promise<void>;
}

import type { BatchOutcome, StageContext } from '../process-batch.js';
import { processBatch } from '../process-batch.js';
import type { PipelineRecord } from '../pipeline-record.js';
import { RunSummary } from '../run-summary.js';
import type { StageProgress } from '../stage-progress.js';
import { normalise } from '../stages/normalise.js';
import type { PipelineTransport } from '../transport.js';

export interface EmbeddedPipelineOptions {
  context: StageContext;
  /** Records per score → aggregate → index batch (one ledger commit each). */
  batchSize: number;
  /** Most records waiting for the stages; `push` waits while this many are buffered. */
  maxBuffered: number;
  progress?: StageProgress;
  /** After each batch is committed (indexed and marked in the ledger). */
  onBatch?: (outcome: BatchOutcome) => void;
  /** Releases the stores when the pipeline is closed. */
  onClose?: () => Promise<void>;
}

/**
 * The in-process transport: normalise on push, then batches through score → aggregate →
 * index, one batch at a time, while the producer (a crawler, a file) keeps filling a bounded
 * buffer. Durable progress lives in the ledger and seller state the context holds, so a run
 * killed at any moment resumes where it stopped.
 */
export class EmbeddedPipeline implements PipelineTransport {
  readonly summary = new RunSummary();
  private buffer: PipelineRecord[] = [];
  private readonly roomWaiters: (() => void)[] = [];
  private wakeConsumer: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;
  private readonly consuming: Promise<void>;
  private closed = false;

  constructor(private readonly options: EmbeddedPipelineOptions) {
    if (options.maxBuffered < options.batchSize) {
      throw new RangeError(
        `maxBuffered (${options.maxBuffered}) must be at least batchSize (${options.batchSize})`,
      );
    }
    this.consuming = this.consume().catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const wake of this.roomWaiters.splice(0)) wake();
    });
  }

  async push(value: unknown, source: string): Promise<void> {
    this.throwIfFailed();
    if (this.ended) throw new Error('push after finish');
    this.summary.recordsIn++;
    const result = normalise(value, source);
    this.options.progress?.add('normalise', 1);
    if (!result.ok) {
      this.summary.reject(result.rejection);
      return;
    }
    this.buffer.push(result.record);
    if (this.buffer.length >= this.options.batchSize) this.wake();
    while (this.buffer.length >= this.options.maxBuffered && !this.hasFailed()) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    this.throwIfFailed();
  }

  private hasFailed(): boolean {
    return this.failure !== undefined;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  async finish(): Promise<RunSummary> {
    this.ended = true;
    this.wake();
    await this.consuming;
    this.throwIfFailed();
    return this.summary.finish();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ended = true;
    this.wake();
    await this.consuming;
    await this.options.onClose?.();
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  private async consume(): Promise<void> {
    const { batchSize } = this.options;
    for (;;) {
      if (this.buffer.length < batchSize && !this.ended) {
        await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        continue;
      }
      if (this.buffer.length === 0) return;
      const batch = this.buffer.splice(0, batchSize);
      if (this.buffer.length < this.options.maxBuffered)
        for (const wake of this.roomWaiters.splice(0)) wake();
      const outcome = await processBatch(this.options.context, batch);
      this.record(outcome, batch.length);
      // Let the producer's I/O (a crawler's sockets, a file's reads) run between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private record(outcome: BatchOutcome, batchLength: number): void {
    const { summary } = this;
    const { progress } = this.options;
    summary.processed += outcome.processed;
    summary.unchanged += outcome.unchanged;
    summary.flagged += outcome.flagged;
    summary.addSellers(outcome.sellerKeys);
    summary.dropped.push(...outcome.dropped.slice(0, Math.max(0, 100 - summary.dropped.length)));
    progress?.add('score', outcome.processed);
    progress?.add('index', batchLength);
    this.options.onBatch?.(outcome);
  }
}

import { Worker } from 'node:worker_threads';
import type { ScorerOptions } from '../scorer.js';
import type { NumberedLine, ScoredBatch } from './score-lines.js';

const WORKER_ENTRY = new URL('./worker-entry.js', import.meta.url);

/**
 * Scores batches of lines on worker threads, one Scorer each. Each worker scores one batch
 * at a time; `score` resolves with that batch's result, so a caller that awaits results in
 * the order it sent them writes its output in input order.
 */
export class ScorePool {
  private readonly idle: ScoringThread[] = [];
  private readonly waiting: ((thread: ScoringThread) => void)[] = [];

  private constructor(
    private readonly threads: ScoringThread[],
    /** The ruleset version the workers run. */
    readonly ruleset: string,
  ) {
    this.idle.push(...threads);
  }

  static async start(threads: number, options: ScorerOptions): Promise<ScorePool> {
    const started = Array.from({ length: threads }, () => new ScoringThread(options));
    try {
      // A worker that cannot build its scorer (a broken lexicon) fails here, before any input is read.
      const [ruleset] = await Promise.all(started.map((thread) => thread.ready));
      return new ScorePool(started, ruleset!);
    } catch (error) {
      await Promise.all(started.map((thread) => thread.stop()));
      throw error;
    }
  }

  async score(lines: NumberedLine[]): Promise<ScoredBatch> {
    const thread =
      this.idle.pop() ?? (await new Promise<ScoringThread>((resolve) => this.waiting.push(resolve)));
    try {
      return await thread.score(lines);
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.idle.push(thread);
      else next(thread);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}

/** What a worker posts: first its ruleset once its scorer is built, then one batch per request. */
type FromWorker = { ruleset: string } | ScoredBatch;

/** One worker and the one request it may have in flight. */
class ScoringThread {
  /** Resolves with the worker's ruleset version once its scorer is built. */
  readonly ready: Promise<string>;
  private readonly worker: Worker;
  private pending: { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(options: ScorerOptions) {
    this.worker = new Worker(WORKER_ENTRY, { workerData: options });
    this.ready = this.next().then((message) => ('ruleset' in message ? message.ruleset : ''));
    this.worker.on('message', (message: FromWorker) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.resolve(message);
    });
    this.worker.on('error', (error) => {
      this.fail(error);
    });
    this.worker.on('exit', (code) => {
      this.fail(new Error(`scoring worker stopped (exit code ${code})`));
    });
  }

  async score(lines: NumberedLine[]): Promise<ScoredBatch> {
    const reply = this.next();
    this.worker.postMessage(lines);
    const message = await reply;
    if (!('records' in message)) throw new Error('scoring worker answered out of turn');
    return message;
  }

  async stop(): Promise<void> {
    this.failure ??= new Error('scoring worker stopped');
    await this.worker.terminate();
  }

  /** The worker's next message; its failure rejects instead of hanging. */
  private next(): Promise<FromWorker> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

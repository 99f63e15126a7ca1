/** Stages as the progress line names them, in flow order. */
export const PROGRESS_STAGES = ['normalise', 'score', 'index'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export interface StageProgressOptions {
  /** Where the live line goes; it is drawn only when this is a terminal. */
  stream?: NodeJS.WriteStream;
  /** Called every `logIntervalMillis` when not on a terminal (structured logs). */
  log?: (counts: Record<ProgressStage, number> & { ratePerSec: number }) => void;
  logIntervalMillis?: number;
  /** Records expected, when known: adds an ETA. */
  total?: number;
}

/**
 * Per-stage progress for long runs: on a terminal one line redrawn a few times a second
 * (done and rate per stage, ETA when the total is known); otherwise a structured log line
 * every few seconds.
 */
export class StageProgress {
  private readonly counts: Record<ProgressStage, number> = { normalise: 0, score: 0, index: 0 };
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;
  private readonly tty: boolean;
  private readonly stream: NodeJS.WriteStream;

  constructor(private readonly options: StageProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY;
  }

  add(stage: ProgressStage, count: number): void {
    this.counts[stage] += count;
    const now = performance.now();
    const interval = this.tty ? 200 : (this.options.logIntervalMillis ?? 5000);
    if (now - this.lastDraw < interval) return;
    this.lastDraw = now;
    if (this.tty) {
      this.stream.write(`\r${this.line(now)}\u001b[K`);
      this.drawn = true;
    } else {
      this.options.log?.({ ...this.counts, ratePerSec: Math.round(this.rate('index', now)) });
    }
  }

  done(): void {
    if (this.tty && this.drawn) this.stream.write('\r\u001b[K');
  }

  private rate(stage: ProgressStage, now: number): number {
    return (this.counts[stage] * 1000) / Math.max(1, now - this.started);
  }

  private line(now: number): string {
    const parts = PROGRESS_STAGES.map(
      (stage) =>
        `${stage} ${this.counts[stage].toLocaleString('en-US')} (${Math.round(this.rate(stage, now)).toLocaleString('en-US')}/s)`,
    );
    const total = this.options.total;
    const indexRate = this.rate('index', now);
    if (total !== undefined && indexRate > 0) {
      const left = Math.max(0, total - this.counts.index);
      parts.push(`ETA ${Math.ceil(left / indexRate)} s`);
    }
    return parts.join(' · ');
  }
}

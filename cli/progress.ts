/**
 * A one-line live counter on a terminal ("score: 120,000 records, 41,000/s, 37 flagged"),
 * redrawn at most a few times a second; silent when stderr is not a terminal, where the
 * command's summary line and structured logs say what happened instead.
 */
export class LiveCounter {
  private count = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY;
  }

  /** Counts `records` more (one by default) and redraws if it is time. */
  tick(detail: () => string, records = 1): void {
    this.count += records;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 250) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)} ${detail()}\u001b[K`);
  }

  done(): void {
    if (this.enabled && this.lastDraw !== 0) this.stream.write('\r\u001b[K');
  }

  private line(now: number): string {
    const rate = Math.round((this.count * 1000) / Math.max(1, now - this.started));
    return `${this.label}: ${this.count.toLocaleString('en-US')} records, ${rate.toLocaleString('en-US')}/s,`;
  }
}

import type { DroppedDocument } from '../index/seller-index.js';
import type { Rejection } from './pipeline-record.js';

/** Rejections kept word for word; past this many only their count grows. */
const KEPT_REJECTIONS = 100;

export interface SummaryJson {
  recordsIn: number;
  processed: number;
  unchanged: number;
  flagged: number;
  sellers: number;
  rejected: number;
  rejections: Rejection[];
  rejectedByReason: Record<string, number>;
  dropped: DroppedDocument[];
  seconds: number;
}

/**
 * What a run did, counted as it goes, for the operator's summary line: records in, flagged,
 * sellers touched, rejected with reasons, time. Memory stays bounded: a few rejections kept
 * in full, the rest counted by kind of reason.
 */
export class RunSummary {
  recordsIn = 0;
  processed = 0;
  unchanged = 0;
  flagged = 0;
  rejected = 0;
  readonly rejections: Rejection[] = [];
  readonly rejectedByReason = new Map<string, number>();
  readonly dropped: DroppedDocument[] = [];
  private readonly sellers = new Set<string>();
  private readonly startedAt = performance.now();
  private finishedAt: number | undefined;

  reject(rejection: Rejection): void {
    this.rejected++;
    if (this.rejections.length < KEPT_REJECTIONS) this.rejections.push(rejection);
    const kind = reasonKind(rejection.reason);
    this.rejectedByReason.set(kind, (this.rejectedByReason.get(kind) ?? 0) + 1);
  }

  addSellers(keys: Iterable<string>): void {
    for (const key of keys) this.sellers.add(key);
  }

  get sellerCount(): number {
    return this.sellers.size;
  }

  finish(): this {
    this.finishedAt ??= performance.now();
    return this;
  }

  get seconds(): number {
    return ((this.finishedAt ?? performance.now()) - this.startedAt) / 1000;
  }

  toJSON(): SummaryJson {
    return {
      recordsIn: this.recordsIn,
      processed: this.processed,
      unchanged: this.unchanged,
      flagged: this.flagged,
      sellers: this.sellerCount,
      rejected: this.rejected,
      rejections: this.rejections,
      rejectedByReason: Object.fromEntries(this.rejectedByReason),
      dropped: this.dropped,
      seconds: Math.round(this.seconds * 100) / 100,
    };
  }

  /** Human lines for the end of a command. */
  lines(): string[] {
    const lines = [
      `${this.recordsIn.toLocaleString('en-US')} records in, ${this.processed.toLocaleString('en-US')} scored and indexed` +
        ` (${this.unchanged.toLocaleString('en-US')} unchanged since the last run), ${this.flagged.toLocaleString('en-US')} flagged,` +
        ` ${this.sellerCount.toLocaleString('en-US')} sellers, ${this.rejected} rejected, in ${this.seconds.toFixed(1)} s`,
    ];
    for (const [reason, count] of this.rejectedByReason) lines.push(`  rejected ${count}× ${reason}`);
    for (const rejection of this.rejections.slice(0, 5)) {
      lines.push(
        `  ${rejection.source}${rejection.id === undefined ? '' : ` (${rejection.id})`}: ${rejection.reason}`,
      );
    }
    for (const drop of this.dropped.slice(0, 5)) {
      lines.push(`  index refused ${drop.kind} ${drop.id}: ${drop.error}`);
    }
    if (this.dropped.length > 5) lines.push(`  … and ${this.dropped.length - 5} more refused by the index`);
    return lines;
  }
}

/** "not a valid listing: price: …; title: …" → "not a valid listing: price, title". */
function reasonKind(reason: string): string {
  const colon = reason.indexOf(': ');
  if (colon < 0) return reason;
  const head = reason.slice(0, colon);
  const fields = reason
    .slice(colon + 2)
    .split('; ')
    .map((part) => part.split(':')[0]!.trim())
    .filter((field) => field !== '');
  return fields.length > 0 ? `${head}: ${[...new Set(fields)].join(', ')}` : head;
}
